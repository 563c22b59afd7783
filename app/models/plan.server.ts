import { isOverdue, summarizeProgress, type Progress } from "~/models/plan-progress";
import { db, type Prisma } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;

/** An account's current plan is the one of its most recently started engagement. */
const currentPlanFirst: Prisma.SuccessPlanOrderByWithRelationInput[] = [
  { engagement: { startDate: "desc" } },
  { createdAt: "desc" },
  { id: "desc" },
];
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
    where: { vendorId: scope.vendorId, accountId: { in: accountIds } },
    select: { id: true, accountId: true },
    orderBy: currentPlanFirst,
  });
  const accountByPlan = new Map<string, string>();
  const seenAccounts = new Set<string>();
  for (const plan of plans) {
    if (seenAccounts.has(plan.accountId)) continue;
    seenAccounts.add(plan.accountId);
    accountByPlan.set(plan.id, plan.accountId);
  }
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

// Anything not explicitly customer-visible is marked internal: the safe reading of an odd value.
const isInternal = (visibility: string) => visibility !== "customer";

/**
 * The console's view of an account's current plan: every objective, milestone and task in
 * order, internal ones included (each carries its visibility so the page can mark it).
 */
export async function getAccountPlan(scope: Scope, accountId: string) {
  const plan = await db.successPlan.findFirst({
    where: { vendorId: scope.vendorId, accountId },
    orderBy: currentPlanFirst,
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
          initiatives: {
            orderBy: byPosition,
            select: {
              id: true,
              title: true,
              targetDate: true,
              visibility: true,
              tasks: {
                orderBy: byPosition,
                select: {
                  id: true,
                  title: true,
                  status: true,
                  visibility: true,
                  dueDate: true,
                  ownerVendorUser: { select: { name: true } },
                  ownerStakeholder: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!plan) return null;

  const now = new Date();
  const overdueBySide: Record<TaskSide, number> = { vendor: 0, customer: 0 };
  const allTasks: Array<{ status: string; dueDate: Date | null }> = [];
  const objectives = plan.objectives.map((objective) => {
    const objectiveTasks = objective.initiatives.flatMap((initiative) => initiative.tasks);
    allTasks.push(...objectiveTasks);
    return {
      id: objective.id,
      title: objective.title,
      description: objective.description,
      internal: isInternal(objective.visibility),
      progress: summarizeProgress(objectiveTasks, now),
      milestones: objective.initiatives.map((initiative) => ({
        id: initiative.id,
        title: initiative.title,
        targetDate: initiative.targetDate,
        internal: isInternal(initiative.visibility),
        tasks: initiative.tasks.map((task) => {
          const overdue = isOverdue(task, now);
          const owner = task.ownerVendorUser
            ? { name: task.ownerVendorUser.name, side: "vendor" as TaskSide }
            : task.ownerStakeholder
              ? { name: task.ownerStakeholder.name, side: "customer" as TaskSide }
              : null;
          if (overdue && owner) overdueBySide[owner.side] += 1;
          return {
            id: task.id,
            title: task.title,
            status: task.status,
            dueDate: task.dueDate,
            internal: isInternal(task.visibility),
            overdue,
            owner,
          };
        }),
      })),
    };
  });
  const progress: Progress = summarizeProgress(allTasks, now);
  return { id: plan.id, title: plan.title, engagement: plan.engagement, progress, overdueBySide, objectives };
}
