import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { DomainError, isDomainError, type DomainErrorKind } from "~/models/domain-error";
import { translateDomainErrors } from "../../server/domain-errors";

/** A build of one route whose loader and action throw what they are given. */
function buildThrowing(error: unknown) {
  const fail = async () => {
    throw error;
  };
  const route = { id: "routes/probe", path: "probe", module: { loader: fail, action: fail, default: () => null } };
  return translateDomainErrors({ routes: { "routes/probe": route } } as unknown as ServerBuild).routes["routes/probe"]!.module;
}

const args = {} as never;

describe("the translation of domain errors", () => {
  it.each([
    ["not_found", 404],
    ["conflict", 409],
    ["forbidden", 403],
    ["invalid", 400],
    ["rate_limited", 429],
  ] as Array<[DomainErrorKind, number]>)("answers %s with %i and its message, from loaders and actions", async (kind, status) => {
    const module = buildThrowing(new DomainError(kind, "Said why"));
    for (const handler of [module.loader!, module.action!]) {
      await expect(handler(args)).rejects.toMatchObject({ type: "DataWithResponseInit", data: { message: "Said why" }, init: { status } });
    }
  });

  it("says only 'Not found' for a missing or foreign id", async () => {
    await expect(buildThrowing(new DomainError("not_found")).loader!(args)).rejects.toMatchObject({ data: { message: "Not found" } });
  });

  it("lets any other error through as it was thrown", async () => {
    const error = new Error("boom");
    await expect(buildThrowing(error).loader!(args)).rejects.toBe(error);
  });

  it("recognises a DomainError from another copy of the module, as the build's are", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("tandem.DomainError")]: true, kind: "conflict" });
    expect(isDomainError(foreign)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
  });
});
