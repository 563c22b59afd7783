import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests. The database engine comes from TEST_DATABASE (sqlite | postgresql);
// each worker gets its own migrated database (tests/setup).
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker-database.ts"],
    pool: "forks",
    maxWorkers: 2,
    minWorkers: 1,
    // One Prisma client (and one imported server build) per worker, shared by its files;
    // tests isolate themselves by creating their own vendors (tests/support/factories.ts).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
