/**
 * `npm run bench:hub`: the customer hub's throughput against a minimal ceiling server, and the
 * JavaScript the hub's first page ships. Needs a production build (`npm run build`; BUILD_DIR
 * picks another build directory).
 *
 * The parent writes a large dataset into a fresh temporary SQLite file (5,000 accounts of 5
 * vendors, each with a champion and a plan of 2 objectives × 3 milestones × 10 tasks: 300,000
 * tasks, half of them internal), creates a hub session for one champion (30 customer-visible
 * tasks) and starts two servers on 127.0.0.1, each in its own child process:
 *  (a) the app: the production build behind server/app.ts's createApp, NODE_ENV=production;
 *  (b) the ceiling: bare node:http + better-sqlite3 + react-dom/server doing the same work — the
 *      session lookup by id with a SHA-256 check of its secret, an indexed read of the account's
 *      customer-visible tasks, and a rendered list.
 * Each gets 50 keep-alive connections sending GET /hub/<slug> with the session cookie, a 2 s
 * warm-up then 10 s measured. The servers are killed and the file removed however the run ends.
 *
 * BENCH_PROFILE=<directory> writes a V8 CPU profile of the app serving the hub home under that
 * load (open it in Chrome's DevTools); the run then skips the /login measurement.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";

const VENDORS = 5;
const ACCOUNTS_PER_VENDOR = 1_000;
const OBJECTIVES = 2;
const MILESTONES_PER_OBJECTIVE = 3;
const TASKS_PER_MILESTONE = 10;
const CONNECTIONS = 50;
const WARMUP_MS = 2_000;
const MEASURE_MS = 10_000;
const RUN_TIMEOUT_MS = 5 * 60_000;
const SERVER_START_TIMEOUT_MS = 30_000;
const TARGET_RATIO = 0.5;

const scriptPath = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(scriptPath), "..");
const DAY = 86_400_000;

/** How the SQLite adapter stores a DateTime (see app/db/insert-rows.server.ts). */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

// ---------------------------------------------------------------------------------------------
// Child: the app

