import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { getAccountOverview } from "~/models/account.server";
import { getAccountPlan } from "~/models/plan.server";
import { cn } from "~/utils/cn";
import { formatCents, formatDate, formatDateTime, humanize } from "~/utils/format";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  // Both queries are scoped to the vendor: another vendor's account is as absent as a missing one.
  const [account, plan] = await Promise.all([getAccountOverview(scope, accountId), getAccountPlan(scope, accountId)]);
  if (!account) notFound();
  return { account, plan };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.account.name} · Tandem` : "Account not found · Tandem" },
];

type Plan = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["plan"]>;

function InternalBadge() {
  return <Badge tone="internal">Internal</Badge>;
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const internalFrame = "border-l-4 border-dashed border-l-purple-700 pl-3";

const statusTone = { todo: "neutral", in_progress: "warning", blocked: "danger", done: "success" } as const;
function StatusBadge({ status }: { status: string }) {
  const tone = status in statusTone ? statusTone[status as keyof typeof statusTone] : "neutral";
  return <Badge tone={tone}>{humanize(status)}</Badge>;
}

function PlanView({ plan }: { plan: Plan }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <p className="font-medium">{plan.title}</p>
        <p className="text-sm text-slate-600">
          {humanize(plan.engagement.kind)} · {plan.progress.done} of {plan.progress.total} tasks done ({plan.progress.percent}%)
        </p>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1">
          <dt className="text-slate-600">Overdue on the vendor side:</dt>
          <dd className="font-medium tabular-nums">{plan.overdueBySide.vendor}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-slate-600">Overdue on the customer side:</dt>
          <dd className="font-medium tabular-nums">{plan.overdueBySide.customer}</dd>
        </div>
      </dl>
      {plan.objectives.length === 0 ? <p className="text-sm text-slate-600">This plan has no objectives yet.</p> : null}
      <ol className="space-y-4">
        {plan.objectives.map((objective) => (
          <li key={objective.id}>
            <Card className={cn("space-y-3", objective.internal && "border-dashed border-purple-700")}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{objective.title}</h3>
                {objective.internal ? <InternalBadge /> : null}
                <span className="ml-auto text-sm text-slate-600">
                  {objective.progress.done} of {objective.progress.total} done · {objective.progress.percent}%
                </span>
              </div>
              {objective.description ? <p className="text-sm text-slate-700">{objective.description}</p> : null}
              <ol className="space-y-3">
                {objective.milestones.map((milestone) => (
                  <li key={milestone.id} className={cn(milestone.internal && internalFrame)}>
                    <div className="flex flex-wrap items-center gap-2">
                      <h4 className="font-medium">{milestone.title}</h4>
                      {milestone.internal ? <InternalBadge /> : null}
                      <span className="text-sm text-slate-600">Target {formatDate(milestone.targetDate, "not set")}</span>
                    </div>
                    {milestone.tasks.length === 0 ? (
                      <p className="mt-1 text-sm text-slate-500">No tasks yet.</p>
                    ) : (
                      <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
                        {milestone.tasks.map((task) => (
                          <li key={task.id} className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm", task.internal && "bg-purple-50/50")}>
                            <span className="font-medium">{task.title}</span>
                            {task.internal ? <InternalBadge /> : null}
                            <StatusBadge status={task.status} />
                            {task.overdue ? <Badge tone="danger">Overdue</Badge> : null}
                            <span className="text-slate-600">
                              {task.owner ? `${task.owner.name} (${task.owner.side === "vendor" ? "Vendor" : "Customer"})` : "No owner"}
                            </span>
                            <span className="text-slate-600 sm:ml-auto">Due {formatDate(task.dueDate, "—")}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}

export default function AccountPage() {
  const { account, plan } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <Link to="/console" className="text-sm text-blue-700 underline-offset-4 hover:underline">
          ← All accounts
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{account.name}</h1>
          <Badge>{humanize(account.lifecycleStage)}</Badge>
        </div>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Domain</dt>
            <dd className="font-medium">{account.domain ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">ARR</dt>
            <dd className="font-medium tabular-nums">{formatCents(account.arrCents)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Renewal</dt>
            <dd className="font-medium">{formatDate(account.renewalDate)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Owner</dt>
            <dd className="font-medium">{account.owner?.name ?? "Unassigned"}</dd>
          </div>
        </dl>
      </header>

      <Section title="Success plan" id="plan-heading">
        {plan ? <PlanView plan={plan} /> : <p className="text-sm text-slate-600">This account has no success plan yet.</p>}
      </Section>

      <Section title="Stakeholders" id="stakeholders-heading">
        {account.stakeholders.length === 0 ? (
          <p className="text-sm text-slate-600">No stakeholders yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="stakeholders-heading" tabIndex={0}>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">Name</th>
                  <th scope="col" className="px-4 py-3">Title</th>
                  <th scope="col" className="px-4 py-3">Hub role</th>
                  <th scope="col" className="px-4 py-3">Email</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {account.stakeholders.map((stakeholder) => (
                  <tr key={stakeholder.id}>
                    <th scope="row" className="px-4 py-3 text-left font-medium">{stakeholder.name}</th>
                    <td className="px-4 py-3">{stakeholder.title ?? "—"}</td>
                    <td className="px-4 py-3">{humanize(stakeholder.hubRole)}</td>
                    <td className="px-4 py-3">
                      <a href={`mailto:${stakeholder.email}`} className="text-blue-700 underline-offset-4 hover:underline">
                        {stakeholder.email}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title="Engagements" id="engagements-heading">
        {account.engagements.length === 0 ? (
          <p className="text-sm text-slate-600">No engagements yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {account.engagements.map((engagement) => (
              <li key={engagement.id} className="flex flex-wrap gap-x-3">
                <span className="font-medium">{humanize(engagement.kind)}</span>
                <span className="text-slate-600">
                  {formatDate(engagement.startDate)} → {formatDate(engagement.targetEndAt, "no target date")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Recent activity" id="activity-heading">
        {account.activity.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing has happened on this account yet.</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {account.activity.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-3">
                <time dateTime={event.createdAt.toISOString()} className="text-slate-600">
                  {formatDateTime(event.createdAt)}
                </time>
                <span>
                  {event.actorVendorUser?.name ?? event.actorStakeholder?.name ?? "Tandem"}: {event.summary}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">{missing ? "Account not found" : "Something went wrong"}</h1>
      <p className="text-slate-600">
        {missing ? "This account does not exist, or you do not have access to it." : "Please try again in a moment."}
      </p>
      <Link to="/console" className="inline-block text-blue-700 underline-offset-4 hover:underline">
        Back to accounts
      </Link>
    </div>
  );
}
