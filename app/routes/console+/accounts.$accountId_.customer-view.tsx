import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HubPlanView } from "~/components/hub/hub-plan";
import { brandStyle, VendorMark } from "~/components/hub/hub-ui";
import { getCustomerView } from "~/models/hub.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

/** The account's hub plan exactly as its customers see it, for the CSM to check before sharing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const view = await getCustomerView(scope, params.accountId ?? "");
  if (!view) notFound();
  return view;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.account.name} as the customer sees it · Tandem` : "Account not found · Tandem" },
];

export default function CustomerViewPage() {
  const { account, vendor, theme, plans, cases } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <Link to={`/console/accounts/${account.id}`} className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← Back to {account.name}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">View as customer</h1>
        <p className="text-sm text-slate-600">
          What {account.name}’s people see on the plan page of their hub: customer-visible items only. Internal items, and anything under an
          internal objective, milestone or play, are left out.
        </p>
      </div>
      <div style={brandStyle(theme)} className="overflow-hidden rounded-lg border border-slate-300 bg-slate-50">
        <div className="bg-brand px-4 py-3 text-brand-contrast">
          <VendorMark vendor={vendor} />
          <p className="truncate text-sm">{account.name}</p>
        </div>
        <section aria-label="The customer hub's plan" className="mx-auto max-w-3xl space-y-6 px-4 py-6">
          <p className="text-2xl font-semibold text-slate-900">Mutual action plan</p>
          <HubPlanView plans={plans} cases={cases} />
        </section>
      </div>
    </div>
  );
}
