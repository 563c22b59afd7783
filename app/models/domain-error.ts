/**
 * The one way the domain says no (docs/decisions/019). Models throw a DomainError and never an
 * HTTP response; a route catches one only to show it on its form, and any it lets through is
 * answered by the server with the status of its kind (server/domain-errors.ts).
 */
export type DomainErrorKind = "not_found" | "conflict" | "forbidden" | "invalid" | "rate_limited";

export const DOMAIN_ERROR_STATUS: Record<DomainErrorKind, number> = {
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  invalid: 400,
  rate_limited: 429,
};

// The server loads the app's build, which has its own copy of this module: a registered symbol,
// not `instanceof`, recognises an error thrown by either copy.
const DOMAIN_ERROR = Symbol.for("tandem.DomainError");

export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;

  constructor(
    readonly kind: DomainErrorKind,
    // A missing id and another tenant's id must look the same: "Not found" says nothing more.
    message = kind === "not_found" ? "Not found" : "That did not work",
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && DOMAIN_ERROR in error;
}
