import { isOverdue, summarizeProgress, type Progress } from "~/models/plan-progress";
import { ownerRefValue } from "~/models/task-owner";
import { currentPlan, isInternal } from "~/models/visibility";
import { db, type Prisma } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;

const byPosition = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

export type PlanSummary = { percent: number; total: number; overdue: number };

/**
 * Progress and overdue count of the current plan of each given account, in three queries
 * whatever the number of accounts (the accounts list shows a page of them at once).
 */
export async function summarizeCurrentPlans(scope: Scope, accountIds: string[]): Promise<Map<string, PlanSummary>> {
  const summaries = new Map<string, PlanSummary>();
  if (accountIds.length === 0) return summaries;
  const plans = await db.successPlan.findMany({
    where: { vendorId: scope.vendorId, accountId: { in: accountIds }, ...currentPlan },
    select: { id: true, accountId: true },
  });
  const accountByPlan = new Map(plans.map((plan) => [plan.id, plan.accountId]));
  const planIds = [...accountByPlan.keys()];
  if (planIds.length === 0) return summaries;

  const [byStatus, overdue] = await Promise.all([
    db.successTask.groupBy({
      by: ["planId", "status"],
      where: { vendorId: scope.vendorId, planId: { in: planIds } },
      _count: { _all: true },
    }),
    db.successTask.groupBy({
      by: ["planId"],
      // The same rule as isOverdue: not done and due before now.
      where: { vendorId: scope.vendorId, planId: { in: planIds }, status: { not: "done" }, dueDate: { lt: new Date() } },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map<string, { total: number; done: number; overdue: number }>();
  const countsOf = (planId: string) => {
    let entry = counts.get(planId);
    if (!entry) counts.set(planId, (entry = { total: 0, done: 0, overdue: 0 }));
    return entry;
  };
  for (const row of byStatus) {
    if (row.planId === null) continue; // a success case's task, outside any plan
    const entry = countsOf(row.planId);
    entry.total += row._count._all;
    if (row.status === "done") entry.done += row._count._all;
  }
  for (const row of overdue) if (row.planId !== null) countsOf(row.planId).overdue = row._count._all;
  for (const [planId, accountId] of accountByPlan) {
    const { total, done, overdue: overdueCount } = countsOf(planId);
    summaries.set(accountId, { total, overdue: overdueCount, percent: total ? Math.round((done / total) * 100) : 0 });
  }
  return summaries;
}

export type TaskSide = "vendor" | "customer";

const commentSelect = {
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  select: {
    id: true,
    body: true,
    bodyHtml: true,
    visibility: true,
    createdAt: true,
    authorVendorUser: { select: { name: true } },
    authorStakeholder: { select: { name: true } },
  },
} satisfies Prisma.SuccessTask$commentsArgs;

/** What the console shows and edits of a task, wherever it sits (a plan milestone or a case). */
export const consoleTaskSelect = {
  id: true,
  title: true,
  description: true,
  descriptionJson: true,
  descriptionHtml: true,
  status: true,
  visibility: true,
  dueDate: true,
  version: true,
  ownerVendorUserId: true,
  ownerStakeholderId: true,
  ownerVendorUser: { select: { name: true } },
  ownerStakeholder: { select: { name: true } },
  comments: commentSelect,
} satisfies Prisma.SuccessTaskSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: (typeof commentSelect)["select"] }>;
type TaskRow = Prisma.SuccessTaskGetPayload<{ select: typeof consoleTaskSelect }>;

function toConsoleComment(comment: CommentRow) {
  return {
    id: comment.id,
    body: comment.body,
    bodyHtml: comment.bodyHtml,
    internal: isInternal(comment.visibility),
    createdAt: comment.createdAt,
    author: comment.authorVendorUser?.name ?? comment.authorStakeholder?.name ?? null,
  };
}

/**
 * Why a customer-visible item is still hidden from the hub: an internal parent (the hub never
 * fetches the children of an internal objective, milestone or case).
 */
export type HiddenBy = "objective" | "milestone" | "case" | null;

export function toConsoleTask(task: TaskRow, now: Date, parentHiddenBy: HiddenBy) {
  const owner = task.ownerVendorUser
    ? { name: task.ownerVendorUser.name, side: "vendor" as TaskSide }
    : task.ownerStakeholder
      ? { name: task.ownerStakeholder.name, side: "customer" as TaskSide }
      : null;
  const internal = isInternal(task.visibility);
  return {
    id: task.id,
    title: task.title,
    description: { text: task.description, json: task.descriptionJson, html: task.descriptionHtml },
    status: task.status,
    dueDate: task.dueDate,
    version: task.version,
    internal,
    hiddenBy: internal ? null : parentHiddenBy,
    overdue: isOverdue(task, now),
    owner,
    ownerRef: ownerRefValue({ vendorUserId: task.ownerVendorUserId, stakeholderId: task.ownerStakeholderId }),
    comments: task.comments.map(toConsoleComment),
  };
}

export type ConsoleTask = ReturnType<typeof toConsoleTask>;

/**
 * The console's view of an account's current plan: every objective, milestone and task in
 * order with their comments, internal ones included (each carries its visibility so the page
 * can mark it, and a customer-visible item under an internal parent says it is hidden anyway).
 */
export async function getAccountPlan(scope: Scope, accountId: string, now = new Date()) {
  const plan = await db.successPlan.findFirst({
    where: { vendorId: scope.vendorId, accountId, ...currentPlan },
    select: {
      id: true,
      title: true,
      engagement: { select: { kind: true, startDate: true, targetEndAt: true } },
      objectives: {
        orderBy: byPosition,
        select: {
          id: true,
          title: true,
          description: true,
          visibility: true,
          comments: commentSelect,
          initiatives: {
            orderBy: byPosition,
            select: {
              id: true,
              title: true,
              targetDate: true,
              visibility: true,
              comments: commentSelect,
              tasks: { orderBy: byPosition, select: consoleTaskSelect },
            },
          },
        },
      },
    },
  });
  if (!plan) return null;

  const overdueBySide: Record<TaskSide, number> = { vendor: 0, customer: 0 };
  const allTasks: Array<{ status: string; dueDate: Date | null }> = [];
  const objectives = plan.objectives.map((objective) => {
    const objectiveTasks = objective.initiatives.flatMap((initiative) => initiative.tasks);
    allTasks.push(...objectiveTasks);
    const objectiveInternal = isInternal(objective.visibility);
    return {
      id: objective.id,
      title: objective.title,
      description: objective.description,
      internal: objectiveInternal,
      progress: summarizeProgress(objectiveTasks, now),
      comments: objective.comments.map(toConsoleComment),
      milestones: objective.initiatives.map((initiative) => {
        const milestoneInternal = isInternal(initiative.visibility);
        const hiddenBy: HiddenBy = objectiveInternal ? "objective" : milestoneInternal ? "milestone" : null;
        return {
          id: initiative.id,
          title: initiative.title,
          targetDate: initiative.targetDate,
          internal: milestoneInternal,
          hiddenBy: milestoneInternal ? null : objectiveInternal ? ("objective" as HiddenBy) : null,
          comments: initiative.comments.map(toConsoleComment),
          tasks: initiative.tasks.map((row) => {
            const task = toConsoleTask(row, now, hiddenBy);
            if (task.overdue && task.owner) overdueBySide[task.owner.side] += 1;
            return task;
          }),
        };
      }),
    };
  });
  const progress: Progress = summarizeProgress(allTasks, now);
  return { id: plan.id, title: plan.title, engagement: plan.engagement, progress, overdueBySide, objectives };
}
