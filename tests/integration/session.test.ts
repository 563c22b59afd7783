import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  SESSION_LIFETIME_MS,
  createSession,
  invalidatePrincipalSessions,
  invalidateSession,
  sessionCookie,
  validateSessionToken,
} from "~/utils/session.server";
import { cookieHeader, createTenant, createVendor, createVendorUser } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

async function newUser() {
  const vendor = await createVendor();
  return createVendorUser(vendor.id);
}

describe("sessions", () => {
  it("issues a token of two 120-bit random parts and stores only the secret's hash", async () => {
    const user = await newUser();
    const { token } = await createSession({ vendorUserId: user.id });
    const [id, secret] = token.split(".");
    // 24 base32 characters carry 120 bits each.
    expect(id).toMatch(/^[a-z2-7]{24}$/);
    expect(secret).toMatch(/^[a-z2-7]{24}$/);
    const stored = await db.session.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(secret);
    expect(stored.secretHash.length).toBe(32);
    expect(JSON.stringify(stored)).not.toContain(secret!);
  });

  it("accepts the right secret and refuses a wrong or malformed one", async () => {
    const user = await newUser();
    const { token } = await createSession({ vendorUserId: user.id });
    expect((await validateSessionToken(token))?.vendorUserId).toBe(user.id);
    const [id] = token.split(".");
    expect(await validateSessionToken(`${id}.aaaaaaaaaaaaaaaaaaaaaaaa`)).toBeNull();
    expect(await validateSessionToken(id!)).toBeNull();
    expect(await validateSessionToken(`${token}.extra`)).toBeNull();
    expect(await validateSessionToken("")).toBeNull();
  });

  it("slides the expiry forward when used in the second half of its life", async () => {
    const user = await newUser();
    const { token } = await createSession({ vendorUserId: user.id });
    const [id] = token.split(".");
    const soon = new Date(Date.now() + 60_000);
    await db.session.update({ where: { id }, data: { expiresAt: soon } });
    const session = await validateSessionToken(token);
    expect(session?.renewed).toBe(true);
    const stored = await db.session.findUniqueOrThrow({ where: { id } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
  });

  it("refuses and deletes an expired session", async () => {
    const user = await newUser();
    const { token } = await createSession({ vendorUserId: user.id });
    const [id] = token.split(".");
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
  });

  it("is revoked on sign-out and when the person is removed", async () => {
    const user = await newUser();
    const first = await createSession({ vendorUserId: user.id });
    const second = await createSession({ vendorUserId: user.id });
    await invalidateSession(first.token.split(".")[0]!);
    expect(await validateSessionToken(first.token)).toBeNull();
    expect(await validateSessionToken(second.token)).not.toBeNull();
    await invalidatePrincipalSessions({ vendorUserId: user.id });
    expect(await validateSessionToken(second.token)).toBeNull();

    const third = await createSession({ vendorUserId: user.id });
    await db.vendorUser.delete({ where: { id: user.id } });
    expect(await validateSessionToken(third.token)).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax cookie", async () => {
    const cookie = sessionCookie("console", "a.b", new Date(Date.now() + 1000_000));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
  });
});

describe("a session used in the second half of its life", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  for (const audience of ["console", "hub"] as const) {
    it(`re-sends the ${audience} cookie with the new expiry, so the browser keeps it too`, async () => {
      const { vendor, csm, champion } = await createTenant();
      const principal = audience === "console" ? { vendorUserId: csm.id } : { stakeholderId: champion.id };
      const { token, expiresAt } = await createSession(principal);
      const cookie = cookieHeader(sessionCookie(audience, token, expiresAt));
      const path = audience === "console" ? "/console" : `/hub/${vendor.slug}`;

      const fresh = await server.request(path, { cookie });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get("set-cookie")).toBeNull();

      await db.session.update({ where: { id: token.split(".")[0] }, data: { expiresAt: new Date(Date.now() + 60_000) } });
      const renewed = await server.request(path, { cookie });
      expect(renewed.status).toBe(200);
      const setCookie = renewed.headers.get("set-cookie") ?? "";
      expect(setCookie).toContain(cookie);
      const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
      expect(maxAge).toBeGreaterThan(SESSION_LIFETIME_MS / 1000 - 120);
    });
  }
});
