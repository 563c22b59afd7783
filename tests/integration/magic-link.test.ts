import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAGIC_LINK_RATE_LIMITS,
  VERIFICATION_LIFETIME_MS,
  createVerification,
  hashVerificationToken,
  redeemMagicLink,
  requestMagicLink,
} from "~/models/magic-link.server";
import { db } from "~/utils/db.server";
import { validateSessionToken } from "~/utils/session.server";
import { cookieHeader, createTenant, createVendor, hubCookie } from "../support/factories";
import { RACING_REDEMPTIONS, expectOneOfManyRedemptions } from "../support/redemption-race";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Each test speaks from its own address, so the per-IP limit never couples two tests. */
const freshIp = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

function askForLink(slug: string, email: string, clientIp = freshIp()) {
  return server.request(`/hub/${slug}/sign-in`, { form: { email }, clientIp });
}

/** The document without what differs on every response anyway (CSP nonces). */
async function comparable(response: Response) {
  return (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
}

async function mailsTo(email: string) {
  return db.emailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

function tokenIn(text: string, slug: string) {
  const match = new RegExp(`/hub/${slug}/verify\\?token=([a-z2-7]+)`).exec(text);
  if (!match) throw new Error(`no sign-in link for ${slug} in:\n${text}`);
  return match[1]!;
}

/** A fresh magic link for a stakeholder, as mailed to them. */
async function mailedToken(slug: string, email: string) {
  expect(await requestMagicLink({ vendorSlug: slug, email, clientIp: freshIp() })).toEqual({ status: "sent" });
  const mails = await mailsTo(email);
  return tokenIn(mails.at(-1)!.text, slug);
}

function verify(slug: string, token: string, cookie?: string) {
  return server.request(`/hub/${slug}/verify`, { form: { token }, cookie });
}

describe("asking for a magic link", () => {
  it("answers known and unknown addresses identically and mails only the known one", async () => {
    const { vendor, champion } = await createTenant();
    const unknown = `nobody-${randomInt(1e9)}@customer.test`;

    const known = await askForLink(vendor.slug, champion.email);
    const stranger = await askForLink(vendor.slug, unknown);
    expect(known.status).toBe(200);
    expect(stranger.status).toBe(200);
    const [knownBody, strangerBody] = [await comparable(known), await comparable(stranger)];
    expect(knownBody).toContain("Check your inbox");
    expect(strangerBody).toBe(knownBody);
    expect(knownBody).not.toContain(champion.email);

    expect(await mailsTo(unknown)).toEqual([]);
    const [mail, ...more] = await mailsTo(champion.email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ status: "outbox", template: "magic-link", subject: `Sign in to ${vendor.name}` });
    const token = tokenIn(mail!.text, vendor.slug);
    expect(mail!.html).toContain(`http://tandem.test/hub/${vendor.slug}/verify?token=${token}`);
    expect(mail!.text).toContain("15 minutes");
    expect(mail!.text).toMatch(/didn't ask/);
  });

  it("matches the address whatever its case and surrounding spaces", async () => {
    const { vendor, champion } = await createTenant();
    const response = await askForLink(vendor.slug, `  ${champion.email.toUpperCase()} `);
    expect(response.status).toBe(200);
    expect(await mailsTo(champion.email)).toHaveLength(1);
  });

  it("stores only the SHA-256 of a 160-bit token that lives 15 minutes", async () => {
    const { vendor, champion } = await createTenant();
    const before = Date.now();
    const token = await mailedToken(vendor.slug, champion.email);
    expect(token).toMatch(/^[a-z2-7]{32}$/);

    const rows = await db.verification.findMany({ where: { stakeholderId: champion.id } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.purpose).toBe("magic_link");
    expect(row!.tokenHash).toBe(hashVerificationToken(token));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
    const lifetime = row!.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(VERIFICATION_LIFETIME_MS.magic_link - 60_000);
    expect(lifetime).toBeLessThanOrEqual(VERIFICATION_LIFETIME_MS.magic_link + 60_000);
  });

  it("answers 400 with a field error for an invalid, missing or oversized address", async () => {
    const { vendor } = await createTenant();
    const invalid = await askForLink(vendor.slug, "not-an-email");
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain("Enter a valid email address");
    expect(html).toContain('aria-invalid="true"');
    expect(html).not.toContain("Check your inbox");

    const missing = await server.request(`/hub/${vendor.slug}/sign-in`, { form: {} });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Enter your work email");

    const oversized = await askForLink(vendor.slug, `${"a".repeat(5000)}@customer.test`);
    expect(oversized.status).toBe(400);
    expect(await oversized.text()).toContain("at most 254 characters");
  });

  it("limits requests per address with a 429, known or not", async () => {
    const { vendor, champion } = await createTenant();
    const { limit } = MAGIC_LINK_RATE_LIMITS.perAddress;
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await askForLink(vendor.slug, champion.email)).status).toBe(200);
    }
    const limited = await askForLink(vendor.slug, champion.email);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many sign-in links");
    expect(await mailsTo(champion.email)).toHaveLength(limit);

    // The address is counted across hubs too: another vendor's sign-in page is limited as well.
    const other = await createVendor();
    expect((await askForLink(other.slug, champion.email)).status).toBe(429);
  });

  it("limits requests per client address with a 429", async () => {
    const { vendor } = await createTenant();
    const ip = freshIp();
    const { limit } = MAGIC_LINK_RATE_LIMITS.perIp;
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await askForLink(vendor.slug, `probe-${attempt}-${randomInt(1e9)}@customer.test`, ip)).status).toBe(200);
    }
    const limited = await askForLink(vendor.slug, `probe-last-${randomInt(1e9)}@customer.test`, ip);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many sign-in links");
    // Someone else is not affected.
    expect((await askForLink(vendor.slug, `other-${randomInt(1e9)}@customer.test`)).status).toBe(200);
  });

  it("answers 404 for an unknown hub", async () => {
    expect((await server.request("/hub/no-such-vendor-here/sign-in")).status).toBe(404);
    expect((await askForLink("no-such-vendor-here", "someone@customer.test")).status).toBe(404);
  });

  it("refuses a POST without or with a foreign Origin (403)", async () => {
    const { vendor, champion } = await createTenant();
    const noOrigin = await server.request(`/hub/${vendor.slug}/sign-in`, { form: { email: champion.email }, origin: null });
    expect(noOrigin.status).toBe(403);
    const foreign = await server.request(`/hub/${vendor.slug}/sign-in`, { form: { email: champion.email }, origin: "https://evil.test" });
    expect(foreign.status).toBe(403);
    const token = await mailedToken(vendor.slug, champion.email);
    expect((await server.request(`/hub/${vendor.slug}/verify`, { form: { token }, origin: null })).status).toBe(403);
    expect(await mailsTo(champion.email)).toHaveLength(1);
    expect((await db.verification.findFirstOrThrow({ where: { stakeholderId: champion.id } })).usedAt).toBeNull();
  });
});

