import { findLatestInvitations, invitationState } from "~/models/invitation.server";
import { db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;

/** count per key of grouped rows, e.g. tasks per owner. */
function countsBy<Row extends { _count: { _all: number } }>(rows: Row[], key: (row: Row) => string | null) {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = key(row);
    if (id) counts.set(id, (counts.get(id) ?? 0) + row._count._all);
  }
  return counts;
}

/**
 * How each stakeholder of the account uses the hub: last visit, invitation, tasks owned and done,
 * resources opened, comments written. One grouped query per measure, whatever the head count.
 * Null when the account is not the scope's.
 */
export async function getHubUsage(scope: Scope, accountId: string, now = new Date()) {
  const account = await db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: {
      id: true,
      name: true,
      stakeholders: {
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, email: true, hubRole: true, lastSeenAt: true },
      },
    },
  });
  if (!account) return null;
  const ids = account.stakeholders.map((stakeholder) => stakeholder.id);
  const vendorId = scope.vendorId;
  const [tasks, views, comments, invitations] = await Promise.all([
    db.successTask.groupBy({
      by: ["ownerStakeholderId", "status"],
      where: { vendorId, accountId: account.id, ownerStakeholderId: { in: ids } },
      _count: { _all: true },
    }),
    db.resourceView.groupBy({
      by: ["stakeholderId"],
      where: { vendorId, stakeholderId: { in: ids } },
      _count: { _all: true },
    }),
    db.comment.groupBy({
      by: ["authorStakeholderId"],
      where: { vendorId, accountId: account.id, authorStakeholderId: { in: ids } },
      _count: { _all: true },
    }),
    findLatestInvitations(scope, ids),
  ]);
  const owned = countsBy(tasks, (row) => row.ownerStakeholderId);
  const done = countsBy(
    tasks.filter((row) => row.status === "done"),
    (row) => row.ownerStakeholderId,
  );
  const opened = countsBy(views, (row) => row.stakeholderId);
  const written = countsBy(comments, (row) => row.authorStakeholderId);
  return {
    account: { id: account.id, name: account.name },
    stakeholders: account.stakeholders.map((stakeholder) => ({
      ...stakeholder,
      invitation: invitationState(invitations.get(stakeholder.id), now),
      tasksOwned: owned.get(stakeholder.id) ?? 0,
      tasksDone: done.get(stakeholder.id) ?? 0,
      resourcesOpened: opened.get(stakeholder.id) ?? 0,
      commentsWritten: written.get(stakeholder.id) ?? 0,
    })),
  };
}
