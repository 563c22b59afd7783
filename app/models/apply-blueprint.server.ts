import { OWNER_ROLES, VENDOR_ROLES, type OwnerRole } from "~/models/blueprint-fields";
import { loadItemTree, newId, type Tx } from "~/models/blueprint.server";
import { DomainError } from "~/models/domain-error";
import { pickRoleOwners } from "~/models/owner.server";
import { mailNewTasks } from "~/models/reminders.server";
import { inheritedVisibility } from "~/models/visibility";
import { insertRows } from "~/db/insert-rows.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { humanize } from "~/utils/format";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;
const DAY_MS = 86_400_000;

/** The latest published version of each of the vendor's blueprints that are not archived. */
async function listApplicableBlueprints(scope: Scope) {
  const blueprints = await db.successBlueprint.findMany({
    where: { vendorId: scope.vendorId, archivedAt: null, versions: { some: { status: "published" } } },
    select: {
      id: true,
      name: true,
      versions: { where: { status: "published" }, orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const versionIds = blueprints.map((blueprint) => blueprint.versions[0]!.id);
  const roles = versionIds.length
    ? await db.blueprintItem.groupBy({
        by: ["versionId", "ownerRole"],
        where: { vendorId: scope.vendorId, versionId: { in: versionIds }, kind: "task", ownerRole: { not: null } },
      })
    : [];
  return blueprints.map((blueprint) => {
    const version = blueprint.versions[0]!;
    const used = new Set(roles.filter((row) => row.versionId === version.id).map((row) => row.ownerRole));
    return {
      id: blueprint.id,
      name: blueprint.name,
      version,
      // In the fixed order of OWNER_ROLES, vendor roles first.
      roles: OWNER_ROLES.map((role) => role.value).filter((role) => used.has(role)),
    };
  });
}

/** The account being applied to; another vendor's account is a 404 like a missing one. */
export async function findApplyAccount(scope: Scope, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: { id: true, name: true, ownerId: true, currentEngagementId: true },
  });
  if (!account) throw new DomainError("not_found");
  return account;
}

/** Everything the apply form offers for one account: blueprints, engagements, people and defaults. */
export async function getApplyOptions(scope: Scope & Pick<ConsoleScope, "userId">, accountId: string) {
  const account = await findApplyAccount(scope, accountId);
  const [blueprints, engagements, vendorUsers, stakeholders] = await Promise.all([
    listApplicableBlueprints(scope),
    db.engagement.findMany({
      where: { vendorId: scope.vendorId, accountId },
      select: { id: true, kind: true, startDate: true, plan: { select: { id: true, title: true } } },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
    }),
    db.vendorUser.findMany({
      where: { vendorId: scope.vendorId },
      select: { id: true, name: true, role: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.stakeholder.findMany({
      where: { vendorId: scope.vendorId, accountId },
      select: { id: true, name: true, hubRole: true, title: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  // The current plan first: it is what the form offers by default.
  engagements.sort((x, y) => Number(y.id === account.currentEngagementId) - Number(x.id === account.currentEngagementId));
  const roleOwners = pickRoleOwners({ accountOwnerId: account.ownerId, actingUserId: scope.userId, vendorUsers, stakeholders });
  const defaultOwners = Object.fromEntries(
    Object.entries(roleOwners).map(([role, owner]) => [role, owner.ownerVendorUserId ?? owner.ownerStakeholderId ?? ""]),
  ) as Record<OwnerRole, string>;
  return { account: { id: account.id, name: account.name }, blueprints, engagements, vendorUsers, stakeholders, defaultOwners };
}

export type ApplyInput = {
  blueprintId: string;
  engagementId: string;
  /** The kickoff day; its UTC date is what counts. */
  kickoffDate: Date;
  /** A person per owner role: a vendor user for vendor roles, a stakeholder for customer roles; "" is nobody yet. */
  owners: Partial<Record<OwnerRole, string>>;
};

type Owner = { side: "vendor" | "customer"; id: string; name: string };
export type ApplyFieldErrors = Partial<Record<"blueprintId" | "engagementId" | `owners.${OwnerRole}`, string[]>>;

/** Midnight UTC of the kickoff day plus whole days: a due date is the same calendar day everywhere. */
function addUtcDays(day: Date, days: number) {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + days * DAY_MS);
}

/**
 * Checks an application and dates it: every id must belong to the scope (the blueprint and
 * people to the vendor, the engagement and stakeholders to this account). The result is what
 * the preview shows and exactly what applyBlueprint writes.
 */
export async function prepareApplication(scope: Scope, accountId: string, input: ApplyInput) {
  const account = await findApplyAccount(scope, accountId);
  const fieldErrors: ApplyFieldErrors = {};
  const [blueprint, engagement] = await Promise.all([
    db.successBlueprint.findFirst({
      where: { id: input.blueprintId, vendorId: scope.vendorId, archivedAt: null },
      select: {
        id: true,
        name: true,
        versions: { where: { status: "published" }, orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
      },
    }),
    db.engagement.findFirst({
      where: { id: input.engagementId, vendorId: scope.vendorId, accountId },
      select: { id: true, kind: true, plan: { select: { id: true, title: true } } },
    }),
  ]);
  const version = blueprint?.versions[0];
  if (!blueprint || !version) fieldErrors.blueprintId = ["Choose one of the published blueprints"];
  if (!engagement) fieldErrors.engagementId = ["Choose one of this account's engagements"];
  if (!blueprint || !version || !engagement) return { ok: false as const, fieldErrors };

  const tree = await loadItemTree(scope, version.id);
  const roles = [...new Set(tree.flatMap((o) => o.initiatives.flatMap((i) => i.tasks.map((t) => t.ownerRole))))].filter(
    (role): role is OwnerRole => role !== null,
  );
  const wanted = (side: "vendor" | "customer") =>
    roles
      .filter((role) => VENDOR_ROLES.includes(role) === (side === "vendor"))
      .map((role) => input.owners[role])
      .filter((id) => !!id) as string[];
  const [vendorUsers, stakeholders] = await Promise.all([
    db.vendorUser.findMany({ where: { vendorId: scope.vendorId, id: { in: wanted("vendor") } }, select: { id: true, name: true } }),
    db.stakeholder.findMany({
      where: { vendorId: scope.vendorId, accountId, id: { in: wanted("customer") } },
      select: { id: true, name: true },
    }),
  ]);
  const owners = new Map<OwnerRole, Owner | null>();
  for (const role of roles) {
    const id = input.owners[role];
    if (!id) {
      owners.set(role, null);
      continue;
    }
    const side = VENDOR_ROLES.includes(role) ? "vendor" : "customer";
    const person = (side === "vendor" ? vendorUsers : stakeholders).find((candidate) => candidate.id === id);
    if (person) owners.set(role, { side, id: person.id, name: person.name });
    else fieldErrors[`owners.${role}`] = [side === "vendor" ? "Choose one of your team" : "Choose one of this account's stakeholders"];
  }
  if (Object.keys(fieldErrors).length) return { ok: false as const, fieldErrors };

  const objectives = tree.map((objective) => ({
    title: objective.title,
    description: objective.description,
    visibility: objective.visibility,
    milestones: objective.initiatives.map((initiative) => {
      const milestoneVisibility = inheritedVisibility(objective.visibility, initiative.visibility);
      return {
        title: initiative.title,
        description: initiative.description,
        visibility: milestoneVisibility,
        targetDate: initiative.dueOffsetDays === null ? null : addUtcDays(input.kickoffDate, initiative.dueOffsetDays),
        tasks: initiative.tasks.map((task) => ({
          title: task.title,
          description: task.description,
          visibility: inheritedVisibility(milestoneVisibility, task.visibility),
          dueDate: task.dueOffsetDays === null ? null : addUtcDays(input.kickoffDate, task.dueOffsetDays),
          ownerRole: task.ownerRole,
          owner: task.ownerRole ? (owners.get(task.ownerRole) ?? null) : null,
        })),
      };
    }),
  }));
  const milestones = objectives.flatMap((objective) => objective.milestones);
  return {
    ok: true as const,
    application: {
      account: { id: account.id, name: account.name },
      engagement: { id: engagement.id, kind: engagement.kind, plan: engagement.plan },
      blueprint: { id: blueprint.id, name: blueprint.name },
      version,
      kickoffDate: addUtcDays(input.kickoffDate, 0),
      objectives,
      counts: {
        objectives: objectives.length,
        milestones: milestones.length,
        tasks: milestones.reduce((sum, milestone) => sum + milestone.tasks.length, 0),
      },
    },
  };
}

export type PreparedApplication = Extract<Awaited<ReturnType<typeof prepareApplication>>, { ok: true }>["application"];

export const ALREADY_APPLIED = "This blueprint version is already applied to this engagement";

/**
 * Writes a prepared application in ONE transaction: the plan (when the engagement has none),
 * its objectives, milestones and tasks appended after what the plan holds, the application
 * record and one activity event. Rows are inserted level by level, one multi-row INSERT each,
 * under ids made up front, so a 300-task blueprint costs a handful of statements, not hundreds.
 */
export async function writeApplication(scope: Scope & { userId: string | null }, prepared: PreparedApplication) {
  const { account, engagement, version } = prepared;
  try {
    return await db.$transaction(
      async (tx: Tx) => {
        const existing = await tx.blueprintApplication.findUnique({
          where: { engagementId_versionId: { engagementId: engagement.id, versionId: version.id } },
          select: { id: true },
        });
        if (existing) return { ok: false as const, message: ALREADY_APPLIED };

        let planId = engagement.plan?.id;
        if (!planId) {
          planId = newId();
          await tx.successPlan.create({
            data: {
              id: planId,
              vendorId: scope.vendorId,
              accountId: account.id,
              engagementId: engagement.id,
              title: `${account.name} ${humanize(engagement.kind).toLowerCase()} plan`,
            },
          });
        }
        const last = await tx.successObjective.findFirst({
          where: { vendorId: scope.vendorId, planId },
          orderBy: { position: "desc" },
          select: { position: true },
        });
        const firstPosition = (last?.position ?? -1) + 1;

        const base = { vendorId: scope.vendorId, planId };
        const objectiveRows = [];
        const milestoneRows = [];
        const taskRows = [];
        for (const [objectiveIndex, objective] of prepared.objectives.entries()) {
          const objectiveId = newId();
          objectiveRows.push({
            ...base,
            id: objectiveId,
            title: objective.title,
            description: objective.description,
            visibility: objective.visibility,
            position: firstPosition + objectiveIndex,
          });
          for (const [milestoneIndex, milestone] of objective.milestones.entries()) {
            const initiativeId = newId();
            milestoneRows.push({
              ...base,
              id: initiativeId,
              objectiveId,
              title: milestone.title,
              description: milestone.description,
              visibility: milestone.visibility,
              targetDate: milestone.targetDate,
              position: milestoneIndex,
            });
            for (const [taskIndex, task] of milestone.tasks.entries()) {
              taskRows.push({
                ...base,
                id: newId(),
                accountId: account.id,
                initiativeId,
                title: task.title,
                description: task.description,
                visibility: task.visibility,
                dueDate: task.dueDate,
                position: taskIndex,
                ownerVendorUserId: task.owner?.side === "vendor" ? task.owner.id : null,
                ownerStakeholderId: task.owner?.side === "customer" ? task.owner.id : null,
              });
            }
          }
        }
        await insertRows(tx, "SuccessObjective", objectiveRows);
        await insertRows(tx, "SuccessInitiative", milestoneRows);
        await insertRows(tx, "SuccessTask", taskRows);
        await tx.blueprintApplication.create({
          data: {
            vendorId: scope.vendorId,
            accountId: account.id,
            engagementId: engagement.id,
            versionId: version.id,
            planId,
            kickoffDate: prepared.kickoffDate,
            appliedById: scope.userId,
          },
        });
        const { counts } = prepared;
        await tx.activityEvent.create({
          data: {
            vendorId: scope.vendorId,
            accountId: account.id,
            actorVendorUserId: scope.userId,
            action: "blueprint.applied",
            subjectType: "SuccessPlan",
            subjectId: planId,
            summary:
              `Applied blueprint "${prepared.blueprint.name}" version ${version.number}: ` +
              `${counts.objectives} objectives, ${counts.milestones} milestones, ${counts.tasks} tasks`,
            // It names the vendor's own template, which is the vendor's business.
            visibility: "internal",
          },
        });
        return { ok: true as const, planId, counts };
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    // Two applications at once: the unique (engagement, version) pair lets one through.
    if (isUniqueViolation(error)) return { ok: false as const, message: ALREADY_APPLIED };
    throw error;
  }
}

/** Checks and writes an application; what is refused comes back as field errors or a message. */
export async function applyBlueprint(scope: Scope & { userId: string | null }, accountId: string, input: ApplyInput) {
  const prepared = await prepareApplication(scope, accountId, input);
  if (!prepared.ok) return { ok: false as const, fieldErrors: prepared.fieldErrors };
  const written = await writeApplication(scope, prepared.application);
  if (!written.ok) return { ok: false as const, message: written.message };
  await mailNewTasks(scope, { planId: written.planId });
  return written;
}
