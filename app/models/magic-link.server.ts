import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { renderMagicLinkEmail } from "~/emails/magic-link";
import { startVisit } from "~/models/hub-visit.server";
import { db, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { consumeRateLimits, type RateLimit } from "~/utils/rate-limit.server";
import { createSession, generateSecureRandomString } from "~/utils/session.server";

/**
 * Password-free hub sign-in. A link carries a 160-bit random token; only its SHA-256 is stored.
 * It is single-use (an atomic conditional update claims it), short-lived, and bound to the
 * vendor whose hub it was asked for. An invitation is the same kind of token with a longer life,
 * redeemed the same way.
 */
export type VerificationPurpose = "magic_link" | "invitation" | "email_action";

const MINUTE = 60_000;
export const VERIFICATION_LIFETIME_MS: Record<VerificationPurpose, number> = {
  magic_link: 15 * MINUTE,
  invitation: 7 * 24 * 60 * MINUTE,
  // A one-step link in a reminder or mention mail (see email-action.server.ts).
  email_action: 7 * 24 * 60 * MINUTE,
};

export const MAGIC_LINK_RATE_LIMITS = {
  perIp: { limit: 20, windowMs: 15 * MINUTE },
  perAddress: { limit: 5, windowMs: 15 * MINUTE },
} satisfies Record<string, RateLimit>;

/** Longer than any token we issue, so a pasted giant string is refused before hashing. */
const MAX_TOKEN_LENGTH = 128;

export function hashVerificationToken(token: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function hubVerifyUrl(vendorSlug: string, token: string) {
  return `${env.APP_ORIGIN}/hub/${vendorSlug}/verify?token=${encodeURIComponent(token)}`;
}

/** Stores a new token (in the caller's transaction when given one) and returns it in clear text, once. */
export async function createVerification(
  {
    vendorId,
    stakeholderId,
    purpose,
    createdById = null,
    action = null,
    subjectId = null,
  }: {
    vendorId: string;
    stakeholderId: string;
    purpose: VerificationPurpose;
    /** The vendor user who sent it (invitations). */
    createdById?: string | null;
    /** For an email action: what it does, to which item. */
    action?: string | null;
    subjectId?: string | null;
  },
  client: Pick<Db, "verification"> = db,
) {
  // 20 bytes = 160 bits, above the 120-bit floor for anything that signs a person in.
  const token = generateSecureRandomString(20);
  const expiresAt = new Date(Date.now() + VERIFICATION_LIFETIME_MS[purpose]);
  await client.verification.create({
    data: { tokenHash: hashVerificationToken(token), purpose, vendorId, stakeholderId, expiresAt, createdById, action, subjectId },
  });
  return { token, expiresAt };
}

function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export type MagicLinkRequestResult = { status: "sent" } | { status: "rate_limited" };

/**
 * Mails a sign-in link if the address belongs to a stakeholder of this vendor. Unknown addresses
 * get the same answer, and the limits are counted before the lookup so that probing addresses
 * costs the same as using them.
 */
export async function requestMagicLink({
  vendorSlug,
  email,
  clientIp,
}: {
  vendorSlug: string;
  email: string;
  clientIp: string;
}): Promise<MagicLinkRequestResult> {
  const address = normalizeEmail(email);
  const allowed = await consumeRateLimits([
    [`magic-link:ip:${clientIp}`, MAGIC_LINK_RATE_LIMITS.perIp],
    [`magic-link:email:${address}`, MAGIC_LINK_RATE_LIMITS.perAddress],
  ]);
  if (!allowed) return { status: "rate_limited" };

  const stakeholder = await db.stakeholder.findFirst({
    where: { email: address, vendor: { slug: vendorSlug } },
    select: { id: true, name: true, email: true, vendor: { select: { id: true, slug: true, name: true, primaryColor: true } } },
  });
  if (!stakeholder) return { status: "sent" };

  const { vendor } = stakeholder;
  const { token } = await createVerification({ vendorId: vendor.id, stakeholderId: stakeholder.id, purpose: "magic_link" });
  const mail = renderMagicLinkEmail({
    vendorName: vendor.name,
    brandColor: vendor.primaryColor,
    recipientName: stakeholder.name.split(" ")[0] || stakeholder.name,
    url: hubVerifyUrl(vendor.slug, token),
    minutes: VERIFICATION_LIFETIME_MS.magic_link / MINUTE,
  });
  // Not waiting for the provider keeps known and unknown addresses equally fast to answer;
  // the mail is stored already, and a failed delivery is recorded and logged by sendMail.
  await sendMail({ to: stakeholder.email, ...mail });
  return { status: "sent" };
}

export type RedeemResult = { ok: true; stakeholderId: string; sessionToken: string; sessionExpiresAt: Date } | { ok: false };

/**
 * Claims the token with one conditional update (unused, unrevoked, unexpired, this vendor's): of
 * two concurrent redeems only one can change the row, so a link signs in exactly once. Signing in
 * starts a new visit, so the hub home can tell what changed since the previous one.
 */
export async function redeemMagicLink({ vendorSlug, token }: { vendorSlug: string; token: string }): Promise<RedeemResult> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { ok: false };
  const vendor = await db.vendor.findUnique({ where: { slug: vendorSlug }, select: { id: true } });
  if (!vendor) return { ok: false };

  const tokenHash = hashVerificationToken(token);
  const now = new Date();
  const claimed = await db.verification.updateMany({
    where: {
      tokenHash,
      vendorId: vendor.id,
      purpose: { in: ["magic_link", "invitation"] },
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return { ok: false };

  const { stakeholder } = await db.verification.findUniqueOrThrow({
    where: { tokenHash },
    select: { stakeholder: { select: { id: true, lastSeenAt: true } } },
  });
  const session = await signInStakeholder(stakeholder, now);
  return { ok: true, stakeholderId: stakeholder.id, ...session };
}

/** A new hub session for a stakeholder whose link was just redeemed; it starts a new visit too. */
export async function signInStakeholder(stakeholder: { id: string; lastSeenAt: Date | null }, now = new Date()) {
  const [session] = await Promise.all([createSession({ stakeholderId: stakeholder.id }), startVisit(stakeholder, now)]);
  return { sessionToken: session.token, sessionExpiresAt: session.expiresAt };
}
