import { sqliteDateText } from "~/db/sql.server";
import type { Db } from "~/utils/db.server";
import { databaseEngine } from "~/utils/env.server";

/**
 * One multi-row INSERT for a bulk write (a blueprint's hundreds of tasks). Prisma's createMany
 * builds and maps every row in JavaScript and costs several times more at this size.
 * Rows must carry every column without a database default, ids included; createdAt and
 * updatedAt are set here, encoded as Prisma encodes them so the rows read back the same.
 * Table and column names come from code, never from input.
 */
type Value = string | number | Date | null;
type Client = Pick<Db, "$executeRawUnsafe">;

const SQLITE_MAX_PARAMETERS = 32_000;

export async function insertRows(client: Client, table: string, rows: Array<Record<string, Value>>, now = new Date()) {
  if (rows.length === 0) return;
  const sqlite = databaseEngine() === "sqlite";
  const columns = [...Object.keys(rows[0]!), "createdAt", "updatedAt"];
  const encode = (value: Value) => (value instanceof Date && sqlite ? sqliteDateText(value) : value);

  const rowsPerStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const values: Value[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        values.push(encode(column === "createdAt" || column === "updatedAt" ? now : (row[column] ?? null)));
        return sqlite ? "?" : `$${values.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    const columnList = columns.map((column) => `"${column}"`).join(", ");
    await client.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")}`, ...values);
  }
}
