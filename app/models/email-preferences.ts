import { z } from "zod";

/** The mails a stakeholder may turn off, in the order the preferences page lists them. */
export const EMAIL_PREFERENCES = [
  { name: "emailOnAssigned", label: "A task is assigned to me" },
  { name: "emailOnDueSoon", label: "One of my tasks is due within 2 days" },
  { name: "emailOnOverdue", label: "One of my tasks is overdue" },
  { name: "emailOnMention", label: "Someone mentions me in a comment" },
  { name: "weeklyDigest", label: "A weekly summary of my open tasks and the plan's progress" },
] as const;

export type EmailPreferenceName = (typeof EMAIL_PREFERENCES)[number]["name"];
export type EmailPreferences = Record<EmailPreferenceName, boolean>;

// A ticked box sends "on"; an unticked one sends nothing.
const checkbox = z
  .literal("on", { errorMap: () => ({ message: "Tick or untick the box" }) })
  .optional()
  .transform((value) => value === "on");

export const emailPreferencesSchema = z.object({
  intent: z.literal("save", { errorMap: () => ({ message: "Reload the page and try again" }) }),
  ...(Object.fromEntries(EMAIL_PREFERENCES.map(({ name }) => [name, checkbox])) as Record<EmailPreferenceName, typeof checkbox>),
});
