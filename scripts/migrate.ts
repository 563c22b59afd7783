import { migrateDatabase } from "~/db/migrate.server";
import { env } from "~/utils/env.server";

const applied = await migrateDatabase(env.DATABASE_URL);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
