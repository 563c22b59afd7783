import { accountEvent } from "~/models/account.server";
import { HUB_WELCOME_LIMITS, type RichTextInput } from "~/models/rich-text-fields";
import { readRichTextInput } from "~/models/rich-text-input.server";
import { db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

/** The account's hub welcome and the vendor's, which the hub shows when the account has none. */
export function getHubWelcome(scope: Pick<ConsoleScope, "vendorId">, accountId: string) {
  return db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: {
      id: true,
      name: true,
      hubWelcome: true,
      hubWelcomeJson: true,
      hubWelcomeHtml: true,
      vendor: { select: { name: true, welcomeMessage: true } },
    },
  });
}

export type SetHubWelcomeResult = { ok: true } | { ok: false; error: string };

/**
 * Sets the account's welcome from what the CSM wrote (rich text, or the plain text typed before
 * the editor loaded); null goes back to the vendor's. An emptied text is a mistake, not a reset.
 * False when the account is not the scope's.
 */
export async function setHubWelcome(
  scope: Pick<ConsoleScope, "vendorId" | "userId">,
  accountId: string,
  content: RichTextInput | null,
): Promise<SetHubWelcomeResult | false> {
  const read = content ? readRichTextInput(content, HUB_WELCOME_LIMITS) : null;
  if (read && !read.ok) return read;
  if (read && !read.value) return { ok: false, error: "Write a welcome, or reset to the default" };
  const welcome = read?.value ?? null;
  return db.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({
      where: { id: accountId, vendorId: scope.vendorId },
      data: { hubWelcome: welcome?.text ?? null, hubWelcomeJson: welcome?.json ?? null, hubWelcomeHtml: welcome?.html ?? null },
    });
    if (updated.count !== 1) return false;
    const summary = welcome ? "changed the hub welcome" : "reset the hub welcome to the default";
    await tx.activityEvent.create({ data: accountEvent(scope, accountId, "account.hub_welcome_updated", summary) });
    return { ok: true as const };
  });
}