async function serveApp() {
  const { createApp } = await import("../server/app");
  const { createCollaboration } = await import("../server/collaboration");
  const { liveDocuments } = createCollaboration({ trustProxy: false });
  const app = await createApp({ trustProxy: false, logRequests: false, buildDirectory: buildDirectory(), liveDocuments });
  // A normal exit is what makes --cpu-prof write its file.
  process.on("SIGINT", () => process.exit(0));
  const server = app.listen(0, "127.0.0.1", () => process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`));
}

// ---------------------------------------------------------------------------------------------
// Child: the ceiling, the least a server can do for the same page

function serveCeiling(file: string) {
  const sqlite = new Database(file, { fileMustExist: true });
  const findSession = sqlite.prepare(
    `SELECT s."secretHash", s."expiresAt", st."accountId", st."vendorId", st."name", v."slug", v."name" AS "vendorName"
       FROM "Session" s JOIN "Stakeholder" st ON st."id" = s."stakeholderId" JOIN "Vendor" v ON v."id" = st."vendorId"
      WHERE s."id" = ?`,
  );
  const findTasks = sqlite.prepare(
    `SELECT "id", "title", "status", "dueDate" FROM "SuccessTask"
      WHERE "accountId" = ? AND "vendorId" = ? AND "visibility" = 'customer' ORDER BY "position"`,
  );
  type SessionRow = {
    secretHash: Buffer;
    expiresAt: string;
    accountId: string;
    vendorId: string;
    name: string;
    slug: string;
    vendorName: string;
  };
  type TaskRow = { id: string; title: string; status: string; dueDate: string | null };

  const server = http.createServer((req, res) => {
    const slug = /^\/hub\/([^/?]+)/.exec(req.url ?? "")?.[1];
    const token = /(?:^|;\s*)tandem_hub_session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
    const [id, secret] = token?.split(".") ?? [];
    const session = id && secret ? (findSession.get(id) as SessionRow | undefined) : undefined;
    const hash = secret ? crypto.createHash("sha256").update(secret).digest() : undefined;
    if (
      !session ||
      !hash ||
      !crypto.timingSafeEqual(hash, session.secretHash) ||
      Date.parse(session.expiresAt) <= Date.now() ||
      session.slug !== slug
    ) {
      res.writeHead(302, { Location: `/hub/${slug ?? ""}/sign-in` }).end();
      return;
    }
    const tasks = findTasks.all(session.accountId, session.vendorId) as TaskRow[];
    const page = h(
      "html",
      { lang: "en" },
      h("head", null, h("meta", { charSet: "utf-8" }), h("title", null, `${session.vendorName} · Customer hub`)),
      h(
        "body",
        null,
        h("h1", null, `Welcome, ${session.name}`),
        h(
          "ol",
          null,
          tasks.map((task) =>
            h(
              "li",
              { key: task.id },
              h("strong", null, task.title),
              ` · ${task.status}`,
              task.dueDate ? ` · due ${task.dueDate.slice(0, 10)}` : null,
            ),
          ),
        ),
      ),
    );
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!DOCTYPE html>${renderToString(page)}`);
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`));
}

// ---------------------------------------------------------------------------------------------
// Parent: data, servers, load

function buildDirectory() {
  return path.resolve(root, process.env.BUILD_DIR ?? "build");
}

/** Writes the dataset with prepared statements in one transaction per table: seconds, not minutes. */
function seed(file: string) {
  const sqlite = new Database(file);
  const now = new Date();
  const stamp = sqliteDate(now);
  const insert = (table: string, columns: string[]) => {
    const all = [...columns, "createdAt", "updatedAt"];
    const statement = sqlite.prepare(
      `INSERT INTO "${table}" (${all.map((c) => `"${c}"`).join(", ")}) VALUES (${all.map(() => "?").join(", ")})`,
    );
    return (...values: Array<string | number | null>) => statement.run(...values, stamp, stamp);
  };
  const vendor = insert("Vendor", ["id", "slug", "name", "primaryColor"]);
  const vendorUser = insert("VendorUser", ["id", "vendorId", "email", "name", "role", "passwordHash"]);
  const account = insert("Account", ["id", "vendorId", "name", "domain", "arrCents", "lifecycleStage", "ownerId"]);
  const stakeholder = insert("Stakeholder", ["id", "vendorId", "accountId", "email", "name", "hubRole"]);
  const engagement = insert("Engagement", ["id", "vendorId", "accountId", "kind", "startDate"]);
  const plan = insert("SuccessPlan", ["id", "vendorId", "accountId", "engagementId", "title"]);
  const makeCurrent = sqlite.prepare(`UPDATE "Account" SET "currentEngagementId" = ? WHERE "id" = ?`);
  const objective = insert("SuccessObjective", ["id", "vendorId", "planId", "title", "position"]);
  const milestone = insert("SuccessInitiative", ["id", "vendorId", "planId", "objectiveId", "title", "targetDate", "position"]);
  const task = insert("SuccessTask", [
    "id",
    "vendorId",
    "accountId",
    "planId",
    "initiativeId",
    "title",
    "status",
    "visibility",
    "dueDate",
    "position",
    "ownerVendorUserId",
    "ownerStakeholderId",
  ]);
  const statuses = ["done", "done", "in_progress", "todo", "todo", "blocked"];
  let tasks = 0;
  sqlite.transaction(() => {
    for (let v = 0; v < VENDORS; v++) {
      const vendorId = `bv${v}`;
      vendor(vendorId, `bench-vendor-${v}`, `Bench Vendor ${v}`, "#0f766e");
      vendorUser(`bu${v}`, vendorId, `csm@bench-${v}.test`, `CSM ${v}`, "csm", "x");
      for (let a = 0; a < ACCOUNTS_PER_VENDOR; a++) {
        const key = `${v}_${a}`;
        const accountId = `ba${key}`;
        const championId = `bs${key}`;
        const planId = `bp${key}`;
        account(accountId, vendorId, `Account ${key}`, `account-${key}.bench.test`, ((a * 7919) % 500_000) * 100, "onboarding", `bu${v}`);
        stakeholder(championId, vendorId, accountId, `champion-${key}@customer.test`, `Champion ${key}`, "champion");
        engagement(`be${key}`, vendorId, accountId, "onboarding", stamp);
        plan(planId, vendorId, accountId, `be${key}`, "Onboarding plan");
        makeCurrent.run(`be${key}`, accountId);
        for (let o = 0; o < OBJECTIVES; o++) {
          const objectiveId = `bo${key}_${o}`;
          objective(objectiveId, vendorId, planId, `Objective ${o + 1}`, o);
          for (let m = 0; m < MILESTONES_PER_OBJECTIVE; m++) {
            const milestoneId = `bm${key}_${o}_${m}`;
            const week = o * MILESTONES_PER_OBJECTIVE + m;
            milestone(
              milestoneId,
              vendorId,
              planId,
              objectiveId,
              `Milestone ${o + 1}.${m + 1}`,
              sqliteDate(new Date(now.getTime() + (week * 7 - 10) * DAY)),
              m,
            );
            for (let t = 0; t < TASKS_PER_MILESTONE; t++) {
              const customerOwned = t % 4 === 0;
              task(
                `bt${key}_${o}_${m}_${t}`,
                vendorId,
                accountId,
                planId,
                milestoneId,
                `Task ${o + 1}.${m + 1}.${t + 1}: a realistic title for a piece of onboarding work`,
                statuses[(week + t) % statuses.length]!,
                // Half the tasks are internal: the hub must filter them out, not just read fewer rows.
                t % 2 === 0 ? "customer" : "internal",
                sqliteDate(new Date(now.getTime() + (week * 7 + t - 12) * DAY)),
                t,
                customerOwned ? null : `bu${v}`,
                customerOwned ? championId : null,
              );
              tasks++;
            }
          }
        }
      }
    }
  })();
  sqlite.close();
  return { accounts: VENDORS * ACCOUNTS_PER_VENDOR, tasks };
}

type Server = { name: string; port: number; child: ChildProcess };
const children = new Set<ChildProcess>();

function startServer(name: string, args: string[], env: Record<string, string>, nodeOptions: string[] = []): Promise<Server> {
  // node --import tsx, not the tsx CLI: one process, so killing it leaves no server behind.
  const child = spawn(process.execPath, [...nodeOptions, "--import", "tsx", scriptPath, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${SERVER_START_TIMEOUT_MS / 1000} s`)),
      SERVER_START_TIMEOUT_MS,
    );
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /READY (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ name, port: Number(port), child });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

