import { recordConsoleActivity } from "~/models/activity.server";
import { commentBodyColumns, createCommentMentions, readCommentBody } from "~/models/comment.server";
import { DomainError, isDomainError } from "~/models/domain-error";
import { mailMentions } from "~/models/mention.server";
import { findOwnerInScope } from "~/models/owner.server";
import type { PlanItemKind } from "~/models/plan-fields";
import type { TaskStatus } from "~/models/plan-progress";
import { mailTaskAssigned } from "~/models/reminders.server";
import { TASK_DESCRIPTION_LIMITS, type RichTextInput } from "~/models/rich-text-fields";
import { readRichTextInput } from "~/models/rich-text-input.server";
import { ownerRefValue, type OwnerRef } from "~/models/task-owner";
import { inheritedVisibility, type Visibility } from "~/models/visibility";
import { db, type Prisma } from "~/utils/db.server";
import { formatDate, humanize } from "~/utils/format";
import type { ConsoleScope } from "~/utils/guard.server";

/**
 * Running an account's plan from the console: edits of objectives, milestones, tasks (in a plan
 * or a success case) and comments. Every id is looked up inside the scope's vendor AND the
 * account of the page, so a foreign or missing id is a 404. Each change writes its activity line
 * in the same transaction, visible to the customer only if the item is (it and all its parents).
 */
type Scope = Pick<ConsoleScope, "vendorId" | "userId">;

async function nextPosition(find: Promise<{ position: number } | null>) {
  return ((await find)?.position ?? -1) + 1;
}
const lastFirst = { orderBy: { position: "desc" as const }, select: { position: true } };

/** The page's account, inside the scope; a foreign or missing id is a 404 before any form is read. */
export async function requireAccount(scope: Pick<ConsoleScope, "vendorId">, accountId: string) {
  const account = await db.account.findFirst({ where: { id: accountId, vendorId: scope.vendorId }, select: { id: true } });
  if (!account) throw new DomainError("not_found");
  return account;
}

// ---- tasks ----------------------------------------------------------------------------------

export type TaskChange = { title: string; status: TaskStatus; visibility: Visibility; owner: OwnerRef; dueDate: Date | null };

const taskStateSelect = {
  id: true,
  title: true,
  status: true,
  visibility: true,
  dueDate: true,
  version: true,
  completedAt: true,
  ownerVendorUserId: true,
  ownerStakeholderId: true,
  ownerVendorUser: { select: { name: true } },
  ownerStakeholder: { select: { name: true } },
  initiative: { select: { visibility: true, objective: { select: { visibility: true } } } },
  case: { select: { visibility: true } },
} satisfies Prisma.SuccessTaskSelect;
type TaskState = Prisma.SuccessTaskGetPayload<{ select: typeof taskStateSelect }>;

function findTask(scope: Scope, accountId: string, taskId: string) {
  return db.successTask.findFirst({ where: { id: taskId, vendorId: scope.vendorId, accountId }, select: taskStateSelect });
}

/** The task as it is now, for the "someone changed this task" answer. */
function currentTask(task: TaskState) {
  return {
    title: task.title,
    status: task.status,
    visibility: task.visibility,
    dueDate: task.dueDate,
    version: task.version,
    ownerRef: ownerRefValue({ vendorUserId: task.ownerVendorUserId, stakeholderId: task.ownerStakeholderId }),
    ownerName: task.ownerVendorUser?.name ?? task.ownerStakeholder?.name ?? null,
  };
}
export type CurrentTask = ReturnType<typeof currentTask>;

export type UpdateTaskResult =
  { ok: true; version: number } | { ok: false; reason: "conflict"; current: CurrentTask } | { ok: false; reason: "owner" };

function taskVisibility(task: Pick<TaskState, "visibility" | "initiative" | "case">) {
  return inheritedVisibility(task.visibility, task.initiative?.visibility, task.initiative?.objective.visibility, task.case?.visibility);
}

/**
 * Saves a task edited from `expectedVersion`. If anyone saved it since, nothing is written and
 * the task's current values come back, so the editor sees them instead of overwriting them.
 */
