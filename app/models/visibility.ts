import { z } from "zod";
import type { Prisma } from "~/utils/db.server";

/**
 * Who sees an item: the customer (in the hub, its mail and exports) or only the vendor. This is
 * the hub's security invariant, so it is spelled here once, in each form the code needs: the
 * type and its parser, the form field, the inheritance rule, the Prisma filters and the SQL of
 * the hub's hot path. tests/integration/visibility.test.ts proves the Prisma and SQL forms pick
 * the same rows.
 *
 * The rules:
 * - only the value "customer" is customer-visible; anything else, an odd value included, is
 *   internal (the safe reading);
 * - an item is customer-visible only when it and every parent are (a task under an internal
 *   milestone, or in an internal play's case, is internal);
 * - the hub shows the account's current plan (Account.currentEngagementId) and its open
 *   customer plays, nothing of other plans or closed cases.
 */
export const VISIBILITIES = ["customer", "internal"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const CUSTOMER = "customer" satisfies Visibility;

export function parseVisibility(value: string | null | undefined): Visibility {
  return value === CUSTOMER ? "customer" : "internal";
}

export const isInternal = (value: string | null | undefined) => parseVisibility(value) === "internal";

/**
 * The visibility of an item from its own and its parents' (absent parents, null or undefined,
 * are skipped): customer-visible only when every one is.
 */
export function inheritedVisibility(...levels: Array<string | null | undefined>): Visibility {
  return levels.every((level) => level === undefined || level === null || level === CUSTOMER) ? "customer" : "internal";
}

/** The form field: one of the two values, with the form's own wording when it is missing. */
export function visibilityField(message = "Choose who can see it") {
  return z.enum(VISIBILITIES, { errorMap: () => ({ message }) });
}

// ---- Prisma filters ---------------------------------------------------------------------------

/** The row itself is marked customer-visible (activity, comments, documents, cases). */
export const customerVisible = { visibility: CUSTOMER } as const;

/**
 * The account's current plan: the plan of the engagement a CSM made current
 * (Account.currentEngagementId), the one the hub shows and the console opens.
 */
export const currentPlan = { engagement: { currentOf: { isNot: null } } } satisfies Prisma.SuccessPlanWhereInput;

/** An objective the hub shows: customer-visible, in the current plan. */
export const hubVisibleObjective = { ...customerVisible, plan: currentPlan } satisfies Prisma.SuccessObjectiveWhereInput;

/** A milestone the hub shows: customer-visible, in an objective the hub shows. */
export const hubVisibleMilestone = { ...customerVisible, objective: hubVisibleObjective } satisfies Prisma.SuccessInitiativeWhereInput;

/** A play's case the hub shows: customer-visible and still open. */
export const hubVisibleCase = { ...customerVisible, status: "open" } satisfies Prisma.SuccessCaseWhereInput;

/** A task the hub shows: customer-visible, in a milestone the hub shows or in a case it shows. */
export const hubVisibleTask = {
  ...customerVisible,
  OR: [{ initiative: hubVisibleMilestone }, { case: hubVisibleCase }],
} satisfies Prisma.SuccessTaskWhereInput;

// ---- SQL (the hub's hot path, app/db/sql.server.ts) -------------------------------------------

/** The row under `alias` is marked customer-visible; the same test as `customerVisible`. */
export const sqlCustomerVisible = (alias: string) => `${alias}."visibility" = '${CUSTOMER}'`;

/** The plan under `alias` is its account's current one (joins Account as `accountAlias`); `currentPlan`. */
export const sqlCurrentPlanJoin = (alias: string, accountAlias: string) =>
  `JOIN "Account" ${accountAlias} ON ${accountAlias}."currentEngagementId" = ${alias}."engagementId" AND ${accountAlias}."id" = ${alias}."accountId"`;