let temporaryDirectory: string | undefined;

function cleanUp() {
  for (const child of children) child.kill("SIGKILL");
  if (temporaryDirectory) fs.rmSync(temporaryDirectory, { recursive: true, force: true });
}

type Reply = { status: number; body: Buffer };

function get(agent: http.Agent, port: number, pathname: string, cookie?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: pathname, agent, headers: cookie ? { Cookie: cookie } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

type LoadResult = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number; bytes: number };

/** CONNECTIONS loops, each sending the next request as soon as the last answered. */
async function load(port: number, pathname: string, cookie: string): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const run = async (durationMs: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let bytes = 0;
    const end = performance.now() + durationMs;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const start = performance.now();
          try {
            const reply = await get(agent, port, pathname, cookie);
            if (reply.status === 200) {
              latencies.push(performance.now() - start);
              bytes = reply.body.length;
            } else errors++;
          } catch {
            errors++;
          }
        }
      }),
    );
    return { latencies, errors, bytes };
  };
  await run(WARMUP_MS);
  const startedAt = performance.now();
  const { latencies, errors, bytes } = await run(MEASURE_MS);
  const elapsed = (performance.now() - startedAt) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? Number.NaN;
  return { requests: latencies.length, errors, rps: latencies.length / elapsed, p50: at(0.5), p95: at(0.95), p99: at(0.99), bytes };
}

/** Every JavaScript file the page's HTML references (module preloads and the inline module imports). */
async function javascriptWeight(port: number, html: string) {
  const agent = new http.Agent({ keepAlive: true });
  const assets = [...new Set([...html.matchAll(/["'](\/assets\/[^"']+\.js)["']/g)].map((match) => match[1]!))];
  const files: Array<{ asset: string; bytes: number; gzip: number }> = [];
  for (const asset of assets) {
    const reply = await get(agent, port, asset);
    if (reply.status !== 200) throw new Error(`${asset} answered ${reply.status}`);
    files.push({ asset, bytes: reply.body.length, gzip: zlib.gzipSync(reply.body).length });
  }
  agent.destroy();
  const sum = (key: "bytes" | "gzip") => files.reduce((total, file) => total + file[key], 0);
  return { files: files.sort((a, b) => b.gzip - a.gzip), bytes: sum("bytes"), gzip: sum("gzip") };
}

