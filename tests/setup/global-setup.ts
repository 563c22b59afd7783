import fs from "node:fs";
import Database from "better-sqlite3";
import { migrateDatabase } from "~/db/migrate.server";
import { createPostgresTemplate, dropPostgresRunDatabases, runDir, sqliteDir, sqliteTemplateUrl, testEngine } from "./databases";

// Runs once per `vitest run`: a fresh, migrated template database for the workers to copy.
export default async function setup() {
  process.env.TANDEM_TEST_RUN = `${Date.now().toString(36)}${process.pid}`;
  if (testEngine === "sqlite") {
    fs.mkdirSync(sqliteDir(), { recursive: true });
    await migrateDatabase(sqliteTemplateUrl());
    // Fold the WAL into the file so that a plain copy is a complete database.
    const template = new Database(sqliteTemplateUrl().replace("file:", ""));
    template.pragma("wal_checkpoint(TRUNCATE)");
    template.pragma("journal_mode = DELETE");
    template.close();
    return () => fs.rmSync(sqliteDir(), { recursive: true, force: true });
  }
  await migrateDatabase(await createPostgresTemplate());
  return async () => {
    await dropPostgresRunDatabases();
    fs.rmSync(runDir(), { recursive: true, force: true });
  };
}
