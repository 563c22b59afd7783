import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashVerificationToken } from "~/models/magic-link.server";
import { PENDING_SIGNUP_LIFETIME_MS, SIGNUP_RATE_LIMITS } from "~/models/pending-signup.server";
import { db } from "~/utils/db.server";
import { linksInMail } from "~/utils/mail.server";
import { verifyPassword } from "~/utils/password.server";
import { TEST_PASSWORD, consoleCookie, cookieHeader, createVendor, createVendorUser } from "../support/factories";
import { racePosts } from "../support/redemption-race";
import { startTestServer, type TestServer } from "../support/server";
import { snapshotVendor } from "../support/snapshot";

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

/** A sign-up from an address of its own (the per-IP limit never couples two tests), as a page or as the script's data request. */
function signUp(form: Record<string, string>, options: { clientIp?: string; data?: boolean } = {}) {
  return server.request(options.data ? "/signup.data" : "/signup", { form, clientIp: options.clientIp ?? freshIp() });
}

function confirm(token: string) {
  return server.request("/signup/confirm", { form: { token } });
}

/** The document without what differs on every response anyway (CSP nonces). */
async function comparable(response: Response) {
  return (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
}

function mailsTo(email: string) {
  return db.emailMessage.findMany({ where: { to: email.trim().toLowerCase() }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The token of a sign-up mail's one link, which opens the confirm page. */
function confirmationTokenIn(mail: { html: string; text: string }) {
  const links = linksInMail(mail.html);
  expect(links.map((link) => link.text)).toEqual(["Confirm and create your account"]);
  const url = new URL(links[0]!.href);
  expect(`${url.origin}${url.pathname}`).toBe("http://tandem.test/signup/confirm");
  const token = url.searchParams.get("token")!;
  expect(mail.text).toContain(links[0]!.href);
  return token;
}

/** Signs up with the form and returns the token of the link it mailed. */
async function signUpAndReadToken(form: Record<string, string>) {
  expect((await signUp(form)).status).toBe(200);
  const mails = await mailsTo(form.email!);
  return confirmationTokenIn(mails.at(-1)!);
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
    for (const target of [
      "//evil.test/phish",
      "/\t/evil.test/",
      "/\\evil.test/",
      "/\n/evil.test",
      "/.//evil.test/",
      "https://evil.test/",
    ]) {
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
  it("mails a confirmation link, stores only its hash, and creates nothing yet", async () => {
    const form = signupForm({ email: `Grace-${unique()}@Northwind.test` });
    const email = form.email.toLowerCase();
    const before = Date.now();
    const response = await signUp(form);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain("Check your inbox");
    expect(html).not.toContain(email);
    expect(html).not.toContain(form.password);
    expect(await db.vendor.count({ where: { slug: form.slug } })).toBe(0);
    expect(await db.vendorUser.count({ where: { email } })).toBe(0);

    const [mail, ...more] = await mailsTo(email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      status: "outbox",
      template: "signup-confirmation",
      subject: "Confirm your email to create your Tandem account",
    });
    const token = confirmationTokenIn(mail!);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(mail!.text).toContain(form.companyName);
    expect(mail!.text).toContain(`/hub/${form.slug}`);
    expect(mail!.text).toContain("24 hours");

    const rows = await db.pendingSignup.findMany({ where: { email } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      companyName: form.companyName,
      slug: form.slug,
      name: form.name,
      email,
      consumedAt: null,
      tokenHash: hashVerificationToken(token),
    });
    expect(await verifyPassword(form.password, row!.passwordHash)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(form.password);
    const lifetime = row!.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(PENDING_SIGNUP_LIFETIME_MS - 60_000);
    expect(lifetime).toBeLessThanOrEqual(PENDING_SIGNUP_LIFETIME_MS + 60_000);
  });

  it("answers an email with an account exactly as a new one, and mails its owner a note without a link", async () => {
    const user = await newUser();
    const known = signupForm({ email: ` ${user.email.toUpperCase()} ` });
    const fresh = signupForm();
    const [knownPage, freshPage] = [await signUp(known), await signUp(fresh)];
    expect(knownPage.status).toBe(200);
    expect(freshPage.status).toBe(knownPage.status);
    expect(await comparable(freshPage)).toBe(await comparable(knownPage));
    // What the page's script receives, too.
    const [knownData, freshData] = [
      await signUp(signupForm({ email: user.email }), { data: true }),
      await signUp(signupForm(), { data: true }),
    ];
    expect([knownData.status, freshData.status]).toEqual([200, 200]);
    expect(await freshData.text()).toBe(await knownData.text());

    // The owner is told, twice (two attempts), with a way to sign in and nothing to confirm.
    const notes = await mailsTo(user.email);
    expect(notes).toHaveLength(2);
    for (const note of notes) {
      expect(note).toMatchObject({ template: "signup-attempt", subject: "Someone tried to create a Tandem account with your email" });
      expect(linksInMail(note.html).map((link) => link.href)).toEqual(["http://tandem.test/login"]);
      expect(note.text).toContain("http://tandem.test/login");
      expect(note.text).not.toContain("/signup/confirm");
      expect(note.text).toContain(`Someone tried to create a new Tandem account with ${user.email}`);
      expect(note.text).toContain("you can ignore this email");
      // Whatever the stranger typed in the form stays out of the owner's mail.
      expect(note.text).not.toContain(known.companyName);
      expect(note.text).not.toContain(known.name);
    }
    expect(await db.pendingSignup.count({ where: { email: user.email } })).toBe(0);
    expect(await db.vendor.count({ where: { slug: known.slug } })).toBe(0);

    expect(confirmationTokenIn((await mailsTo(fresh.email))[0]!)).toMatch(/^[a-z2-7]{32}$/);
  });

  it("shows the link's page on GET without writing anything", async () => {
    const form = signupForm();
    const token = await signUpAndReadToken(form);
    const before = await snapshotVendor("no-vendor");

    // What a mail scanner does: follow the link, twice, as a page and as data.
    for (let visit = 0; visit < 2; visit++) {
      const page = await server.request(`/signup/confirm?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("set-cookie")).toBeNull();
      expect(page.headers.get("cache-control")).toContain("no-store");
      expect(page.headers.get("referrer-policy")?.split(",").pop()?.trim()).toBe("same-origin");
      const html = await page.text();
      expect(html).toContain(form.companyName);
      expect(html).toContain(`/hub/${form.slug}`);
      expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Create account<\/button>/);
      expect(html).toContain(`name="token" value="${token}"`);
      expect((await server.request(`/signup/confirm.data?token=${token}`)).status).toBe(200);
    }
    expect(await snapshotVendor("no-vendor")).toBe(before);
    expect((await db.pendingSignup.findFirstOrThrow({ where: { tokenHash: hashVerificationToken(token) } })).consumedAt).toBeNull();
  });

  it("creates the vendor with its first admin on the link's POST, and signs them in", async () => {
    const form = signupForm({ email: `Grace-${unique()}@Northwind.test` });
    const token = await signUpAndReadToken(form);
    const response = await confirm(token);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/console");
    expect(response.headers.get("set-cookie")).toMatch(/^tandem_console_session=/);

    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: form.slug }, include: { users: true } });
    expect(vendor.name).toBe(form.companyName);
    expect(vendor.users).toHaveLength(1);
    expect(vendor.users[0]).toMatchObject({ email: form.email.toLowerCase(), name: form.name, role: "admin" });
    expect(vendor.users[0]!.passwordHash).not.toContain(form.password);

    const console = await server.request("/console", { cookie: sessionCookieOf(response) });
    expect(console.status).toBe(200);
    expect(await console.text()).toContain(form.companyName);
    // The password chosen at sign-up is the one to sign in with.
    expect((await signIn(form.email, form.password)).status).toBe(302);
  });

  it("refuses a second POST of the same link and creates nothing more", async () => {
    const form = signupForm();
    const token = await signUpAndReadToken(form);
    expect((await confirm(token)).status).toBe(302);

    const again = await confirm(token);
    expect(again.status).toBe(400);
    expect(again.headers.get("set-cookie")).toBeNull();
    const html = await again.text();
    expect(html).toContain("This sign-up link is no longer valid");
    expect(html).toContain('href="/signup"');
    expect(await db.vendorUser.count({ where: { email: form.email } })).toBe(1);
    expect((await server.request(`/signup/confirm?token=${token}`)).status).toBe(400);
  });

  it("creates exactly one vendor when 20 browsers POST the same link at once", async () => {
    const form = signupForm();
    const token = await signUpAndReadToken(form);
    const answers = await racePosts(server, "/signup/confirm", new URLSearchParams({ token }).toString(), { count: 20 });

    const created = answers.filter((answer) => answer.status === 302);
    expect(created, "redemptions that created the account").toHaveLength(1);
    expect(created[0]!.location).toBe("/console");
    expect(created[0]!.setCookie).toEqual([expect.stringMatching(/^tandem_console_session=/)]);
    const refused = answers.filter((answer) => answer.status !== 302);
    expect(refused.map((answer) => answer.status)).toEqual(Array(19).fill(400));
    for (const answer of refused) {
      expect(answer.setCookie).toEqual([]);
      expect(answer.body).toContain("This sign-up link is no longer valid");
    }
    expect(await db.vendor.count({ where: { slug: form.slug } })).toBe(1);
    const users = await db.vendorUser.findMany({ where: { email: form.email }, select: { id: true } });
    expect(users).toHaveLength(1);
    expect(await db.session.count({ where: { vendorUserId: users[0]!.id } })).toBe(1);
  });

  it("refuses an expired link, and an unknown, malformed or missing one, with the same page", async () => {
    const form = signupForm();
    const token = await signUpAndReadToken(form);
    await db.pendingSignup.updateMany({ where: { email: form.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await server.request(`/signup/confirm?token=${token}`)).status).toBe(400);
    for (const candidate of [token, "a".repeat(32), "x".repeat(500), ""]) {
      const response = await confirm(candidate);
      expect(response.status, `token ${candidate.slice(0, 10)}`).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.text()).toContain("This sign-up link is no longer valid");
    }
    const noToken = await server.request("/signup/confirm");
    expect(noToken.status).toBe(400);
    expect(await noToken.text()).toContain("This sign-up link is no longer valid");
    expect(await db.vendor.count({ where: { slug: form.slug } })).toBe(0);
    expect(await db.vendorUser.count({ where: { email: form.email } })).toBe(0);
  });

  it("answers 409 and creates nothing when the hub address was taken after the request", async () => {
    const form = signupForm();
    const token = await signUpAndReadToken(form);
    const other = await createVendor({ slug: form.slug });

    const response = await confirm(token);
    expect(response.status).toBe(409);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain(`The hub address /hub/${form.slug} has been taken since you signed up`);
    expect(html).toContain('href="/signup"');
    expect(await db.vendor.findMany({ where: { slug: form.slug }, select: { id: true } })).toEqual([{ id: other.id }]);
    expect(await db.vendorUser.count({ where: { email: form.email } })).toBe(0);
    // Nothing was claimed either: the link keeps saying why it cannot work.
    expect((await confirm(token)).status).toBe(409);
  });

  it("answers 409 and creates nothing when the email got an account after the request", async () => {
    const form = signupForm();
    const token = await signUpAndReadToken(form);
    const vendor = await createVendor();
    await db.vendorUser.create({
      data: { vendorId: vendor.id, email: form.email, name: "Someone else", passwordHash: "scrypt$0$0$0$x$x" },
    });

    const response = await confirm(token);
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain(`${form.email} has a Tandem account now`);
    expect(html).toContain('href="/login"');
    expect(await db.vendor.count({ where: { slug: form.slug } })).toBe(0);
    expect(await db.vendorUser.count({ where: { email: form.email } })).toBe(1);
  });

  it("refuses a taken hub address as a field error, mails nobody and stores nothing", async () => {
    const existing = await createVendor();
    const form = signupForm({ slug: existing.slug });
    const response = await signUp(form);
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain("This hub address is taken");
    expect(html).not.toContain(form.password);
    expect(await mailsTo(form.email)).toEqual([]);
    expect(await db.pendingSignup.count({ where: { email: form.email } })).toBe(0);
    expect(await db.vendor.count({ where: { name: form.companyName } })).toBe(0);
  });

  it("limits requests per email with a 429, known or not", async () => {
    const { limit } = SIGNUP_RATE_LIMITS.perAddress;
    const user = await newUser();
    for (const email of [user.email, `new-${unique()}@northwind.test`]) {
      for (let attempt = 0; attempt < limit; attempt++) expect((await signUp(signupForm({ email }))).status).toBe(200);
      const limited = await signUp(signupForm({ email }));
      expect(limited.status).toBe(429);
      expect(await limited.text()).toContain("Too many sign-ups");
      expect(await mailsTo(email)).toHaveLength(limit);
    }
  });

  it("limits requests per client address with a 429", async () => {
    const { limit } = SIGNUP_RATE_LIMITS.perIp;
    const clientIp = freshIp();
    for (let attempt = 0; attempt < limit; attempt++) expect((await signUp(signupForm(), { clientIp })).status).toBe(200);
    const form = signupForm();
    expect((await signUp(form, { clientIp })).status).toBe(429);
    expect(await mailsTo(form.email)).toEqual([]);
    expect((await signUp(signupForm())).status).toBe(200);
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
    const response = await signUp(form);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await mailsTo(form.email)).toEqual([]);
    expect(await db.pendingSignup.count({ where: { email: form.email } })).toBe(0);
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
    expect(await mailsTo(form.email)).toEqual([]);

    const confirmed = signupForm();
    const token = await signUpAndReadToken(confirmed);
    expect((await server.request("/signup/confirm", { form: { token }, origin })).status).toBe(403);
    expect(await db.vendor.count({ where: { slug: confirmed.slug } })).toBe(0);
    expect((await db.pendingSignup.findFirstOrThrow({ where: { email: confirmed.email } })).consumedAt).toBeNull();
  });
});
