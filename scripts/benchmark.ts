/**
 * `npm run bench`: timings of the hot paths on a fresh temporary database of each engine.
 *
 * The parent creates a throwaway SQLite file and a throwaway PostgreSQL database (skipped with a
 * note when 127.0.0.1:5432 does not answer), runs this script again as a worker per engine with
 * DATABASE_URL pointing at it (the app reads its environment once, at import), prints a table
 * and removes both databases. Each worker:
 *  (a) writes a vendor with 10,000 accounts (owners, stages, renewal dates; a small plan for every
 *      tenth) with createMany, then times listAccounts: page 1, and a middle page with a search and a sort;
 *  (b) builds a published 300-task blueprint (3 objectives × 10 initiatives × 10 tasks) and times
 *      applying it to fresh engagements, the whole apply and its write transaction alone.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ACCOUNTS = 10_000;
const LIST_RUNS = 50;
const APPLY_RUNS = 20;
const WARMUP = 3;
const WORKER_TIMEOUT_MS = 110_000;

type Stat = { median: number; p95: number; runs: number };
type WorkerResult = { setupMs: number; listFirst: Stat; listMiddle: Stat; apply: Stat; applyWrite: Stat; tasksPerApply: number };

function stats(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

async function time<T>(work: () => Promise<T>) {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function runWorker() {
  // Imported here: they read DATABASE_URL, which the parent set for this process.
  const { migrateDatabase } = await import("~/db/migrate.server");
  const { env } = await import("~/utils/env.server");
  const { db } = await import("~/utils/db.server");
  const { listAccounts } = await import("~/models/account.server");
  const { createBlueprint, publishVersion, newId } = await import("~/models/blueprint.server");
  const { applyBlueprint, prepareApplication, writeApplication } = await import("~/models/apply-blueprint.server");

  await migrateDatabase(env.DATABASE_URL);
  const setupStart = performance.now();
  const vendor = await db.vendor.create({ data: { slug: `bench-${Date.now().toString(36)}`, name: "Benchmark Vendor" } });
  const scope = { vendorId: vendor.id };
  const owners = await Promise.all(
    [0, 1, 2].map((index) =>
      db.vendorUser.create({
        data: {
          vendorId: vendor.id,
          email: `csm${index}-${vendor.slug}@bench.test`,
          name: `CSM ${index}`,
          role: index ? "csm" : "admin",
          passwordHash: "x",
        },
      }),
    ),
  );
  const stages = ["onboarding", "adoption", "renewal", "expansion", "churned"];
  const DAY = 86_400_000;
  const CHUNK = 1_000;
  for (let start = 0; start < ACCOUNTS; start += CHUNK) {
    await db.account.createMany({
      data: Array.from({ length: Math.min(CHUNK, ACCOUNTS - start) }, (_, offset) => {
        const index = start + offset;
        return {
          vendorId: vendor.id,
          name: `Account ${String(index).padStart(5, "0")}`,
          domain: `account-${index}.bench.test`,
          arrCents: ((index * 7919) % 500_000) * 100,
          lifecycleStage: stages[index % stages.length]!,
          ownerId: owners[index % owners.length]!.id,
          renewalDate: index % 10 === 0 ? null : new Date(Date.now() + ((index * 37) % 720) * DAY),
        };
      }),
    });
  }
  // Every tenth account gets a small plan, so each listed page also summarises a few plans.
  const planned = await db.account.findMany({ where: { vendorId: vendor.id }, select: { id: true }, orderBy: { name: "asc" } });
  const withPlans = planned
    .filter((_, index) => index % 10 === 0)
    .map((account) => ({
      accountId: account.id,
      engagementId: newId(),
      planId: newId(),
      objectiveId: newId(),
      initiativeId: newId(),
    }));
  await db.$transaction(async (tx) => {
    const base = { vendorId: vendor.id };
    await tx.engagement.createMany({
      data: withPlans.map((row) => ({
        ...base,
        id: row.engagementId,
        accountId: row.accountId,
        kind: "onboarding",
        startDate: new Date(),
      })),
    });
    await tx.successPlan.createMany({
      data: withPlans.map((row) => ({ ...base, id: row.planId, accountId: row.accountId, engagementId: row.engagementId, title: "Plan" })),
    });
    for (const row of withPlans) await tx.account.update({ where: { id: row.accountId }, data: { currentEngagementId: row.engagementId } });
    await tx.successObjective.createMany({
      data: withPlans.map((row) => ({ ...base, id: row.objectiveId, planId: row.planId, title: "Objective" })),
    });
    await tx.successInitiative.createMany({
      data: withPlans.map((row) => ({
        ...base,
        id: row.initiativeId,
        planId: row.planId,
        objectiveId: row.objectiveId,
        title: "Milestone",
      })),
    });
    await tx.successTask.createMany({
      data: withPlans.flatMap((row) =>
        ["todo", "done", "in_progress"].map((status, position) => ({
          ...base,
          accountId: row.accountId,
          planId: row.planId,
          initiativeId: row.initiativeId,
          title: `Task ${position}`,
          status,
          position,
          dueDate: new Date(Date.now() + (position - 1) * 5 * DAY),
        })),
      ),
    });
  });
  const setupMs = performance.now() - setupStart;

  const listSamples = async (filters: Parameters<typeof listAccounts>[1]) => {
    for (let run = 0; run < WARMUP; run++) await listAccounts(scope, filters);
    const samples: number[] = [];
    for (let run = 0; run < LIST_RUNS; run++) samples.push(await time(() => listAccounts(scope, filters)));
    return stats(samples);
  };
  const listFirst = await listSamples({ q: "", stage: null, ownerId: null, sort: "name", page: 1 });
  // "1" matches about 4,000 names or domains (some 160 pages); sorted by ARR, page 80 is mid-way.
  const middle = { q: "1", stage: null, ownerId: null, sort: "arr" as const, page: 80 };
  const middleCheck = await listAccounts(scope, middle);
  if (middleCheck.page !== middle.page || middleCheck.accounts.length === 0) throw new Error("the middle page is not a full page");
  const listMiddle = await listSamples(middle);

  // The blueprint: 3 objectives × 10 initiatives × 10 tasks, owners on both sides, some internal.
  const blueprint = await createBlueprint(scope, { name: "Benchmark blueprint", description: null });
  const draft = await db.blueprintVersion.findFirstOrThrow({ where: { blueprintId: blueprint.id } });
  const roles = ["csm", "champion", "admin", "member", "executive"];
  const rows = [];
  for (let o = 0; o < 3; o++) {
    const objectiveId = newId();
    rows.push({ id: objectiveId, vendorId: vendor.id, versionId: draft.id, kind: "objective", title: `Objective ${o}`, position: o });
    for (let i = 0; i < 10; i++) {
      const initiativeId = newId();
      rows.push({
        id: initiativeId,
        vendorId: vendor.id,
        versionId: draft.id,
        parentId: objectiveId,
        kind: "initiative",
        title: `Initiative ${o}.${i}`,
        dueOffsetDays: 10 * i,
        position: i,
      });
      for (let t = 0; t < 10; t++) {
        rows.push({
          vendorId: vendor.id,
          versionId: draft.id,
          parentId: initiativeId,
          kind: "task",
          title: `Task ${o}.${i}.${t}`,
          description: "A realistic sentence or two describing what is to be done and why.",
          ownerRole: roles[t % roles.length]!,
          dueOffsetDays: 10 * i + t,
          visibility: t === 9 ? "internal" : "customer",
          position: t,
        });
      }
    }
  }
  await db.blueprintItem.createMany({ data: rows });
  await publishVersion(scope, blueprint.id);

  const account = await db.account.findFirstOrThrow({ where: { vendorId: vendor.id }, orderBy: { name: "asc" } });
  const champion = await db.stakeholder.create({
    data: { vendorId: vendor.id, accountId: account.id, email: `champion@${vendor.slug}.test`, name: "Champion", hubRole: "champion" },
  });
  const input = (engagementId: string) => ({
    blueprintId: blueprint.id,
    engagementId,
    kickoffDate: new Date(),
    owners: { csm: owners[1]!.id, admin: owners[0]!.id, champion: champion.id },
  });
  const freshEngagement = () =>
    db.engagement.create({
      data: { vendorId: vendor.id, accountId: account.id, kind: "adoption", startDate: new Date() },
      select: { id: true },
    });
  const actor = { ...scope, userId: owners[1]!.id };
  const applySamples: number[] = [];
  const writeSamples: number[] = [];
  let tasksPerApply = 0;
  for (let run = 0; run < WARMUP + APPLY_RUNS; run++) {
    const [whole, alone] = [await freshEngagement(), await freshEngagement()];
    const wholeMs = await time(async () => {
      const result = await applyBlueprint(actor, account.id, input(whole.id));
      if (!result.ok) throw new Error("the benchmark blueprint was not applied");
      tasksPerApply = result.counts.tasks;
    });
    const prepared = await prepareApplication(actor, account.id, input(alone.id));
    if (!prepared.ok) throw new Error("the benchmark blueprint could not be prepared");
    const writeMs = await time(() => writeApplication(actor, prepared.application));
    if (run >= WARMUP) {
      applySamples.push(wholeMs);
      writeSamples.push(writeMs);
    }
  }
  await db.$disconnect();
  const result: WorkerResult = {
    setupMs,
    listFirst,
    listMiddle,
    apply: stats(applySamples),
    applyWrite: stats(writeSamples),
    tasksPerApply,
  };
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
}

/** Runs this file as a worker on one database and returns its figures. */
function runEngine(databaseUrl: string): Promise<WorkerResult> {
  const script = fileURLToPath(import.meta.url);
  const tsx = path.resolve(path.dirname(script), "..", "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, "--worker"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), WORKER_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      const line = output.split("\n").find((candidate) => candidate.startsWith("RESULT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("RESULT ".length)) as WorkerResult);
      else reject(new Error(`benchmark worker for ${databaseUrl.split(":")[0]} failed (exit ${code}):\n${output}`));
    });
  });
}

