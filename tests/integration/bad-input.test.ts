import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTenant } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every action fed malformed and oversized values: each answer is a 400 that names what is
 * wrong, never a 500, and nothing is written.
 */
type FormAction = {
  name: string;
  url: (slug: string) => string;
  /** A submission that passes validation, from which each case breaks one field. */
  valid: Record<string, string>;
};

const actions: FormAction[] = [
  {
    name: "console sign-in",
    url: () => "/login",
    valid: { email: "someone@vendor.test", password: "a password that is long enough" },
  },
  {
    name: "vendor sign-up",
    url: () => "/signup",
    valid: {
      companyName: "Initech",
      slug: "initech-bad-input",
      name: "Peter Gibbons",
      email: "peter@initech-bad-input.test",
      password: "a password that is long enough",
    },
  },
  { name: "hub sign-in link request", url: (slug) => `/hub/${slug}/sign-in`, valid: { email: "someone@customer.test" } },
  { name: "hub link redemption", url: (slug) => `/hub/${slug}/verify`, valid: { token: "x".repeat(40) } },
];

const huge = "x".repeat(100_000);
const brokenValues: Array<[label: string, value: string | string[]]> = [
  ["oversized", huge],
  ["oversized email-like", `${huge}@example.test`],
  ["control characters", "\u0000\u0007\u001b[31m"],
  ["repeated field", ["one", "two"]],
  ["only spaces", "   "],
];

let server: TestServer;
let slug: string;
beforeAll(async () => {
  server = await startTestServer();
  slug = (await createTenant()).vendor.slug;
});
afterAll(() => server.close());

async function rowCounts() {
  const [vendors, users, sessions, verifications, mails] = await Promise.all([
    db.vendor.count(),
    db.vendorUser.count(),
    db.session.count(),
    db.verification.count(),
    db.emailMessage.count(),
  ]);
  return { vendors, users, sessions, verifications, mails };
}

describe.each(actions)("$name", (action) => {
  const cases: Array<[label: string, form: Record<string, string | string[]>]> = [["empty body", {}]];
  for (const field of Object.keys(action.valid)) {
    const { [field]: _omitted, ...rest } = action.valid;
    cases.push([`without ${field}`, rest]);
    for (const [label, value] of brokenValues) cases.push([`${field}: ${label}`, { ...action.valid, [field]: value }]);
  }

  it.each(cases)("%s → 400 with a message, nothing written", async (_label, form) => {
    const before = await rowCounts();
    const response = await server.request(action.url(slug), { form });
    const body = await response.text();
    // The link redemption may see a well-formed but unknown token, which is also a 400.
    expect(response.status, body.slice(0, 300)).toBe(400);
    expect(body).toMatch(/<main|<form/);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a non-form body with 400, not 500", async () => {
    const response = await server.request(action.url(slug), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This request must be sent as a form.");
  });
});

describe("actions without input", () => {
  it.each(["/logout", "/hub/{slug}/sign-out"])("%s ignores stray fields and never fails", async (url) => {
    const response = await server.request(url.replace("{slug}", slug), { form: { anything: huge, again: ["a", "b"] } });
    expect(response.status).toBe(302);
  });
});
