import { z } from "zod";
import { idField } from "~/models/blueprint-fields";
import { dateField } from "~/models/customer-fields";
import { PLAN_ITEM_KINDS } from "~/models/plan-fields";
import { COMMENT_LIMITS, richTextFields } from "~/models/rich-text-fields";

/**
 * The forms a stakeholder uses on the hub's plan page, as one schema discriminated on `intent`:
 * the route's action parses with it, each form validates with it in the browser.
 */
export const COMMENT_MAX = 4000;
// Line breaks are a comment's paragraphs; every other control character (tabs, escapes, NUL) is refused.
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\n\r]/u;

const version = z
  .number({
    required_error: "Reload the page and try again",
    invalid_type_error: "Reload the page and try again",
  })
  .int()
  .min(1)
  .max(2_000_000_000);
const taskId = idField("Choose a task");

export const commentBodyField = z
  .string({ required_error: "Write a comment" })
  .trim()
  .min(1, "Write a comment")
  .max(COMMENT_MAX, `Use at most ${COMMENT_MAX} characters`)
  .refine((value) => !CONTROL_EXCEPT_LINE_BREAKS.test(value), "Use letters, digits and punctuation only");

export const hubActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("completeTask"), taskId, version }),
  z.object({ intent: z.literal("reopenTask"), taskId, version }),
  z.object({
    intent: z.literal("comment"),
    on: z.enum(PLAN_ITEM_KINDS, {
      errorMap: () => ({ message: "Choose an objective, milestone or task" }),
    }),
    itemId: idField("Choose an item"),
    ...richTextFields("body", COMMENT_LIMITS),
  }),
  z.object({
    intent: z.literal("proposeDueDate"),
    taskId,
    dueDate: dateField("Enter the date you propose"),
    note: z
      .string()
      .trim()
      .max(500, "Use at most 500 characters")
      .refine((value) => !CONTROL_EXCEPT_LINE_BREAKS.test(value), "Use letters, digits and punctuation only")
      .optional()
      .transform((value) => value || null),
  }),
]);
export type HubAction = z.output<typeof hubActionSchema>;
