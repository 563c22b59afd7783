import { accountEvent } from "~/models/account.server";
import type { EngagementInput } from "~/models/customer-fields";
import { mailNewTasks } from "~/models/reminders.server";
import { db } from "~/utils/db.server";
import { formatDate, humanize } from "~/utils/format";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;
type ActingScope = Pick<ConsoleScope, "vendorId" | "userId">;

/** An engagement of this account of the scope's vendor; null otherwise. */
export function getEngagement(scope: Scope, accountId: string, engagementId: string) {
  return db.engagement.findFirst({
    where: { id: engagementId, accountId, vendorId: scope.vendorId },
    select: { id: true, kind: true, startDate: true, targetEndAt: true, account: { select: { id: true, name: true } } },
  });
}

function engagementData(input: EngagementInput) {
  return { kind: input.kind, startDate: input.startDate, targetEndAt: input.targetEndAt ?? null };
}

/**
 * A new engagement of an account the caller has already found in the scope, with its empty
 * success plan ("Onboarding plan"): every engagement has a plan to apply blueprints and plays to.
 * The account's first engagement becomes its current one; a later one only when a CSM makes it
 * current (makeEngagementCurrent), so the customer's hub never switches to an empty plan.
 */
export async function createEngagement(scope: ActingScope, accountId: string, input: EngagementInput) {
  return db.$transaction(async (tx) => {
    const engagement = await tx.engagement.create({
      data: { vendorId: scope.vendorId, accountId, ...engagementData(input) },
      select: { id: true },
    });
    await tx.successPlan.create({
      data: { vendorId: scope.vendorId, accountId, engagementId: engagement.id, title: `${humanize(input.kind)} plan` },
    });
    await tx.account.updateMany({
      where: { id: accountId, vendorId: scope.vendorId, currentEngagementId: null },
      data: { currentEngagementId: engagement.id },
    });
    await tx.activityEvent.create({
      data: accountEvent(scope, accountId, "engagement.created", `started the ${input.kind} engagement on ${formatDate(input.startDate)}`, {
        type: "Engagement",
        id: engagement.id,
      }),
    });
    return engagement;
  });
}

/** False when the engagement is not one of this account in the scope. */
export async function updateEngagement(scope: ActingScope, accountId: string, engagementId: string, input: EngagementInput) {
  if (!(await getEngagement(scope, accountId, engagementId))) return false;
  await db.$transaction([
    db.engagement.updateMany({ where: { id: engagementId, accountId, vendorId: scope.vendorId }, data: engagementData(input) }),
    db.activityEvent.create({
      data: accountEvent(scope, accountId, "engagement.updated", `updated the ${input.kind} engagement's dates`, {
        type: "Engagement",
        id: engagementId,
      }),
    }),
  ]);
  return true;
}

/**
 * Makes the engagement's plan the account's mutual action plan, in the console and in the hub.
 * False when the engagement is not one of this account in the scope. The plan's tasks were not in
 * anyone's hub until now, so their owners are mailed about them as about a newly applied plan.
 */
export async function makeEngagementCurrent(scope: ActingScope, accountId: string, engagementId: string) {
  const engagement = await db.engagement.findFirst({
    where: { id: engagementId, accountId, vendorId: scope.vendorId },
    select: { id: true, kind: true, currentOf: { select: { id: true } }, plan: { select: { id: true } } },
  });
  if (!engagement) return false;
  if (engagement.currentOf) return true;
  await db.$transaction([
    db.account.updateMany({ where: { id: accountId, vendorId: scope.vendorId }, data: { currentEngagementId: engagement.id } }),
    db.activityEvent.create({
      data: accountEvent(scope, accountId, "engagement.made_current", `made the ${engagement.kind} engagement's plan the current plan`, {
        type: "Engagement",
        id: engagement.id,
      }),
    }),
  ]);
  if (engagement.plan) await mailNewTasks(scope, { planId: engagement.plan.id });
  return true;
}
