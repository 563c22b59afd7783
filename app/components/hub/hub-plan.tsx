import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { createContext, useContext, useState, type ReactNode } from "react";
import { DateText, OverdueBadge, ProgressBar, TaskStatusBadge } from "~/components/hub/hub-ui";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Control } from "~/components/ui/control";
import { Field, FieldErrors } from "~/components/ui/field";
import { Textarea } from "~/components/ui/textarea";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { hubActionSchema, type HubAction } from "~/models/hub-action-fields";
import { splitMentions, type MentionPerson } from "~/models/mention";
import { COMMENT_LIMITS, plainTextMax } from "~/models/rich-text-fields";
import type { Progress } from "~/models/plan-progress";
import { formatDateTime } from "~/utils/format";
import { useSchemaForm } from "~/utils/use-schema-form";

/**
 * The mutual action plan as the customer sees it. The hub's plan page and the console's "view
 * as customer" both render this, from the same hub model functions, so they cannot drift apart.
 * With `actions` (the hub only) a stakeholder also completes their tasks, comments with
 * @mentions and proposes due dates; without them (the console's view) it is read-only.
 */
type HubTask = {
  id: string;
  title: string;
  status: string;
  dueDate: Date | string | null;
  version: number;
  overdue: boolean;
  ownerName: string | null;
  mine: boolean;
  /** Stored sanitized HTML, or plain text written before rich text. */
  description?: { html: string } | { text: string } | null;
};
type HubMilestone = { id: string; title: string; description: string | null; targetDate: Date | string | null; tasks: HubTask[] };
type HubObjective = { id: string; title: string; description: string | null; progress: Progress; milestones: HubMilestone[] };
export type HubPlanData = Array<{ id: string; title: string; objectives: HubObjective[] }>;
export type HubCaseData = Array<{ id: string; title: string; progress: Progress; tasks: HubTask[] }>;
type HubComment = { id: string; body: string; bodyHtml: string | null; createdAt: Date | string; author: string | null };
export type HubPlanActions = {
  comments: Record<string, HubComment[]>;
  people: MentionPerson[];
  /** The signed-in stakeholder's pending due-date proposals, by task id. */
  proposals: Record<string, Date | string>;
};
type ItemKind = "objective" | "milestone" | "task";

const ActionsContext = createContext<HubPlanActions | null>(null);

type ActionData = { result: SubmissionResult<string[]>; conflict?: { title: string; status: string; version: number } };
type Fetcher = ReturnType<typeof useFetcher<ActionData>>;
type Intent = HubAction["intent"];

function useHubForm(id: string, fetcher: Fetcher) {
  return useSchemaForm(hubActionSchema, { id, lastResult: fetcher.data?.result });
}

