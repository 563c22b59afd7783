import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/utils/http.server";

/** Where a browser goes when it gets `Location: <target>` from the app at `origin`. */
const destination = (target: string, origin = "https://tandem.example") => new URL(target, origin);

describe("safeRedirectPath", () => {
  it("keeps paths on the app, with their query and fragment", () => {
    expect(safeRedirectPath("/console/accounts?q=acme#plan", "/console")).toBe("/console/accounts?q=acme#plan");
    expect(safeRedirectPath("/console/accounts/%2F%2Fevil.example", "/console")).toBe("/console/accounts/%2F%2Fevil.example");
  });

  const hostile = [
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r\n/evil.example/",
    "/ /evil.example/",
    "/\\/evil.example/",
    "/\t\\evil.example",
    "/.//evil.example/",
    "/x/..//evil.example/",
    "/%2e//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    " /console",
    "http:/evil.example",
    "/\u0000/evil.example",
    "%2F%2Fevil.example",
    "",
  ];

  it.each(hostile)("never leaves the app's origin: %j", (target) => {
    const safe = safeRedirectPath(target, "/console");
    expect(destination(safe).origin).toBe("https://tandem.example");
    expect(safe.startsWith("/")).toBe(true);
    expect(safe.startsWith("//")).toBe(false);
    expect(safe).not.toMatch(/[\t\n\r\\]/);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(null, "/console")).toBe("/console");
    expect(safeRedirectPath(undefined, "/console")).toBe("/console");
  });
});
