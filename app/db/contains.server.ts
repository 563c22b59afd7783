import { databaseEngine } from "~/utils/env.server";
import { db, type Prisma } from "~/utils/db.server";

/**
 * A case-insensitive substring match. Prisma hands `contains` to LIKE as it is, so `%` and `_`
 * would be wildcards. PostgreSQL's LIKE escapes with a backslash (and needs `mode`, which the
 * SQLite client's types lack); SQLite's has no escape character by default, so there each
 * wildcard matches exactly one character: the literal one or another, a wider match never a
 * narrower one. Callers on SQLite check the candidates again (or use literalMatchIds, below,
 * where the match is counted and paged). SQLite's LIKE ignores ASCII case already.
 */
export function containsIgnoringCase(q: string): Prisma.StringFilter {
  if (databaseEngine() === "postgresql") {
    return { contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as Prisma.StringFilter;
  }
  return { contains: q.replace(/[%_]/g, "_") };
}

/** The searchable text columns of each table: the raw SQL below only ever names these. */
type Searchable = { Account: "name" | "domain" };

/**
 * A filter for the vendor's rows of `table` where any of `columns` contains `q`, literally and
 * ignoring case, exactly on both engines: on PostgreSQL an escaped LIKE; on SQLite, whose LIKE
 * cannot be escaped through Prisma, the ids of the rows `instr` finds (lower() folds ASCII, as
 * SQLite's LIKE does), so that a count and its pages agree with what is shown.
 */
export async function literalMatch<T extends keyof Searchable>(
  table: T,
  columns: ReadonlyArray<Searchable[T]>,
  vendorId: string,
  q: string,
) {
  if (databaseEngine() === "postgresql") return { OR: columns.map((column) => ({ [column]: containsIgnoringCase(q) })) };
  const matches = columns.map((column) => `instr(lower(coalesce("${column}", '')), lower(?)) > 0`).join(" OR ");
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT "id" FROM "${table}" WHERE "vendorId" = ? AND (${matches})`,
    vendorId,
    ...columns.map(() => q),
  );
  return { id: { in: rows.map((row) => row.id) } };
}
