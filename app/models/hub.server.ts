import { sql, toDate } from "~/db/sql.server";
import { getChangesSinceLastVisit } from "~/models/hub-visit.server";
import { isOverdue, summarizeProgress, type Progress } from "~/models/plan-progress";
import { customerVisible, hubVisibleCase, hubVisibleTask, sqlCurrentPlanJoin, sqlCustomerVisible } from "~/models/visibility";
import { brandTheme } from "~/utils/brand";
import { db, type Prisma } from "~/utils/db.server";
import type { HubScope } from "~/utils/guard.server";

/**
 * What the customer hub shows. Every query is scoped by the session's vendor and account, and
 * every level of the plan is filtered to customer-visible items (app/models/visibility.ts): a
 * customer-visible task under an internal milestone or objective is hidden too, because its
 * parent is never fetched.
 */

/**
 * Whose hub: the signed-in stakeholder's (HubScope), or an account's as nobody in particular,
 * for the console's "view as customer" (stakeholderId null: no task is "mine").
 */
export type HubViewScope = Pick<HubScope, "vendorId" | "accountId"> & { stakeholderId: string | null };

/** The signed-in hub's shell: everything it shows came with the scope. */
export function getHubAccount(scope: HubScope) {
  return {
    vendor: { slug: scope.vendor.slug, name: scope.vendor.name, logoUrl: scope.vendor.logoUrl },
    theme: brandTheme(scope.vendor.primaryColor),
    account: { name: scope.account.name },
    stakeholder: { name: scope.stakeholder.name },
  };
}

type OutlineRow = {
  planId: string;
  planTitle: string;
  objectiveId: string | null;
  objectiveTitle: string | null;
  objectiveDescription: string | null;
  milestoneId: string | null;
  milestoneTitle: string | null;
  milestoneDescription: string | null;
  targetDate: unknown;
};

type TaskRow = {
  id: string;
  initiativeId: string;
  title: string;
  status: string;
  dueDate: unknown;
  version: number;
  description: string | null;
  descriptionHtml: string | null;
  ownerStakeholderId: string | null;
  ownerStakeholderName: string | null;
  ownerVendorUserName: string | null;
};

// Every hub page shows (part of) the current plan (the plan of Account.currentEngagementId, which
// a CSM chooses), so it is two reads: the outline (plan, objectives, milestones) and the
// account's tasks, both filtered to customer-visible items. A task whose milestone or objective
// is internal, or in another plan, is dropped because its parent never comes back.
// Objectives and milestones are reached through the vendor's own plan by their parent's id;
// repeating the vendor there would lead SQLite's planner to the (vendorId) index instead.
const CUSTOMER_PLAN_OUTLINE_SQL = `
  SELECT p."id" AS "planId", p."title" AS "planTitle",
         o."id" AS "objectiveId", o."title" AS "objectiveTitle", o."description" AS "objectiveDescription",
         i."id" AS "milestoneId", i."title" AS "milestoneTitle", i."description" AS "milestoneDescription", i."targetDate"
    FROM "SuccessPlan" p
    LEFT JOIN "SuccessObjective" o ON o."planId" = p."id" AND ${sqlCustomerVisible("o")}
    LEFT JOIN "SuccessInitiative" i ON i."objectiveId" = o."id" AND ${sqlCustomerVisible("i")}
    ${sqlCurrentPlanJoin("p", "a")}
   WHERE p."vendorId" = ? AND p."accountId" = ?
   ORDER BY p."createdAt", p."id", o."position", o."createdAt", o."id", i."position", i."createdAt", i."id"`;

