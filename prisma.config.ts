import path from "node:path";
import { defineConfig } from "prisma/config";

// Rust-free Prisma: the CLI uses its JavaScript/Wasm engines and needs no binary download.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: ":memory:" });
  },
});
