import { redirect } from "@remix-run/node";
import { startVisitIfDue } from "~/models/hub-visit.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { appendResponseHeader, oncePerRequest } from "~/utils/request-context.server";
import { readSessionToken, sessionCookie, validateSessionToken, type SessionAudience } from "~/utils/session.server";

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

export async function requireAdminScope(request: Request): Promise<ConsoleScope> {
  const scope = await requireConsoleScope(request);
  if (scope.role !== "admin") throw notFound();
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

async function readHubScope(request: Request, vendorSlug: string | undefined): Promise<HubScope | null> {
  const session = await readSession(request, "hub");
  if (!session?.stakeholderId) return null;
  const stakeholder = await db.stakeholder.findUnique({
    where: { id: session.stakeholderId },
    select: { id: true, name: true, email: true, hubRole: true, accountId: true, lastSeenAt: true, vendor: { select: { id: true, slug: true } } },
  });
  if (!stakeholder || stakeholder.vendor.slug !== vendorSlug) return null;
  await startVisitIfDue(stakeholder);
  return {
    sessionId: session.id,
    vendorId: stakeholder.vendor.id,
    accountId: stakeholder.accountId,
    stakeholderId: stakeholder.id,
    role: (["champion", "executive"] as const).find((role) => role === stakeholder.hubRole) ?? "member",
    stakeholder: { id: stakeholder.id, name: stakeholder.name, email: stakeholder.email },
  };
}

export async function requireHubScope(request: Request, vendorSlug: string | undefined): Promise<HubScope> {
  const scope = await getHubScope(request, vendorSlug);
  if (scope) return scope;
  await findHubVendor(vendorSlug); // an unknown hub is a 404, not a sign-in page
  throw redirect(`/hub/${vendorSlug}/sign-in`);
}
