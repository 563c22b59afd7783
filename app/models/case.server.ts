import { recordConsoleActivity } from "~/models/activity.server";
import type { OwnerRole } from "~/models/blueprint-fields";
import { DomainError } from "~/models/domain-error";
import { findOwnerInScope, findRoleOwners, type TaskOwnerIds } from "~/models/owner.server";
import { consoleTaskSelect, toConsoleTask } from "~/models/plan.server";
import { mailNewTasks } from "~/models/reminders.server";
import type { OwnerRef } from "~/models/task-owner";
import { isInternal, parseVisibility } from "~/models/visibility";
import { db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId" | "userId">;
const DAY_MS = 86_400_000;

/** Due dates are whole days at midnight UTC, like every plan date. */
function startOfUtcDay(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export type LaunchPlayInput = {
  accountId: string;
  playId: string;
  /** A person for some roles instead of the default one (see findRoleOwners). */
  ownerMapping?: Partial<Record<OwnerRole, OwnerRef>>;
  launchedAt?: Date;
};

export type LaunchPlayResult = { ok: true; caseId: string } | { ok: false; message: string };

/**
 * Starts a play on an account: a success case holding one task per play item, due the item's
 * offset after the launch day, owned by whoever holds the item's role on the account. The
 * case, its tasks and the activity line are written together or not at all. A customer play's
 * case is customer-visible (it shows in the hub); an internal play's case and tasks are internal.
 */
export async function launchPlay(scope: Scope, input: LaunchPlayInput): Promise<LaunchPlayResult> {
  const launched = await writeCase(scope, input);
  if (launched.ok) await mailNewTasks(scope, { caseId: launched.caseId });
  return launched;
}

function writeCase(scope: Scope, input: LaunchPlayInput): Promise<LaunchPlayResult> {
  const launchedAt = input.launchedAt ?? new Date();
  const launchDay = startOfUtcDay(launchedAt).getTime();
  return db.$transaction(async (tx) => {
    const [owners, play] = await Promise.all([
      findRoleOwners(tx, scope, input.accountId),
      tx.successPlay.findFirst({
        where: { id: input.playId, vendorId: scope.vendorId, archivedAt: null },
        select: {
          id: true,
          name: true,
          kind: true,
          items: {
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: { title: true, description: true, ownerRole: true, dueOffsetDays: true },
          },
        },
      }),
    ]);
    if (!owners || !play) throw new DomainError("not_found");
    if (play.items.length === 0) return { ok: false as const, message: "This play has no tasks yet: add some before launching it." };

    for (const [role, ref] of Object.entries(input.ownerMapping ?? {}) as Array<[OwnerRole, OwnerRef]>) {
      const owner = await findOwnerInScope(tx, scope, input.accountId, ref);
      if (!owner) return { ok: false as const, message: "Choose owners from your team or this account's stakeholders." };
      owners[role] = owner;
    }

    const visibility = play.kind === "customer" ? "customer" : "internal";
    const successCase = await tx.successCase.create({
      data: {
        vendorId: scope.vendorId,
        accountId: input.accountId,
        playId: play.id,
        title: play.name,
        visibility,
        launchedAt,
        launchedById: scope.userId,
      },
      select: { id: true },
    });
    const nobody: TaskOwnerIds = { ownerVendorUserId: null, ownerStakeholderId: null };
    await tx.successTask.createMany({
      data: play.items.map((item, position) => ({
        vendorId: scope.vendorId,
        accountId: input.accountId,
        caseId: successCase.id,
        title: item.title,
        description: item.description,
        visibility,
        dueDate: new Date(launchDay + item.dueOffsetDays * DAY_MS),
        position,
        ...(item.ownerRole ? (owners[item.ownerRole as OwnerRole] ?? nobody) : nobody),
      })),
    });
    await recordConsoleActivity(tx, scope, {
      accountId: input.accountId,
      action: "case.launched",
      subjectType: "SuccessCase",
      subjectId: successCase.id,
      summary: `launched the play "${play.name}" (${play.items.length} ${play.items.length === 1 ? "task" : "tasks"})`,
      visibility,
    });
    return { ok: true as const, caseId: successCase.id };
  });
}

async function setCaseStatus(scope: Scope, accountId: string, caseId: string, status: "open" | "closed") {
  await db.$transaction(async (tx) => {
    const found = await tx.successCase.findFirst({
      where: { id: caseId, vendorId: scope.vendorId, accountId },
      select: { title: true, visibility: true },
    });
    if (!found) throw new DomainError("not_found");
    await tx.successCase.updateMany({
      where: { id: caseId, vendorId: scope.vendorId },
      data: { status, closedAt: status === "closed" ? new Date() : null },
    });
    await recordConsoleActivity(tx, scope, {
      accountId,
      action: status === "closed" ? "case.closed" : "case.reopened",
      subjectType: "SuccessCase",
      subjectId: caseId,
      summary: `${status === "closed" ? "closed" : "reopened"} the play "${found.title}"`,
      visibility: parseVisibility(found.visibility),
    });
  });
}

/** A closed case leaves the account page and the hub; its tasks stay as they were. */
export const closeCase = (scope: Scope, accountId: string, caseId: string) => setCaseStatus(scope, accountId, caseId, "closed");
export const reopenCase = (scope: Scope, accountId: string, caseId: string) => setCaseStatus(scope, accountId, caseId, "open");

const RECENTLY_CLOSED = 5;

/** The account's open cases with their tasks (internal ones included, marked), and the last few closed. */
export async function listAccountCases(scope: Pick<ConsoleScope, "vendorId">, accountId: string, now = new Date()) {
  const [open, closed] = await Promise.all([
    db.successCase.findMany({
      where: { vendorId: scope.vendorId, accountId, status: "open" },
      orderBy: [{ launchedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        visibility: true,
        launchedAt: true,
        launchedBy: { select: { name: true } },
        tasks: { where: { vendorId: scope.vendorId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: consoleTaskSelect },
      },
    }),
    db.successCase.findMany({
      where: { vendorId: scope.vendorId, accountId, status: "closed" },
      orderBy: [{ closedAt: "desc" }, { id: "asc" }],
      take: RECENTLY_CLOSED,
      select: { id: true, title: true, visibility: true, closedAt: true },
    }),
  ]);
  return {
    open: open.map((successCase) => {
      const internal = isInternal(successCase.visibility);
      return {
        id: successCase.id,
        title: successCase.title,
        internal,
        launchedAt: successCase.launchedAt,
        launchedBy: successCase.launchedBy?.name ?? null,
        tasks: successCase.tasks.map((task) => toConsoleTask(task, now, internal ? "case" : null)),
      };
    }),
    closed: closed.map(({ visibility, ...rest }) => ({ ...rest, internal: isInternal(visibility) })),
  };
}
