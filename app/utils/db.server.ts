import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "#db/postgresql";
import { PrismaClient as SqliteClient } from "#db/sqlite";
import { sqliteFilePath } from "~/db/migrate.server";
import { databaseEngine, env } from "~/utils/env.server";

/**
 * One Prisma client for the configured engine. Both generated clients come from the same
 * model (prisma/schema.prisma), so the SQLite client's type describes either.
 */
export type Db = SqliteClient;
export type { Prisma } from "#db/sqlite";

export function createDb(url: string): Db {
  if (databaseEngine(url) === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}` });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { tandemDb?: Db };

// Reused across dev-server reloads so each reload does not open a new pool.
export const db: Db = globalForDb.tandemDb ?? createDb(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.tandemDb = db;

/** A write refused by a unique index (Prisma's P2002): someone took the value since it was checked. */
export function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