// One range of the (accountId, visibility, status) index, like the plan's own page in the console.
const CUSTOMER_PLAN_TASKS_SQL = `
  SELECT t."id", t."initiativeId", t."title", t."status", t."dueDate", t."version", t."description", t."descriptionHtml",
         t."ownerStakeholderId", os."name" AS "ownerStakeholderName", ou."name" AS "ownerVendorUserName"
    FROM "SuccessTask" t
    LEFT JOIN "Stakeholder" os ON os."id" = t."ownerStakeholderId"
    LEFT JOIN "VendorUser" ou ON ou."id" = t."ownerVendorUserId"
   WHERE t."accountId" = ? AND ${sqlCustomerVisible("t")} AND t."vendorId" = ? AND t."initiativeId" IS NOT NULL
   ORDER BY t."position", t."createdAt", t."id"`;

type HubTaskSource = {
  id: string;
  title: string;
  status: string;
  dueDate: Date | null;
  version: number;
  description: string | null;
  descriptionHtml: string | null;
  ownerStakeholderId: string | null;
  ownerName: string | null;
};

/** Where a task the hub shows is: in the scope's account, customer-visible with every parent. */
export function hubTaskWhere(scope: Pick<HubViewScope, "vendorId" | "accountId">, taskId: string): Prisma.SuccessTaskWhereInput {
  return { id: taskId, vendorId: scope.vendorId, accountId: scope.accountId, AND: [hubVisibleTask] };
}

/**
 * A task as the hub shows it (only when it is `ownerStakeholderId`'s, when given), or null: what
 * the hub's actions act on and what mail may link to.
 */
export function findHubTask(scope: Pick<HubViewScope, "vendorId" | "accountId">, taskId: string, ownerStakeholderId?: string) {
  return db.successTask.findFirst({
    where: { ...hubTaskWhere(scope, taskId), ...(ownerStakeholderId ? { ownerStakeholderId } : {}) },
    select: { id: true, title: true, status: true, version: true, completedAt: true, ownerStakeholderId: true },
  });
}

/** The customer-visible plans as a tree, in plan order. */
async function findCustomerPlans(scope: HubViewScope) {
  const reader = sql();
  const [outline, taskRows] = await Promise.all([
    reader.all<OutlineRow>(CUSTOMER_PLAN_OUTLINE_SQL, [scope.vendorId, scope.accountId]),
    reader.all<TaskRow>(CUSTOMER_PLAN_TASKS_SQL, [scope.accountId, scope.vendorId]),
  ]);
  const tasksByMilestone = new Map<string, HubTaskSource[]>();
  for (const row of taskRows) {
    const tasks = tasksByMilestone.get(row.initiativeId) ?? [];
    tasks.push({
      id: row.id,
      title: row.title,
      status: row.status,
      dueDate: toDate(row.dueDate, "nullable"),
      version: row.version,
      description: row.description,
      descriptionHtml: row.descriptionHtml,
      ownerStakeholderId: row.ownerStakeholderId,
      ownerName: row.ownerStakeholderName ?? row.ownerVendorUserName ?? null,
    });
    tasksByMilestone.set(row.initiativeId, tasks);
  }
  type Milestone = { id: string; title: string; description: string | null; targetDate: Date | null; tasks: HubTaskSource[] };
  type Objective = { id: string; title: string; description: string | null; milestones: Milestone[] };
  const plans: Array<{ id: string; title: string; objectives: Objective[] }> = [];
  // Rows arrive ordered, so each level's current node is the last one added.
  for (const row of outline) {
    let plan = plans.at(-1);
    if (plan?.id !== row.planId) plans.push((plan = { id: row.planId, title: row.planTitle, objectives: [] }));
    if (!row.objectiveId) continue;
    let objective = plan.objectives.at(-1);
    if (objective?.id !== row.objectiveId) {
      plan.objectives.push(
        (objective = { id: row.objectiveId, title: row.objectiveTitle!, description: row.objectiveDescription, milestones: [] }),
      );
    }
    if (!row.milestoneId) continue;
    objective.milestones.push({
      id: row.milestoneId,
      title: row.milestoneTitle!,
      description: row.milestoneDescription,
      targetDate: toDate(row.targetDate, "nullable"),
      tasks: tasksByMilestone.get(row.milestoneId) ?? [],
    });
  }
  return plans;
}

