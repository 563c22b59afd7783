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

/**
 * Required plain text of several lines (a message): browsers send newlines as CRLF, stored as LF,
 * so the limit counts what a textarea's maxLength counts; other control characters are refused.
 */
export function multiLineText({ missing, max }: { missing: string; max: number }) {
  return z
    .string({ required_error: missing })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, missing)
        .max(max, `Use at most ${max.toLocaleString("en-US")} characters`)
        .refine((value) => !CONTROL_CHARACTERS_BUT_NEWLINE.test(value), "Use letters, digits, punctuation and line breaks only"),
    );
}
