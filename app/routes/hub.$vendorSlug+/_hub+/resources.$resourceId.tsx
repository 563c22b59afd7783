import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { openHubResource } from "~/models/resource.server";
import { requireHubScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { attachmentResponse } from "~/utils/uploads.server";

/**
 * Opening a resource from the hub: the open is recorded for the CSM, then a file downloads as an
 * attachment and a link or video goes on to its address. Another account's or vendor's resource
 * is a 404, exactly like a missing one.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const opened = await openHubResource(scope, params.resourceId ?? "");
  if (!opened) notFound();
  if (opened.file) return attachmentResponse(opened.file);
  throw redirect(opened.url ?? "/", { headers: { "Cache-Control": "private, no-store" } });
}
