import { renderInvitationEmail } from "~/emails/invitation";
import { accountEvent } from "~/models/account.server";
import { VERIFICATION_LIFETIME_MS, createVerification, hubVerifyUrl } from "~/models/magic-link.server";
import { db } from "~/utils/db.server";
import { humanize } from "~/utils/format";
import type { ConsoleScope } from "~/utils/guard.server";
import { sendMail } from "~/utils/mail.server";
import { consumeRateLimit, type RateLimit } from "~/utils/rate-limit.server";

/**
 * A CSM invites a stakeholder to the hub: a Verification of purpose "invitation" (redeemed like a
 * magic link, see magic-link.server.ts) mailed to them. Only the newest invitation of a person is
 * usable: sending another revokes the earlier unused ones, so an old link stops working.
 */
type ActingScope = Pick<ConsoleScope, "vendorId" | "userId">;

const INVITATION = "invitation";
const DAY_MS = 86_400_000;

/** Enough for onboarding a whole account at once; a runaway script or a hijacked session stops here. */
export const INVITATION_RATE_LIMIT = { limit: 50, windowMs: 60 * 60_000 } satisfies RateLimit;

export type InvitationState =
  | { status: "not_invited" }
  | { status: "invited"; sentAt: Date; expiresAt: Date }
  | { status: "expired"; sentAt: Date; expiresAt: Date }
  | { status: "accepted"; sentAt: Date; acceptedAt: Date }
  | { status: "revoked"; sentAt: Date; revokedAt: Date };

type InvitationRow = { createdAt: Date; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

/** The state of a person's newest invitation (null: none was ever sent). */
export function invitationState(latest: InvitationRow | null | undefined, now = new Date()): InvitationState {
  if (!latest) return { status: "not_invited" };
  const sentAt = latest.createdAt;
  if (latest.usedAt) return { status: "accepted", sentAt, acceptedAt: latest.usedAt };
  if (latest.revokedAt) return { status: "revoked", sentAt, revokedAt: latest.revokedAt };
  if (latest.expiresAt.getTime() <= now.getTime()) return { status: "expired", sentAt, expiresAt: latest.expiresAt };
  return { status: "invited", sentAt, expiresAt: latest.expiresAt };
}

const invitationRowSelect = { stakeholderId: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true } as const;

/** The newest invitation of each of these stakeholders of the vendor, by stakeholder id: one query. */
export async function findLatestInvitations(scope: Pick<ConsoleScope, "vendorId">, stakeholderIds: string[]) {
  const rows = stakeholderIds.length
    ? await db.verification.findMany({
        where: { vendorId: scope.vendorId, purpose: INVITATION, stakeholderId: { in: stakeholderIds } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: invitationRowSelect,
      })
    : [];
  const latest = new Map<string, InvitationRow>();
  for (const row of rows) if (!latest.has(row.stakeholderId)) latest.set(row.stakeholderId, row);
  return latest;
}

export async function getInvitationState(scope: Pick<ConsoleScope, "vendorId">, stakeholderId: string, now = new Date()) {
  return invitationState((await findLatestInvitations(scope, [stakeholderId])).get(stakeholderId), now);
}

function findInvitee(scope: ActingScope, accountId: string, stakeholderId: string) {
  return db.stakeholder.findFirst({
    where: { id: stakeholderId, accountId, vendorId: scope.vendorId },
    select: {
      id: true,
      name: true,
      email: true,
      hubRole: true,
      account: { select: { name: true } },
      vendor: { select: { slug: true, name: true, primaryColor: true } },
    },
  });
}

/** Revokes the person's unused, unrevoked invitations (through `client`, e.g. a transaction). */
function revokeOpenInvitations(client: Pick<typeof db, "verification">, scope: ActingScope, stakeholderId: string, now: Date) {
  return client.verification.updateMany({
    where: { vendorId: scope.vendorId, stakeholderId, purpose: INVITATION, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

export type SendInvitationResult = { status: "sent" } | { status: "rate_limited" } | { status: "not_found" };

/**
 * Sends (or re-sends) the invitation: earlier unused links are revoked in the same transaction
 * that creates the new one, so at no moment do two work. Counted against the sending CSM's limit.
 */
export async function sendInvitation(
  scope: ActingScope & { user: { name: string } },
  accountId: string,
  stakeholderId: string,
): Promise<SendInvitationResult> {
  const invitee = await findInvitee(scope, accountId, stakeholderId);
  if (!invitee) return { status: "not_found" };
  if (!(await consumeRateLimit(`invitation:user:${scope.userId}`, INVITATION_RATE_LIMIT))) return { status: "rate_limited" };

  const now = new Date();
  const { token } = await db.$transaction(async (tx) => {
    await revokeOpenInvitations(tx, scope, invitee.id, now);
    const created = await createVerification(
      { vendorId: scope.vendorId, stakeholderId: invitee.id, purpose: INVITATION, createdById: scope.userId },
      tx,
    );
    await tx.stakeholder.updateMany({ where: { id: invitee.id, vendorId: scope.vendorId }, data: { invitedAt: now } });
    await tx.activityEvent.create({
      data: accountEvent(scope, accountId, "stakeholder.invited", `invited ${invitee.name} to the hub`, {
        type: "Stakeholder",
        id: invitee.id,
      }),
    });
    return created;
  });

  const { vendor } = invitee;
  const mail = renderInvitationEmail({
    vendorName: vendor.name,
    brandColor: vendor.primaryColor,
    accountName: invitee.account.name,
    recipientName: invitee.name.trim().split(/\s+/)[0] || invitee.name,
    inviterName: scope.user.name,
    roleLabel: humanize(invitee.hubRole),
    url: hubVerifyUrl(vendor.slug, token),
    days: VERIFICATION_LIFETIME_MS.invitation / DAY_MS,
  });
  await sendMail({ to: invitee.email, ...mail });
  return { status: "sent" };
}

/** Makes the person's open invitation links stop working. False when they are not in the scope. */
export async function revokeInvitation(scope: ActingScope, accountId: string, stakeholderId: string) {
  const invitee = await findInvitee(scope, accountId, stakeholderId);
  if (!invitee) return false;
  await db.$transaction(async (tx) => {
    const revoked = await revokeOpenInvitations(tx, scope, invitee.id, new Date());
    if (revoked.count === 0) return;
    await tx.activityEvent.create({
      data: accountEvent(scope, accountId, "stakeholder.invitation_revoked", `revoked ${invitee.name}'s invitation to the hub`, {
        type: "Stakeholder",
        id: invitee.id,
      }),
    });
  });
  return true;
}
