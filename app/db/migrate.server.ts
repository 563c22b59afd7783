import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseEngine, type DatabaseEngine } from "~/utils/env.server";

/**
 * Applies the SQL files in prisma/migrations/<engine>/ that have not run yet, each in its own
 * transaction, and records them in _tandem_migrations. Prisma's own `migrate deploy` cannot
 * run here on PostgreSQL (see docs/decisions/002-database-engines-and-migrations.md).
 */
const MIGRATIONS_TABLE = "_tandem_migrations";

function migrationsRoot() {
  // Works from the source tree (tsx, vitest) and from the server build alike.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "prisma", "migrations"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("prisma/migrations not found above " + import.meta.url);
    dir = parent;
  }
  return path.join(dir, "prisma", "migrations");
}

export type Migration = { name: string; sql: string };

export function listMigrations(engine: DatabaseEngine): Migration[] {
  const dir = path.join(migrationsRoot(), engine);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ""), sql: fs.readFileSync(path.join(dir, file), "utf8") }));
}

export function sqliteFilePath(url: string) {
  const file = url.replace(/^file:/, "").split("?")[0]!;
  return path.resolve(file);
}

export async function migrateDatabase(url: string): Promise<string[]> {
  return applyMigrations(url, listMigrations(databaseEngine(url)));
}

/** Applies the given migrations that have not run yet; returns the names it applied. */
export async function applyMigrations(url: string, migrations: Migration[]): Promise<string[]> {
  return databaseEngine(url) === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    // Prisma rebuilds a table to alter it (create new, copy, drop old, rename). With foreign keys
    // enforced, dropping the old table would run its ON DELETE CASCADE and empty the child tables.
    // The pragma is a no-op inside a transaction, so it is switched off around them, and the
    // references are checked before each commit instead.
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    for (const migration of migrations) {
      // IMMEDIATE takes the write lock first, so two processes starting together apply each file once.
      const apply = db.transaction(() => {
        const done = db.prepare(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE name = ?`).get(migration.name);
        if (done) return false;
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length) throw new Error(`Migration ${migration.name} leaves ${broken.length} broken references`);
        db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (name, applied_at) VALUES (?, ?)`).run(migration.name, new Date().toISOString());
        return true;
      });
      if (apply.immediate()) applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across processes; the lock is released with the session.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${MIGRATIONS_TABLE}"`);
    const done = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, applied_at) VALUES ($1, now())`, [migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.end();
  }
}
