import { randomInt } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect } from "vitest";
import { createApp } from "../../server/app";
import { createCollaboration, type CollaborationOptions } from "../../server/collaboration";

/**
 * The production build behind the real Express app (security headers, Origin check), on a
 * random port of this worker. Requests go over HTTP, exactly as a browser's would.
 */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export async function startTestServer(collaborationOptions: Partial<CollaborationOptions> = {}) {
  const buildDirectory = path.resolve(process.env.BUILD_DIR ?? "build");
  if (!fs.existsSync(path.join(buildDirectory, "server", "index.js"))) {
    throw new Error("No server build: run `npm run build` before the integration tests.");
  }
  // Behind a "proxy", so each test server can speak for its own client address: rate limits are
  // counted per address in the shared worker database, and one test file must not trip another's.
  // Live co-editing on the same server, as in production; tests may store and re-check sooner.
  const collaboration = createCollaboration({ trustProxy: true, ...collaborationOptions });
  const app = await createApp({ trustProxy: true, logRequests: false, buildDirectory, liveDocuments: collaboration.liveDocuments });
  const server = app.listen(0, "127.0.0.1");
  collaboration.attach(server);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientIp = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  async function request(
    pathname: string,
    options: {
      method?: string;
      cookie?: string;
      form?: Record<string, string | string[]>;
      /** A body as it is (for malformed and oversized ones); `form` builds an ordinary one. */
      body?: string | FormData;
      origin?: string | null;
      headers?: Record<string, string>;
      clientIp?: string;
    } = {},
  ) {
    const headers = new Headers(options.headers);
    headers.set("X-Forwarded-For", options.clientIp ?? clientIp);
    if (options.cookie) headers.set("Cookie", options.cookie);
    const method = options.method ?? (options.form || options.body ? "POST" : "GET");
    if (method !== "GET" && options.origin !== null) headers.set("Origin", options.origin ?? origin);
    let body: URLSearchParams | string | FormData | undefined = options.body;
    if (options.form) {
      body = new URLSearchParams();
      for (const [key, value] of Object.entries(options.form)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
      }
    }
    return fetch(origin + pathname, { method, headers, body, redirect: "manual" });
  }

  /** Both faces of a page: the HTML document and the single-fetch data a client navigation reads; both must be 200. */
  async function fetchBoth(pathname: string, cookie: string) {
    const page = await request(pathname, { cookie });
    const loaderData = await data(pathname, cookie);
    expect(page.status, pathname).toBe(200);
    expect(loaderData.status, `${pathname}.data`).toBe(200);
    return [
      { what: pathname, body: await page.text() },
      { what: `${pathname}.data`, body: await loaderData.text() },
    ];
  }

  /** A Remix single-fetch data request for a route's loader (what client navigation fetches). */
  function data(pathname: string, cookie?: string) {
    return request(`${pathname === "/" ? "/_root" : pathname}.data`, { cookie });
  }

  return {
    origin,
    clientIp,
    fetchBoth,
    request,
    data,
    liveDocuments: collaboration.liveDocuments,
    /** Stores what the live documents have not stored yet, then stops (as on SIGTERM). */
    close: async () => {
      await collaboration.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Fails naming every one of the texts that the body contains. */
export function expectNone(body: string, texts: string[], what: string) {
  expect(
    texts.filter((text) => body.includes(text)),
    what,
  ).toEqual([]);
}
