import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The session cookies a server started with `environment` sets (one Set-Cookie value a line):
 * the environment is read once, at import, so this file runs itself in a child process.
 */
export function cookiesWith(environment: Record<string, string>) {
  const { SECURE_COOKIES: _inherited, ...inherited } = process.env;
  const output = execFileSync(path.resolve("node_modules/.bin/tsx"), [import.meta.filename], {
    env: { ...inherited, DATABASE_URL: `file:${path.join(os.tmpdir(), "tandem-cookie-probe.db")}`, ...environment },
    encoding: "utf8",
  });
  return output.trim().split("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { clearedSessionCookie, sessionCookie } = await import("~/utils/session.server");
  console.log(sessionCookie("hub", "id.secret", new Date(Date.now() + 60_000)));
  console.log(clearedSessionCookie("console"));
}
