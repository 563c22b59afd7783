import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { TEST_PASSWORD, consoleCookie, cookieHeader, createVendor, createVendorUser } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const unique = () => randomUUID().slice(0, 8);
/** A client address of its own, so a test's attempts count against nobody else's limits. */
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function newUser() {
  const vendor = await createVendor();
  return createVendorUser(vendor.id);
}

function signIn(email: string, password: string, options: { redirectTo?: string; clientIp?: string } = {}) {
  const form = { email, password, ...(options.redirectTo === undefined ? {} : { redirectTo: options.redirectTo }) };
  return server.request("/login", { form, clientIp: options.clientIp });
}

function sessionCookieOf(response: Response) {
  const setCookie = response.headers.get("set-cookie");
  if (!setCookie) throw new Error("no Set-Cookie header");
  return cookieHeader(setCookie);
}

function signupForm(overrides: Record<string, string> = {}) {
  const id = unique();
  return {
    companyName: `Northwind ${id}`,
    slug: `northwind-${id}`,
    name: `Ada ${id}`,
    email: `ada-${id}@northwind.test`,
    password: "a long enough password",
    ...overrides,
  };
}

describe("sign-in", () => {
  it("shows a labelled form", async () => {
    const response = await server.request("/login");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<label[^>]*>Email<\/label>/);
    expect(html).toMatch(/<label[^>]*>Password<\/label>/);
    expect(html).toContain(">Sign in</button>");
  });

  it("signs in with the right password: an HttpOnly, SameSite=Lax cookie and a redirect to the console", async () => {
    const user = await newUser();
    const response = await signIn(user.email, TEST_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/console");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^tandem_console_session=[a-z2-7]{24}\.[a-z2-7]{24};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");

    const console = await server.request("/console", { cookie: sessionCookieOf(response) });
    expect(console.status).toBe(200);
    expect(await console.text()).toContain(user.name);
  });

  it("accepts the email in any case and with spaces around it", async () => {
    const user = await newUser();
    const response = await signIn(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(response.status).toBe(302);
  });

  it("honours a same-site redirectTo and ignores one to another site", async () => {
    const user = await newUser();
    const inside = await signIn(user.email, TEST_PASSWORD, { redirectTo: "/console?stage=renewal" });
    expect(inside.headers.get("location")).toBe("/console?stage=renewal");
    for (const target of ["//evil.test/phish", "/\t/evil.test/", "/\\evil.test/", "/\n/evil.test", "/.//evil.test/", "https://evil.test/"]) {
      const outside = await signIn(user.email, TEST_PASSWORD, { redirectTo: target });
      const location = outside.headers.get("location") ?? "";
      // Where a browser goes: the header is resolved against the page's origin.
      expect(new URL(location, server.origin).origin, JSON.stringify(target)).toBe(server.origin);
    }
  });

  it("gives a wrong password and an unknown email the same 400, and never echoes the password", async () => {
    const user = await newUser();
    const wrongPassword = await signIn(user.email, "not the password at all");
    const unknownEmail = await signIn(`nobody-${unique()}@vendor.test`, "not the password at all");
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.status).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
      const html = await response.text();
      expect(html).toContain("Email or password is incorrect");
      expect(html).not.toContain("not the password at all");
    }
  });

  it("answers invalid or oversized input with a 400, not a 500", async () => {
    expect((await signIn("", "")).status).toBe(400);
    expect((await signIn("not-an-email", "x")).status).toBe(400);
    expect((await signIn(`${"a".repeat(300)}@vendor.test`, "x")).status).toBe(400);
    expect((await signIn("someone@vendor.test", "x".repeat(10_000))).status).toBe(400);
  });

  it("sends a signed-in user from /login and /signup to the console", async () => {
    const user = await newUser();
    const cookie = await consoleCookie(user.id);
    for (const path of ["/login", "/signup"]) {
      const response = await server.request(path, { cookie });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/console");
    }
  });

  it("limits attempts per email with a 429, even for the right password, known or not", async () => {
    const clientIp = freshIp();
    const user = await newUser();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signIn(user.email, "wrong password", { clientIp })).status).toBe(400);
    }
    const limited = await signIn(user.email, TEST_PASSWORD, { clientIp });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("set-cookie")).toBeNull();
    expect(await limited.text()).toContain("Too many sign-in attempts");
    // The limit follows the email, not the address it is tried from.
    expect((await signIn(user.email, TEST_PASSWORD, { clientIp: freshIp() })).status).toBe(429);

    const unknown = `nobody-${unique()}@vendor.test`;
    for (let attempt = 0; attempt < 10; attempt++) await signIn(unknown, "wrong password", { clientIp });
    expect((await signIn(unknown, "wrong password", { clientIp })).status).toBe(429);

    // Another person's sign-in from the same address still works.
    const other = await newUser();
    expect((await signIn(other.email, TEST_PASSWORD, { clientIp })).status).toBe(302);
  });

  // Every refused attempt still hashes a password (no timing hint of unknown emails): ~50 scrypt runs.
  it("limits attempts per client address with a 429", async () => {
    const clientIp = freshIp();
    for (let attempt = 0; attempt < 50; attempt++) {
      expect((await signIn(`spray-${attempt}-${unique()}@vendor.test`, "wrong password", { clientIp })).status).toBe(400);
    }
    const user = await newUser();
    expect((await signIn(user.email, TEST_PASSWORD, { clientIp })).status).toBe(429);
    expect((await signIn(user.email, TEST_PASSWORD, { clientIp: freshIp() })).status).toBe(302);
  }, 120_000);
});

