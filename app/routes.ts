import type { RouteConfig } from "@remix-run/route-config";
import { remixRoutesOptionAdapter } from "@remix-run/routes-option-adapter";
import { flatRoutes } from "remix-flat-routes";
import { ignoredRouteFiles } from "../remix.config.js";

// Routes are files under app/routes, grouped by audience in `+` folders (remix-flat-routes).
export default remixRoutesOptionAdapter((defineRoutes) => flatRoutes("routes", defineRoutes, { ignoredRouteFiles })) satisfies RouteConfig;
