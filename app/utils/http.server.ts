import { data } from "@remix-run/node";

/** The one "not here" answer: a missing id and another tenant's id must look the same. */
export function notFound(message = "Not found"): never {
  throw data({ message }, { status: 404 });
}

export function badRequest<T>(body: T) {
  return data(body, { status: 400 });
}

/** Only same-site relative paths may be redirected to (no //host, no scheme). */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