export async function updateTask(
  scope: Scope,
  accountId: string,
  taskId: string,
  expectedVersion: number,
  change: TaskChange,
): Promise<UpdateTaskResult> {
  const before = await findTask(scope, accountId, taskId);
  if (!before) throw new DomainError("not_found");
  if (before.version !== expectedVersion) return { ok: false, reason: "conflict", current: currentTask(before) };
  const owner = await findOwnerInScope(db, scope, accountId, change.owner);
  if (!owner) return { ok: false, reason: "owner" };

  const wasDone = before.status === "done";
  const isDone = change.status === "done";
  const completedAt = isDone ? (wasDone ? before.completedAt : new Date()) : null;
  const changes = [
    change.title !== before.title ? `renamed to "${change.title}"` : null,
    change.status !== before.status ? `status ${humanize(change.status)}` : null,
    owner.ownerVendorUserId !== before.ownerVendorUserId || owner.ownerStakeholderId !== before.ownerStakeholderId ? "new owner" : null,
    (change.dueDate?.getTime() ?? null) !== (before.dueDate?.getTime() ?? null)
      ? `due ${formatDate(change.dueDate, "date cleared")}`
      : null,
    change.visibility !== before.visibility ? (change.visibility === "internal" ? "made internal" : "shared with the customer") : null,
  ].filter(Boolean);
  try {
    const saved = await db.$transaction(async (tx) => {
      const { count } = await tx.successTask.updateMany({
        where: { id: taskId, vendorId: scope.vendorId, accountId, version: expectedVersion },
        data: {
          title: change.title,
          status: change.status,
          visibility: change.visibility,
          dueDate: change.dueDate,
          completedAt,
          ...owner,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw new DomainError("conflict");
      await recordConsoleActivity(tx, scope, {
        accountId,
        action: "task.updated",
        subjectType: "SuccessTask",
        subjectId: taskId,
        summary: `updated the task "${before.title}"${changes.length ? `: ${changes.join(", ")}` : ""}`,
        // Both before and after: a task leaving the customer's view must not announce itself there.
        visibility: inheritedVisibility(taskVisibility({ ...before, visibility: change.visibility }), taskVisibility(before)),
      });
      return { ok: true as const, version: expectedVersion + 1 };
    });
    // After the commit: a change that rolled back must not have told anyone.
    if (owner.ownerStakeholderId && owner.ownerStakeholderId !== before.ownerStakeholderId) await mailTaskAssigned(scope, taskId);
    return saved;
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "conflict") throw error;
    const now = await findTask(scope, accountId, taskId);
    if (!now) throw new DomainError("not_found");
    return { ok: false, reason: "conflict", current: currentTask(now) };
  }
}

export type UpdateDescriptionResult = UpdateTaskResult | { ok: false; reason: "invalid"; error: string };

/**
 * Saves a task's description (rich text; null removes it), edited from `expectedVersion`: like
 * updateTask, a task saved by anyone since is not touched. An emptied text is a mistake, not a removal.
 */
export async function updateTaskDescription(
  scope: Scope,
  accountId: string,
  taskId: string,
  expectedVersion: number,
  content: RichTextInput | null,
): Promise<UpdateDescriptionResult> {
  const before = await findTask(scope, accountId, taskId);
  if (!before) throw new DomainError("not_found");
  const read = content ? readRichTextInput(content, TASK_DESCRIPTION_LIMITS) : null;
  if (read && !read.ok) return { ok: false, reason: "invalid", error: read.error };
  if (read && !read.value) return { ok: false, reason: "invalid", error: "Write a description, or remove it" };
  const description = read?.value ?? null;
  if (before.version !== expectedVersion) return { ok: false, reason: "conflict", current: currentTask(before) };
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.successTask.updateMany({
        where: { id: taskId, vendorId: scope.vendorId, accountId, version: expectedVersion },
        data: {
          description: description?.text ?? null,
          descriptionJson: description?.json ?? null,
          descriptionHtml: description?.html ?? null,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw new DomainError("conflict");
      await recordConsoleActivity(tx, scope, {
        accountId,
        action: "task.description_updated",
        subjectType: "SuccessTask",
        subjectId: taskId,
        summary: description ? `updated the description of "${before.title}"` : `removed the description of "${before.title}"`,
        visibility: taskVisibility(before),
      });
      return { ok: true as const, version: expectedVersion + 1 };
    });
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "conflict") throw error;
    const now = await findTask(scope, accountId, taskId);
    if (!now) throw new DomainError("not_found");
    return { ok: false, reason: "conflict", current: currentTask(now) };
  }
}

export type NewTask = { title: string; visibility: Visibility; owner: OwnerRef; dueDate: Date | null };

export async function addTask(scope: Scope, accountId: string, milestoneId: string, input: NewTask) {
  const milestone = await db.successInitiative.findFirst({
    where: { id: milestoneId, vendorId: scope.vendorId, plan: { accountId } },
    select: { id: true, planId: true, title: true, visibility: true, objective: { select: { visibility: true } } },
  });
  if (!milestone) throw new DomainError("not_found");
  const owner = await findOwnerInScope(db, scope, accountId, input.owner);
  if (!owner) return { ok: false as const, reason: "owner" as const };
  const position = await nextPosition(
    db.successTask.findFirst({ where: { initiativeId: milestone.id, vendorId: scope.vendorId }, ...lastFirst }),
  );
  const task = await db.$transaction(async (tx) => {
    const created = await tx.successTask.create({
      data: {
        vendorId: scope.vendorId,
        accountId,
        planId: milestone.planId,
        initiativeId: milestone.id,
        title: input.title,
        visibility: input.visibility,
        dueDate: input.dueDate,
        position,
        ...owner,
      },
      select: { id: true },
    });
    await recordConsoleActivity(tx, scope, {
      accountId,
      action: "task.created",
      subjectType: "SuccessTask",
      subjectId: created.id,
      summary: `added the task "${input.title}" to "${milestone.title}"`,
      visibility: inheritedVisibility(input.visibility, milestone.visibility, milestone.objective.visibility),
    });
    return created;
  });
  if (owner.ownerStakeholderId) await mailTaskAssigned(scope, task.id);
  return { ok: true as const, id: task.id };
}

// ---- objectives and milestones ------------------------------------------------------------------

export type ObjectiveChange = { title: string; visibility: Visibility };
export type MilestoneChange = { title: string; visibility: Visibility; targetDate: Date | null };

export async function addObjective(scope: Scope, accountId: string, planId: string, input: ObjectiveChange) {
  const plan = await db.successPlan.findFirst({ where: { id: planId, vendorId: scope.vendorId, accountId }, select: { id: true } });
  if (!plan) throw new DomainError("not_found");
  const position = await nextPosition(
    db.successObjective.findFirst({ where: { planId: plan.id, vendorId: scope.vendorId }, ...lastFirst }),
  );
  return db.$transaction(async (tx) => {
    const created = await tx.successObjective.create({
      data: { vendorId: scope.vendorId, planId: plan.id, position, ...input },
      select: { id: true },
    });
    await recordConsoleActivity(tx, scope, {
      accountId,
      action: "objective.created",
      subjectType: "SuccessObjective",
      subjectId: created.id,
      summary: `added the objective "${input.title}"`,
      visibility: input.visibility,
    });
    return created;
  });
}

export async function addMilestone(scope: Scope, accountId: string, objectiveId: string, input: MilestoneChange) {
  const objective = await db.successObjective.findFirst({
    where: { id: objectiveId, vendorId: scope.vendorId, plan: { accountId } },
    select: { id: true, planId: true, title: true, visibility: true },
  });
  if (!objective) throw new DomainError("not_found");
  const position = await nextPosition(
    db.successInitiative.findFirst({ where: { objectiveId: objective.id, vendorId: scope.vendorId }, ...lastFirst }),
  );
  return db.$transaction(async (tx) => {
    const created = await tx.successInitiative.create({
      data: { vendorId: scope.vendorId, planId: objective.planId, objectiveId: objective.id, position, ...input },
      select: { id: true },
    });
    await recordConsoleActivity(tx, scope, {
      accountId,
      action: "milestone.created",
      subjectType: "SuccessInitiative",
      subjectId: created.id,
      summary: `added the milestone "${input.title}" to "${objective.title}"`,
      visibility: inheritedVisibility(input.visibility, objective.visibility),
    });
    return created;
  });
}

export async function updateObjective(scope: Scope, accountId: string, objectiveId: string, input: ObjectiveChange) {
  const before = await db.successObjective.findFirst({
    where: { id: objectiveId, vendorId: scope.vendorId, plan: { accountId } },
    select: { title: true, visibility: true },
  });
  if (!before) throw new DomainError("not_found");
  await db.$transaction([
    db.successObjective.updateMany({ where: { id: objectiveId, vendorId: scope.vendorId }, data: input }),
    recordConsoleActivity(db, scope, {
      accountId,
      action: "objective.updated",
      subjectType: "SuccessObjective",
      subjectId: objectiveId,
      summary: `updated the objective "${before.title}"`,
      visibility: inheritedVisibility(before.visibility, input.visibility),
    }),
  ]);
}

export async function updateMilestone(scope: Scope, accountId: string, milestoneId: string, input: MilestoneChange) {
  const before = await db.successInitiative.findFirst({
    where: { id: milestoneId, vendorId: scope.vendorId, plan: { accountId } },
    select: { title: true, visibility: true, objective: { select: { visibility: true } } },
  });
  if (!before) throw new DomainError("not_found");
  await db.$transaction([
    db.successInitiative.updateMany({ where: { id: milestoneId, vendorId: scope.vendorId }, data: input }),
    recordConsoleActivity(db, scope, {
      accountId,
      action: "milestone.updated",
      subjectType: "SuccessInitiative",
      subjectId: milestoneId,
      summary: `updated the milestone "${before.title}"`,
      visibility: inheritedVisibility(before.visibility, input.visibility, before.objective.visibility),
    }),
  ]);
}

// ---- removal and comments --------------------------------------------------------------------

const subjectTypes = { objective: "SuccessObjective", milestone: "SuccessInitiative", task: "SuccessTask" } as const;

/** Any item of the account's plans or cases, with the visibility its parents leave it. */
async function findPlanItem(scope: Scope, accountId: string, kind: PlanItemKind, id: string) {
  const where = { id, vendorId: scope.vendorId };
  if (kind === "objective") {
    const row = await db.successObjective.findFirst({
      where: { ...where, plan: { accountId } },
      select: { title: true, visibility: true },
    });
    return row && { title: row.title, visibility: inheritedVisibility(row.visibility) };
  }
  if (kind === "milestone") {
    const row = await db.successInitiative.findFirst({
      where: { ...where, plan: { accountId } },
      select: { title: true, visibility: true, objective: { select: { visibility: true } } },
    });
    return row && { title: row.title, visibility: inheritedVisibility(row.visibility, row.objective.visibility) };
  }
  const row = await db.successTask.findFirst({ where: { ...where, accountId }, select: taskStateSelect });
  return row && { title: row.title, visibility: taskVisibility(row) };
}

/** Removes an item with everything under it (milestones, tasks, comments: the schema cascades). */
export async function removePlanItem(scope: Scope, accountId: string, kind: PlanItemKind, id: string) {
  const item = await findPlanItem(scope, accountId, kind, id);
  if (!item) throw new DomainError("not_found");
  const where = { id, vendorId: scope.vendorId };
  await db.$transaction(async (tx) => {
    if (kind === "objective") await tx.successObjective.deleteMany({ where });
    else if (kind === "milestone") await tx.successInitiative.deleteMany({ where });
    else await tx.successTask.deleteMany({ where });
    await recordConsoleActivity(tx, scope, {
      accountId,
      action: `${kind}.removed`,
      subjectType: subjectTypes[kind],
      subjectId: id,
      summary: `removed the ${kind} "${item.title}"`,
      visibility: item.visibility,
    });
  });
}

export type CommentInput = { on: PlanItemKind; itemId: string; visibility: Visibility; content: RichTextInput };

/**
 * A comment by a vendor user; internal ones are notes among the vendor's team, never in the hub.
 * Mentioned people (only those who will see it) get a Mention row and a mail.
 */
export async function addComment(scope: Scope & Pick<ConsoleScope, "user">, accountId: string, input: CommentInput) {
  const item = await findPlanItem(scope, accountId, input.on, input.itemId);
  if (!item) throw new DomainError("not_found");
  const read = await readCommentBody({ vendorId: scope.vendorId, accountId }, input.visibility, input.content);
  if (!read.ok) return read;
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        vendorId: scope.vendorId,
        accountId,
        taskId: input.on === "task" ? input.itemId : null,
        initiativeId: input.on === "milestone" ? input.itemId : null,
        objectiveId: input.on === "objective" ? input.itemId : null,
        ...commentBodyColumns(read.body),
        visibility: input.visibility,
        authorVendorUserId: scope.userId,
      },
      select: { id: true },
    });
    await createCommentMentions(tx, scope.vendorId, created.id, read.recipients);
    await recordConsoleActivity(tx, scope, {
      accountId,
      action: "comment.created",
      subjectType: "Comment",
      subjectId: created.id,
      summary: `commented on "${item.title}"`,
      visibility: inheritedVisibility(input.visibility, item.visibility),
    });
    return created;
  });
  await mailMentions(
    { vendorId: scope.vendorId, accountId },
    {
      author: { kind: "user", id: scope.userId, name: scope.user.name },
      item: { kind: input.on, id: input.itemId, title: item.title },
      body: read.body.text,
      recipients: read.recipients,
    },
  );
  return { ok: true as const, id: comment.id };
}

