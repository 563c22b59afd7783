import path from "node:path";
import { migrateDatabase } from "~/db/migrate.server";
import { runNotificationJobs } from "~/models/reminders.server";
import { env } from "~/utils/env.server";
import { createApp } from "./app";

// Migrations run before the first request, on every start, for either engine.
const applied = await migrateDatabase(env.DATABASE_URL);
if (applied.length) console.log(`applied migrations: ${applied.join(", ")}`);

if (env.NODE_ENV === "production" && !env.RESEND_API_KEY) {
  console.warn("RESEND_API_KEY is not set: mail is kept in the outbox table and not delivered.");
}

const viteDevServer =
  env.NODE_ENV === "production"
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = await createApp({
  trustProxy: env.TRUST_PROXY,
  logRequests: env.NODE_ENV !== "test",
  viteDevServer,
  buildDirectory: path.resolve(env.BUILD_DIR),
});

app.listen(env.PORT, () => {
  console.log(`Tandem is listening on http://localhost:${env.PORT}`);
});

// Reminders and digests run in the server process; tests call the jobs themselves. Each run
// logs its own failures, and the unref'd timer never keeps a stopping process alive.
const NOTIFICATION_INTERVAL_MS = 15 * 60_000;
if (env.NODE_ENV !== "test") {
  setInterval(() => void runNotificationJobs(), NOTIFICATION_INTERVAL_MS).unref();
}