describe("redeeming a magic link", () => {
  it("does not redeem on GET; one POST signs in, a second POST fails", async () => {
    const { vendor, champion } = await createTenant();
    const token = await mailedToken(vendor.slug, champion.email);

    // What a mail scanner does: follow the link, twice.
    for (let visit = 0; visit < 2; visit++) {
      const page = await server.request(`/hub/${vendor.slug}/verify?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("set-cookie")).toBeNull();
      expect(page.headers.get("cache-control")).toContain("no-store");
      // The token never leaves as a Referer, and the page's own POST keeps a real Origin
      // (with "no-referrer" a browser sends "Origin: null", which the Origin check refuses).
      // Browsers apply the last policy of the list they understand (the server sets a default first).
      expect(page.headers.get("referrer-policy")?.split(",").pop()?.trim()).toBe("same-origin");
      const html = await page.text();
      expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Sign in<\/button>/);
      expect(html).toContain(`name="token" value="${token}"`);
    }
    const data = await server.request(`/hub/${vendor.slug}/verify.data?token=${token}`);
    expect(data.status).toBe(200);
    expect((await db.verification.findFirstOrThrow({ where: { stakeholderId: champion.id } })).usedAt).toBeNull();

    const first = await verify(vendor.slug, token);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/hub/${vendor.slug}`);
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^tandem_hub_session=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const cookie = cookieHeader(setCookie);

    const home = await server.request(`/hub/${vendor.slug}`, { cookie });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Welcome");
    const stakeholder = await db.stakeholder.findUniqueOrThrow({ where: { id: champion.id } });
    expect(stakeholder.lastSeenAt).not.toBeNull();

    const second = await verify(vendor.slug, token);
    expect(second.status).toBe(400);
    expect(second.headers.get("set-cookie")).toBeNull();
    const html = await second.text();
    expect(html).toContain("This sign-in link has expired or was already used");
    expect(html).toContain(`href="/hub/${vendor.slug}/sign-in"`);
  });

  it(`signs in exactly once when ${RACING_REDEMPTIONS} browsers POST the same link at once`, async () => {
    const { vendor, champion } = await createTenant();
    const token = await mailedToken(vendor.slug, champion.email);
    await expectOneOfManyRedemptions(server, vendor.slug, token, champion.id);
  });

  it("fails for an expired link", async () => {
    const { vendor, champion } = await createTenant();
    const token = await mailedToken(vendor.slug, champion.email);
    await db.verification.updateMany({ where: { stakeholderId: champion.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await verify(vendor.slug, token);
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toContain("This sign-in link has expired or was already used");
  });

  it("fails for a link of vendor A used on vendor B's hub, which leaves it usable on A's", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const token = await mailedToken(a.vendor.slug, a.champion.email);
    const wrongHub = await verify(b.vendor.slug, token);
    expect(wrongHub.status).toBe(400);
    expect(wrongHub.headers.get("set-cookie")).toBeNull();
    expect(await wrongHub.text()).toContain("This sign-in link has expired or was already used");
    expect((await verify(a.vendor.slug, token)).status).toBe(302);
  });

  it("fails for an unknown, malformed or missing token with the same message", async () => {
    const { vendor } = await createTenant();
    for (const token of ["a".repeat(32), "x".repeat(500), ""]) {
      const response = await verify(vendor.slug, token);
      expect(response.status, `token ${token.slice(0, 10)}`).toBe(400);
      expect(await response.text()).toContain("This sign-in link has expired or was already used");
    }
    const noToken = await server.request(`/hub/${vendor.slug}/verify`);
    expect(noToken.status).toBe(400);
    expect(await noToken.text()).toContain("This sign-in link has expired or was already used");
  });

  it("redeems an invitation the same way, with its longer life", async () => {
    const { vendor, champion } = await createTenant();
    const { token, expiresAt } = await createVerification({ vendorId: vendor.id, stakeholderId: champion.id, purpose: "invitation" });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(VERIFICATION_LIFETIME_MS.magic_link);
    const first = await redeemMagicLink({ vendorSlug: vendor.slug, token });
    expect(first.ok).toBe(true);
    if (first.ok) expect((await validateSessionToken(first.sessionToken))?.stakeholderId).toBe(champion.id);
    expect((await redeemMagicLink({ vendorSlug: vendor.slug, token })).ok).toBe(false);
  });
});

describe("signing out", () => {
  it("revokes the session by POST and clears the cookie", async () => {
    const { vendor, champion } = await createTenant();
    const cookie = await hubCookie(champion.id);
    const token = decodeURIComponent(cookie.split("=")[1]!);

    // A GET changes nothing.
    const get = await server.request(`/hub/${vendor.slug}/sign-out`, { cookie });
    expect(get.status).toBe(405);
    expect(await validateSessionToken(token)).not.toBeNull();

    expect((await server.request(`/hub/${vendor.slug}/sign-out`, { method: "POST", cookie, origin: null })).status).toBe(403);
    expect(await validateSessionToken(token)).not.toBeNull();

    const response = await server.request(`/hub/${vendor.slug}/sign-out`, { method: "POST", cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/hub/${vendor.slug}/sign-in`);
    expect(response.headers.get("set-cookie")).toMatch(/^tandem_hub_session=;.*Max-Age=0/);
    expect(await validateSessionToken(token)).toBeNull();

    const after = await server.request(`/hub/${vendor.slug}`, { cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe(`/hub/${vendor.slug}/sign-in`);
  });
});