// ---- due-date proposals from the hub ---------------------------------------------------------

/** The account's pending due-date proposals by task id, oldest first, for the plan editor. */
export async function listPendingProposals(scope: Pick<ConsoleScope, "vendorId">, accountId: string) {
  const rows = await db.dueDateProposal.findMany({
    where: { vendorId: scope.vendorId, accountId, status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, taskId: true, proposedDueDate: true, note: true, createdAt: true, proposedBy: { select: { name: true } } },
  });
  const byTask: Record<string, Array<{ id: string; dueDate: Date; note: string | null; createdAt: Date; proposedBy: string }>> = {};
  for (const row of rows) {
    (byTask[row.taskId] ??= []).push({
      id: row.id,
      dueDate: row.proposedDueDate,
      note: row.note,
      createdAt: row.createdAt,
      proposedBy: row.proposedBy.name,
    });
  }
  return byTask;
}

export type ProposalDecision = "accept" | "decline";
/**
 * Accepts (the task's due date moves and its version goes up, so an editor open on the old date
 * gets a conflict) or declines a pending proposal, in one transaction with its activity line. A
 * proposal someone answered meanwhile is left as it is.
 */
export async function decideDueDateProposal(scope: Scope, accountId: string, proposalId: string, decision: ProposalDecision) {
  const proposal = await db.dueDateProposal.findFirst({
    where: { id: proposalId, vendorId: scope.vendorId, accountId },
    select: { id: true, status: true, proposedDueDate: true, proposedBy: { select: { name: true } }, task: { select: taskStateSelect } },
  });
  if (!proposal) throw new DomainError("not_found");
  if (proposal.status !== "pending") return { ok: false as const, reason: "decided" as const };
  const { task } = proposal;
  const accepted = decision === "accept";
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.dueDateProposal.updateMany({
        where: { id: proposal.id, vendorId: scope.vendorId, status: "pending" },
        data: { status: accepted ? "accepted" : "declined", decidedById: scope.userId, decidedAt: new Date() },
      });
      if (count === 0) throw new DomainError("conflict");
      if (accepted) {
        await tx.successTask.updateMany({
          where: { id: task.id, vendorId: scope.vendorId, accountId },
          data: { dueDate: proposal.proposedDueDate, version: { increment: 1 } },
        });
      }
      await recordConsoleActivity(tx, scope, {
        accountId,
        action: accepted ? "task.due_date_accepted" : "task.due_date_declined",
        subjectType: "SuccessTask",
        subjectId: task.id,
        summary: `${accepted ? "accepted" : "declined"} ${proposal.proposedBy.name}'s proposal to move "${task.title}" to ${formatDate(proposal.proposedDueDate)}`,
        visibility: taskVisibility(task),
      });
    });
  } catch (error) {
    if (isDomainError(error) && error.kind === "conflict") return { ok: false as const, reason: "decided" as const };
    throw error;
  }
  return { ok: true as const };
}
