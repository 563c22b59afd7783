import { describe, expect, it } from "vitest";
import { cookiesWith } from "../support/cookie-probe";

const attributes = (cookie: string) => cookie.split(";").map((part) => part.trim());

describe("session cookies", () => {
  it("are Secure, HttpOnly and SameSite=Lax in production, set and cleared alike", () => {
    for (const cookie of cookiesWith({ NODE_ENV: "production" })) {
      expect(attributes(cookie)).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]));
    }
  });

  it("drop Secure only when told to (a plain-http demo) or outside production", () => {
    for (const cookie of [
      ...cookiesWith({ NODE_ENV: "production", SECURE_COOKIES: "false" }),
      ...cookiesWith({ NODE_ENV: "development" }),
    ]) {
      expect(attributes(cookie)).not.toContain("Secure");
      expect(attributes(cookie)).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax"]));
    }
  });
});
