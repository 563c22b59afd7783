import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getConsoleScope } from "~/utils/guard.server";
import { clearedSessionCookie, invalidateSession } from "~/utils/session.server";

// Signing out only happens by POST: a GET (a prefetch, a link scanner) must never end a session.
export function loader() {
  return redirect("/console");
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await getConsoleScope(request);
  if (scope) await invalidateSession(scope.sessionId);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie("console") } });
}
