import { z } from "zod";
import { blueprintDescriptionField, MAX_DUE_OFFSET_DAYS, ownerRoleValues, type OwnerRole } from "~/models/blueprint-fields";
import { singleLineText } from "~/utils/validation";

/**
 * The fields of a play and of its items, shared by the play forms (server and browser). A play
 * item is a blueprint task without visibility: the play's kind decides who sees its tasks.
 */
export const PLAY_KINDS = ["customer", "internal"] as const;
export type PlayKind = (typeof PLAY_KINDS)[number];

export const playFields = {
  name: singleLineText({ missing: "Enter a name", max: 120 }),
  situation: blueprintDescriptionField,
  kind: z.enum(PLAY_KINDS, { errorMap: () => ({ message: "Choose who sees the play" }) }),
};

export const playItemFields = {
  title: singleLineText({ missing: "Enter a title", max: 200 }),
  description: blueprintDescriptionField,
  ownerRole: z.enum(ownerRoleValues, { errorMap: () => ({ message: "Choose an owner role" }) }),
  dueOffsetDays: z
    .number({ required_error: "Enter the days from launch", invalid_type_error: "Enter a whole number of days" })
    .int("Enter a whole number of days")
    .min(0, "Use 0 or more days")
    .max(MAX_DUE_OFFSET_DAYS, `Use at most ${MAX_DUE_OFFSET_DAYS} days`),
};

export type PlayInput = { name: string; situation: string | null; kind: PlayKind };
export type PlayItemInput = { title: string; description: string | null; ownerRole: OwnerRole; dueOffsetDays: number };
