import { isOverdue, summarizeProgress } from "~/models/plan-progress";
import { brandTheme } from "~/utils/brand";
import { db } from "~/utils/db.server";
import type { HubScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

/**
 * What the customer hub shows. Every query is scoped by the session's vendor and account, and
 * every level of the plan is filtered to customer-visible items: a customer-visible task under
 * an internal milestone or objective is hidden too, because its parent is never fetched.
 */
const CUSTOMER = "customer";

export async function getHubAccount(scope: HubScope) {
  const [vendor, account] = await Promise.all([
    db.vendor.findUnique({
      where: { id: scope.vendorId },
      select: { slug: true, name: true, logoUrl: true, primaryColor: true },
    }),
    db.account.findFirst({ where: { id: scope.accountId, vendorId: scope.vendorId }, select: { name: true } }),
  ]);
  if (!vendor || !account) notFound();
  return {
    vendor: { slug: vendor.slug, name: vendor.name, logoUrl: vendor.logoUrl },
    theme: brandTheme(vendor.primaryColor),
    account: { name: account.name },
    stakeholder: { name: scope.stakeholder.name },
  };
}

function findCustomerPlans(scope: HubScope) {
  const vendorId = scope.vendorId;
  return db.successPlan.findMany({
    where: { vendorId, accountId: scope.accountId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      objectives: {
        where: { vendorId, visibility: CUSTOMER },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          title: true,
          description: true,
          initiatives: {
            where: { vendorId, visibility: CUSTOMER },
            orderBy: [{ position: "asc" }, { createdAt: "asc" }],
            select: {
              id: true,
              title: true,
              description: true,
              targetDate: true,
              tasks: {
                where: { vendorId, accountId: scope.accountId, visibility: CUSTOMER },
                orderBy: [{ position: "asc" }, { createdAt: "asc" }],
                select: {
                  id: true,
                  title: true,
                  status: true,
                  dueDate: true,
                  ownerStakeholderId: true,
                  ownerStakeholder: { select: { name: true } },
                  ownerVendorUser: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
  });
}

type CustomerPlan = Awaited<ReturnType<typeof findCustomerPlans>>[number];
type CustomerTask = CustomerPlan["objectives"][number]["initiatives"][number]["tasks"][number];

function toHubTask(task: CustomerTask, scope: HubScope, now: Date) {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    dueDate: task.dueDate,
    overdue: isOverdue(task, now),
    ownerName: task.ownerStakeholder?.name ?? task.ownerVendorUser?.name ?? null,
    mine: task.ownerStakeholderId === scope.stakeholderId,
  };
}

/** The plan as the customer sees it: plans → objectives → milestones → tasks, with progress. */
export async function getHubPlan(scope: HubScope, now = new Date()) {
  const plans = await findCustomerPlans(scope);
  return plans.map((plan) => ({
    id: plan.id,
    title: plan.title,
    objectives: plan.objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      description: objective.description,
      progress: summarizeProgress(objective.initiatives.flatMap((milestone) => milestone.tasks), now),
      milestones: objective.initiatives.map((milestone) => ({
        id: milestone.id,
        title: milestone.title,
        description: milestone.description,
        targetDate: milestone.targetDate,
        progress: summarizeProgress(milestone.tasks, now),
        tasks: milestone.tasks.map((task) => toHubTask(task, scope, now)),
      })),
    })),
  }));
}

export type HubPlan = Awaited<ReturnType<typeof getHubPlan>>;

const UPCOMING_MILESTONES = 3;

function startOfUtcDay(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The hub's start page: overall and per-objective progress, what is next, and what is mine. */
export async function getHubHome(scope: HubScope, now = new Date()) {
  const [vendor, plans] = await Promise.all([
    db.vendor.findUnique({ where: { id: scope.vendorId }, select: { welcomeMessage: true } }),
    getHubPlan(scope, now),
  ]);
  const objectives = plans.flatMap((plan) => plan.objectives);
  const milestones = objectives.flatMap((objective) =>
    objective.milestones.map((milestone) => ({ ...milestone, objectiveTitle: objective.title })),
  );
  const tasks = milestones.flatMap((milestone) => milestone.tasks.map((task) => ({ ...task, milestoneTitle: milestone.title })));

  // A milestone due today is still "next"; dates are whole days, compared in UTC like they are shown.
  const today = startOfUtcDay(now).getTime();
  const nextMilestones = milestones
    .filter((milestone) => milestone.targetDate && milestone.targetDate.getTime() >= today)
    .sort((a, b) => a.targetDate!.getTime() - b.targetDate!.getTime())
    .slice(0, UPCOMING_MILESTONES)
    .map(({ id, title, targetDate, objectiveTitle, progress }) => ({ id, title, targetDate: targetDate!, objectiveTitle, progress }));

  const dueTime = (task: { dueDate: Date | null }) => task.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
  const myTasks = tasks
    .filter((task) => task.mine && task.status !== "done")
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || dueTime(a) - dueTime(b) || a.title.localeCompare(b.title))
    .map(({ id, title, status, dueDate, overdue, milestoneTitle }) => ({ id, title, status, dueDate, overdue, milestoneTitle }));

  return {
    welcomeMessage: vendor?.welcomeMessage ?? null,
    progress: summarizeProgress(tasks, now),
    objectives: objectives.map(({ id, title, progress }) => ({ id, title, progress })),
    nextMilestones,
    myTasks,
  };
}
