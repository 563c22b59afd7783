import { accountEvent } from "~/models/account.server";
import type { StakeholderInput } from "~/models/customer-fields";
import { db, isUniqueViolation, type Db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;
type ActingScope = Pick<ConsoleScope, "vendorId" | "userId">;
type Outcome = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

/** The field error for an email that is already one of this vendor's stakeholders. */
export function stakeholderTakenMessage(accountName: string) {
  return `This person is already a stakeholder of ${accountName}`;
}

/**
 * The vendor's stakeholders with these (lower-cased) emails, by email. One person is one
 * stakeholder per vendor, so a magic link names exactly one hub: these addresses are taken.
 */
export async function findStakeholdersByEmail(client: Pick<Db, "stakeholder">, scope: Scope, emails: string[]) {
  const found = emails.length
    ? await client.stakeholder.findMany({
        where: { vendorId: scope.vendorId, email: { in: emails } },
        select: { id: true, email: true, accountId: true, account: { select: { name: true } } },
      })
    : [];
  return new Map(found.map((stakeholder) => [stakeholder.email, stakeholder]));
}

/** A stakeholder of this account of the scope's vendor; null otherwise. */
export function getStakeholder(scope: Scope, accountId: string, stakeholderId: string) {
  return db.stakeholder.findFirst({
    where: { id: stakeholderId, accountId, vendorId: scope.vendorId },
    select: { id: true, name: true, email: true, title: true, hubRole: true, account: { select: { id: true, name: true } } },
  });
}

async function emailTaken(scope: Scope, email: string, exceptId?: string) {
  const holder = (await findStakeholdersByEmail(db, scope, [email])).get(email);
  return holder && holder.id !== exceptId ? { email: [stakeholderTakenMessage(holder.account.name)] } : null;
}

/** Runs a write; an email taken by someone else in the meantime becomes the same field error. */
async function unlessEmailTaken(
  scope: Scope,
  input: StakeholderInput,
  exceptId: string | undefined,
  write: () => Promise<string>,
): Promise<Outcome> {
  const taken = await emailTaken(scope, input.email, exceptId);
  if (taken) return { ok: false, fieldErrors: taken };
  try {
    return { ok: true, id: await write() };
  } catch (error) {
    const takenSince = isUniqueViolation(error) ? await emailTaken(scope, input.email, exceptId) : null;
    if (takenSince) return { ok: false, fieldErrors: takenSince };
    throw error;
  }
}

function stakeholderData(input: StakeholderInput) {
  return { name: input.name, email: input.email, title: input.title ?? null, hubRole: input.hubRole };
}

/** Adds a person to an account the caller has already found in the scope. */
export async function addStakeholder(scope: ActingScope, accountId: string, input: StakeholderInput): Promise<Outcome> {
  return unlessEmailTaken(scope, input, undefined, () =>
    db.$transaction(async (tx) => {
      const created = await tx.stakeholder.create({
        data: { vendorId: scope.vendorId, accountId, ...stakeholderData(input) },
        select: { id: true },
      });
      await tx.activityEvent.create({
        data: accountEvent(scope, accountId, "stakeholder.added", `added ${input.name} as a stakeholder`, {
          type: "Stakeholder",
          id: created.id,
        }),
      });
      return created.id;
    }),
  );
}

/** Null when the stakeholder is not one of this account in the scope. */
export async function updateStakeholder(
  scope: ActingScope,
  accountId: string,
  stakeholderId: string,
  input: StakeholderInput,
): Promise<Outcome | null> {
  if (!(await getStakeholder(scope, accountId, stakeholderId))) return null;
  return unlessEmailTaken(scope, input, stakeholderId, async () => {
    await db.$transaction([
      db.stakeholder.updateMany({ where: { id: stakeholderId, accountId, vendorId: scope.vendorId }, data: stakeholderData(input) }),
      db.activityEvent.create({
        data: accountEvent(scope, accountId, "stakeholder.updated", `updated ${input.name}'s details`, {
          type: "Stakeholder",
          id: stakeholderId,
        }),
      }),
    ]);
    return stakeholderId;
  });
}

/**
 * Removes a person from the account. The schema's cascades end their hub sessions and pending
 * sign-in links, and leave their tasks and comments in place without an owner or author.
 * False when the stakeholder is not one of this account in the scope.
 */
export async function removeStakeholder(scope: ActingScope, accountId: string, stakeholderId: string) {
  const stakeholder = await getStakeholder(scope, accountId, stakeholderId);
  if (!stakeholder) return false;
  await db.$transaction([
    db.stakeholder.deleteMany({ where: { id: stakeholderId, accountId, vendorId: scope.vendorId } }),
    db.activityEvent.create({
      data: accountEvent(scope, accountId, "stakeholder.removed", `removed ${stakeholder.name} from the stakeholders`, {
        type: "Stakeholder",
        id: stakeholderId,
      }),
    }),
  ]);
  return true;
}
