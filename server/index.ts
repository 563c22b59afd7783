import { migrateDatabase } from "~/db/migrate.server";
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
});

app.listen(env.PORT, () => {
  console.log(`Tandem is listening on http://localhost:${env.PORT}`);
});
