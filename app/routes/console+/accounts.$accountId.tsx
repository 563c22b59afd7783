import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  AddTaskForm,
  Comments,
  HiddenHint,
  InternalBadge,
  MentionPeopleContext,
  MilestoneForm,
  PendingProposalsContext,
  ObjectiveForm,
  RemoveItem,
  TaskRow,
  type PlanActionData,
  type People,
} from "~/components/console/plan-editor";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Control } from "~/components/ui/control";
import { Select } from "~/components/ui/select";
import { getAccountOverview } from "~/models/account.server";
import { closeCase, launchPlay, listAccountCases, reopenCase } from "~/models/case.server";
import { listMentionCandidates } from "~/models/mention.server";
import { listPossibleOwners } from "~/models/owner.server";
import { planActionSchema } from "~/models/plan-fields";
import {
  addComment,
  addMilestone,
  addObjective,
  addTask,
  decideDueDateProposal,
  listPendingProposals,
  removePlanItem,
  requireAccount,
  updateMilestone,
  updateObjective,
  updateTask,
  updateTaskDescription,
  type CurrentTask,
} from "~/models/plan-edit.server";
import { getAccountPlan } from "~/models/plan.server";
import { listLaunchablePlays } from "~/models/play.server";
import { parseOwnerRef } from "~/models/task-owner";
import { cn } from "~/utils/cn";
import { formatCents, formatDate, formatDateTime, humanize } from "~/utils/format";
import { requireConsoleScope } from "~/utils/guard.server";
import { makeEngagementCurrent } from "~/models/engagement.server";
import { notFound } from "~/utils/http.server";
import { readFormData } from "~/utils/form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  // Every query is scoped to the vendor: another vendor's account is as absent as a missing one.
  const [account, plan, cases, people, plays, proposals, mentionPeople] = await Promise.all([
    getAccountOverview(scope, accountId),
    getAccountPlan(scope, accountId),
    listAccountCases(scope, accountId),
    listPossibleOwners(scope, accountId),
    listLaunchablePlays(scope),
    listPendingProposals(scope, accountId),
    listMentionCandidates({ vendorId: scope.vendorId, accountId }),
  ]);
  if (!account) notFound();
  return { account, plan, cases, people, plays, proposals, mentionPeople };
}

