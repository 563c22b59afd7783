import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleCookie, createTenant, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A page that fails keeps its face's shell: a hub 404 still carries the vendor's brand, the hub's
 * navigation and a way back to the hub, never the vendor sign-in; a console 404 keeps the console.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("error pages", () => {
  it("shows a hub 404 inside the vendor's hub, leading back to the hub's home", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const cookie = await hubCookie(a.champion.id);
    for (const pathname of [
      `/hub/${a.vendor.slug}/documents/${b.account.id}`,
      `/hub/${a.vendor.slug}/documents/no-such-document/versions/no-such-version`,
    ]) {
      const response = await server.request(pathname, { cookie });
      expect(response.status, pathname).toBe(404);
      const html = await response.text();
      expect(html).toContain("Page not found");
      expect(html).toContain('aria-label="Hub"');
      expect(html).toContain(a.account.name);
      expect(html).toContain(`href="/hub/${a.vendor.slug}"`);
      expect(html).toContain("Back to the hub&#x27;s home");
      expect(html).not.toContain('href="/login"');
      expect(html).not.toContain(b.account.name);
    }
  });

  it("shows a console 404 inside the console, leading back to the accounts", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const cookie = await consoleCookie(a.csm.id);
    for (const pathname of [
      `/console/accounts/${b.account.id}`,
      `/console/accounts/${b.account.id}/apply`,
      `/console/plays/no-such-play`,
    ]) {
      const response = await server.request(pathname, { cookie });
      expect(response.status, pathname).toBe(404);
      const html = await response.text();
      expect(html).toContain("Page not found");
      expect(html).toContain('aria-label="Console"');
      expect(html).toContain(a.vendor.name);
      expect(html).toContain("Back to accounts");
      expect(html).not.toContain(b.account.name);
    }
  });
});
