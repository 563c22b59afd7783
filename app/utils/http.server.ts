import { data } from "@remix-run/node";

/** The one "not here" answer: a missing id and another tenant's id must look the same. */
export function notFound(message = "Not found"): never {
  throw data({ message }, { status: 404 });
}

// Any origin does: only its sameness matters. Relative targets resolve against it as a browser
// resolves a Location header against the app's own origin.
const BASE = new URL("http://app.invalid");

/**
 * Where a redirect may go (docs/decisions/014): the target is parsed as a URL against the app's
 * origin, exactly as a browser will read the Location header (which drops tabs and newlines and
 * reads a backslash as a slash), and must stay on that origin. What is returned is the parsed
 * path, query and fragment, never the raw string; anything else is `fallback`.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  // A path that starts with two slashes would itself be read as another host ("//evil.example").
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
