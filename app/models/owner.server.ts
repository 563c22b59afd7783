import type { OwnerRole } from "~/models/blueprint-fields";
import type { OwnerRef } from "~/models/task-owner";
import { db, type Db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

/** The Prisma client or a transaction's client: only the tables read here. */
type Client = Pick<Db, "account" | "vendorUser" | "stakeholder">;
type Scope = Pick<ConsoleScope, "vendorId" | "userId">;

export type TaskOwnerIds = { ownerVendorUserId: string | null; ownerStakeholderId: string | null };
const nobody: TaskOwnerIds = { ownerVendorUserId: null, ownerStakeholderId: null };
const byName = [{ name: "asc" as const }, { id: "asc" as const }];

/** The people a role can fall to, each list sorted by name. */
export type RoleCandidates = {
  accountOwnerId: string | null;
  actingUserId: string;
  vendorUsers: Array<{ id: string; role: string }>;
  stakeholders: Array<{ id: string; hubRole: string }>;
};

/**
 * Who plays each role on an account by default: the CSM is the account's owner (or whoever is
 * acting, when the account has none), the admin is the vendor's first admin (or whoever is
 * acting), and each customer role is the account's first stakeholder with that hub role (or
 * nobody). Plays and blueprints both assign owners this way.
 */
export function pickRoleOwners({
  accountOwnerId,
  actingUserId,
  vendorUsers,
  stakeholders,
}: RoleCandidates): Record<OwnerRole, TaskOwnerIds> {
  const vendorUser = (id: string): TaskOwnerIds => ({ ownerVendorUserId: id, ownerStakeholderId: null });
  const firstWithRole = (role: string): TaskOwnerIds => {
    const person = stakeholders.find((stakeholder) => stakeholder.hubRole === role);
    return person ? { ownerVendorUserId: null, ownerStakeholderId: person.id } : nobody;
  };
  return {
    csm: vendorUser(accountOwnerId ?? actingUserId),
    admin: vendorUser(vendorUsers.find((user) => user.role === "admin")?.id ?? actingUserId),
    champion: firstWithRole("champion"),
    executive: firstWithRole("executive"),
    member: firstWithRole("member"),
  };
}

/** pickRoleOwners for an account of the scope, read from the database; null when not the scope's. */
export async function findRoleOwners(client: Client, scope: Scope, accountId: string): Promise<Record<OwnerRole, TaskOwnerIds> | null> {
  const account = await client.account.findFirst({ where: { id: accountId, vendorId: scope.vendorId }, select: { ownerId: true } });
  if (!account) return null;
  const [admins, stakeholders] = await Promise.all([
    client.vendorUser.findMany({
      where: { vendorId: scope.vendorId, role: "admin" },
      orderBy: byName,
      take: 1,
      select: { id: true, role: true },
    }),
    client.stakeholder.findMany({
      where: { vendorId: scope.vendorId, accountId },
      orderBy: byName,
      select: { id: true, hubRole: true },
    }),
  ]);
  return pickRoleOwners({ accountOwnerId: account.ownerId, actingUserId: scope.userId, vendorUsers: admins, stakeholders });
}

/**
 * The owner columns for a chosen person: a vendor user of the scope's vendor or a stakeholder of
 * this very account. Undefined when the person is not one of those (a foreign or missing id).
 */
export async function findOwnerInScope(
  client: Client,
  scope: Pick<ConsoleScope, "vendorId">,
  accountId: string,
  ref: OwnerRef,
): Promise<TaskOwnerIds | undefined> {
  if (!ref) return nobody;
  if (ref.kind === "user") {
    const user = await client.vendorUser.findFirst({ where: { id: ref.id, vendorId: scope.vendorId }, select: { id: true } });
    return user ? { ownerVendorUserId: user.id, ownerStakeholderId: null } : undefined;
  }
  const person = await client.stakeholder.findFirst({ where: { id: ref.id, vendorId: scope.vendorId, accountId }, select: { id: true } });
  return person ? { ownerVendorUserId: null, ownerStakeholderId: person.id } : undefined;
}

/** The people a task of this account may be given to, both sides, for an owner select. */
export async function listPossibleOwners(scope: Pick<ConsoleScope, "vendorId">, accountId: string) {
  const [users, stakeholders] = await Promise.all([
    db.vendorUser.findMany({ where: { vendorId: scope.vendorId }, orderBy: byName, select: { id: true, name: true } }),
    db.stakeholder.findMany({
      where: { vendorId: scope.vendorId, accountId },
      orderBy: byName,
      select: { id: true, name: true, hubRole: true },
    }),
  ]);
  return { users, stakeholders };
}