function Hidden({ intent, values }: { intent: Intent; values: Record<string, string | number> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function SubmitButton({ fetcher, label, pendingLabel }: { fetcher: Fetcher; label: string; pendingLabel: string }) {
  const pending = fetcher.state !== "idle";
  return (
    <Button type="submit" variant="brand" disabled={pending} aria-busy={pending || undefined}>
      {pending ? pendingLabel : label}
    </Button>
  );
}

/**
 * A comment's text: its stored HTML, or for a comment written before rich text its plain body with
 * each mention token shown as "@Name" (never a link: a mention is a notice, not an address).
 */
export function CommentBody({ body, bodyHtml }: { body: string; bodyHtml: string | null }) {
  if (bodyHtml) return <RichTextContent html={bodyHtml} className="mt-1" />;
  return (
    <p className="mt-1 whitespace-pre-line break-words">
      {splitMentions(body).map((segment, index) =>
        "text" in segment ? (
          segment.text
        ) : (
          <span key={index} className="rounded bg-slate-100 px-0.5 font-medium text-slate-900">
            @{segment.mention.name}
          </span>
        ),
      )}
    </p>
  );
}

/** A button that shows a panel below it, and hides it again. */
function Reveal({ label, ariaLabel, children }: { label: string; ariaLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="secondary" size="sm" aria-expanded={open} aria-label={ariaLabel} onClick={() => setOpen(!open)}>
        {label}
      </Button>
      {open ? <div className="w-full">{children}</div> : null}
    </>
  );
}

// ---- completing a task ----------------------------------------------------------------------

function TaskDoneForm({ task }: { task: HubTask }) {
  const fetcher = useFetcher<ActionData>();
  const [form] = useHubForm(`done-${task.id}`, fetcher);
  // After a conflict the button acts on the task as the server last described it, until the page's data catches up.
  const conflict = fetcher.data?.conflict;
  const latest = conflict && conflict.version > task.version ? conflict : task;
  const done = latest.status === "done";
  const pending = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" className="space-y-2" {...getFormProps(form)}>
      <Hidden intent={done ? "reopenTask" : "completeTask"} values={{ taskId: task.id, version: latest.version }} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <Button
        type="submit"
        variant={done ? "secondary" : "brand"}
        size="sm"
        disabled={pending}
        aria-busy={pending || undefined}
        aria-label={`${done ? "Reopen" : "Mark done"}: “${task.title}”`}
      >
        {pending ? "Saving…" : done ? "Reopen" : "Mark done"}
      </Button>
    </fetcher.Form>
  );
}

// ---- comments ---------------------------------------------------------------------------------

function CommentForm({ on, itemId, title, people }: { on: ItemKind; itemId: string; title: string; people: MentionPerson[] }) {
  const fetcher = useFetcher<ActionData>();
  const [form, fields] = useHubForm(`comment-${itemId}`, fetcher);
  return (
    <fetcher.Form method="post" className="space-y-2" {...getFormProps(form)}>
      <Hidden intent="comment" values={{ on, itemId }} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <RichTextEditor
        key={fields.body.key}
        meta={fields.body}
        label={`Your comment on “${title}”`}
        hint="Type @ and a full name, or pick someone below, to notify them."
        maxLength={plainTextMax(COMMENT_LIMITS)}
        rows={3}
        required
        mentionPeople={people}
        mentionGroups={{ stakeholder: "Your colleagues", user: "Customer success team" }}
      />
      <SubmitButton fetcher={fetcher} label="Post comment" pendingLabel="Posting…" />
    </fetcher.Form>
  );
}

function CommentsPanel({ on, itemId, title, actions }: { on: ItemKind; itemId: string; title: string; actions: HubPlanActions }) {
  const comments = actions.comments[itemId] ?? [];
  return (
    <Reveal label={`Comments (${comments.length})`} ariaLabel={`Comments (${comments.length}) on “${title}”`}>
      <section aria-label={`Comments on “${title}”`} className="mt-2 space-y-3 rounded-md bg-slate-50 p-3">
        {comments.length === 0 ? <p className="text-sm text-slate-700">No comments yet.</p> : null}
        <ul className="space-y-2">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-md bg-white p-2 text-sm">
              <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-700">
                <span className="font-medium text-slate-900">{comment.author ?? "Someone"}</span>
                <time dateTime={new Date(comment.createdAt).toISOString()}>{formatDateTime(new Date(comment.createdAt))}</time>
              </p>
              <CommentBody body={comment.body} bodyHtml={comment.bodyHtml} />
            </li>
          ))}
        </ul>
        <CommentForm on={on} itemId={itemId} title={title} people={actions.people} />
      </section>
    </Reveal>
  );
}

// ---- proposing a due date -----------------------------------------------------------------------

function ProposeDueDateForm({ task }: { task: HubTask }) {
  const fetcher = useFetcher<ActionData>();
  const [form, fields] = useHubForm(`propose-${task.id}`, fetcher);
  return (
    <Reveal label="Propose a new date" ariaLabel={`Propose a new due date for “${task.title}”`}>
      <fetcher.Form method="post" className="mt-2 grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2" {...getFormProps(form)}>
        <Hidden intent="proposeDueDate" values={{ taskId: task.id }} />
        <div className="sm:col-span-full">
          <FieldErrors id={form.errorId} errors={form.errors} />
        </div>
        <Field
          label="New due date"
          errors={fields.dueDate.errors}
          inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), id: fields.dueDate.id, required: true }}
        />
        <Control id={fields.note.id} label="Why (optional)" errorId={fields.note.errorId} errors={fields.note.errors}>
          <Textarea {...getTextareaProps(fields.note)} rows={2} maxLength={500} className="min-h-10" />
        </Control>
        <div className="sm:col-span-full">
          <SubmitButton fetcher={fetcher} label="Send proposal" pendingLabel="Sending…" />
        </div>
      </fetcher.Form>
    </Reveal>
  );
}

