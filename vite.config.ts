import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  server: { port: 3000 },
  build: {
    target: "es2022",
    cssMinify: true,
    // The generated Prisma clients load their query compiler from their own folder at run time,
    // so they must stay outside the bundle (package.json "imports" maps #db/*).
    rollupOptions: { external: [/^#db\//] },
  },
  // BUILD_DIR lets two builds (say, a test run and a demo) live side by side.
  plugins: [remix({ ...remixConfig, buildDirectory: process.env.BUILD_DIR ?? "build" })],
});
