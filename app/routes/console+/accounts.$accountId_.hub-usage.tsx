import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InvitationStatus } from "~/components/console/invitation-status";
import { Card } from "~/components/ui/card";
import { getHubUsage } from "~/models/hub-usage.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { formatDateTime, humanize } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Hub usage · ${loaderData.account.name} · Tandem` : "Account not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const usage = await getHubUsage(scope, params.accountId ?? "");
  if (!usage) notFound();
  return usage;
}

export default function HubUsagePage() {
  const { account, stakeholders } = useLoaderData<typeof loader>();
  const base = `/console/accounts/${account.id}`;
  return (
    <div className="space-y-4">
      <Link to={base} className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← {account.name}
      </Link>
      <h1 className="text-2xl font-semibold">Hub usage at {account.name}</h1>
      <p className="text-sm text-slate-600">
        Who uses the hub: visits, invitations, their tasks, the resources they opened and their comments.
      </p>
      <Card className="p-0">
        {stakeholders.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">
            No stakeholders yet.{" "}
            <Link to={`${base}/stakeholders/new`} className="text-blue-700 underline-offset-4 hover:underline">
              Add the first one
            </Link>
            .
          </p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-labelledby="hub-usage-caption" tabIndex={0}>
            <table className="w-full min-w-[48rem] text-sm">
              <caption id="hub-usage-caption" className="sr-only">
                Hub usage per stakeholder
              </caption>
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Stakeholder
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Last visit
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Invitation
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    Tasks done / owned
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    Resources opened
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    Comments
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {stakeholders.map((stakeholder) => (
                  <tr key={stakeholder.id} data-stakeholder={stakeholder.id}>
                    <th scope="row" className="px-4 py-3 text-left font-medium">
                      <Link to={`${base}/stakeholders/${stakeholder.id}`} className="text-blue-700 underline-offset-4 hover:underline">
                        {stakeholder.name}
                      </Link>
                      <span className="block text-xs font-normal text-slate-600">{humanize(stakeholder.hubRole)}</span>
                    </th>
                    <td className="px-4 py-3">
                      {stakeholder.lastSeenAt ? (
                        <time dateTime={stakeholder.lastSeenAt.toISOString()}>{formatDateTime(stakeholder.lastSeenAt)}</time>
                      ) : (
                        "Never"
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <InvitationStatus state={stakeholder.invitation} />
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">
                      {stakeholder.tasksDone} / {stakeholder.tasksOwned}
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{stakeholder.resourcesOpened}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{stakeholder.commentsWritten}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
