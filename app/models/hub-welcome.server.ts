import { accountEvent } from "~/models/account.server";
import { db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

/** The account's hub welcome and the vendor's, which the hub shows when the account has none. */
export function getHubWelcome(scope: Pick<ConsoleScope, "vendorId">, accountId: string) {
  return db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: { id: true, name: true, hubWelcome: true, vendor: { select: { name: true, welcomeMessage: true } } },
  });
}

/** Sets the account's welcome (null: back to the vendor's). False when the account is not the scope's. */
export function setHubWelcome(scope: Pick<ConsoleScope, "vendorId" | "userId">, accountId: string, hubWelcome: string | null) {
  return db.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({ where: { id: accountId, vendorId: scope.vendorId }, data: { hubWelcome } });
    if (updated.count !== 1) return false;
    const summary = hubWelcome ? "changed the hub welcome" : "reset the hub welcome to the default";
    await tx.activityEvent.create({ data: accountEvent(scope, accountId, "account.hub_welcome_updated", summary) });
    return true;
  });
}
