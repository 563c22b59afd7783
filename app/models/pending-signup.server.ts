import { renderSignupAttemptEmail } from "~/emails/signup-attempt";
import { renderSignupConfirmationEmail } from "~/emails/signup-confirmation";
import { hashVerificationToken } from "~/models/magic-link.server";
import { isHubSlugAvailable, signUpVendor, type SignUpVendorInput } from "~/models/vendor.server";
import { normalizeEmail } from "~/models/vendor-user.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { hashPassword } from "~/utils/password.server";
import { consumeRateLimits, type RateLimit } from "~/utils/rate-limit.server";
import { generateSecureRandomString } from "~/utils/session.server";

/**
 * Vendor sign-up, confirmed by mail (docs/decisions/016). The form answers the same whether or
 * not its address already has an account: a new address is mailed a link that creates the vendor
 * and its first admin when redeemed; an address with an account is mailed a note to its owner.
 * The link is made like a magic link: a 160-bit token of which only the SHA-256 is stored,
 * redeemed only by POST, once (a conditional update claims it).
 */
const HOUR = 60 * 60_000;
export const PENDING_SIGNUP_LIFETIME_MS = 24 * HOUR;

export const SIGNUP_RATE_LIMITS = {
  perIp: { limit: 10, windowMs: HOUR },
  // Every request mails the address, known or not: this caps how often a stranger can make it so.
  perAddress: { limit: 5, windowMs: HOUR },
} satisfies Record<string, RateLimit>;

/** Longer than any token we issue, so a pasted giant string is refused before hashing. */
const MAX_TOKEN_LENGTH = 128;

export function signupConfirmUrl(token: string) {
  return `${env.APP_ORIGIN}/signup/confirm?token=${encodeURIComponent(token)}`;
}

/** Stores a sign-up awaiting its link and returns the link's token in clear text, once. */
export async function createPendingSignup(input: SignUpVendorInput) {
  // 20 bytes = 160 bits, as a magic link: redeeming it signs the new admin in.
  const token = generateSecureRandomString(20);
  const expiresAt = new Date(Date.now() + PENDING_SIGNUP_LIFETIME_MS);
  await db.pendingSignup.create({
    data: { ...input, email: normalizeEmail(input.email), tokenHash: hashVerificationToken(token), expiresAt },
  });
  return { token, expiresAt };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

export type SignupRequestResult = { status: "sent" } | { status: "rate_limited" } | { status: "slug_taken" };

/**
 * Mails the confirmation link, or the note to the owner of an address that has an account. Both
 * cost the same: the limits are counted before anything is looked up, the password is hashed
 * either way, and each sends one mail without waiting for its delivery.
 */
export async function requestVendorSignup({
  companyName,
  slug,
  name,
  email,
  password,
  clientIp,
}: Omit<SignUpVendorInput, "passwordHash"> & { password: string; clientIp: string }): Promise<SignupRequestResult> {
  const address = normalizeEmail(email);
  const allowed = await consumeRateLimits([
    [`signup:ip:${clientIp}`, SIGNUP_RATE_LIMITS.perIp],
    [`signup:email:${address}`, SIGNUP_RATE_LIMITS.perAddress],
  ]);
  if (!allowed) return { status: "rate_limited" };
  // Hub addresses are public (each hub's sign-in page is at its own), so a taken one may be said;
  // this answer does not depend on the email.
  if (!(await isHubSlugAvailable(slug))) return { status: "slug_taken" };

  const passwordHash = await hashPassword(password);
  // Expired sign-ups hold a password hash and are of no use: each request deletes them, by the
  // index on expiresAt, rather than leaving that to a job the deployment has to run.
  await db.pendingSignup.deleteMany({ where: { expiresAt: { lte: new Date() } } });

  const owner = await db.vendorUser.findUnique({ where: { email: address }, select: { name: true, email: true } });
  if (owner) {
    const mail = renderSignupAttemptEmail({
      recipientName: firstName(owner.name),
      email: owner.email,
      signInUrl: `${env.APP_ORIGIN}/login`,
    });
    await sendMail({ to: owner.email, ...mail });
    return { status: "sent" };
  }
  const { token } = await createPendingSignup({ companyName, slug, name, email: address, passwordHash });
  const mail = renderSignupConfirmationEmail({
    recipientName: firstName(name),
    companyName,
    hubUrl: `${env.APP_ORIGIN}/hub/${slug}`,
    url: signupConfirmUrl(token),
    hours: PENDING_SIGNUP_LIFETIME_MS / HOUR,
  });
  await sendMail({ to: address, ...mail });
  return { status: "sent" };
}

function usableWhere(token: string, now: Date) {
  return { tokenHash: hashVerificationToken(token), consumedAt: null, expiresAt: { gt: now } };
}

/** What an unused, unexpired link would create, without using it; null when it cannot be used. */
export async function findPendingSignup(token: string) {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  return db.pendingSignup.findFirst({
    where: usableWhere(token, new Date()),
    select: { companyName: true, slug: true, name: true, email: true },
  });
}

export type ConfirmSignupResult =
  | { status: "created"; userId: string }
  | { status: "invalid" }
  | { status: "taken"; slugTaken: boolean; emailTaken: boolean; slug: string; email: string };

/**
 * Creates the vendor and its first admin from the link, once. The claim of the link is part of
 * the transaction that creates them: of concurrent redemptions only one claims it (the others
 * find it claimed: "invalid"), and when the slug or email was taken since the request, the claim
 * is undone with everything else, so nothing is written.
 */
export async function confirmVendorSignup(token: string): Promise<ConfirmSignupResult> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { status: "invalid" };
  const now = new Date();
  const where = usableWhere(token, now);
  const pending = await db.pendingSignup.findFirst({
    where,
    select: { companyName: true, slug: true, name: true, email: true, passwordHash: true },
  });
  if (!pending) return { status: "invalid" };
  const outcome = await signUpVendor(
    pending,
    async (tx) => (await tx.pendingSignup.updateMany({ where, data: { consumedAt: now } })).count === 1,
  );
  if (outcome.status === "unclaimed") return { status: "invalid" };
  if (outcome.status === "taken") return { ...outcome, slug: pending.slug, email: pending.email };
  return { status: "created", userId: outcome.userId };
}
