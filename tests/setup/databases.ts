import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** Test databases: a migrated template per run, copied once per worker. */
export type TestEngine = "sqlite" | "postgresql";

export const testEngine: TestEngine = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const postgresServer = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const sqliteDir = path.resolve("data", "test");
const templateName = "tandem_test_template";

export function sqliteTemplateUrl() {
  return `file:${path.join(sqliteDir, "template.db")}`;
}

export function postgresUrl(database: string) {
  const url = new URL(postgresServer);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withPostgresAdmin<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: postgresServer });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropPostgresTestDatabases() {
  await withPostgresAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'tandem_test_%'",
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

export async function createPostgresTemplate() {
  await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${templateName}"`));
  return postgresUrl(templateName);
}

/** The database URL of one worker, created from the template on first use. */
export async function workerDatabaseUrl(workerId: string): Promise<string> {
  if (testEngine === "sqlite") {
    const file = path.join(sqliteDir, `worker-${workerId}.db`);
    if (!fs.existsSync(file)) fs.copyFileSync(path.join(sqliteDir, "template.db"), file);
    return `file:${file}`;
  }
  const name = `tandem_test_worker_${workerId}`;
  await withPostgresAdmin(async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  });
  return postgresUrl(name);
}
