import fs from "node:fs";
import { migrateDatabase } from "~/db/migrate.server";
import {
  createPostgresTemplate,
  dropPostgresTestDatabases,
  sqliteDir,
  sqliteTemplateUrl,
  testEngine,
} from "./databases";

// Runs once per `vitest run`: a fresh, migrated template database for the workers to copy.
export default async function setup() {
  if (testEngine === "sqlite") {
    fs.rmSync(sqliteDir, { recursive: true, force: true });
    fs.mkdirSync(sqliteDir, { recursive: true });
    await migrateDatabase(sqliteTemplateUrl());
    // Checkpoint the WAL into the file so that a plain copy is a complete database.
    const { default: Database } = await import("better-sqlite3");
    const template = new Database(sqliteTemplateUrl().replace("file:", ""));
    template.pragma("wal_checkpoint(TRUNCATE)");
    template.pragma("journal_mode = DELETE");
    template.close();
    return;
  }
  await dropPostgresTestDatabases();
  await migrateDatabase(await createPostgresTemplate());
  return async () => dropPostgresTestDatabases();
}
