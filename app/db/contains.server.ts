import { databaseEngine } from "~/utils/env.server";
import type { Prisma } from "~/utils/db.server";

/**
 * A case-insensitive substring match. Prisma hands `contains` to LIKE as it is, so `%` and `_`
 * would be wildcards. PostgreSQL's LIKE escapes with a backslash (and needs `mode`, which the
 * SQLite client's types lack); SQLite's has no escape character by default, so there each
 * wildcard matches exactly one character: the literal one or another, a wider match never a
 * narrower one. SQLite's LIKE ignores ASCII case already.
 */
export function containsIgnoringCase(q: string): Prisma.StringFilter {
  if (databaseEngine() === "postgresql") {
    return { contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as Prisma.StringFilter;
  }
  return { contains: q.replace(/[%_]/g, "_") };
}
