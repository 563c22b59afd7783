import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { db } from "~/utils/db.server";
import { secureCookies } from "~/utils/env.server";

/**
 * Sessions the Lucia way: the cookie holds `<id>.<secret>` (two 120-bit random strings), the
 * database keeps only SHA-256(secret), compared in constant time. Sessions slide: any use in
 * the second half of their life extends them.
 */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2;

export type SessionAudience = "console" | "hub";
const cookieNames: Record<SessionAudience, string> = {
  console: "tandem_console_session",
  hub: "tandem_hub_session",
};

export type Principal = { vendorUserId: string } | { stakeholderId: string };

export function generateSecureRandomString(bytes = 15): string {
  // 15 bytes = 120 bits, encoded as 24 base32 characters.
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export async function createSession(principal: Principal) {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.session.create({
    data: {
      id,
      secretHash: Buffer.from(hashSecret(secret)),
      expiresAt,
      vendorUserId: "vendorUserId" in principal ? principal.vendorUserId : null,
      stakeholderId: "stakeholderId" in principal ? principal.stakeholderId : null,
    },
  });
  return { token: `${id}.${secret}`, expiresAt };
}

export type ValidSession = {
  id: string;
  vendorUserId: string | null;
  stakeholderId: string | null;
  expiresAt: Date;
  /** Set when the expiry slid forward, so the cookie must be written again. */
  renewed: boolean;
};

/** The id and secret of a well-formed token, or null. */
export function parseSessionToken(token: string) {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return null;
  return { id, secret };
}

type StoredSession = { id: string; secretHash: Uint8Array; expiresAt: Date; vendorUserId: string | null; stakeholderId: string | null };

/**
 * Checks a token's secret against a stored session, deletes it once expired and slides its
 * expiry when due. For callers that read the session row together with what they need next.
 */
export async function checkStoredSession(session: StoredSession, secret: string): Promise<ValidSession | null> {
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(session.secretHash))) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  let renewed = false;
  let expiresAt = session.expiresAt;
  if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now + SESSION_LIFETIME_MS);
    await db.session.update({ where: { id: session.id }, data: { expiresAt } });
    renewed = true;
  }
  return { id: session.id, vendorUserId: session.vendorUserId, stakeholderId: session.stakeholderId, expiresAt, renewed };
}

export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const session = await db.session.findUnique({ where: { id: parsed.id } });
  return session ? checkStoredSession(session, parsed.secret) : null;
}

export async function invalidateSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidatePrincipalSessions(principal: Principal) {
  await db.session.deleteMany({ where: principal });
}

function serializeCookie(name: string, value: string, maxAgeSeconds: number) {
  const parts = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (secureCookies) parts.push("Secure");
  return parts.join("; ");
}

export function sessionCookie(audience: SessionAudience, token: string, expiresAt: Date) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return serializeCookie(cookieNames[audience], token, maxAge);
}

export function clearedSessionCookie(audience: SessionAudience) {
  return serializeCookie(cookieNames[audience], "", 0);
}

export function readSessionToken(request: Request, audience: SessionAudience): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const index = pair.indexOf("=");
    if (index < 0) continue;
    if (pair.slice(0, index).trim() === cookieNames[audience]) {
      const value = pair.slice(index + 1).trim();
      return value || null;
    }
  }
  return null;
}
