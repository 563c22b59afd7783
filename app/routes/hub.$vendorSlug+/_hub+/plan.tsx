import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HubPlanView } from "~/components/hub/hub-plan";
import { getHubCases, getHubPlan } from "~/models/hub.server";
import { requireHubScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Mutual action plan · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const [plans, cases] = await Promise.all([getHubPlan(scope), getHubCases(scope)]);
  return { plans, cases };
}

export default function HubPlan() {
  const { plans, cases } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Mutual action plan</h1>
      <HubPlanView plans={plans} cases={cases} />
    </div>
  );
}
