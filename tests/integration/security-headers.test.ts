import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleCookie, createTenant, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("every HTML response", () => {
  it("carries a nonce-based CSP that its own scripts satisfy, HSTS and nosniff", async () => {
    const response = await server.request("/no-such-page");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/html");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("carries them on the console's and the hub's own pages, signed in or not", async () => {
    const tenant = await createTenant();
    const [csm, champion] = await Promise.all([consoleCookie(tenant.csm.id), hubCookie(tenant.champion.id)]);
    const pages = [
      { path: "/login" },
      { path: "/console", cookie: csm },
      { path: `/console/accounts/${tenant.account.id}`, cookie: csm },
      { path: `/hub/${tenant.vendor.slug}/sign-in` },
      { path: `/hub/${tenant.vendor.slug}`, cookie: champion },
      { path: `/hub/${tenant.vendor.slug}/plan`, cookie: champion },
    ];
    for (const page of pages) {
      const response = await server.request(page.path, { cookie: page.cookie });
      expect(response.status, page.path).toBe(200);
      expect(response.headers.get("content-type"), page.path).toContain("text/html");
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, page.path).toBeTruthy();
      expect(csp, page.path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get("strict-transport-security"), page.path).toMatch(/max-age=\d{7,}/);
      expect(response.headers.get("x-content-type-options"), page.path).toBe("nosniff");
      const html = await response.text();
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag, page.path).toContain(`nonce="${nonce}"`);
    }
  });

  it("uses a fresh nonce per response", async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await server.request("/no-such-page")).headers.get("content-security-policy") ?? "")?.[1];
    expect(await nonceOf()).not.toEqual(await nonceOf());
  });
});

describe("requests that may change state", () => {
  it("are refused with 403 when the Origin is missing or foreign", async () => {
    for (const origin of [null, "https://evil.example", "null", "http://tandem.test", server.origin.replace("http:", "https:")]) {
      const response = await server.request("/no-such-page", { method: "POST", form: { a: "b" }, origin });
      expect(response.status).toBe(403);
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await server.request("/no-such-page", { method, origin: "https://evil.example" });
      expect(response.status).toBe(403);
    }
  });

  it("pass the Origin check from the app's own origin", async () => {
    const own = await server.request("/no-such-page", { method: "POST", form: { a: "b" } });
    expect(own.status).toBe(404);
  });
});
