import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getConsoleScope } from "~/utils/guard.server";

// The start page: signed-in vendor users go to their console, everyone else to sign-in.
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await getConsoleScope(request);
  return redirect(scope ? "/console" : "/login");
}
