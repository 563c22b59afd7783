import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { INVITATION_RATE_LIMIT, getInvitationState, sendInvitation } from "~/models/invitation.server";
import { VERIFICATION_LIFETIME_MS, hashVerificationToken } from "~/models/magic-link.server";
import { db } from "~/utils/db.server";
import { consoleCookie, cookieHeader, createStakeholder, createTenant, createVendorUser } from "../support/factories";
import { RACING_REDEMPTIONS, expectOneOfManyRedemptions } from "../support/redemption-race";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let csmCookie: string;
let otherCookie: string;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant();
  other = await createTenant();
  csmCookie = await consoleCookie(tenant.csm.id);
  otherCookie = await consoleCookie(other.csm.id);
});
afterAll(() => server.close());

const stakeholderPage = (stakeholderId: string, accountId = tenant.account.id) =>
  `/console/accounts/${accountId}/stakeholders/${stakeholderId}`;

function post(stakeholderId: string, intent: "invite" | "revoke", cookie = csmCookie) {
  return server.request(stakeholderPage(stakeholderId), { form: { intent }, cookie });
}

async function invitationMails(email: string) {
  return db.emailMessage.findMany({ where: { to: email, template: "invitation" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

function tokenIn(text: string) {
  const match = new RegExp(`/hub/${tenant.vendor.slug}/verify\\?token=([a-z2-7]+)`).exec(text);
  if (!match) throw new Error(`no invitation link in:\n${text}`);
  return match[1]!;
}

async function inviteAndReadToken(stakeholder: { id: string; email: string }) {
  const response = await post(stakeholder.id, "invite");
  expect(response.status).toBe(302);
  return tokenIn((await invitationMails(stakeholder.email)).at(-1)!.text);
}

function redeem(token: string) {
  return server.request(`/hub/${tenant.vendor.slug}/verify`, { form: { token } });
}

describe("inviting a stakeholder", () => {
  it("mails a branded invitation whose link signs in exactly once, and shows the state on the page", async () => {
    const person = await createStakeholder(tenant.account, { hubRole: "executive" });
    const before = await server.request(stakeholderPage(person.id), { cookie: csmCookie });
    expect(await before.text()).toContain("Send invitation");

    const token = await inviteAndReadToken(person);
    const [mail] = await invitationMails(person.email);
    expect(mail!.subject).toBe(`${tenant.csm.name} invited you to the ${tenant.vendor.name} customer hub`);
    expect(mail!.text).toContain("Your role: Executive.");
    expect(mail!.text).toContain(tenant.account.name);
    expect(mail!.html).toContain(tenant.vendor.name);

    const verification = await db.verification.findUniqueOrThrow({ where: { tokenHash: hashVerificationToken(token) } });
    expect(verification).toMatchObject({ purpose: "invitation", createdById: tenant.csm.id, stakeholderId: person.id });
    const lifetime = verification.expiresAt.getTime() - verification.createdAt.getTime();
    expect(Math.abs(lifetime - VERIFICATION_LIFETIME_MS.invitation)).toBeLessThan(60_000);
    expect((await db.stakeholder.findUniqueOrThrow({ where: { id: person.id } })).invitedAt).not.toBeNull();
    expect(await db.activityEvent.count({ where: { subjectId: person.id, action: "stakeholder.invited", visibility: "internal" } })).toBe(
      1,
    );

    const invited = await (await server.request(stakeholderPage(person.id), { cookie: csmCookie })).text();
    expect(invited).toContain("Re-send invitation");
    expect(invited).toContain("Revoke invitation");
    expect(invited).toMatch(/Invited on/);

    const signedIn = await redeem(token);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe(`/hub/${tenant.vendor.slug}`);
    const home = await server.request(`/hub/${tenant.vendor.slug}`, { cookie: cookieHeader(signedIn.headers.get("set-cookie")!) });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Welcome to your hub");

    expect((await redeem(token)).status).toBe(400);
    expect((await getInvitationState({ vendorId: tenant.vendor.id }, person.id)).status).toBe("accepted");
    expect(await (await server.request(stakeholderPage(person.id), { cookie: csmCookie })).text()).toContain("Accepted");
  });

  it("offers the invitation right after adding a person", async () => {
    const email = `new-${Date.now()}@customer.test`;
    const added = await server.request(`/console/accounts/${tenant.account.id}/stakeholders/new`, {
      form: { name: "New Person", email, hubRole: "member" },
      cookie: csmCookie,
    });
    expect(added.status).toBe(302);
    const page = await server.request(added.headers.get("location")!, { cookie: csmCookie });
    const html = await page.text();
    expect(html).toContain("was added. Send them an invitation");
    expect(html).toContain("Send invitation");
  });

  it(`signs in exactly once when ${RACING_REDEMPTIONS} browsers POST the same invitation at once`, async () => {
    const person = await createStakeholder(tenant.account);
    const token = await inviteAndReadToken(person);
    await expectOneOfManyRedemptions(server, tenant.vendor.slug, token, person.id);
    expect((await getInvitationState({ vendorId: tenant.vendor.id }, person.id)).status).toBe("accepted");
  });

  it("refuses an expired invitation link", async () => {
    const person = await createStakeholder(tenant.account);
    const token = await inviteAndReadToken(person);
    await db.verification.update({ where: { tokenHash: hashVerificationToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await redeem(token)).status).toBe(400);
    expect((await getInvitationState({ vendorId: tenant.vendor.id }, person.id)).status).toBe("expired");
  });

  it("refuses a revoked invitation link", async () => {
    const person = await createStakeholder(tenant.account);
    const token = await inviteAndReadToken(person);
    const revoked = await post(person.id, "revoke");
    expect(revoked.status).toBe(302);
    expect((await getInvitationState({ vendorId: tenant.vendor.id }, person.id)).status).toBe("revoked");
    expect((await redeem(token)).status).toBe(400);
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ lastSeenAt: null });
  });

  it("re-sending kills the old link and the new one works", async () => {
    const person = await createStakeholder(tenant.account);
    const first = await inviteAndReadToken(person);
    const second = await inviteAndReadToken(person);
    expect(second).not.toBe(first);
    expect((await redeem(first)).status).toBe(400);
    expect((await redeem(second)).status).toBe(302);
  });

  it("answers 404 to another vendor's CSM, sending and revoking nothing", async () => {
    const person = await createStakeholder(tenant.account);
    const token = await inviteAndReadToken(person);
    for (const intent of ["invite", "revoke"] as const) {
      const response = await post(person.id, intent, otherCookie);
      expect(response.status).toBe(404);
    }
    // Their own account in the URL with our stakeholder's id: still nobody they know.
    const crossed = await server.request(stakeholderPage(person.id, other.account.id), { form: { intent: "invite" }, cookie: otherCookie });
    expect(crossed.status).toBe(404);
    expect(await invitationMails(person.email)).toHaveLength(1);
    expect(await db.verification.count({ where: { stakeholderId: person.id, revokedAt: { not: null } } })).toBe(0);
    expect((await redeem(token)).status).toBe(302);
  });

  it("limits how many invitations one CSM sends per hour", async () => {
    const csm = await createVendorUser(tenant.vendor.id);
    const person = await createStakeholder(tenant.account);
    const scope = { vendorId: tenant.vendor.id, userId: csm.id, user: { name: csm.name } };
    const windowMs = INVITATION_RATE_LIMIT.windowMs;
    // The clock stands still here (the server runs in this process too), so the hour cannot roll
    // over between filling this window and reaching its limit, whenever the test runs.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const windowStart = new Date(Date.now() - (Date.now() % windowMs));
      await db.rateLimitHit.create({ data: { key: `invitation:user:${csm.id}`, windowStart, count: INVITATION_RATE_LIMIT.limit - 1 } });
      expect(await sendInvitation(scope, tenant.account.id, person.id)).toEqual({ status: "sent" });
      expect(await sendInvitation(scope, tenant.account.id, person.id)).toEqual({ status: "rate_limited" });
      expect(await invitationMails(person.email)).toHaveLength(1);

      const cookie = await consoleCookie(csm.id);
      const response = await post(person.id, "invite", cookie);
      expect(response.status).toBe(429);
      expect(await response.text()).toContain("many invitations");
      // Another CSM is not held back by this one's limit.
      expect((await post(person.id, "invite")).status).toBe(302);
    } finally {
      vi.useRealTimers();
    }
  });
});
