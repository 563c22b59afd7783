import fs from "node:fs";
import path from "node:path";
import { db } from "~/utils/db.server";

/** Every model of the schema, and whether its rows carry a vendorId. */
const models = [...fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8").matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(
  ([, name, body]) => ({
    delegate: name!.charAt(0).toLowerCase() + name!.slice(1),
    byVendor: /^\s+vendorId\s/m.test(body!),
  }),
);
type Delegate = { findMany: (args: object) => Promise<unknown[]>; count: () => Promise<number> };

/**
 * A vendor's rows in every table, and how many rows every table holds, as one comparable string:
 * a request that must write nothing leaves it as it was. Sessions (sliding expiry) and rate-limit
 * counters change with every request, and a hub request notes when its stakeholder was last seen.
 */
export async function snapshotVendor(vendorId: string) {
  const parts = await Promise.all(
    models.map(async ({ delegate, byVendor }) => {
      const table = (db as unknown as Record<string, Delegate>)[delegate]!;
      if (delegate === "rateLimitHit") return [delegate, null];
      const count = await table.count();
      if (delegate === "session") return [delegate, count];
      if (delegate === "vendor") return [delegate, { count, rows: await table.findMany({ where: { id: vendorId } }) }];
      if (!byVendor) return [delegate, count];
      const rows = (await table.findMany({ where: { vendorId }, orderBy: { id: "asc" } })) as Array<Record<string, unknown>>;
      if (delegate !== "stakeholder") return [delegate, { count, rows }];
      return [delegate, { count, rows: rows.map(({ lastSeenAt: _seen, previousSeenAt: _before, updatedAt: _updated, ...row }) => row) }];
    }),
  );
  return JSON.stringify(Object.fromEntries(parts), (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}
