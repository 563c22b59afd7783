import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { findHubVendor } from "~/utils/guard.server";
import { clearedSessionCookie, invalidateSession, readSessionToken, validateSessionToken } from "~/utils/session.server";

/** POST only: a GET (a prefetch, a link scanner) must never end a session. */
export function loader() {
  throw new Response("Method Not Allowed: sign out with a POST", { status: 405, headers: { Allow: "POST" } });
}

/** Revokes whatever hub session this browser holds, even one for another vendor's hub, since the cookie is cleared either way. */
export async function action({ request, params }: ActionFunctionArgs) {
  const vendor = await findHubVendor(params.vendorSlug);
  const token = readSessionToken(request, "hub");
  const session = token ? await validateSessionToken(token) : null;
  if (session?.stakeholderId) await invalidateSession(session.id);
  return redirect(`/hub/${vendor.slug}/sign-in`, { headers: { "Set-Cookie": clearedSessionCookie("hub") } });
}
