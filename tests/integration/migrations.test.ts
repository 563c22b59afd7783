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

async function tableNames(url: string): Promise<string[]> {
  if (testEngine === "sqlite") {
    const db = new Database(url.replace("file:", ""));
    try {
      return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => (row as { name: string }).name);
    } finally {
      db.close();
    }
  }
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    return rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
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
    expect(results.flat().sort()).toEqual(listMigrations(testEngine).map((m) => m.name).sort());
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
