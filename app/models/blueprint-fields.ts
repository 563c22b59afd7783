import { z } from "zod";
import { visibilityField, type Visibility } from "~/models/visibility";
import { optionalMultiLineText, singleLineText } from "~/utils/validation";

/**
 * The vocabulary of blueprint items, shared by the models (server) and the forms (browser):
 * who owns an item by role, how far from kickoff it is due, and who may see it.
 */
export const OWNER_ROLES = [
  { value: "csm", label: "CSM", side: "vendor" },
  { value: "admin", label: "Admin", side: "vendor" },
  { value: "champion", label: "Champion", side: "customer" },
  { value: "executive", label: "Executive", side: "customer" },
  { value: "member", label: "Member", side: "customer" },
] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number]["value"];
export const ownerRoleValues = OWNER_ROLES.map((role) => role.value) as [OwnerRole, ...OwnerRole[]];
export const VENDOR_ROLES: readonly OwnerRole[] = OWNER_ROLES.filter((role) => role.side === "vendor").map((role) => role.value);

export function ownerRoleLabel(role: string) {
  return OWNER_ROLES.find((candidate) => candidate.value === role)?.label ?? role;
}

export const ITEM_KINDS = ["objective", "initiative", "task"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** The kind an item's parent must be: initiatives sit under objectives, tasks under initiatives. */
export const PARENT_KIND: Record<ItemKind, ItemKind | null> = { objective: null, initiative: "objective", task: "initiative" };

export const MAX_DUE_OFFSET_DAYS = 3650;

export const blueprintNameField = singleLineText({ missing: "Enter a name", max: 120 });

/** An optional free-text description: bounded, line breaks allowed, empty means none. */
export const blueprintDescriptionField = optionalMultiLineText({ max: 2000 });

const title = singleLineText({ missing: "Enter a title", max: 200 });
const ownerRole = z.enum(ownerRoleValues, { errorMap: () => ({ message: "Choose an owner role" }) });
// Conform turns the submitted text into a number before Zod sees it.
const dueOffsetDays = z
  .number({ required_error: "Enter the days from kickoff", invalid_type_error: "Enter a whole number of days" })
  .int("Enter a whole number of days")
  .min(0, "Use 0 or more days")
  .max(MAX_DUE_OFFSET_DAYS, `Use at most ${MAX_DUE_OFFSET_DAYS} days`);
const visibility = visibilityField();

/**
 * The editable fields of each kind of item (the add and edit forms share them). An objective is
 * a goal with no owner or date; an initiative (milestone) has a target date; a task has both.
 */
export const itemFieldsByKind = {
  objective: { title, description: blueprintDescriptionField, visibility },
  initiative: { title, description: blueprintDescriptionField, dueOffsetDays, visibility },
  task: { title, description: blueprintDescriptionField, ownerRole, dueOffsetDays, visibility },
} satisfies Record<ItemKind, z.ZodRawShape>;

export type BlueprintItemInput = {
  title: string;
  description: string | null;
  ownerRole?: OwnerRole | null;
  dueOffsetDays?: number | null;
  visibility: Visibility;
};
