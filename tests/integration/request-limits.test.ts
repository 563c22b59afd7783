import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_LIMITS } from "~/utils/form.server";
import { consoleCookie, createTenant, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Request bodies are bounded before they are parsed (docs/decisions/013): no single request,
 * signed in or not, may hold the server for others.
 */
let server: TestServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let cookies: { csm: string; champion: string };

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant();
  cookies = { csm: await consoleCookie(tenant.csm.id), champion: await hubCookie(tenant.champion.id) };
});
afterAll(() => server.close());

const post = (pathname: string, body: string | FormData, options: { cookie?: string; contentType?: string } = {}) =>
  server.request(pathname, {
    method: "POST",
    cookie: options.cookie,
    headers: options.contentType ? { "Content-Type": options.contentType } : undefined,
    body,
  });

/** While `flood` is being answered, another request is answered in under a second, again and again. */
async function expectServerKeepsAnswering(flood: Promise<Response>) {
  let answered: Response | null = null;
  const floodAnswered = flood.then((response) => (answered = response));
  let probes = 0;
  do {
    const started = performance.now();
    const probe = await server.request("/login");
    const elapsed = performance.now() - started;
    expect(probe.status).toBe(200);
    expect(elapsed, `a page took ${Math.round(elapsed)} ms while the flood was parsed`).toBeLessThan(1_000);
    probes += 1;
  } while (!answered);
  await floodAnswered;
  expect(probes).toBeGreaterThan(0);
  return answered as Response;
}

// 400 KB: under the size limit, so that the number of fields is what is refused.
const repeated = (times: number) => Array.from({ length: times }, () => "x=1").join("&");

describe("a form body that repeats one field 100,000 times", () => {
  const routes = () => [
    { what: "the console sign-in (public)", path: "/login", cookie: undefined },
    { what: "the hub sign-in (public)", path: `/hub/${tenant.vendor.slug}/sign-in`, cookie: undefined },
    { what: "the hub plan (signed in)", path: `/hub/${tenant.vendor.slug}/plan`, cookie: () => cookies.champion },
    { what: "the console account (signed in)", path: `/console/accounts/${tenant.account.id}`, cookie: () => cookies.csm },
  ];

  it("is refused with a 400 before it is parsed, and the server keeps answering others meanwhile", async () => {
    for (const route of routes()) {
      const flood = post(route.path, repeated(100_000), { cookie: route.cookie?.(), contentType: "application/x-www-form-urlencoded" });
      const response = await expectServerKeepsAnswering(flood);
      expect(response.status, route.what).toBe(400);
      expect(await response.text(), route.what).toContain(`at most ${FORM_LIMITS.maxFields}`);
    }
  });

  it("is refused as multipart too", async () => {
    const form = new FormData();
    for (let i = 0; i < 2_000; i++) form.append("email", "1");
    const response = await expectServerKeepsAnswering(post("/login", form));
    expect(response.status).toBe(400);
  });
});

describe("a body over the size limit", () => {
  it("is a 413 before any of it is parsed: a 10 MB password", async () => {
    const body = new URLSearchParams({ email: "someone@example.com", password: "x".repeat(10 * 1024 * 1024) }).toString();
    const response = await post("/login", body, { contentType: "application/x-www-form-urlencoded" });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("too large");
  });

  it("is a 413 on a signed-in action as well", async () => {
    const body = new URLSearchParams({ intent: "comment", body: "x".repeat(FORM_LIMITS.maxBytes) }).toString();
    const response = await post(`/hub/${tenant.vendor.slug}/plan`, body, {
      cookie: cookies.champion,
      contentType: "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(413);
  });
});

describe("field names", () => {
  it("are words: array indices, deep paths and prototype paths are refused before the schema sees them", async () => {
    for (const name of [
      "email[99999999]",
      "a.b.c.d.e",
      "a[0][1]",
      "__proto__.polluted",
      "constructor.prototype.x",
      "x._y",
      "x".repeat(101),
    ]) {
      const response = await post("/login", `${encodeURIComponent(name)}=1&password=x`, {
        contentType: "application/x-www-form-urlencoded",
      });
      expect(response.status, name).toBe(400);
    }
  });

  it("may name an object's field with dots, as the apply form's owners do", async () => {
    const response = await post("/login", "email=someone%40example.com&password=x&owners.csm=1", {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Email or password is incorrect");
  });

  it("are no obstacle to an ordinary form", async () => {
    const response = await post("/login", new URLSearchParams({ email: tenant.csm.email, password: "wrong password" }).toString(), {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Email or password is incorrect");
  });
});

describe("a body that is not a form", () => {
  it("is a 400", async () => {
    for (const contentType of ["application/json", "text/plain", "multipart/form-data"]) {
      const response = await post("/login", '{"email":"a@b.c"}', { contentType });
      expect(response.status, contentType).toBe(400);
    }
  });
});
