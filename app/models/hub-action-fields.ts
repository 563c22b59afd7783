import { z } from "zod";

import { PLAN_ITEM_KINDS } from "~/models/plan-fields";
import { COMMENT_LIMITS, richTextFields } from "~/models/rich-text-fields";
import { dateField, idField, multiLineText, optionalMultiLineText } from "~/utils/validation";

/**
 * The forms a stakeholder uses on the hub's plan page, as one schema discriminated on `intent`:
 * the route's action parses with it, each form validates with it in the browser.
 */
export const COMMENT_MAX = 4000;

const version = z
  .number({
    required_error: "Reload the page and try again",
    invalid_type_error: "Reload the page and try again",
  })
  .int()
  .min(1)
  .max(2_000_000_000);
const taskId = idField("Choose a task");

/** A plain-text comment, as a reply from a mail sends it. */
export const commentBodyField = multiLineText({ missing: "Write a comment", max: COMMENT_MAX });

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
    note: optionalMultiLineText({ max: 500 }),
  }),
]);
export type HubAction = z.output<typeof hubActionSchema>;
