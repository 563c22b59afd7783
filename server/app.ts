import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import type { ViteDevServer } from "vite";
import type { LiveDocuments } from "~/models/document-live";
import { runInRequestContext } from "~/utils/request-context.server";
import { translateDomainErrors } from "./domain-errors";
import { sameOriginOnly, securityHeaders } from "./security";

export type AppOptions = {
  trustProxy: boolean;
  logRequests: boolean;
  /** In development the build comes from Vite on each request; otherwise from build/. */
  viteDevServer?: ViteDevServer;
  buildDirectory?: string;
  /** Shared documents' live state, for the routes that version and restore them (server/collaboration.ts). */
  liveDocuments: LiveDocuments;
};

export async function createApp(options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", true);
  app.use(compression());
  app.use(securityHeaders({ development: Boolean(options.viteDevServer) }));
  if (options.logRequests) app.use(morgan("tiny"));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (options.viteDevServer) {
    const vite = options.viteDevServer;
    app.use(vite.middlewares);
    build = async () => translateDomainErrors((await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
  } else {
    const buildDirectory = options.buildDirectory ?? path.resolve("build");
    app.use("/assets", express.static(path.join(buildDirectory, "client", "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(buildDirectory, "client"), { maxAge: "1h" }));
    build = translateDomainErrors((await import(path.join(buildDirectory, "server", "index.js"))) as ServerBuild);
  }

  app.use(sameOriginOnly({ trustProxy: options.trustProxy }));
  const handleRemixRequest = createRequestHandler({
    build,
    mode: options.viteDevServer ? "development" : "production",
    getLoadContext: (req, res) => ({
      cspNonce: String(res.locals.cspNonce),
      clientIp: req.ip ?? "unknown",
      liveDocuments: options.liveDocuments,
    }),
  });
  // Headers appended while loaders run (a renewed session cookie) go out with the response, and
  // the loaders of one request share what they compute once (the signed-in scope).
  app.all("*", (req, res, next) => runInRequestContext(res, () => handleRemixRequest(req, res, next)));
  return app;
}
