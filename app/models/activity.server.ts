import type { Visibility } from "~/models/visibility";
import type { Db } from "~/utils/db.server";
import type { ConsoleScope, HubScope } from "~/utils/guard.server";

type Client = Pick<Db, "activityEvent">;

export type ActivityInput = {
  accountId: string;
  action: string;
  subjectType: "SuccessObjective" | "SuccessInitiative" | "SuccessTask" | "SuccessCase" | "Comment";
  subjectId: string;
  summary: string;
  /** What the hub may show: an item's own visibility, internal when any parent is internal. */
  visibility: Visibility;
};

/** One line of the account's activity, written by a vendor user in the same transaction as the change. */
export function recordConsoleActivity(client: Client, scope: Pick<ConsoleScope, "vendorId" | "userId">, input: ActivityInput) {
  return client.activityEvent.create({ data: { vendorId: scope.vendorId, actorVendorUserId: scope.userId, ...input } });
}

/** One line of the account's activity, written by a stakeholder from the hub: always customer-visible. */
export function recordHubActivity(
  client: Client,
  scope: Pick<HubScope, "vendorId" | "accountId" | "stakeholderId">,
  input: Omit<ActivityInput, "accountId" | "visibility">,
) {
  return client.activityEvent.create({
    data: {
      vendorId: scope.vendorId,
      accountId: scope.accountId,
      actorStakeholderId: scope.stakeholderId,
      visibility: "customer",
      ...input,
    },
  });
}
