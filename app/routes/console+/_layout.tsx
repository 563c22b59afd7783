import { type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useLocation, useNavigation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorMessage } from "~/components/error-message";
import { Button } from "~/components/ui/button";
import { cn } from "~/utils/cn";
import { requireConsoleScope } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  return { vendor: { name: scope.vendor.name }, user: { name: scope.user.name } };
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cn("rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100", isActive ? "bg-slate-100 text-slate-900" : "text-slate-600");

export default function ConsoleLayout() {
  return (
    <ConsoleShell shell={useLoaderData<typeof loader>()}>
      <Outlet />
    </ConsoleShell>
  );
}

/** A console page that failed keeps the console's navigation; the pages have no boundaries of their own. */
export function ErrorBoundary() {
  const shell = useRouteLoaderData<typeof loader>("routes/console+/_layout");
  const message = <ErrorMessage back={{ to: "/console", label: "Back to accounts" }} />;
  if (!shell) return <main className="mx-auto max-w-lg p-8">{message}</main>;
  return <ConsoleShell shell={shell}>{message}</ConsoleShell>;
}

function ConsoleShell({ shell, children }: { shell: ReturnType<typeof useLoaderData<typeof loader>>; children: ReactNode }) {
  const { vendor, user } = shell;
  const navigation = useNavigation();
  const signingOut = navigation.state !== "idle" && navigation.formAction === "/logout";
  const { pathname } = useLocation();
  const inAccounts = pathname === "/console" || /^\/console\/(accounts|import)\b/.test(pathname);

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <p className="font-semibold text-slate-900">{vendor.name}</p>
          <nav aria-label="Console">
            <ul className="flex gap-1">
              <li>
                {/* Accounts owns /console itself and every account page, but not the other sections. */}
                <NavLink to="/console" end className={() => navLinkClass({ isActive: inAccounts })}>
                  Accounts
                </NavLink>
              </li>
              <li>
                <NavLink to="/console/blueprints" className={navLinkClass}>
                  Blueprints
                </NavLink>
              </li>
              <li>
                <NavLink to="/console/plays" className={navLinkClass}>
                  Plays
                </NavLink>
              </li>
              <li>
                <NavLink to="/console/resources" className={navLinkClass}>
                  Resources
                </NavLink>
              </li>
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <span className="text-sm text-slate-600">{user.name}</span>
            <Form method="post" action="/logout">
              <Button type="submit" variant="secondary" size="sm" disabled={signingOut} aria-busy={signingOut || undefined}>
                {signingOut ? "Signing out…" : "Sign out"}
              </Button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
