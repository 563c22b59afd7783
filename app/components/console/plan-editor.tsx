import { getFormProps, getInputProps, getSelectProps, type SubmissionResult } from "@conform-to/react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import { createContext, useContext, useState, type ReactNode } from "react";
import type { z } from "zod";
import { CommentBody } from "~/components/hub/hub-plan";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Control } from "~/components/ui/control";
import { Field, FieldErrors } from "~/components/ui/field";
import { Select } from "~/components/ui/select";

import type { MentionPerson } from "~/models/mention";
import { planActionSchema } from "~/models/plan-fields";
import { TASK_STATUSES } from "~/models/plan-progress";
import { COMMENT_LIMITS, plainTextMax, TASK_DESCRIPTION_LIMITS } from "~/models/rich-text-fields";
import { cn } from "~/utils/cn";
import { formatDate, formatDateTime, humanize } from "~/utils/format";
import { useSchemaForm } from "~/utils/use-schema-form";
import { dateInputValue } from "~/utils/validation";

/**
 * The account page's in-place editing: every form posts to the page's action through its own
 * fetcher (no page reload, each form keeps its own pending state and errors), validated in the
 * browser by the same schema the action uses.
 */
export type PlanActionData = { result: SubmissionResult<string[]>; conflict?: { version: number } };
type Fetcher = ReturnType<typeof useFetcher<PlanActionData>>;
type Intent = z.input<typeof planActionSchema>["intent"];

export type People = { users: Array<{ id: string; name: string }>; stakeholders: Array<{ id: string; name: string; hubRole: string }> };
export type PlanComment = {
  id: string;
  body: string;
  bodyHtml: string | null;
  internal: boolean;
  createdAt: Date | string;
  author: string | null;
};
export type PlanTask = {
  id: string;
  title: string;
  status: string;
  dueDate: Date | string | null;
  version: number;
  internal: boolean;
  hiddenBy: "objective" | "milestone" | "case" | null;
  overdue: boolean;
  owner: { name: string; side: "vendor" | "customer" } | null;
  ownerRef: string;
  description: { text: string | null; json: string | null; html: string | null };
  comments: PlanComment[];
};

/** Due dates stakeholders proposed from the hub, waiting for an answer, by task id (the page provides them). */
export type PendingProposal = { id: string; dueDate: Date | string; note: string | null; createdAt: Date | string; proposedBy: string };
export const PendingProposalsContext = createContext<Record<string, PendingProposal[]>>({});

function usePlanForm(id: string, fetcher: Fetcher, defaultValue?: Record<string, unknown>) {
  return useSchemaForm(planActionSchema, { id, lastResult: fetcher.data?.result, defaultValue: defaultValue as never });
}

/**
 * An editor that stays open until a save succeeds after it was opened: derived from the
 * fetcher's answers at render time, so no effect has to close it.
 */
function useEditor(fetcher: Fetcher) {
  const [openWith, setOpenWith] = useState<{ data: PlanActionData | undefined } | null>(null);
  const saved = openWith !== null && fetcher.data !== openWith.data && fetcher.data?.result.status === "success";
  const open = openWith !== null && !saved;
  return { open, toggle: () => setOpenWith(open ? null : { data: fetcher.data }), close: () => setOpenWith(null) };
}

export function InternalBadge() {
  return <Badge tone="internal">Internal</Badge>;
}

const hiddenReasons = {
  objective: "Hidden from the customer: its objective is internal.",
  milestone: "Hidden from the customer: its milestone is internal.",
  case: "Hidden from the customer: its play is internal.",
} as const;

export function HiddenHint({ hiddenBy }: { hiddenBy: keyof typeof hiddenReasons | null }) {
  if (!hiddenBy) return null;
  return <p className="w-full text-xs font-medium text-purple-900">{hiddenReasons[hiddenBy]}</p>;
}

const statusTone = { todo: "neutral", in_progress: "warning", blocked: "danger", done: "success" } as const;
export function StatusBadge({ status }: { status: string }) {
  const tone = status in statusTone ? statusTone[status as keyof typeof statusTone] : "neutral";
  return <Badge tone={tone}>{humanize(status)}</Badge>;
}

function VisibilitySelect({ meta, label = "Visibility" }: { meta: Parameters<typeof getSelectProps>[0]; label?: string }) {
  return (
    <Control id={meta.id} label={label} errorId={meta.errorId} errors={meta.errors}>
      <Select {...getSelectProps(meta)} required>
        <option value="customer">Customer-visible</option>
        <option value="internal">Internal</option>
      </Select>
    </Control>
  );
}