const OWNER_ERROR = "Choose someone from your team or this account's stakeholders";

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  await requireAccount(scope, accountId);
  const submission = parseWithZod(await readFormData(request), { schema: planActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  const ownerError = () => data({ result: submission.reply({ fieldErrors: { owner: [OWNER_ERROR] } }) }, { status: 400 });
  // Nothing was written: the editor sees what is there now and decides whether to save again.
  const taskConflict = (now: CurrentTask) => {
    const message =
      `Someone changed this task: now “${now.title}”, ${humanize(now.status)}, ` +
      `owner ${now.ownerName ?? "nobody"}, due ${formatDate(now.dueDate, "not set")}, ` +
      `${now.visibility === "customer" ? "customer-visible" : "internal"}. Save again to replace it with your version.`;
    return data({ result: submission.reply({ formErrors: [message] }), conflict: { ...now, version: now.version } }, { status: 409 });
  };
  switch (input.intent) {
    case "makeEngagementCurrent":
      if (!(await makeEngagementCurrent(scope, accountId, input.engagementId))) notFound();
      break;
    case "updateTask": {
      const saved = await updateTask(scope, accountId, input.taskId, input.version, {
        title: input.title,
        status: input.status,
        visibility: input.visibility,
        owner: parseOwnerRef(input.owner),
        dueDate: input.dueDate,
      });
      if (!saved.ok && saved.reason === "owner") return ownerError();
      if (!saved.ok) return taskConflict(saved.current);
      break;
    }
    case "updateTaskDescription":
    case "removeTaskDescription": {
      const content = input.intent === "updateTaskDescription" ? { json: input.descriptionJson, text: input.description } : null;
      const saved = await updateTaskDescription(scope, accountId, input.taskId, input.version, content);
      if (!saved.ok && saved.reason === "invalid")
        return data({ result: submission.reply({ fieldErrors: { description: [saved.error] } }) }, { status: 400 });
      if (!saved.ok && saved.reason === "conflict") return taskConflict(saved.current);
      break;
    }
    case "addTask": {
      const added = await addTask(scope, accountId, input.milestoneId, {
        title: input.title,
        visibility: input.visibility,
        owner: parseOwnerRef(input.owner),
        dueDate: input.dueDate,
      });
      if (!added.ok) return ownerError();
      break;
    }
    case "addObjective":
      await addObjective(scope, accountId, input.planId, { title: input.title, visibility: input.visibility });
      break;
    case "updateObjective":
      await updateObjective(scope, accountId, input.objectiveId, { title: input.title, visibility: input.visibility });
      break;
    case "addMilestone":
      await addMilestone(scope, accountId, input.objectiveId, {
        title: input.title,
        visibility: input.visibility,
        targetDate: input.targetDate,
      });
      break;
    case "updateMilestone":
      await updateMilestone(scope, accountId, input.milestoneId, {
        title: input.title,
        visibility: input.visibility,
        targetDate: input.targetDate,
      });
      break;
    case "removeItem":
      await removePlanItem(scope, accountId, input.kind, input.itemId);
      break;
    case "addComment": {
      const content = { json: input.bodyJson, text: input.body };
      const added = await addComment(scope, accountId, { on: input.on, itemId: input.itemId, visibility: input.visibility, content });
      if (!added.ok) return data({ result: submission.reply({ fieldErrors: { body: [added.error] } }) }, { status: 400 });
      break;
    }
    case "launchPlay": {
      const launched = await launchPlay(scope, { accountId, playId: input.playId });
      if (!launched.ok) return data({ result: submission.reply({ formErrors: [launched.message] }) }, { status: 400 });
      break;
    }
    case "closeCase":
      await closeCase(scope, accountId, input.caseId);
      break;
    case "reopenCase":
      await reopenCase(scope, accountId, input.caseId);
      break;
    case "decideProposal": {
      const decided = await decideDueDateProposal(scope, accountId, input.proposalId, input.decision);
      if (!decided.ok) {
        const message = "Someone already answered this proposal. Reload the page to see the task as it is now.";
        return data({ result: submission.reply({ formErrors: [message] }) }, { status: 409 });
      }
      break;
    }
  }
  return { result: submission.reply({ resetForm: true }) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.account.name} · Tandem` : "Account not found · Tandem" },
];

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Plan = NonNullable<LoaderData["plan"]>;
type Cases = LoaderData["cases"];

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

function PlanView({ plan, people }: { plan: Plan; people: People }) {
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
                <span className="text-sm text-slate-600 sm:ml-auto">
                  {objective.progress.done} of {objective.progress.total} done · {objective.progress.percent}%
                </span>
              </div>
              {objective.description ? <p className="text-sm text-slate-700">{objective.description}</p> : null}
              <div className="flex flex-wrap items-center gap-1">
                <ObjectiveForm planId={plan.id} objective={objective} />
                <RemoveItem kind="objective" id={objective.id} title={objective.title} />
                <Comments on="objective" itemId={objective.id} title={objective.title} comments={objective.comments} />
              </div>
              <ol className="space-y-3">
                {objective.milestones.map((milestone) => (
                  <li key={milestone.id} className={cn("space-y-2", milestone.internal && internalFrame)}>
                    <div className="flex flex-wrap items-center gap-2">
                      <h4 className="font-medium">{milestone.title}</h4>
                      {milestone.internal ? <InternalBadge /> : null}
                      <span className="text-sm text-slate-600">Target {formatDate(milestone.targetDate, "not set")}</span>
                      <HiddenHint hiddenBy={milestone.hiddenBy} />
                    </div>
                    <div className="flex flex-wrap items-center gap-1">
                      <MilestoneForm objectiveId={objective.id} milestone={milestone} />
                      <RemoveItem kind="milestone" id={milestone.id} title={milestone.title} />
                      <Comments on="milestone" itemId={milestone.id} title={milestone.title} comments={milestone.comments} />
                    </div>
                    {milestone.tasks.length === 0 ? (
                      <p className="text-sm text-slate-500">No tasks yet.</p>
                    ) : (
                      <ul
                        className="divide-y divide-slate-100 rounded-md border border-slate-200"
                        aria-label={`Tasks of ${milestone.title}`}
                      >
                        {milestone.tasks.map((task) => (
                          <TaskRow key={task.id} task={task} people={people} />
                        ))}
                      </ul>
                    )}
                    <div className="flex flex-wrap items-center gap-1">
                      <AddTaskForm milestoneId={milestone.id} milestoneTitle={milestone.title} people={people} />
                    </div>
                  </li>
                ))}
              </ol>
              <div className="flex flex-wrap items-center gap-1">
                <MilestoneForm objectiveId={objective.id} />
              </div>
            </Card>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-1">
        <ObjectiveForm planId={plan.id} />
      </div>
    </div>
  );
}

/** The customer's hub and the plan above switch to this engagement's plan. */
function MakeCurrentButton({ engagementId, kind }: { engagementId: string; kind: string }) {
  const fetcher = useFetcher<typeof action>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="makeEngagementCurrent" />
      <input type="hidden" name="engagementId" value={engagementId} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-busy={busy || undefined}
        aria-label={`Make the ${kind} plan the current plan`}
      >
        {busy ? "Switching…" : "Make current plan"}
      </Button>
    </fetcher.Form>
  );
}

function CaseStatusButton({
  caseId,
  intent,
  label,
  title,
}: {
  caseId: string;
  intent: "closeCase" | "reopenCase";
  label: string;
  title: string;
}) {
  const fetcher = useFetcher<PlanActionData>();
  const pending = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="caseId" value={caseId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`${label} “${title}”`}>
        {label}
      </Button>
    </fetcher.Form>
  );
}

function LaunchPlayForm({ plays }: { plays: LoaderData["plays"] }) {
  const fetcher = useFetcher<PlanActionData>();
  const pending = fetcher.state !== "idle";
  const errors = fetcher.data?.result.error;
  if (plays.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No plays to launch yet.{" "}
        <Link to="/console/plays/new" className="text-blue-700 underline-offset-4 hover:underline">
          Create a play
        </Link>
      </p>
    );
  }
  return (
    <fetcher.Form method="post" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="launchPlay" />
      <Control
        id="launch-play"
        label="Play"
        errorId="launch-play-error"
        errors={errors?.playId ?? errors?.[""] ?? undefined}
        className="min-w-56 space-y-1"
      >
        <Select id="launch-play" name="playId" required aria-describedby={errors ? "launch-play-error" : undefined}>
          {plays.map((play) => (
            <option key={play.id} value={play.id}>
              {play.name} ({play.kind === "customer" ? "customer" : "internal"})
            </option>
          ))}
        </Select>
      </Control>
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Launching…" : "Launch play"}
      </Button>
    </fetcher.Form>
  );
}

function CasesView({ cases, plays, people }: { cases: Cases; plays: LoaderData["plays"]; people: People }) {
  return (
    <div className="space-y-4">
      <LaunchPlayForm plays={plays} />
      {cases.open.length === 0 ? <p className="text-sm text-slate-600">No plays are running on this account.</p> : null}
      <ul className="space-y-4">
        {cases.open.map((successCase) => (
          <li key={successCase.id}>
            <Card className={cn("space-y-3", successCase.internal && "border-dashed border-purple-700")}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{successCase.title}</h3>
                {successCase.internal ? <InternalBadge /> : <Badge tone="success">In the customer hub</Badge>}
                <span className="text-sm text-slate-600">
                  Launched {formatDateTime(successCase.launchedAt)}
                  {successCase.launchedBy ? ` by ${successCase.launchedBy}` : ""}
                </span>
                <span className="sm:ml-auto">
                  <CaseStatusButton caseId={successCase.id} intent="closeCase" label="Close" title={successCase.title} />
                </span>
              </div>
              {successCase.tasks.length === 0 ? (
                <p className="text-sm text-slate-500">No tasks left.</p>
              ) : (
                <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={`Tasks of ${successCase.title}`}>
                  {successCase.tasks.map((task) => (
                    <TaskRow key={task.id} task={task} people={people} />
                  ))}
                </ul>
              )}
            </Card>
          </li>
        ))}
      </ul>
      {cases.closed.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-700">Recently closed</h3>
          <ul className="space-y-2 text-sm">
            {cases.closed.map((successCase) => (
              <li key={successCase.id} className="flex flex-wrap items-center gap-2">
                <span>{successCase.title}</span>
                {successCase.internal ? <InternalBadge /> : null}
                <span className="text-slate-600">closed {formatDate(successCase.closedAt)}</span>
                <CaseStatusButton caseId={successCase.id} intent="reopenCase" label="Reopen" title={successCase.title} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

const headerLink =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600";

export default function AccountPage() {
  const { account, plan, cases, people, plays, proposals, mentionPeople } = useLoaderData<typeof loader>();
  const base = `/console/accounts/${account.id}`;
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
        <nav aria-label="Account actions">
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link to={`${base}/customer-view`} className={headerLink}>
                View as customer
              </Link>
            </li>
            <li>
              <Link to={`${base}/documents`} className={headerLink}>
                Documents
              </Link>
            </li>
            <li>
              <Link to={`${base}/apply`} className={headerLink}>
                Apply a blueprint
              </Link>
            </li>
            <li>
              <Link to={`${base}/edit`} className={headerLink}>
                Edit account
              </Link>
            </li>
            <li>
              <Link to={`${base}/stakeholders/new`} className={headerLink}>
                Add stakeholder
              </Link>
            </li>
            <li>
              <Link to={`${base}/hub-usage`} className={headerLink}>
                Hub usage
              </Link>
            </li>
            <li>
              <Link to={`${base}/hub-welcome`} className={headerLink}>
                Edit hub welcome
              </Link>
            </li>
            <li>
              <Link to={`${base}/engagements/new`} className={headerLink}>
                Add engagement
              </Link>
            </li>
            <li>
              {/* A resource route (a file, not a page): a plain link, so the router does not try to render it. */}
              <a href={`${base}/plan.csv`} download className={headerLink}>
                Export plan (CSV)
              </a>
            </li>
          </ul>
        </nav>
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

      <MentionPeopleContext.Provider value={mentionPeople}>
        <PendingProposalsContext.Provider value={proposals}>
          <Section title="Success plan" id="plan-heading">
            {plan ? (
              <PlanView plan={plan} people={people} />
            ) : (
              <p className="text-sm text-slate-600">
                This account has no success plan yet.{" "}
                <Link to={`${base}/apply`} className="text-blue-700 underline-offset-4 hover:underline">
                  Apply a blueprint
                </Link>{" "}
                to start one.
              </p>
            )}
          </Section>

          <Section title="Plays" id="plays-heading">
            <CasesView cases={cases} plays={plays} people={people} />
          </Section>
        </PendingProposalsContext.Provider>
      </MentionPeopleContext.Provider>

      <Section title="Stakeholders" id="stakeholders-heading">
        {account.stakeholders.length === 0 ? (
          <p className="text-sm text-slate-600">No stakeholders yet.</p>
        ) : (
          <div
            className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
            role="region"
            aria-label="Stakeholders table, scrolls sideways"
            tabIndex={0}
          >
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Title
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Hub role
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Email
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {account.stakeholders.map((stakeholder) => (
                  <tr key={stakeholder.id}>
                    <th scope="row" className="px-4 py-3 text-left font-medium">
                      <Link to={`${base}/stakeholders/${stakeholder.id}`} className="text-blue-700 underline-offset-4 hover:underline">
                        {stakeholder.name}
                      </Link>
                    </th>
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
              <li key={engagement.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium">{humanize(engagement.kind)}</span>
                <span className="text-slate-600">
                  {formatDate(engagement.startDate)} → {formatDate(engagement.targetEndAt, "no target date")}
                </span>
                {engagement.id === account.currentEngagementId ? (
                  <Badge tone="success">Current plan</Badge>
                ) : (
                  <MakeCurrentButton engagementId={engagement.id} kind={humanize(engagement.kind)} />
                )}
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
