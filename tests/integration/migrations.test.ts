import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations, migrateDatabase } from "~/db/migrate.server";
import { postgresUrl, sqliteDir, testEngine, withPostgresAdmin } from "../setup/databases";

// Each test gets a scratch database of the engine under test, separate from the worker's.
const scratch: string[] = [];

async function scratchDatabase() {
  const name = `tandem_test_scratch_${randomUUID().slice(0, 8)}`;
  scratch.push(name);
  if (testEngine === "sqlite") return `file:${path.join(sqliteDir(), `${name}.db`)}`;
  await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return postgresUrl(name);
}

/** Runs SQL on a scratch database: `all` returns a query's rows, `exec` runs statements. */
async function withDatabase<T>(
  url: string,
  run: (db: { all: (sql: string) => Promise<unknown[]>; exec: (sql: string) => Promise<void> }) => Promise<T>,
) {
  if (testEngine === "sqlite") {
    const db = new Database(url.replace("file:", ""));
    try {
      return await run({ all: async (sql) => db.prepare(sql).all(), exec: async (sql) => void db.exec(sql) });
    } finally {
      db.close();
    }
  }
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    return await run({ all: async (sql) => (await client.query(sql)).rows, exec: async (sql) => void (await client.query(sql)) });
  } finally {
    await client.end();
  }
}

async function tableNames(url: string): Promise<string[]> {
  const sql =
    testEngine === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table'"
      : "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'";
  return withDatabase(url, async (db) => (await db.all(sql)).map((row) => (row as { name: string }).name));
}

async function indexNames(url: string): Promise<string[]> {
  const sql =
    testEngine === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'index'"
      : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'";
  return withDatabase(url, async (db) => (await db.all(sql)).map((row) => (row as { name: string }).name));
}

afterAll(async () => {
  if (testEngine === "postgresql") {
    await withPostgresAdmin(async (client) => {
      for (const name of scratch) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  } else {
    for (const name of scratch) fs.rmSync(path.join(sqliteDir(), `${name}.db`), { force: true });
  }
});

describe(`migrations on ${testEngine}`, () => {
  it("ships the same migrations for both engines", () => {
    expect(listMigrations("sqlite").map((m) => m.name)).toEqual(listMigrations("postgresql").map((m) => m.name));
  });

  it("applies every migration to a new database, then nothing on the next start", async () => {
    const url = await scratchDatabase();
    const applied = await migrateDatabase(url);
    expect(applied).toEqual(listMigrations(testEngine).map((m) => m.name));
    expect(await tableNames(url)).toEqual(expect.arrayContaining(["Vendor", "SuccessTask", "Session", "_tandem_migrations"]));
    expect(await migrateDatabase(url)).toEqual([]);
  });

  it("applies each file once when two processes start together", async () => {
    const url = await scratchDatabase();
    const results = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    expect(results.flat().sort()).toEqual(
      listMigrations(testEngine)
        .map((m) => m.name)
        .sort(),
    );
  });

  it("ends with the indexes Prisma's schema cannot express, which a table rebuild would silently drop", async () => {
    const url = await scratchDatabase();
    await migrateDatabase(url);
    expect(await indexNames(url)).toEqual(
      expect.arrayContaining(["DueDateProposal_taskId_proposedById_pending_key", "Account_vendorId_lower_name_key"]),
    );
  });

  it("renames an account apart from an older namesake of its vendor (ignoring case) before names become unique", async () => {
    const url = await scratchDatabase();
    const migrations = listMigrations(testEngine);
    const at = migrations.findIndex((migration) => migration.name.endsWith("_integrity_indexes"));
    await applyMigrations(url, migrations.slice(0, at));
    await withDatabase(url, (db) =>
      db.exec(`INSERT INTO "Vendor" ("id", "slug", "name", "updatedAt") VALUES ('v1', 'v1', 'One', '2026-01-01 00:00:00'), ('v2', 'v2', 'Two', '2026-01-01 00:00:00');
INSERT INTO "Account" ("id", "vendorId", "name", "createdAt", "updatedAt") VALUES
  ('a1', 'v1', 'ACME', '2026-01-02 00:00:00', '2026-01-02 00:00:00'),
  ('a2', 'v1', 'Acme', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  ('a3', 'v2', 'acme', '2026-01-03 00:00:00', '2026-01-03 00:00:00'),
  ('a4', 'v1', 'Globex', '2026-01-04 00:00:00', '2026-01-04 00:00:00');`),
    );
    await applyMigrations(url, migrations.slice(at));
    const accounts = await withDatabase(url, (db) => db.all('SELECT "id", "name" FROM "Account" ORDER BY "id"'));
    expect(accounts).toEqual([
      { id: "a1", name: "ACME (a1)" },
      { id: "a2", name: "Acme" },
      { id: "a3", name: "acme" },
      { id: "a4", name: "Globex" },
    ]);
  });

  it("rolls a failing migration back whole and records nothing of it", async () => {
    const url = await scratchDatabase();
    const broken = {
      name: "99990101000000_broken",
      sql: 'CREATE TABLE "HalfWritten" ("id" TEXT PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);',
    };
    await expect(applyMigrations(url, [broken])).rejects.toThrow();
    expect(await tableNames(url)).not.toContain("HalfWritten");
    const fixed = { name: broken.name, sql: 'CREATE TABLE "HalfWritten" ("id" TEXT PRIMARY KEY);' };
    expect(await applyMigrations(url, [fixed])).toEqual([broken.name]);
  });

  it.runIf(testEngine === "sqlite")("keeps child rows when a parent table is rebuilt, as Prisma alters tables on SQLite", async () => {
    const url = await scratchDatabase();
    await applyMigrations(url, [
      {
        name: "1_tables",
        sql: `CREATE TABLE "Parent" ("id" TEXT PRIMARY KEY);
CREATE TABLE "Child" ("id" TEXT PRIMARY KEY, "parentId" TEXT NOT NULL REFERENCES "Parent" ("id") ON DELETE CASCADE);
INSERT INTO "Parent" VALUES ('p1');
INSERT INTO "Child" VALUES ('c1', 'p1');`,
      },
      {
        name: "2_rebuild_parent",
        sql: `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT PRIMARY KEY, "name" TEXT);
INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`,
      },
    ]);
    const db = new Database(url.replace("file:", ""));
    try {
      expect(db.prepare('SELECT count(*) AS n FROM "Child"').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it.runIf(testEngine === "sqlite")("refuses a migration that leaves broken references", async () => {
    const url = await scratchDatabase();
    const dangling = {
      name: "1_dangling",
      sql: `CREATE TABLE "Parent" ("id" TEXT PRIMARY KEY);
CREATE TABLE "Child" ("id" TEXT PRIMARY KEY, "parentId" TEXT REFERENCES "Parent" ("id"));
INSERT INTO "Child" VALUES ('c1', 'missing');`,
    };
    await expect(applyMigrations(url, [dangling])).rejects.toThrow(/broken references/);
    expect(await tableNames(url)).not.toContain("Child");
  });
});
