import { z } from "zod";
import { singleLineText } from "~/utils/validation";

/**
 * The fields of accounts, stakeholders and engagements, shared by the console's forms (server and
 * browser) and the CSV import, so a value the form refuses is refused in a file too.
 */
export const LIFECYCLE_STAGES = ["onboarding", "adoption", "renewal", "expansion", "churned"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const HUB_ROLES = ["champion", "executive", "member"] as const;
export type HubRole = (typeof HUB_ROLES)[number];
export const ENGAGEMENT_KINDS = ["onboarding", "adoption", "renewal", "expansion"] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

// Twelve digits of whole currency: far beyond any contract, and (in cents) still an exact JavaScript number.
export const MAX_ARR_CENTS = 99_999_999_999_999;
const MAX_ARR_TEXT = "999,999,999,999.99";

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
      if (cents > MAX_ARR_CENTS) {
        ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_ARR_TEXT}` });
        return z.NEVER;
      }
      return cents;
    });

// Labels of 1–63 letters, digits and inner hyphens, at least two of them, a non-numeric top level.
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export const domainField = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "Use at most 253 characters")
  .regex(HOSTNAME, "Enter a domain like acme.com (no https:// or path)");

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

export const emailField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(254, "An email address has at most 254 characters")
    .email("Enter a valid email address, like name@company.com")
    .transform((email) => email.toLowerCase());

export const accountNameField = singleLineText({ missing: "Enter the account's name", max: 120 });
export const lifecycleStageField = z.enum(LIFECYCLE_STAGES, { errorMap: () => ({ message: "Choose a lifecycle stage" }) });
export const hubRoleField = z.enum(HUB_ROLES, { errorMap: () => ({ message: "Choose a hub role" }) });

/** The account form (new and edit). Empty optional fields arrive as undefined (conform). */
export const accountSchema = z.object({
  name: accountNameField,
  domain: domainField.optional(),
  arr: moneyField("Enter the ARR (0 if there is none yet)"),
  renewalDate: dateField("Enter a renewal date").optional(),
  lifecycleStage: lifecycleStageField,
  ownerId: z
    .string()
    .trim()
    .max(64, "Choose someone from your team")
    .regex(/^[A-Za-z0-9_-]+$/, "Choose someone from your team")
    .optional(),
});
export type AccountInput = z.infer<typeof accountSchema>;

export const stakeholderFields = {
  name: singleLineText({ missing: "Enter the person's name", max: 120 }),
  email: emailField("Enter the person's email"),
  title: singleLineText({ missing: "Enter a title", max: 120 }).optional(),
  hubRole: hubRoleField,
};
export const stakeholderSchema = z.object(stakeholderFields);
export type StakeholderInput = z.infer<typeof stakeholderSchema>;

/** The engagement form (new and edit): the target end may not come before the start. */
export const engagementSchema = z
  .object({
    kind: z.enum(ENGAGEMENT_KINDS, { errorMap: () => ({ message: "Choose a kind of engagement" }) }),
    startDate: dateField("Enter the start date"),
    targetEndAt: dateField("Enter a target end date").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.targetEndAt && value.targetEndAt < value.startDate) {
      ctx.addIssue({ code: "custom", path: ["targetEndAt"], message: "The target end cannot be before the start" });
    }
  });
export type EngagementInput = z.infer<typeof engagementSchema>;
