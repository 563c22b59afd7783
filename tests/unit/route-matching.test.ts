import fs from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject, matchRoutes as MatchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The CommonJS build is the one the server runs (and the one patched).
const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router");
const { matchRoutes } = require(routerFile) as { matchRoutes: typeof MatchRoutes };

/**
 * The server's copy of @remix-run/router is patched (patches/, docs/decisions/011) to rank a
 * route tree once and compile each path pattern once. Matching must answer exactly as before,
 * for every path, however often the same tree is matched.
 */
const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "home", index: true },
      { id: "login", path: "login" },
      {
        id: "hub",
        path: "hub/:vendorSlug",
        children: [
          { id: "hub-home", index: true },
          { id: "hub-plan", path: "plan" },
          { id: "hub-document", path: "documents/:documentId" },
        ],
      },
      { id: "accounts-csv", path: "console/accounts.csv" },
      { id: "account", path: "console/accounts/:accountId" },
      { id: "account-new", path: "console/accounts/new" },
      { id: "files", path: "files/*" },
    ],
  },
];

const ids = (pathname: string, tree = routes) => matchRoutes(tree, pathname)?.map((match) => match.route.id) ?? null;

describe("route matching on the server", () => {
  it("uses the patched router", () => {
    expect(routerFile).toMatch(/router\.cjs\.js$/);
    expect(fs.readFileSync(routerFile, "utf8")).toContain("rankedBranches");
  });

  it("answers the same matches, ranks and params on every call of the same tree", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids("/")).toEqual(["root", "home"]);
      expect(ids("/login")).toEqual(["root", "login"]);
      expect(ids("/LOGIN/")).toEqual(["root", "login"]);
      expect(ids("/hub/northwind")).toEqual(["root", "hub", "hub-home"]);
      expect(ids("/hub/northwind/plan")).toEqual(["root", "hub", "hub-plan"]);
      // A static segment outranks a parameter, whatever was matched before.
      expect(ids("/console/accounts/new")).toEqual(["root", "account-new"]);
      expect(ids("/console/accounts/abc")).toEqual(["root", "account"]);
      expect(ids("/console/accounts.csv")).toEqual(["root", "accounts-csv"]);
      expect(ids("/nowhere")).toBeNull();
      const document = matchRoutes(routes, "/hub/globex/documents/doc-1")!;
      expect(document.at(-1)!.params).toEqual({ vendorSlug: "globex", documentId: "doc-1" });
      expect(matchRoutes(routes, "/files/a/b.pdf")!.at(-1)!.params["*"]).toBe("a/b.pdf");
    }
  });

  it("matches another tree by its own routes, not the first tree's", () => {
    const other: AgnosticRouteObject[] = [{ id: "only", path: "/login/:step" }];
    expect(ids("/login")).toEqual(["root", "login"]);
    expect(ids("/login", other)).toBeNull();
    expect(ids("/login/two", other)).toEqual(["only"]);
  });
});
