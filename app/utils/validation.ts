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