async function withPostgres(work: (url: string) => Promise<WorkerResult>): Promise<WorkerResult | string> {
  const server = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `tandem_bench_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return `skipped: PostgreSQL at ${new URL(server).host} is unreachable (${(error as Error).message})`;
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function withSqlite(work: (url: string) => Promise<WorkerResult>) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-"));
  try {
    return await work(`file:${path.join(directory, "bench.db")}`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function printTable(results: Record<string, WorkerResult | string>) {
  const cpus = os.cpus();
  console.log(
    `\nTandem benchmark · ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`,
  );
  const engines = Object.keys(results);
  const rows: Array<[string, (result: WorkerResult) => string]> = [
    ["setup: 10,000 accounts, 1,000 plans (createMany)", (r) => ms(r.setupMs)],
    [`listAccounts page 1, by name (median / p95 of ${LIST_RUNS})`, (r) => `${ms(r.listFirst.median)} / ${ms(r.listFirst.p95)}`],
    [`listAccounts page 80, search "1", by ARR (median / p95)`, (r) => `${ms(r.listMiddle.median)} / ${ms(r.listMiddle.p95)}`],
    [`apply a 300-task blueprint, whole (median / p95 of ${APPLY_RUNS})`, (r) => `${ms(r.apply.median)} / ${ms(r.apply.p95)}`],
    ["  of which the write transaction (median / p95)", (r) => `${ms(r.applyWrite.median)} / ${ms(r.applyWrite.p95)}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`${"".padEnd(width)}  ${engines.map((engine) => engine.padEnd(22)).join("  ")}`);
  for (const [label, cell] of rows) {
    console.log(
      `${label.padEnd(width)}  ${engines
        .map((engine) => {
          const result = results[engine]!;
          return (typeof result === "string" ? "—" : cell(result)).padEnd(22);
        })
        .join("  ")}`,
    );
  }
  for (const [engine, result] of Object.entries(results)) if (typeof result === "string") console.log(`${engine}: ${result}`);
}

if (process.argv.includes("--worker")) {
  await runWorker();
} else {
  const results: Record<string, WorkerResult | string> = {};
  results.SQLite = await withSqlite(runEngine);
  results.PostgreSQL = await withPostgres(runEngine);
  printTable(results);
}
