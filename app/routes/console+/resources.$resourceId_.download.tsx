import type { LoaderFunctionArgs } from "@remix-run/node";
import { findResourceFile } from "~/models/resource.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { attachmentResponse } from "~/utils/uploads.server";

/** A file resource for the vendor's own team, as an attachment (a CSM's check is not counted as an open). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const file = await findResourceFile(scope, params.resourceId ?? "");
  if (!file) notFound();
  return attachmentResponse(file);
}