describe("sign-up", () => {
  it("creates the vendor with its first admin and signs them in", async () => {
    const form = signupForm({ email: `Grace-${unique()}@Northwind.test` });
    const response = await server.request("/signup", { form });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/console");

    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: form.slug }, include: { users: true } });
    expect(vendor.name).toBe(form.companyName);
    expect(vendor.users).toHaveLength(1);
    expect(vendor.users[0]).toMatchObject({ email: form.email.toLowerCase(), name: form.name, role: "admin" });
    expect(vendor.users[0]!.passwordHash).not.toContain(form.password);

    const console = await server.request("/console", { cookie: sessionCookieOf(response) });
    expect(console.status).toBe(200);
    expect(await console.text()).toContain(form.companyName);
  });

  it("refuses a taken hub address as a field error and writes nothing", async () => {
    const existing = await createVendor();
    const form = signupForm({ slug: existing.slug });
    const response = await server.request("/signup", { form });
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain("This hub address is taken");
    expect(html).not.toContain(form.password);
    expect(await db.vendorUser.count({ where: { email: form.email } })).toBe(0);
    expect(await db.vendor.count({ where: { name: form.companyName } })).toBe(0);
  });

  it("refuses an email that already has a vendor user as a field error and writes nothing", async () => {
    const user = await newUser();
    const form = signupForm({ email: user.email.toUpperCase() });
    const response = await server.request("/signup", { form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("An account with this email already exists");
    expect(await db.vendor.count({ where: { slug: form.slug } })).toBe(0);
  });

  it.each([
    ["a reserved hub address", { slug: "console" }, "This hub address is reserved"],
    ["a hub address with capitals or symbols", { slug: "North_Wind!" }, "Use lowercase letters"],
    ["a short hub address", { slug: "ab" }, "Use at least 3 characters"],
    ["a long hub address", { slug: "a".repeat(41) }, "Use at most 40 characters"],
    ["a short password", { password: "too short" }, "Use at least 12 characters"],
    ["a huge password", { password: "x".repeat(201) }, "Use at most 200 characters"],
    ["a huge company name", { companyName: "x".repeat(5_000) }, "Use at most 100 characters"],
    ["a missing name", { name: "" }, "Enter your name"],
  ])("answers %s with a 400 field error", async (_label, overrides, message) => {
    const form = signupForm(overrides);
    const response = await server.request("/signup", { form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await db.vendorUser.count({ where: { email: form.email } })).toBe(0);
  });
});

describe("sign-out", () => {
  it("revokes the session on POST: the old cookie no longer opens the console", async () => {
    const user = await newUser();
    const cookie = sessionCookieOf(await signIn(user.email, TEST_PASSWORD));
    expect((await server.request("/console", { cookie })).status).toBe(200);

    const response = await server.request("/logout", { method: "POST", cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login");
    expect(response.headers.get("set-cookie")).toMatch(/^tandem_console_session=;.*Max-Age=0/);

    const after = await server.request("/console", { cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
    expect(await db.session.count({ where: { vendorUserId: user.id } })).toBe(0);
  });

  it("does not sign anyone out on GET", async () => {
    const user = await newUser();
    const cookie = await consoleCookie(user.id);
    const response = await server.request("/logout", { cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/console");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect((await server.request("/console", { cookie })).status).toBe(200);
  });

  it("shows a Sign out button that posts to /logout", async () => {
    const user = await newUser();
    const html = await (await server.request("/console", { cookie: await consoleCookie(user.id) })).text();
    expect(html).toMatch(/<form method="post" action="\/logout"[^>]*>.*Sign out<\/button><\/form>/s);
  });
});

describe("cross-origin requests", () => {
  it.each([
    ["without an Origin", null],
    ["from another origin", "https://evil.test"],
  ])("refuses a POST %s with 403 and changes nothing", async (_label, origin) => {
    const user = await newUser();
    const login = await server.request("/login", { form: { email: user.email, password: TEST_PASSWORD }, origin });
    expect(login.status).toBe(403);
    expect(login.headers.get("set-cookie")).toBeNull();

    const cookie = await consoleCookie(user.id);
    expect((await server.request("/logout", { method: "POST", cookie, origin })).status).toBe(403);
    expect((await server.request("/console", { cookie })).status).toBe(200);

    const form = signupForm();
    expect((await server.request("/signup", { form, origin })).status).toBe(403);
    expect(await db.vendor.count({ where: { slug: form.slug } })).toBe(0);
  });
});
