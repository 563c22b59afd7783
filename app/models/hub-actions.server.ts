import { recordHubActivity } from "~/models/activity.server";
import { commentBodyColumns, createCommentMentions, readCommentBody } from "~/models/comment.server";
import { DomainError, isDomainError } from "~/models/domain-error";
import { findHubTask, hubTaskWhere } from "~/models/hub.server";
import { mailMentions } from "~/models/mention.server";
import type { PlanItemKind } from "~/models/plan-fields";
import { customerVisible, hubVisibleMilestone, hubVisibleObjective } from "~/models/visibility";
import { db, isUniqueViolation } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import type { HubScope } from "~/utils/guard.server";

/**
 * What a stakeholder does on the hub's plan: complete or reopen their own tasks, comment (with
 * @mentions), propose a new due date. Every item is looked up like the hub shows it: in the
 * session's vendor and account, customer-visible with every parent customer-visible. Anything
 * else is a 404, the same as a missing id. Each change writes a customer-visible activity line
 * in the same transaction, so the CSM sees it on the account page at once.
 */
type Scope = Pick<HubScope, "vendorId" | "accountId" | "stakeholderId"> & {
  stakeholder: { name: string };
};

async function findHubItem(scope: Scope, kind: PlanItemKind, id: string) {
  // AND, not a spread: the visibility filters have their own `plan` and must not replace the account's.
  const inAccount = { id, vendorId: scope.vendorId, plan: { accountId: scope.accountId } };
  if (kind === "objective") {
    return db.successObjective.findFirst({ where: { AND: [inAccount, hubVisibleObjective] }, select: { id: true, title: true } });
  }
  if (kind === "milestone") {
    return db.successInitiative.findFirst({ where: { AND: [inAccount, hubVisibleMilestone] }, select: { id: true, title: true } });
  }
  return db.successTask.findFirst({
    where: hubTaskWhere(scope, id),
    select: { id: true, title: true },
  });
}

// ---- completing and reopening -------------------------------------------------------------

export type HubTaskState = { title: string; status: string; version: number };
export type SetTaskDoneResult = { ok: true; version: number } | { ok: false; reason: "conflict"; current: HubTaskState };

/**
 * Marks one of the stakeholder's own tasks done (or back to do), from the version they saw. A
 * task saved by anyone since is not touched: its current state comes back instead.
 */
export async function setHubTaskDone(scope: Scope, taskId: string, expectedVersion: number, done: boolean): Promise<SetTaskDoneResult> {
  const find = () => findHubTask(scope, taskId, scope.stakeholderId);
  const before = await find();
  if (!before) throw new DomainError("not_found");
  const conflict = (task: typeof before) => ({
    ok: false as const,
    reason: "conflict" as const,
    current: { title: task.title, status: task.status, version: task.version },
  });
  if (before.version !== expectedVersion) return conflict(before);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.successTask.updateMany({
        where: {
          id: taskId,
          vendorId: scope.vendorId,
          accountId: scope.accountId,
          version: expectedVersion,
        },
        data: {
          status: done ? "done" : "todo",
          completedAt: done ? (before.status === "done" ? before.completedAt : new Date()) : null,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw new DomainError("conflict");
      await recordHubActivity(tx, scope, {
        action: done ? "task.completed" : "task.reopened",
        subjectType: "SuccessTask",
        subjectId: taskId,
        summary: done ? `completed the task "${before.title}"` : `reopened the task "${before.title}"`,
      });
      return { ok: true as const, version: expectedVersion + 1 };
    });
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "conflict") throw error;
    const now = await find();
    if (!now) throw new DomainError("not_found");
    return conflict(now);
  }
}

// ---- comments and mentions ------------------------------------------------------------------

export type HubCommentInput = {
  on: PlanItemKind;
  itemId: string;
  /** Plain text (typed before the editor loaded, or a reply from a mail)… */
  body?: string;
  /** …or the editor's document. */
  bodyJson?: string;
};

/**
 * A stakeholder's comment: always customer-visible. Mentions are resolved against the account's
 * stakeholders and the vendor's team only; each mentioned person gets a Mention row (with the
 * comment, in one transaction) and then a mail.
 */