function TaskActions({ task }: { task: HubTask }) {
  const actions = useContext(ActionsContext);
  if (!actions) return null;
  const proposed = actions.proposals[task.id];
  return (
    <div className="flex flex-wrap items-start gap-2 pt-1">
      {task.mine ? <TaskDoneForm task={task} /> : null}
      {proposed ? (
        <p className="w-full text-sm text-slate-700">
          You proposed <DateText date={proposed} /> as the new due date; waiting for your team’s answer.
        </p>
      ) : (
        <ProposeDueDateForm task={task} />
      )}
      <CommentsPanel on="task" itemId={task.id} title={task.title} actions={actions} />
    </div>
  );
}

function ItemComments({ on, itemId, title }: { on: ItemKind; itemId: string; title: string }) {
  const actions = useContext(ActionsContext);
  if (!actions) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      <CommentsPanel on={on} itemId={itemId} title={title} actions={actions} />
    </div>
  );
}

function HubTaskList({ label, tasks }: { label: string; tasks: HubTask[] }) {
  if (tasks.length === 0) return <p className="text-sm text-slate-700">No tasks yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label={label}>
      {tasks.map((task) => (
        <li key={task.id} id={`task-${task.id}`} className="space-y-1 p-3">
          <p className="font-medium text-slate-900">{task.title}</p>
          <RichTextContent {...task.description} className="text-slate-700" />
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <TaskStatusBadge status={task.status} />
            {task.overdue ? <OverdueBadge /> : null}
          </p>
          <p className="flex flex-wrap gap-x-4 text-sm text-slate-700">
            <span>{task.ownerName ? `Owner: ${task.ownerName}${task.mine ? " (you)" : ""}` : "No owner"}</span>
            <span>
              {task.dueDate ? (
                <>
                  Due <DateText date={task.dueDate} />
                </>
              ) : (
                "No due date"
              )}
            </span>
          </p>
          <TaskActions task={task} />
        </li>
      ))}
    </ul>
  );
}

export function HubPlanView({ plans, cases, actions = null }: { plans: HubPlanData; cases: HubCaseData; actions?: HubPlanActions | null }) {
  const shared = plans.filter((plan) => plan.objectives.length > 0);
  return (
    <ActionsContext.Provider value={actions}>
      {shared.length === 0 ? (
        <p className="text-slate-700">
          Your plan is not shared yet. When your team shares it, its objectives, milestones and tasks show here.
        </p>
      ) : (
        shared.map((plan) => (
          <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="space-y-4">
            <h2 id={`plan-${plan.id}`} className="text-lg font-semibold text-slate-900">
              {plan.title}
            </h2>
            {plan.objectives.map((objective) => (
              <Card key={objective.id} id={`objective-${objective.id}`} className="space-y-4">
                <div className="space-y-2">
                  <h3 className="font-semibold text-slate-900">{objective.title}</h3>
                  {objective.description ? <p className="text-sm text-slate-700">{objective.description}</p> : null}
                  <ProgressBar label="Objective progress" progress={objective.progress} />
                  <ItemComments on="objective" itemId={objective.id} title={objective.title} />
                </div>
                {objective.milestones.length === 0 ? (
                  <p className="text-sm text-slate-700">No milestones yet.</p>
                ) : (
                  <ol className="space-y-4 border-l-2 border-brand pl-4">
                    {objective.milestones.map((milestone) => (
                      <li key={milestone.id} id={`milestone-${milestone.id}`} className="space-y-2">
                        <h4 className="font-medium text-slate-900">{milestone.title}</h4>
                        <p className="text-sm text-slate-700">
                          {milestone.targetDate ? (
                            <>
                              Target date <DateText date={milestone.targetDate} />
                            </>
                          ) : (
                            "No target date"
                          )}
                        </p>
                        {milestone.description ? <p className="text-sm text-slate-700">{milestone.description}</p> : null}
                        <ItemComments on="milestone" itemId={milestone.id} title={milestone.title} />
                        <HubTaskList label={`Tasks of ${milestone.title}`} tasks={milestone.tasks} />
                      </li>
                    ))}
                  </ol>
                )}
              </Card>
            ))}
          </section>
        ))
      )}
      {cases.length > 0 ? (
        <section aria-labelledby="plays-heading" className="space-y-4">
          <h2 id="plays-heading" className="text-lg font-semibold text-slate-900">
            Plays in progress
          </h2>
          {cases.map((successCase) => (
            <Card key={successCase.id} className="space-y-3">
              <h3 className="font-semibold text-slate-900">{successCase.title}</h3>
              <ProgressBar label="Play progress" progress={successCase.progress} />
              <HubTaskList label={`Tasks of ${successCase.title}`} tasks={successCase.tasks} />
            </Card>
          ))}
        </section>
      ) : null}
    </ActionsContext.Provider>
  );
}