async function main() {
  if (!fs.existsSync(path.join(buildDirectory(), "server", "index.js"))) {
    console.error(`No production build in ${buildDirectory()}: run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }
  temporaryDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-hub-"));
  const file = path.join(temporaryDirectory, "hub.db");
  const databaseUrl = `file:${file}`;
  // The app's modules read DATABASE_URL once, at import.
  process.env.DATABASE_URL = databaseUrl;
  const timeout = setTimeout(() => {
    console.error(`bench:hub did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes`);
    cleanUp();
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  try {
    const { migrateDatabase } = await import("~/db/migrate.server");
    const { createSession } = await import("~/utils/session.server");
    const { db } = await import("~/utils/db.server");
    await migrateDatabase(databaseUrl);
    const seedStart = performance.now();
    const seeded = seed(file);
    const seedMs = performance.now() - seedStart;

    // A champion in the middle of the data: vendor 2, account 500.
    const { token } = await createSession({ stakeholderId: "bs2_500" });
    await db.$disconnect();
    const cookie = `tandem_hub_session=${token}`;
    const pathname = "/hub/bench-vendor-2";

    const profileDirectory = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
    const app = await startServer(
      "app",
      ["--serve-app"],
      { NODE_ENV: "production", DATABASE_URL: databaseUrl, BUILD_DIR: buildDirectory() },
      profileDirectory ? ["--cpu-prof", `--cpu-prof-dir=${profileDirectory}`] : [],
    );
    const first = await get(new http.Agent(), app.port, pathname, cookie);
    const html = first.body.toString();
    if (first.status !== 200 || !html.includes("Welcome"))
      throw new Error(`the app's hub home answered ${first.status}, not the signed-in page`);
    const weight = await javascriptWeight(app.port, html);
    const appLoad = await load(app.port, pathname, cookie);
    // The same app on a page without data or session: what the framework costs before any query.
    const appBare = profileDirectory ? undefined : await load(app.port, "/login", "");
    if (profileDirectory) {
      const exited = new Promise((resolve) => app.child.once("exit", resolve));
      app.child.kill("SIGINT");
      await exited;
      console.log(`CPU profile of the app written to ${profileDirectory}`);
    } else app.child.kill("SIGKILL");

    const ceiling = await startServer("ceiling", ["--serve-ceiling", file], {});
    const check = await get(new http.Agent(), ceiling.port, pathname, cookie);
    const visibleTasks = (check.body.toString().match(/a realistic title/g) ?? []).length;
    if (check.status !== 200 || visibleTasks !== (OBJECTIVES * MILESTONES_PER_OBJECTIVE * TASKS_PER_MILESTONE) / 2) {
      throw new Error(`the ceiling server answered ${check.status} with ${visibleTasks} tasks instead of the customer-visible half`);
    }
    const ceilingLoad = await load(ceiling.port, pathname, cookie);
    ceiling.child.kill("SIGKILL");

    const cpus = os.cpus();
    const ratio = appLoad.rps / ceilingLoad.rps;
    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(10)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   ${String(r.requests).padStart(6)} ok, ${r.errors} errors, ${(r.bytes / 1024).toFixed(1)} KiB/page`;
    console.log(
      `\nTandem hub benchmark · ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`,
    );
    console.log(
      `data: ${seeded.accounts.toLocaleString("en")} accounts, ${seeded.tasks.toLocaleString("en")} tasks, written in ${(seedMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `GET ${pathname} as a champion (a plan of ${visibleTasks} customer-visible tasks), ${CONNECTIONS} connections, ${WARMUP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured`,
    );
    console.log(row("app", appLoad));
    console.log(row("ceiling", ceilingLoad));
    if (appBare) console.log(`${row("app /login", appBare)}   (a page without session or data)`);
    console.log(`ratio app/ceiling: ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "NOT met"})`);
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(`hub home JavaScript: ${weight.files.length} files, ${kib(weight.bytes)}, ${kib(weight.gzip)} gzipped; largest (gzipped):`);
    for (const file of weight.files.slice(0, 5)) console.log(`  ${kib(file.gzip).padStart(10)}  ${file.asset}`);
  } finally {
    clearTimeout(timeout);
    cleanUp();
  }
}

const mode = process.argv[2];
if (mode === "--serve-app") await serveApp();
else if (mode === "--serve-ceiling") serveCeiling(process.argv[3]!);
else {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  await main();
}