const customerTaskSelect = {
  id: true,
  title: true,
  status: true,
  dueDate: true,
  version: true,
  description: true,
  descriptionHtml: true,
  ownerStakeholderId: true,
  ownerStakeholder: { select: { name: true } },
  ownerVendorUser: { select: { name: true } },
} as const;

function toHubTask(task: HubTaskSource, scope: HubViewScope, now: Date) {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    dueDate: task.dueDate,
    version: task.version,
    overdue: isOverdue(task, now),
    ownerName: task.ownerName,
    mine: scope.stakeholderId !== null && task.ownerStakeholderId === scope.stakeholderId,
    // Stored sanitized on save; plain text for descriptions written before rich text.
    description: task.descriptionHtml ? { html: task.descriptionHtml } : task.description ? { text: task.description } : null,
  };
}

/** The plan as the customer sees it: plans → objectives → milestones → tasks, with progress. */
export async function getHubPlan(scope: HubViewScope, now = new Date()) {
  const plans = await findCustomerPlans(scope);
  return plans.map((plan) => ({
    id: plan.id,
    title: plan.title,
    objectives: plan.objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      description: objective.description,
      progress: summarizeProgress(
        objective.milestones.flatMap((milestone) => milestone.tasks),
        now,
      ),
      milestones: objective.milestones.map((milestone) => ({
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

/** Every milestone of the plans in plan order, each with its objective's title. */
function listHubMilestones(plans: HubPlan) {
  return plans.flatMap((plan) =>
    plan.objectives.flatMap((objective) => objective.milestones.map((milestone) => ({ ...milestone, objectiveTitle: objective.title }))),
  );
}

/**
 * The customer plays running on the account: open, customer-visible cases with their
 * customer-visible tasks. An internal play's case is never fetched, so neither are its tasks.
 */
export async function getHubCases(scope: HubViewScope, now = new Date()) {
  const vendorId = scope.vendorId;
  const cases = await db.successCase.findMany({
    where: { vendorId, accountId: scope.accountId, ...hubVisibleCase },
    orderBy: [{ launchedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      tasks: {
        where: { vendorId, accountId: scope.accountId, ...customerVisible },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: customerTaskSelect,
      },
    },
  });
  return cases.map((successCase) => ({
    id: successCase.id,
    title: successCase.title,
    progress: summarizeProgress(successCase.tasks, now),
    tasks: successCase.tasks.map(({ ownerStakeholder, ownerVendorUser, ...task }) =>
      toHubTask({ ...task, ownerName: ownerStakeholder?.name ?? ownerVendorUser?.name ?? null }, scope, now),
    ),
  }));
}

export type HubCases = Awaited<ReturnType<typeof getHubCases>>;

/** Every objective, milestone and task the hub shows: what its comments may hang on. */
export function hubItemIds(plans: HubPlan, cases: HubCases) {
  const ids = new Set<string>();
  for (const objective of plans.flatMap((plan) => plan.objectives)) {
    ids.add(objective.id);
    for (const milestone of objective.milestones) {
      ids.add(milestone.id);
      for (const task of milestone.tasks) ids.add(task.id);
    }
  }
  for (const task of cases.flatMap((successCase) => successCase.tasks)) ids.add(task.id);
  return ids;
}

const UPCOMING_MILESTONES = 3;

function startOfUtcDay(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The hub's start page: overall and per-objective progress, what is next, and what is mine. */
export async function getHubHome(scope: HubScope, now = new Date()) {
  const [sinceLastVisit, plans] = await Promise.all([getChangesSinceLastVisit(scope), getHubPlan(scope, now)]);
  const objectives = plans.flatMap((plan) => plan.objectives);
  const milestones = listHubMilestones(plans);
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
    // The account's own welcome from its CSM (rich text, or plain from before), else the vendor's for every hub.
    welcome: scope.account.hubWelcomeHtml
      ? { html: scope.account.hubWelcomeHtml }
      : scope.account.hubWelcome
        ? { text: scope.account.hubWelcome }
        : scope.vendor.welcomeMessage
          ? { text: scope.vendor.welcomeMessage }
          : null,
    sinceLastVisit,
    progress: summarizeProgress(tasks, now),
    objectives: objectives.map(({ id, title, progress }) => ({ id, title, progress })),
    nextMilestones,
    myTasks,
  };
}

export type MilestoneState = "done" | "on_track" | "at_risk" | "overdue";

/** A milestone close to its target date with work left is at risk before it is overdue. */
const AT_RISK_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * done: every task done (a milestone without tasks is never done) · overdue: target day passed ·
 * at risk: target within a week and tasks unfinished · on track: everything else, undated included.
 */
export function milestoneState(milestone: { targetDate: Date | null; progress: Progress }, now = new Date()): MilestoneState {
  const { total, done } = milestone.progress;
  if (total > 0 && done === total) return "done";
  if (!milestone.targetDate) return "on_track";
  const today = startOfUtcDay(now).getTime();
  const target = milestone.targetDate.getTime();
  if (target < today) return "overdue";
  if (target <= today + AT_RISK_DAYS * DAY_MS && done < total) return "at_risk";
  return "on_track";
}

/** The hub's timeline: customer-visible milestones by target date (undated last), with their state. */
export async function getHubTimeline(scope: HubViewScope, now = new Date()) {
  const plans = await getHubPlan(scope, now);
  const dated = (milestone: { targetDate: Date | null }) => milestone.targetDate?.getTime() ?? Number.POSITIVE_INFINITY;
  const milestones = listHubMilestones(plans)
    .map(({ id, title, description, targetDate, progress, objectiveTitle }) => ({
      id,
      title,
      description,
      targetDate,
      progress,
      objectiveTitle,
      state: milestoneState({ targetDate, progress }, now),
    }))
    // Array.prototype.sort is stable: milestones on the same day keep their plan order.
    .sort((a, b) => dated(a) - dated(b));
  return { today: startOfUtcDay(now), milestones };
}

export type HubTimeline = Awaited<ReturnType<typeof getHubTimeline>>;

/** The hub's onboarding checklist: the plan's customer-visible tasks grouped by milestone, with counts. */
export async function getHubChecklist(scope: HubViewScope, now = new Date()) {
  const milestones = listHubMilestones(await getHubPlan(scope, now)).map(({ id, title, targetDate, progress, objectiveTitle, tasks }) => ({
    id,
    title,
    targetDate,
    progress,
    objectiveTitle,
    tasks,
  }));
  return {
    progress: summarizeProgress(
      milestones.flatMap((milestone) => milestone.tasks),
      now,
    ),
    milestones,
  };
}

export type HubChecklist = Awaited<ReturnType<typeof getHubChecklist>>;

/**
 * The console's "view as customer": exactly what the account's hub plan shows, through the same
 * functions, for a vendor user of that account's vendor. Null when the account is not theirs.
 */
export async function getCustomerView(scope: { vendorId: string }, accountId: string, now = new Date()) {
  const account = await db.account.findFirst({ where: { id: accountId, vendorId: scope.vendorId }, select: { id: true, name: true } });
  if (!account) return null;
  const view: HubViewScope = { vendorId: scope.vendorId, accountId: account.id, stakeholderId: null };
  const [vendor, plans, cases] = await Promise.all([
    db.vendor.findUnique({ where: { id: scope.vendorId }, select: { slug: true, name: true, logoUrl: true, primaryColor: true } }),
    getHubPlan(view, now),
    getHubCases(view, now),
  ]);
  if (!vendor) return null;
  return {
    account,
    vendor: { slug: vendor.slug, name: vendor.name, logoUrl: vendor.logoUrl },
    theme: brandTheme(vendor.primaryColor),
    plans,
    cases,
  };
}
