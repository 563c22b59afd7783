import { redirect } from "@remix-run/node";
import { sql, toDate } from "~/db/sql.server";
import { startVisitIfDue } from "~/models/hub-visit.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { appendResponseHeader, oncePerRequest } from "~/utils/request-context.server";
import {
  checkStoredSession,
  parseSessionToken,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
  type SessionAudience,
} from "~/utils/session.server";

/**
 * The tenancy guard. Every console loader and action calls requireConsoleScope, every hub
 * loader and action calls requireHubScope, and every model function takes the scope it returns:
 * the tenant (and, in the hub, the account) always comes from the session, never from the URL.
 */
export type VendorRole = "admin" | "csm";
export type HubRole = "champion" | "executive" | "member";

export type ConsoleScope = {
  sessionId: string;
  vendorId: string;
  userId: string;
  role: VendorRole;
  user: { id: string; name: string; email: string };
  vendor: { id: string; slug: string; name: string; logoUrl: string | null; primaryColor: string };
};

export type HubScope = {
  sessionId: string;
  vendorId: string;
  accountId: string;
  stakeholderId: string;
  role: HubRole;
  stakeholder: { id: string; name: string; email: string };
  /** Read with the session, so that no hub page reads them again. */
  vendor: { slug: string; name: string; logoUrl: string | null; primaryColor: string; welcomeMessage: string | null };
  account: { name: string; hubWelcome: string | null; hubWelcomeHtml: string | null };
  /** The start of the visit before this one: "what changed since your last visit" (null on the first). */
  previousVisitAt: Date | null;
};

/** The request's valid session of one audience; a slid expiry re-sends the cookie with it. */
async function readSession(request: Request, audience: SessionAudience) {
  const token = readSessionToken(request, audience);
  const session = token ? await validateSessionToken(token) : null;
  if (token && session?.renewed) appendResponseHeader("Set-Cookie", sessionCookie(audience, token, session.expiresAt));
  return session;
}

export function getConsoleScope(request: Request): Promise<ConsoleScope | null> {
  return oncePerRequest("console-scope", () => readConsoleScope(request));
}

async function readConsoleScope(request: Request): Promise<ConsoleScope | null> {
  const session = await readSession(request, "console");
  if (!session?.vendorUserId) return null;
  const user = await db.vendorUser.findUnique({
    where: { id: session.vendorUserId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      vendor: { select: { id: true, slug: true, name: true, logoUrl: true, primaryColor: true } },
    },
  });
  if (!user) return null;
  return {
    sessionId: session.id,
    vendorId: user.vendor.id,
    userId: user.id,
    role: user.role === "admin" ? "admin" : "csm",
    user: { id: user.id, name: user.name, email: user.email },
    vendor: user.vendor,
  };
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

export async function requireConsoleScope(request: Request): Promise<ConsoleScope> {
  const scope = await getConsoleScope(request);
  if (!scope) throw loginRedirect(request);
  return scope;
}

export async function findHubVendor(vendorSlug: string | undefined) {
  if (!vendorSlug) notFound();
  const vendor = await db.vendor.findUnique({
    where: { slug: vendorSlug },
    select: { id: true, slug: true, name: true, logoUrl: true, primaryColor: true, welcomeMessage: true },
  });
  if (!vendor) notFound();
  return vendor;
}

/** The stakeholder signed in to this vendor's hub, or null (also when signed in to another hub). */
export function getHubScope(request: Request, vendorSlug: string | undefined): Promise<HubScope | null> {
  return oncePerRequest(`hub-scope:${vendorSlug}`, () => readHubScope(request, vendorSlug));
}

type HubSessionRow = {
  id: string;
  secretHash: Uint8Array;
  expiresAt: unknown;
  stakeholderId: string;
  stakeholderName: string;
  stakeholderEmail: string;
  hubRole: string;
  lastSeenAt: unknown;
  previousSeenAt: unknown;
  accountId: string;
  accountName: string;
  hubWelcome: string | null;
  hubWelcomeHtml: string | null;
  vendorId: string;
  vendorSlug: string;
  vendorName: string;
  logoUrl: string | null;
  primaryColor: string;
  welcomeMessage: string | null;
};

// Every hub request starts here, so the session, the person, their account and the vendor's
// brand come back in one read (the hub's hot path; see app/db/sql.server.ts).
const HUB_SESSION_SQL = `
  SELECT s."id", s."secretHash", s."expiresAt",
         st."id" AS "stakeholderId", st."name" AS "stakeholderName", st."email" AS "stakeholderEmail", st."hubRole",
         st."lastSeenAt", st."previousSeenAt",
         a."id" AS "accountId", a."name" AS "accountName", a."hubWelcome", a."hubWelcomeHtml",
         v."id" AS "vendorId", v."slug" AS "vendorSlug", v."name" AS "vendorName", v."logoUrl", v."primaryColor", v."welcomeMessage"
    FROM "Session" s
    JOIN "Stakeholder" st ON st."id" = s."stakeholderId"
    JOIN "Account" a ON a."id" = st."accountId" AND a."vendorId" = st."vendorId"
    JOIN "Vendor" v ON v."id" = st."vendorId"
   WHERE s."id" = ?`;

async function readHubScope(request: Request, vendorSlug: string | undefined): Promise<HubScope | null> {
  const token = readSessionToken(request, "hub");
  const parsed = token ? parseSessionToken(token) : null;
  if (!token || !parsed) return null;
  const [row] = await sql().all<HubSessionRow>(HUB_SESSION_SQL, [parsed.id]);
  if (!row) return null;
  const session = await checkStoredSession(
    { id: row.id, secretHash: row.secretHash, expiresAt: toDate(row.expiresAt), vendorUserId: null, stakeholderId: row.stakeholderId },
    parsed.secret,
  );
  if (!session) return null;
  if (session.renewed) appendResponseHeader("Set-Cookie", sessionCookie("hub", token, session.expiresAt));
  if (row.vendorSlug !== vendorSlug) return null;
  const lastSeenAt = toDate(row.lastSeenAt, "nullable");
  const visitStarted = await startVisitIfDue({ id: row.stakeholderId, lastSeenAt });
  return {
    sessionId: session.id,
    vendorId: row.vendorId,
    accountId: row.accountId,
    stakeholderId: row.stakeholderId,
    role: (["champion", "executive"] as const).find((role) => role === row.hubRole) ?? "member",
    stakeholder: { id: row.stakeholderId, name: row.stakeholderName, email: row.stakeholderEmail },
    vendor: {
      slug: row.vendorSlug,
      name: row.vendorName,
      logoUrl: row.logoUrl,
      primaryColor: row.primaryColor,
      welcomeMessage: row.welcomeMessage,
    },
    account: { name: row.accountName, hubWelcome: row.hubWelcome, hubWelcomeHtml: row.hubWelcomeHtml },
    previousVisitAt: visitStarted ? lastSeenAt : toDate(row.previousSeenAt, "nullable"),
  };
}

export async function requireHubScope(request: Request, vendorSlug: string | undefined): Promise<HubScope> {
  const scope = await getHubScope(request, vendorSlug);
  if (scope) return scope;
  await findHubVendor(vendorSlug); // an unknown hub is a 404, not a sign-in page
  throw redirect(`/hub/${vendorSlug}/sign-in`);
}
