import { z } from "zod";

import { TASK_STATUSES, type TaskStatus } from "~/models/plan-progress";
import { COMMENT_LIMITS, richTextFields, TASK_DESCRIPTION_LIMITS } from "~/models/rich-text-fields";
import { OWNER_REF_PATTERN } from "~/models/task-owner";
import { visibilityField } from "~/models/visibility";
import { dateField, idField, singleLineText } from "~/utils/validation";

/**
 * The forms of the account page (running the plan in place, launching plays), as one schema
 * discriminated on `intent`: the route's action parses with it, each form validates with it.
 */
const title = singleLineText({ missing: "Enter a title", max: 200 });
const visibility = visibilityField();
const status = z.enum(TASK_STATUSES as [TaskStatus, ...TaskStatus[]], { errorMap: () => ({ message: "Choose a status" }) });
const owner = z
  .string()
  .trim()
  .max(80, "Choose an owner from the list")
  .regex(OWNER_REF_PATTERN, "Choose an owner from the list")
  .optional()
  .transform((value) => value ?? "");
const optionalDate = (missing: string) =>
  dateField(missing)
    .optional()
    .transform((value) => value ?? null);
const version = z
  .number({ required_error: "Reload the page and try again", invalid_type_error: "Reload the page and try again" })
  .int()
  .min(1)
  .max(2_000_000_000);
export const PLAN_ITEM_KINDS = ["objective", "milestone", "task"] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];
const itemKind = z.enum(PLAN_ITEM_KINDS, { errorMap: () => ({ message: "Choose an objective, milestone or task" }) });

export const planActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("makeEngagementCurrent"), engagementId: idField("Choose an engagement") }),
  z.object({
    intent: z.literal("updateTask"),
    taskId: idField("Choose a task"),
    version,
    title,
    status,
    visibility,
    owner,
    dueDate: optionalDate("Enter a due date"),
  }),
  z.object({
    intent: z.literal("updateTaskDescription"),
    taskId: idField("Choose a task"),
    version,
    ...richTextFields("description", TASK_DESCRIPTION_LIMITS),
  }),
  z.object({ intent: z.literal("removeTaskDescription"), taskId: idField("Choose a task"), version }),
  z.object({
    intent: z.literal("addTask"),
    milestoneId: idField("Choose a milestone"),
    title,
    visibility,
    owner,
    dueDate: optionalDate("Enter a due date"),
  }),
  z.object({ intent: z.literal("addObjective"), planId: idField("Choose a plan"), title, visibility }),
  z.object({ intent: z.literal("updateObjective"), objectiveId: idField("Choose an objective"), title, visibility }),
  z.object({
    intent: z.literal("addMilestone"),
    objectiveId: idField("Choose an objective"),
    title,
    visibility,
    targetDate: optionalDate("Enter a target date"),
  }),
  z.object({
    intent: z.literal("updateMilestone"),
    milestoneId: idField("Choose a milestone"),
    title,
    visibility,
    targetDate: optionalDate("Enter a target date"),
  }),
  z.object({ intent: z.literal("removeItem"), kind: itemKind, itemId: idField("Choose an item") }),
  z.object({
    intent: z.literal("addComment"),
    on: itemKind,
    itemId: idField("Choose an item"),
    ...richTextFields("body", COMMENT_LIMITS),
    visibility,
  }),
  z.object({ intent: z.literal("launchPlay"), playId: idField("Choose a play") }),
  z.object({ intent: z.literal("closeCase"), caseId: idField("Choose a case") }),
  z.object({ intent: z.literal("reopenCase"), caseId: idField("Choose a case") }),
  z.object({
    intent: z.literal("decideProposal"),
    proposalId: idField("Choose a proposal"),
    decision: z.enum(["accept", "decline"], { errorMap: () => ({ message: "Accept or decline the proposal" }) }),
  }),
]);
export type PlanAction = z.output<typeof planActionSchema>;
