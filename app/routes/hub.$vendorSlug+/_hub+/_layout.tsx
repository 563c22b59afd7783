import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useNavigation, useParams, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorMessage } from "~/components/error-message";
import { VendorMark, brandStyle } from "~/components/hub/hub-ui";
import { Button } from "~/components/ui/button";
import { getHubAccount } from "~/models/hub.server";
import { cn } from "~/utils/cn";
import { requireHubScope } from "~/utils/guard.server";

/** The signed-in hub's shell: the vendor's brand, the account, navigation and sign-out. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  return getHubAccount(scope);
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    "inline-flex min-h-11 items-center whitespace-nowrap rounded-t-md px-2.5 text-sm sm:px-4 font-medium focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-4 focus-visible:outline-current",
    isActive ? "bg-slate-50 text-slate-900" : "text-brand-contrast underline-offset-4 hover:underline",
  );

export default function HubLayout() {
  return (
    <HubShell shell={useLoaderData<typeof loader>()}>
      <Outlet />
    </HubShell>
  );
}

/**
 * A page of the hub that failed keeps the vendor's brand and the hub's navigation, and leads back
 * to the hub's home; only when the shell itself could not load is the page a bare one, leading
 * to this hub's sign-in rather than the vendor console's.
 */
export function ErrorBoundary() {
  const shell = useRouteLoaderData<typeof loader>("routes/hub.$vendorSlug+/_hub+/_layout");
  const { vendorSlug } = useParams();
  if (!shell) {
    return (
      <main className="mx-auto max-w-lg p-8">
        <ErrorMessage back={{ to: `/hub/${vendorSlug}/sign-in`, label: "Go to the sign-in page" }} />
      </main>
    );
  }
  return (
    <HubShell shell={shell}>
      <ErrorMessage back={{ to: `/hub/${shell.vendor.slug}`, label: "Back to the hub's home" }} />
    </HubShell>
  );
}

function HubShell({ shell, children }: { shell: ReturnType<typeof useLoaderData<typeof loader>>; children: ReactNode }) {
  const { vendor, theme, account, stakeholder } = shell;
  const navigation = useNavigation();
  const signOutAction = `/hub/${vendor.slug}/sign-out`;
  const signingOut = navigation.state !== "idle" && navigation.formAction === signOutAction;
  return (
    <div style={brandStyle(theme)} className="min-h-screen bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="bg-brand text-brand-contrast">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 pt-3">
          <div className="min-w-0">
            <VendorMark vendor={vendor} />
            <p className="truncate text-sm">{account.name}</p>
          </div>
          <div className="flex shrink-0 items-center gap-3">
            <span className="hidden max-w-40 truncate text-sm sm:inline">{stakeholder.name}</span>
            <Form method="post" action={signOutAction}>
              <Button type="submit" variant="secondary" size="sm" disabled={signingOut}>
                {signingOut ? "Signing out…" : "Sign out"}
              </Button>
            </Form>
          </div>
        </div>
        <div className="mx-auto flex max-w-3xl items-end justify-between gap-3 px-4 pt-2">
          <nav aria-label="Hub" className="min-w-0">
            <ul className="flex flex-wrap">
              <li>
                <NavLink to={`/hub/${vendor.slug}`} end prefetch="intent" className={navLinkClass}>
                  Home
                </NavLink>
              </li>
              <li>
                <NavLink to={`/hub/${vendor.slug}/plan`} prefetch="intent" className={navLinkClass}>
                  Plan
                </NavLink>
              </li>
              <li>
                <NavLink to={`/hub/${vendor.slug}/documents`} prefetch="intent" className={navLinkClass}>
                  Documents
                </NavLink>
              </li>
              <li>
                <NavLink to={`/hub/${vendor.slug}/resources`} prefetch="intent" className={navLinkClass}>
                  Resources
                </NavLink>
              </li>
              <li>
                <NavLink to={`/hub/${vendor.slug}/timeline`} prefetch="intent" className={navLinkClass}>
                  Timeline
                </NavLink>
              </li>
              <li>
                <NavLink to={`/hub/${vendor.slug}/checklist`} prefetch="intent" className={navLinkClass}>
                  Checklist
                </NavLink>
              </li>
              <li>
                <NavLink to={`/hub/${vendor.slug}/preferences`} prefetch="intent" className={navLinkClass}>
                  Preferences
                </NavLink>
              </li>
            </ul>
          </nav>
          <p className="truncate pb-2 text-sm sm:hidden">{stakeholder.name}</p>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
