import path from "node:path";
import { migrateDatabase } from "~/db/migrate.server";
import { runNotificationJobs } from "~/models/reminders.server";
import { env } from "~/utils/env.server";
import { createApp } from "./app";
import { createCollaboration } from "./collaboration";

// Migrations run before the first request, on every start, for either engine.
const applied = await migrateDatabase(env.DATABASE_URL);
if (applied.length) console.log(`applied migrations: ${applied.join(", ")}`);

if (env.NODE_ENV === "production" && !env.RESEND_API_KEY) {
  console.warn("RESEND_API_KEY is not set: mail is kept in the outbox table and not delivered.");
}

const viteDevServer =
  env.NODE_ENV === "production" ? undefined : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

// Live co-editing runs in this process, on the same port (docs/decisions/010).
const collaboration = createCollaboration({ trustProxy: env.TRUST_PROXY });

const app = await createApp({
  trustProxy: env.TRUST_PROXY,
  logRequests: env.NODE_ENV !== "test",
  viteDevServer,
  buildDirectory: path.resolve(env.BUILD_DIR),
  liveDocuments: collaboration.liveDocuments,
});

const server = app.listen(env.PORT, () => {
  console.log(`Tandem is listening on http://localhost:${env.PORT}`);
});
collaboration.attach(server);

// Typing not yet stored (saves are debounced) is stored before the process ends.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    void collaboration
      .close()
      .catch((error: unknown) => console.error("collaboration: storing on shutdown failed", error))
      .finally(() => process.exit(0));
  });
}

// Reminders and digests run in the server process; tests call the jobs themselves. Each run
// logs its own failures, and the unref'd timer never keeps a stopping process alive.
const NOTIFICATION_INTERVAL_MS = 15 * 60_000;
if (env.NODE_ENV !== "test") {
  setInterval(() => void runNotificationJobs(), NOTIFICATION_INTERVAL_MS).unref();
}