function OwnerSelect({ meta, people }: { meta: Parameters<typeof getSelectProps>[0]; people: People }) {
  return (
    <Control id={meta.id} label="Owner" errorId={meta.errorId} errors={meta.errors}>
      <Select {...getSelectProps(meta)}>
        <option value="">Nobody yet</option>
        <optgroup label="Your team">
          {people.users.map((user) => (
            <option key={user.id} value={`user:${user.id}`}>
              {user.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Customer">
          {people.stakeholders.map((person) => (
            <option key={person.id} value={`stakeholder:${person.id}`}>
              {person.name} ({humanize(person.hubRole)})
            </option>
          ))}
        </optgroup>
      </Select>
    </Control>
  );
}

function DateInput({ meta, label }: { meta: Parameters<typeof getInputProps>[0]; label: string }) {
  return <Field label={label} errors={meta.errors} inputProps={{ ...getInputProps(meta, { type: "date" }), id: meta.id }} />;
}

function TitleInput({ meta }: { meta: Parameters<typeof getInputProps>[0] }) {
  return (
    <Field
      label="Title"
      errors={meta.errors}
      inputProps={{ ...getInputProps(meta, { type: "text" }), id: meta.id, maxLength: 200, required: true }}
    />
  );
}

function SubmitRow({
  fetcher,
  label,
  pendingLabel,
  onCancel,
}: {
  fetcher: Fetcher;
  label: string;
  pendingLabel: string;
  onCancel?: () => void;
}) {
  const pending = fetcher.state !== "idle";
  return (
    <div className="flex flex-wrap gap-2 sm:col-span-full">
      <Button type="submit" size="sm" disabled={pending} aria-busy={pending || undefined}>
        {pending ? pendingLabel : label}
      </Button>
      {onCancel ? (
        <Button type="button" size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </div>
  );
}

function Hidden({ intent, values }: { intent: Intent; values?: Record<string, string | number> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A button that shows a form (or anything) below it, and hides it again. */
function Reveal({
  label,
  ariaLabel,
  open,
  onToggle,
  children,
}: {
  label: string;
  ariaLabel?: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <Button type="button" variant="ghost" size="sm" aria-expanded={open} aria-label={ariaLabel} onClick={onToggle}>
        {label}
      </Button>
      {open ? <div className="w-full">{children}</div> : null}
    </>
  );
}

// ---- removal and comments ---------------------------------------------------------------

export function RemoveItem({ kind, id, title }: { kind: "objective" | "milestone" | "task"; id: string; title: string }) {
  const fetcher = useFetcher<PlanActionData>();
  const pending = fetcher.state !== "idle";
  const what =
    kind === "objective" ? "its milestones, tasks and comments" : kind === "milestone" ? "its tasks and comments" : "its comments";
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="ghost" size="sm" aria-label={`Remove ${kind} “${title}”`}>
          Remove
        </Button>
      }
      title={`Remove this ${kind}?`}
      description={`“${title}” and ${what} will be removed for good, for your team and the customer.`}
      confirm={
        <fetcher.Form method="post">
          <Hidden intent="removeItem" values={{ kind, itemId: id }} />
          <Button type="submit" variant="danger" disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Removing…" : `Remove ${kind}`}
          </Button>
        </fetcher.Form>
      }
    />
  );
}

/** Whom a comment may mention, for the picker (the server keeps internal comments to the team). */
export const MentionPeopleContext = createContext<MentionPerson[]>([]);

function CommentForm({ on, itemId }: { on: "objective" | "milestone" | "task"; itemId: string }) {
  const fetcher = useFetcher<PlanActionData>();
  const people = useContext(MentionPeopleContext);
  const [form, fields] = usePlanForm(`comment-${itemId}`, fetcher, { visibility: "internal" });
  return (
    <fetcher.Form method="post" className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end" {...getFormProps(form)}>
      <Hidden intent="addComment" values={{ on, itemId }} />
      <RichTextEditor
        key={fields.body.key}
        meta={fields.body}
        label="Comment"
        hint="Internal comments can mention your team only."
        maxLength={plainTextMax(COMMENT_LIMITS)}
        rows={2}
        required
        mentionPeople={people}
        mentionGroups={{ stakeholder: "Customer", user: "Your team" }}
      />
      <VisibilitySelect meta={fields.visibility} label="Who sees it" />
      <SubmitRow fetcher={fetcher} label="Add comment" pendingLabel="Adding…" />
    </fetcher.Form>
  );
}

export function Comments({
  on,
  itemId,
  title,
  comments,
}: {
  on: "objective" | "milestone" | "task";
  itemId: string;
  title: string;
  comments: PlanComment[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <Reveal
      label={`Comments (${comments.length})`}
      ariaLabel={`Comments (${comments.length}) on “${title}”`}
      open={open}
      onToggle={() => setOpen(!open)}
    >
      <section aria-label={`Comments on “${title}”`} className="mt-2 space-y-2 rounded-md bg-slate-50 p-3">
        {comments.length === 0 ? <p className="text-sm text-slate-600">No comments yet.</p> : null}
        <ul className="space-y-2">
          {comments.map((comment) => (
            <li
              key={comment.id}
              className={cn("rounded-md bg-white p-2 text-sm", comment.internal && "border border-dashed border-purple-700")}
            >
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="font-medium text-slate-800">{comment.author ?? "Someone"}</span>
                <span>{formatDateTime(new Date(comment.createdAt))}</span>
                {comment.internal ? <InternalBadge /> : null}
              </p>
              <CommentBody body={comment.body} bodyHtml={comment.bodyHtml} />
            </li>
          ))}
        </ul>
        <CommentForm on={on} itemId={itemId} />
      </section>
    </Reveal>
  );
}

// ---- tasks ---------------------------------------------------------------------------------

function DecideProposalButton({
  proposal,
  decision,
  taskTitle,
}: {
  proposal: PendingProposal;
  decision: "accept" | "decline";
  taskTitle: string;
}) {
  const fetcher = useFetcher<PlanActionData>();
  const pending = fetcher.state !== "idle";
  const label = decision === "accept" ? "Accept" : "Decline";
  return (
    <fetcher.Form method="post" className="space-y-1">
      <Hidden intent="decideProposal" values={{ proposalId: proposal.id, decision }} />
      <FieldErrors errors={fetcher.data?.result.error?.[""] ?? undefined} />
      <Button
        type="submit"
        size="sm"
        variant={decision === "accept" ? "primary" : "secondary"}
        disabled={pending}
        aria-busy={pending || undefined}
        aria-label={`${label} ${proposal.proposedBy}’s date for “${taskTitle}”`}
      >
        {pending ? "Saving…" : label}
      </Button>
    </fetcher.Form>
  );
}

function PendingProposals({ task }: { task: PlanTask }) {
  const proposals = useContext(PendingProposalsContext)[task.id] ?? [];
  if (proposals.length === 0) return null;
  return (
    <ul className="w-full space-y-2" aria-label={`Proposed due dates for “${task.title}”`}>
      {proposals.map((proposal) => (
        <li key={proposal.id} className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-2">
          <span>
            <span className="font-medium">{proposal.proposedBy}</span> proposes a due date of {formatDate(new Date(proposal.dueDate))}
            {proposal.note ? <span className="text-slate-700">: “{proposal.note}”</span> : null}
          </span>
          <span className="flex gap-1 sm:ml-auto">
            <DecideProposalButton proposal={proposal} decision="accept" taskTitle={task.title} />
            <DecideProposalButton proposal={proposal} decision="decline" taskTitle={task.title} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function TaskEditForm({ task, people, fetcher, onCancel }: { task: PlanTask; people: People; fetcher: Fetcher; onCancel: () => void }) {
  const revalidator = useRevalidator();
  const [form, fields] = usePlanForm(`task-${task.id}`, fetcher, {
    title: task.title,
    status: task.status,
    visibility: task.internal ? "internal" : "customer",
    owner: task.ownerRef,
    dueDate: dateInputValue(task.dueDate),
  });
  // After a conflict the form stays as the user typed it, based on the version just seen.
  const version = fetcher.data?.conflict?.version ?? task.version;
  return (
    <fetcher.Form
      method="post"
      className="mt-2 grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-2"
      {...getFormProps(form)}
    >
      <Hidden intent="updateTask" values={{ taskId: task.id, version }} />
      {form.errors?.length ? (
        <div className="space-y-2 sm:col-span-full">
          <FieldErrors id={form.errorId} errors={form.errors} />
          {fetcher.data?.conflict ? (
            <Button type="button" size="sm" variant="secondary" onClick={() => revalidator.revalidate()}>
              Show the latest
            </Button>
          ) : null}
        </div>
      ) : null}
      <div className="sm:col-span-full">
        <TitleInput meta={fields.title} />
      </div>
      <Control id={fields.status.id} label="Status" errorId={fields.status.errorId} errors={fields.status.errors}>
        <Select {...getSelectProps(fields.status)} required>
          {TASK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {humanize(status)}
            </option>
          ))}
        </Select>
      </Control>
      <OwnerSelect meta={fields.owner} people={people} />
      <DateInput meta={fields.dueDate} label="Due date" />
      <VisibilitySelect meta={fields.visibility} />
      <SubmitRow fetcher={fetcher} label="Save task" pendingLabel="Saving…" onCancel={onCancel} />
    </fetcher.Form>
  );
}

/** The task's description, shown as the customer reads it, and edited in place (versioned like the task). */
function TaskDescription({ task }: { task: PlanTask }) {
  const fetcher = useFetcher<PlanActionData>();
  const editor = useEditor(fetcher);
  const revalidator = useRevalidator();
  const [form, fields] = usePlanForm(`task-description-${task.id}`, fetcher, { description: task.description.text ?? "" });
  const version = fetcher.data?.conflict?.version ?? task.version;
  const { html, text } = task.description;
  const pending = fetcher.state !== "idle";
  return (
    <div className="w-full space-y-1">
      {html || text ? <RichTextContent html={html} text={text} className="text-slate-700" /> : null}
      <Reveal
        label={html || text ? "Edit description" : "Add description"}
        ariaLabel={`${html || text ? "Edit" : "Add"} the description of “${task.title}”`}
        open={editor.open}
        onToggle={editor.toggle}
      >
        <fetcher.Form method="post" className="mt-2 space-y-3 rounded-md border border-slate-200 bg-white p-3" {...getFormProps(form)}>
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="version" value={version} />
          {form.errors?.length ? (
            <div className="space-y-2">
              <FieldErrors id={form.errorId} errors={form.errors} />
              {fetcher.data?.conflict ? (
                <Button type="button" size="sm" variant="secondary" onClick={() => revalidator.revalidate()}>
                  Show the latest
                </Button>
              ) : null}
            </div>
          ) : null}
          <RichTextEditor
            key={fields.description.key}
            meta={fields.description}
            label="Description"
            hint={task.internal ? "Only your team sees it." : "The customer sees it with the task in their hub."}
            defaultJson={task.description.json}
            maxLength={plainTextMax(TASK_DESCRIPTION_LIMITS)}
            rows={6}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" name="intent" value="updateTaskDescription" disabled={pending} aria-busy={pending || undefined}>
              {pending ? "Saving…" : "Save description"}
            </Button>
            {html || text ? (
              <Button
                type="submit"
                size="sm"
                variant="secondary"
                name="intent"
                value="removeTaskDescription"
                formNoValidate
                disabled={pending}
              >
                Remove description
              </Button>
            ) : null}
            <Button type="button" size="sm" variant="secondary" onClick={editor.close}>
              Cancel
            </Button>
          </div>
        </fetcher.Form>
      </Reveal>
    </div>
  );
}

export function TaskRow({ task, people }: { task: PlanTask; people: People }) {
  const fetcher = useFetcher<PlanActionData>();
  const editor = useEditor(fetcher);
  return (
    <li className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm", task.internal && "bg-purple-50/50")}>
      <span className="font-medium">{task.title}</span>
      {task.internal ? <InternalBadge /> : null}
      <StatusBadge status={task.status} />
      {task.overdue ? <Badge tone="danger">Overdue</Badge> : null}
      <span className="text-slate-600">
        {task.owner ? `${task.owner.name} (${task.owner.side === "vendor" ? "Vendor" : "Customer"})` : "No owner"}
      </span>
      <span className="text-slate-600">Due {formatDate(task.dueDate ? new Date(task.dueDate) : null, "—")}</span>
      <span className="flex flex-wrap gap-1 sm:ml-auto">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-expanded={editor.open}
          aria-label={`Edit task “${task.title}”`}
          onClick={editor.toggle}
        >
          Edit
        </Button>
        <RemoveItem kind="task" id={task.id} title={task.title} />
      </span>
      <HiddenHint hiddenBy={task.hiddenBy} />
      <TaskDescription task={task} />
      <PendingProposals task={task} />
      {editor.open ? (
        <div className="w-full">
          <TaskEditForm task={task} people={people} fetcher={fetcher} onCancel={editor.close} />
        </div>
      ) : null}
      <div className="w-full">
        <Comments on="task" itemId={task.id} title={task.title} comments={task.comments} />
      </div>
    </li>
  );
}

export function AddTaskForm({ milestoneId, milestoneTitle, people }: { milestoneId: string; milestoneTitle: string; people: People }) {
  const fetcher = useFetcher<PlanActionData>();
  const [open, setOpen] = useState(false);
  const [form, fields] = usePlanForm(`add-task-${milestoneId}`, fetcher, { visibility: "customer" });
  return (
    <Reveal label="Add task" ariaLabel={`Add task to “${milestoneTitle}”`} open={open} onToggle={() => setOpen(!open)}>
      <fetcher.Form
        method="post"
        className="mt-2 grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-2"
        {...getFormProps(form)}
      >
        <Hidden intent="addTask" values={{ milestoneId }} />
        <FieldErrors id={form.errorId} errors={form.errors} />
        <div className="sm:col-span-full">
          <TitleInput meta={fields.title} />
        </div>
        <OwnerSelect meta={fields.owner} people={people} />
        <DateInput meta={fields.dueDate} label="Due date" />
        <VisibilitySelect meta={fields.visibility} />
        <SubmitRow fetcher={fetcher} label="Add task" pendingLabel="Adding…" />
      </fetcher.Form>
    </Reveal>
  );
}

// ---- objectives and milestones ----------------------------------------------------------------

export function MilestoneForm({
  objectiveId,
  milestone,
}: {
  objectiveId: string;
  milestone?: { id: string; title: string; internal: boolean; targetDate: Date | string | null };
}) {
  const fetcher = useFetcher<PlanActionData>();
  const editor = useEditor(fetcher);
  const [form, fields] = usePlanForm(milestone ? `milestone-${milestone.id}` : `add-milestone-${objectiveId}`, fetcher, {
    title: milestone?.title,
    visibility: milestone?.internal ? "internal" : "customer",
    targetDate: dateInputValue(milestone?.targetDate),
  });
  const label = milestone ? "Edit" : "Add milestone";
  return (
    <Reveal
      label={label}
      ariaLabel={milestone ? `Edit milestone “${milestone.title}”` : undefined}
      open={editor.open}
      onToggle={editor.toggle}
    >
      <fetcher.Form
        method="post"
        className="mt-2 grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-2"
        {...getFormProps(form)}
      >
        <Hidden
          intent={milestone ? "updateMilestone" : "addMilestone"}
          values={milestone ? { milestoneId: milestone.id } : { objectiveId }}
        />
        <FieldErrors id={form.errorId} errors={form.errors} />
        <div className="sm:col-span-full">
          <TitleInput meta={fields.title} />
        </div>
        <DateInput meta={fields.targetDate} label="Target date" />
        <VisibilitySelect meta={fields.visibility} />
        <SubmitRow
          fetcher={fetcher}
          label={milestone ? "Save milestone" : "Add milestone"}
          pendingLabel="Saving…"
          onCancel={editor.close}
        />
      </fetcher.Form>
    </Reveal>
  );
}

export function ObjectiveForm({ planId, objective }: { planId: string; objective?: { id: string; title: string; internal: boolean } }) {
  const fetcher = useFetcher<PlanActionData>();
  const editor = useEditor(fetcher);
  const [form, fields] = usePlanForm(objective ? `objective-${objective.id}` : `add-objective-${planId}`, fetcher, {
    title: objective?.title,
    visibility: objective?.internal ? "internal" : "customer",
  });
  return (
    <Reveal
      label={objective ? "Edit" : "Add objective"}
      ariaLabel={objective ? `Edit objective “${objective.title}”` : undefined}
      open={editor.open}
      onToggle={editor.toggle}
    >
      <fetcher.Form
        method="post"
        className="mt-2 grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-2"
        {...getFormProps(form)}
      >
        <Hidden intent={objective ? "updateObjective" : "addObjective"} values={objective ? { objectiveId: objective.id } : { planId }} />
        <FieldErrors id={form.errorId} errors={form.errors} />
        <div className="sm:col-span-full">
          <TitleInput meta={fields.title} />
        </div>
        <VisibilitySelect meta={fields.visibility} />
        <SubmitRow
          fetcher={fetcher}
          label={objective ? "Save objective" : "Add objective"}
          pendingLabel="Saving…"
          onCancel={editor.close}
        />
      </fetcher.Form>
    </Reveal>
  );
}
