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

/** Database ids (cuid, or uuid for rows written in bulk): short, plain characters only. */
export const idField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(64, missing)
    .regex(/^[A-Za-z0-9_-]+$/, missing);

export const emailField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(254, "An email address has at most 254 characters")
    .email("Enter a valid email address, like name@company.com")
    .transform((email) => email.toLowerCase());

// Twelve digits of whole currency: far beyond any contract, and (in cents) still an exact JavaScript number.
const MAX_MONEY_CENTS = 99_999_999_999_999;
const MAX_MONEY_TEXT = "999,999,999,999.99";

// Digits with optional thousands separators ("120,000") and at most two decimals; no sign.
const MONEY = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

/** "120,000.50" → 12000050 cents; null when the text is not an amount. */
export function parseMoneyToCents(text: string): number | null {
  if (!MONEY.test(text)) return null;
  const [whole = "0", fraction = ""] = text.replace(/,/g, "").split(".");
  // Leading zeros are harmless, but a long run of digits is not an amount anyone means.
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > 12) return Number.POSITIVE_INFINITY;
  return Number(digits) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Cents as the form shows them back: "120000.5" → "120000.50", no separators. */
export function centsToMoneyText(cents: number) {
  // Integer arithmetic: a division by 100 in floating point can be a cent off at twelve digits.
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

export const moneyField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(30, "Enter an amount like 120000 or 120,000.50")
    .transform((text, ctx) => {
      const cents = parseMoneyToCents(text);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "Enter an amount like 120000 or 120,000.50 (no currency sign, not negative)" });
        return z.NEVER;
      }
      if (cents > MAX_MONEY_CENTS) {
        ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_MONEY_TEXT}` });
        return z.NEVER;
      }
      return cents;
    });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as an <input type="date"> sends it, stored as midnight UTC. */
export const dateField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .transform((text, ctx) => {
      const match = ISO_DATE.exec(text);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      // Date.UTC rolls 2025-02-30 over to March: a date that does not round-trip does not exist.
      if (!date || date.toISOString().slice(0, 10) !== text) {
        ctx.addIssue({ code: "custom", message: "Enter a date as YYYY-MM-DD" });
        return z.NEVER;
      }
      if (date.getUTCFullYear() < 1990 || date.getUTCFullYear() > 2200) {
        ctx.addIssue({ code: "custom", message: "Enter a date between 1990 and 2200" });
        return z.NEVER;
      }
      return date;
    });

/** A Date as the value of an <input type="date">. */
export function dateInputValue(date: Date | string | null | undefined) {
  return date ? new Date(date).toISOString().slice(0, 10) : "";
}
