import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Test databases: one migrated template per `vitest run`, copied once per worker. Names carry
 * the run's id (set by the global setup, inherited by the workers) so that two runs at once
 * never share or drop each other's databases.
 */
export type TestEngine = "sqlite" | "postgresql";

export const testEngine: TestEngine = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const postgresServer = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function testRunId() {
  const id = process.env.TANDEM_TEST_RUN;
  if (!id) throw new Error("TANDEM_TEST_RUN is not set: run the tests through vitest (tests/setup/global-setup.ts)");
  return id;
}

/** This run's scratch folder (SQLite databases, uploaded files), removed when the run ends. */
export const runDir = () => path.resolve("data", "test", testRunId());
export const sqliteDir = runDir;
export const sqliteTemplateUrl = () => `file:${path.join(sqliteDir(), "template.db")}`;
const postgresName = (suffix: string) => `tandem_test_${testRunId()}_${suffix}`;

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

export async function dropPostgresRunDatabases() {
  await withPostgresAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${postgresName("")}%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

export async function createPostgresTemplate() {
  await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${postgresName("template")}"`));
  return postgresUrl(postgresName("template"));
}

/** The database URL of one worker, created from the template on first use. */
export async function workerDatabaseUrl(workerId: string): Promise<string> {
  if (testEngine === "sqlite") {
    const file = path.join(sqliteDir(), `worker-${workerId}.db`);
    if (!fs.existsSync(file)) fs.copyFileSync(path.join(sqliteDir(), "template.db"), file);
    return `file:${file}`;
  }
  const name = postgresName(`worker_${workerId}`);
  await withPostgresAdmin(async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresName("template")}"`);
  });
  return postgresUrl(name);
}
