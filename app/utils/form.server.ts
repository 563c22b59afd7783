import { data } from "@remix-run/node";

/**
 * Every form body is bounded before anything parses it (docs/decisions/013): its bytes while it
 * streams in, then its number of fields and their names, counted on the raw bytes. Only then do
 * the form parser and the schema see it. The schema step (conform's form-to-object) costs the
 * square of a repeated name's count, so an unbounded body of `x=1&x=1&…` could hold the one
 * Node thread for minutes; bounded, the worst body costs a few milliseconds.
 */
export type FormLimits = {
  /** The most bytes of body read; more is a 413. */
  maxBytes: number;
  /** The most fields (name=value pairs or multipart parts); more is a 400. */
  maxFields: number;
};

/**
 * Tandem's forms are flat (no `a.b` or `a[0]` names) and have at most a few dozen fields; the
 * largest text they carry is a 50 KB rich-text description, sent as JSON and as text and then
 * percent-encoded (up to three bytes a character).
 */
export const FORM_LIMITS: FormLimits = { maxBytes: 512 * 1024, maxFields: 100 };

/**
 * A field name is a word, or up to four words joined by dots (`owners.csm`: an object field).
 * Conform reads brackets as array indices (`x[99999999]` makes an array that long), which no
 * form of this app uses; each word starts with a letter, so no path reaches `__proto__`.
 * Conform's own two names are the exception.
 */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z][A-Za-z0-9_-]*){0,3}$/;
const CONFORM_NAMES = new Set(["__intent__", "__state__"]);
const MAX_NAME_LENGTH = 100;

/** Whether a form may have a field of this name (uploads streamed part by part check theirs with it). */
export const isFormFieldName = (name: string) => name.length <= MAX_NAME_LENGTH && (FIELD_NAME.test(name) || CONFORM_NAMES.has(name));

const NOT_A_FORM = "This request must be sent as a form.";
export const UNKNOWN_FIELD = "This form has a field this page does not know.";
export const tooManyFields = (maxFields: number) => `This form has too many fields: it may have at most ${maxFields}.`;
// A body over the limit is still read (and dropped) up to this size, so the browser finishes
// sending and shows the answer; a client that keeps sending beyond it is cut off.
const DISCARD_BYTES = 32 * 1024 * 1024;

function refuse(status: 400 | 413, message: string): never {
  throw data({ message }, { status });
}

/**
 * The whole body, or `null` when it is over `maxBytes`: nothing beyond the limit is kept, and
 * reading stops once the body passes `discardAfter` (a client that keeps sending is cut off).
 */
async function readBounded(request: Request, maxBytes: number, discardAfter: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > discardAfter) {
    await request.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size <= maxBytes) chunks.push(read.value);
      else if (size > discardAfter) {
        await reader.cancel();
        break;
      }
    }
  }
  return size > maxBytes ? null : Buffer.concat(chunks);
}

/** How many times `needle` occurs in `body`, stopping once it passes `stopAfter`: one pass over the bytes. */
function countOccurrences(body: Buffer, needle: Buffer, stopAfter: number) {
  let count = 0;
  for (let at = body.indexOf(needle); at !== -1 && count <= stopAfter; at = body.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

const AMPERSAND = Buffer.from("&");

/** How many fields a body declares, before any parser runs. */
function countFields(body: Buffer, contentType: string, maxFields: number) {
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!boundary) return null;
    // Each part opens with the delimiter; the closing one has the same bytes plus "--".
    return countOccurrences(body, Buffer.from(`--${boundary[1] ?? boundary[2]}`), maxFields + 1) - 1;
  }
  return body.length === 0 ? 0 : countOccurrences(body, AMPERSAND, maxFields) + 1;
}

/** The form within `limits`, or "too_large"; refusals for anything else are thrown as 400s. */
async function readBoundedForm(request: Request, limits: FormLimits): Promise<FormData | "too_large"> {
  const contentType = (request.headers.get("Content-Type") ?? "").toLowerCase();
  const urlEncoded = contentType.startsWith("application/x-www-form-urlencoded");
  if (!urlEncoded && !contentType.startsWith("multipart/form-data")) refuse(400, NOT_A_FORM);
  const body = await readBounded(request, limits.maxBytes, Math.max(limits.maxBytes, DISCARD_BYTES));
  if (!body) return "too_large";
  const fields = countFields(body, contentType, limits.maxFields);
  if (fields === null) refuse(400, NOT_A_FORM);
  if (fields > limits.maxFields) refuse(400, tooManyFields(limits.maxFields));
  let form: FormData;
  if (urlEncoded) {
    form = new FormData();
    for (const [name, value] of new URLSearchParams(body.toString("utf8"))) form.append(name, value);
  } else {
    try {
      form = await new Request(request.url, {
        method: "POST",
        headers: { "Content-Type": contentType },
        body: new Uint8Array(body),
      }).formData();
    } catch {
      refuse(400, NOT_A_FORM);
    }
  }
  for (const name of new Set(form.keys())) if (!isFormFieldName(name)) refuse(400, UNKNOWN_FIELD);
  return form;
}

/**
 * The request's form fields, read within `limits`. A body that is not a form (JSON, a broken
 * multipart stream) is the client's mistake and gets a 400, not the 500 that request.formData()
 * would turn into; an oversized one gets a 413, and too many fields a 400, before parsing.
 */
export async function readFormData(request: Request, limits: FormLimits = FORM_LIMITS): Promise<FormData> {
  const form = await readBoundedForm(request, limits);
  if (form === "too_large")
    refuse(413, `This form is too large: it may hold at most ${Math.round(limits.maxBytes / 1024).toLocaleString("en-US")} KB.`);
  return form;
}

// The multipart framing and the form's other fields add a little to the file itself.
const FRAMING_BYTES = 64 * 1024;

/**
 * A multipart form with a file, held in memory, of at most `maxFileBytes` plus some framing:
 * a larger body is "too large" (the caller says so beside the file field), and none of it
 * beyond the limit is kept.
 */
export function readUploadFormData(request: Request, maxFileBytes: number): Promise<FormData | "too_large"> {
  return readBoundedForm(request, {
    maxBytes: maxFileBytes + FRAMING_BYTES,
    maxFields: FORM_LIMITS.maxFields,
  });
}
