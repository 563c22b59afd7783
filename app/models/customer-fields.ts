import { z } from "zod";
import { dateField, emailField, moneyField, singleLineText } from "~/utils/validation";

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

// Labels of 1–63 letters, digits and inner hyphens, at least two of them, a non-numeric top level.
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export const domainField = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "Use at most 253 characters")
  .regex(HOSTNAME, "Enter a domain like acme.com (no https:// or path)");

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
