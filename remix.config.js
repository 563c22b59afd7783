// The Remix options, in one place: vite.config.ts hands them to the Remix plugin and
// app/routes.ts reads the route-file conventions from here.

/** Files under app/routes that are not routes (tests, helpers kept beside their route). */
export const ignoredRouteFiles = ["**/.*", "**/*.test.{ts,tsx}", "**/*.server.{ts,tsx}"];

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: "app",
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
};
