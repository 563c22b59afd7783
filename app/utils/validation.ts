import { z } from "zod";

// Tabs, newlines, escapes and NUL have no place in a one-line value and can corrupt exports and mail.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** A required one-line value (a name, a title): trimmed, bounded, free of control characters. */
export function singleLineText({ missing, max }: { missing: string; max: number }) {
  return z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(max, `Use at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "Use letters, digits and punctuation only");
}

// Newlines are the one control character a paragraph of text needs.
const CONTROL_CHARACTERS_BUT_NEWLINE = /[^\P{Cc}\n]/u;

// Browsers send a textarea's newlines as CRLF; they are stored as LF, so a limit counts what the
// textarea's maxLength counts.
const normalizeLines = (value: string) => value.replace(/\r\n?/g, "\n").trim();

/** Text of several lines once normalized: bounded, no control characters but newlines. */
function lines({ missing, max }: { missing?: string; max: number }) {
  // Conform reads a value that trims to nothing as missing, so `missing` is the required message too.
  const text = z.string({ required_error: missing });
  return (missing ? text.min(1, missing) : text)
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters`)
    .refine((value) => !CONTROL_CHARACTERS_BUT_NEWLINE.test(value), "Use letters, digits, punctuation and line breaks only");
}

/** Required plain text of several lines (a message): newlines kept, other control characters refused. */
export function multiLineText({ missing, max }: { missing: string; max: number }) {
  return z.string({ required_error: missing }).transform(normalizeLines).pipe(lines({ missing, max }));
}

/**
 * Optional plain text of several lines (a description, a note), held to the rules of
 * multiLineText; an empty value, or one of only spaces, means none (null).
 */
export function optionalMultiLineText({ max }: { max: number }) {
  return z
    .string()
    .transform(normalizeLines)
    .pipe(lines({ max }).optional())
    .optional()
    .transform((value) => value || null);
}
