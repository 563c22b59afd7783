/**
 * The web server of the browser tests (started by playwright.config.ts, which sets the
 * environment): a brand-new database, the demo seed, then the production server — the
 * cross-platform form of `rm -f data/e2e.db* && npm run db:seed && npm start`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
process.chdir(root);

const buildDirectory = path.resolve(root, process.env.BUILD_DIR ?? "build");
if (!fs.existsSync(path.join(buildDirectory, "server", "index.js"))) {
  console.error(`No production build in ${buildDirectory}: run \`npm run build\` before \`npx playwright test\`.`);
  process.exit(1);
}

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("file:")) {
  console.error(`The browser tests run on a throwaway SQLite file; DATABASE_URL is ${url || "not set"}.`);
  process.exit(1);
}
const dbFile = path.resolve(url.replace(/^file:/, "").split("?")[0]!);
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });

// The seed runs in its own process so that its database connection is closed before the server opens one.
const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

await import("../../server/index");
