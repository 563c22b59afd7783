import path from "node:path";
import { runDir, workerDatabaseUrl } from "./databases";

// Must run before anything imports app/utils/env.server.ts, which reads the environment once.
process.env.NODE_ENV = "test";
process.env.APP_ORIGIN = "http://tandem.test";
process.env.DATABASE_URL = await workerDatabaseUrl(process.env.VITEST_POOL_ID ?? "1");
// Uploaded files go to this run's folder, removed with it (tests/setup/global-setup.ts).
process.env.UPLOADS_DIR = path.join(runDir(), "uploads");