export async function addHubComment(scope: Scope, input: HubCommentInput) {
  const item = await findHubItem(scope, input.on, input.itemId);
  if (!item) throw new DomainError("not_found");
  const read = await readCommentBody(scope, "customer", { json: input.bodyJson, text: input.body });
  if (!read.ok) return read;
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        vendorId: scope.vendorId,
        accountId: scope.accountId,
        taskId: input.on === "task" ? item.id : null,
        initiativeId: input.on === "milestone" ? item.id : null,
        objectiveId: input.on === "objective" ? item.id : null,
        ...commentBodyColumns(read.body),
        ...customerVisible,
        authorStakeholderId: scope.stakeholderId,
      },
      select: { id: true },
    });
    await createCommentMentions(tx, scope.vendorId, created.id, read.recipients);
    await recordHubActivity(tx, scope, {
      action: "comment.created",
      subjectType: "Comment",
      subjectId: created.id,
      summary: `commented on "${item.title}"`,
    });
    return created;
  });
  await mailMentions(scope, {
    author: {
      kind: "stakeholder",
      id: scope.stakeholderId,
      name: scope.stakeholder.name,
    },
    item: { kind: input.on, id: item.id, title: item.title },
    body: read.body.text,
    recipients: read.recipients,
  });
  return { ok: true as const, id: comment.id };
}

/**
 * The customer-visible comments of the items the hub shows, by item id, oldest first. Comments of
 * anything else (internal items, or items under internal parents) are dropped with their items.
 */
export async function listHubComments(scope: Pick<HubScope, "vendorId" | "accountId">, itemIds: Set<string>) {
  const rows = await db.comment.findMany({
    where: {
      vendorId: scope.vendorId,
      accountId: scope.accountId,
      ...customerVisible,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      body: true,
      bodyHtml: true,
      createdAt: true,
      taskId: true,
      initiativeId: true,
      objectiveId: true,
      authorVendorUser: { select: { name: true } },
      authorStakeholder: { select: { name: true } },
    },
  });
  const byItem: Record<string, Array<{ id: string; body: string; bodyHtml: string | null; createdAt: Date; author: string | null }>> = {};
  for (const row of rows) {
    const itemId = row.taskId ?? row.initiativeId ?? row.objectiveId;
    if (!itemId || !itemIds.has(itemId)) continue;
    (byItem[itemId] ??= []).push({
      id: row.id,
      body: row.body,
      bodyHtml: row.bodyHtml,
      createdAt: row.createdAt,
      author: row.authorStakeholder?.name ?? row.authorVendorUser?.name ?? null,
    });
  }
  return byItem;
}

// ---- due-date proposals -----------------------------------------------------------------------

export type ProposeResult = { ok: true; id: string } | { ok: false; reason: "pending" };

/**
 * Asks the CSM to move a task's due date. One pending proposal per task and person: a unique
 * index keeps it, so two submissions at once cannot both land (the second is told it waits).
 */
export async function proposeDueDate(scope: Scope, taskId: string, input: { dueDate: Date; note: string | null }): Promise<ProposeResult> {
  const task = await db.successTask.findFirst({
    where: hubTaskWhere(scope, taskId),
    select: { id: true, title: true },
  });
  if (!task) throw new DomainError("not_found");
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.dueDateProposal.create({
        data: {
          vendorId: scope.vendorId,
          accountId: scope.accountId,
          taskId: task.id,
          proposedById: scope.stakeholderId,
          proposedDueDate: input.dueDate,
          note: input.note,
        },
        select: { id: true },
      });
      await recordHubActivity(tx, scope, {
        action: "task.due_date_proposed",
        subjectType: "SuccessTask",
        subjectId: task.id,
        summary: `proposed moving "${task.title}" to ${formatDate(input.dueDate)}`,
      });
      return { ok: true as const, id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "pending" };
    throw error;
  }
}

/** The signed-in stakeholder's pending proposals, by task id. */
export async function listMyPendingProposals(scope: Pick<HubScope, "vendorId" | "accountId" | "stakeholderId">) {
  const rows = await db.dueDateProposal.findMany({
    where: {
      vendorId: scope.vendorId,
      accountId: scope.accountId,
      proposedById: scope.stakeholderId,
      status: "pending",
    },
    select: { taskId: true, proposedDueDate: true },
  });
  return Object.fromEntries(rows.map((row) => [row.taskId, row.proposedDueDate]));
}
