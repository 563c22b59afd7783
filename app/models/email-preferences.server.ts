import type { EmailPreferences } from "~/models/email-preferences";
import { db } from "~/utils/db.server";
import type { HubScope } from "~/utils/guard.server";

type Scope = Pick<HubScope, "vendorId" | "stakeholderId">;

const preferenceSelect = {
  emailOnAssigned: true,
  emailOnDueSoon: true,
  emailOnOverdue: true,
  emailOnMention: true,
  weeklyDigest: true,
} as const;

export async function getEmailPreferences(scope: Scope): Promise<EmailPreferences> {
  return db.stakeholder.findFirstOrThrow({ where: { id: scope.stakeholderId, vendorId: scope.vendorId }, select: preferenceSelect });
}

export async function saveEmailPreferences(scope: Scope, preferences: EmailPreferences) {
  await db.stakeholder.updateMany({ where: { id: scope.stakeholderId, vendorId: scope.vendorId }, data: preferences });
}
