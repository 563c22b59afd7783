import { data, type ServerBuild } from "@remix-run/node";
import { DOMAIN_ERROR_STATUS, isDomainError } from "~/models/domain-error";

type RouteModule = ServerBuild["routes"][string]["module"];
type Handler = NonNullable<RouteModule["loader"]>;

/**
 * The one translation of domain errors into answers: every loader and action of the build is
 * wrapped so that a DomainError it lets through becomes a thrown `data({ message }, status)`,
 * which the route's error boundary shows (404 for not_found, 409 for conflict, …). Anything else
 * goes on as it was thrown.
 */
export function translateDomainErrors(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [id, { ...route, module: withDomainErrors(route.module) }]),
  ) as ServerBuild["routes"];
  return { ...build, routes };
}

function withDomainErrors(module: RouteModule): RouteModule {
  return { ...module, loader: answered(module.loader), action: answered(module.action) };
}

function answered(handler: Handler | undefined): Handler | undefined {
  if (!handler) return undefined;
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (isDomainError(error)) throw data({ message: error.message }, { status: DOMAIN_ERROR_STATUS[error.kind] });
      throw error;
    }
  };
}
