import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "~/db/migrate.server";
import { databaseEngine, env } from "~/utils/env.server";

/**
 * Hand-written reads for the hottest pages (the customer hub), straight on the driver. Prisma
 * spends ~0.6 ms of CPU per query on planning and mapping even for a raw query, which on a hub
 * page that needs three reads is more than the reads themselves (see docs/performance.md and
 * docs/decisions/011-hub-hot-path.md). Writes and everything else stay on Prisma.
 *
 * The SQL is written once, with `?` placeholders and quoted identifiers, and runs on both engines.
 * What differs is how values come back: SQLite keeps DateTime as ISO text and booleans as 0/1,
 * so callers read columns through `toDate` / `toBoolean`.
 */
export type SqlParam = string | number | null;

export interface SqlReader {
  all<Row>(sql: string, params: SqlParam[]): Promise<Row[]>;
}

function sqliteReader(url: string): SqlReader {
  // A connection of its own, read-only: WAL lets it read while Prisma's connection writes.
  const connection = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  connection.pragma("busy_timeout = 10000");
  const statements = new Map<string, Database.Statement>();
  return {
    async all<Row>(sql: string, params: SqlParam[]) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(...params) as Row[];
    },
  };
}

function postgresReader(url: string): SqlReader {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const numbered = new Map<string, string>();
  return {
    async all<Row>(sql: string, params: SqlParam[]) {
      let text = numbered.get(sql);
      if (!text) {
        let index = 0;
        text = sql.replace(/\?/g, () => `$${++index}`);
        numbered.set(sql, text);
      }
      // A name makes the server keep the plan: the same few statements run on every hub request.
      const result = await pool.query({ name: `tandem_${hashName(sql)}`, text, values: params });
      return result.rows as Row[];
    },
  };
}

function hashName(sql: string) {
  let hash = 0;
  for (let i = 0; i < sql.length; i++) hash = (Math.imul(hash, 31) + sql.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

let reader: SqlReader | undefined;

/** The process's reader for DATABASE_URL, opened on first use (the database is migrated by then). */
export function sql(): SqlReader {
  reader ??= databaseEngine(env.DATABASE_URL) === "sqlite" ? sqliteReader(env.DATABASE_URL) : postgresReader(env.DATABASE_URL);
  return reader;
}

/** A DateTime column: a Date from PostgreSQL, ISO text from SQLite. */
export function toDate(value: unknown): Date;
export function toDate(value: unknown, nullable: "nullable"): Date | null;
export function toDate(value: unknown, nullable?: "nullable"): Date | null {
  if (value === null || value === undefined) {
    if (nullable) return null;
    throw new Error("a required date column was empty");
  }
  return value instanceof Date ? value : new Date(String(value));
}

/** A Boolean column: true/false from PostgreSQL, 1/0 from SQLite. */
export function toBoolean(value: unknown) {
  return value === true || value === 1 || value === 1n;
}

/** How Prisma's SQLite adapter stores a DateTime: ISO text with an explicit +00:00 offset. */
export function sqliteDateText(date: Date) {
  return date.toISOString().replace("Z", "+00:00");
}

/** How a DateTime is compared in SQL: SQLite compares the stored ISO text, PostgreSQL the timestamp. */
export function dateParam(date: Date): string {
  return databaseEngine(env.DATABASE_URL) === "sqlite" ? sqliteDateText(date) : date.toISOString();
}
