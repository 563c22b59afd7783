import fs from "node:fs";
import { defineConfig, devices, type LaunchOptions } from "@playwright/test";

/**
 * Browser tests (tests/e2e) against the production build (`npm run build` first; `npm test`
 * does). The web server starts on a fresh, seeded SQLite database each run:
 * tests/e2e/web-server.ts deletes data/e2e.db*, runs the seed and starts server/index.ts.
 */
// E2E_PORT lets two runs (each with its own BUILD_DIR) share a machine; each gets its own database file.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const origin = `http://localhost:${PORT}`;

// Playwright cannot download its browsers on these machines: use the system Chromium when
// there is one (CHROMIUM_PATH overrides), else Playwright's own.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions: LaunchOptions = {
  executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

// The server runs as behind a production proxy, and each project is a client of its own: the
// per-address limits (magic links: 20 per 15 minutes) count each project's sign-ins apart, as
// they would two people's, instead of every browser test's at 127.0.0.1.
function clientAddress(address: string) {
  return { "X-Forwarded-For": address };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: "list",
  // A journey signs in by mail and runs axe on every page it passes (the longest, eight pages, takes
  // about 30 s while two browsers and the server share two cores).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: origin,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions, extraHTTPHeaders: clientAddress("198.51.100.1") },
    },
    {
      name: "phone",
      use: {
        browserName: "chromium",
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices["Pixel 5"]!.userAgent,
        launchOptions,
        extraHTTPHeaders: clientAddress("198.51.100.2"),
      },
    },
  ],
  webServer: {
    command: "node --import tsx tests/e2e/web-server.ts",
    url: `${origin}/favicon.svg`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    // The server logs every request on stdout; only its errors go to the test output.
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: PORT === 3210 ? "file:./data/e2e.db" : `file:./data/e2e-${PORT}.db`,
      PORT: String(PORT),
      APP_ORIGIN: origin,
      DEV_MAILBOX: "true",
      TRUST_PROXY: "true",
      SECURE_COOKIES: "false",
      NODE_ENV: "production",
    },
  },
});
