import type { EmailActionKind } from "~/models/email-action";
import { createVerification } from "~/models/magic-link.server";
import { env } from "~/utils/env.server";

/**
 * The links of one-step mail actions ("Mark as done", "Reply"), made for the mails that carry
 * them; redeeming one is email-action.server.ts. Kept apart so that the mailers never import the
 * hub's writers that a redemption calls.
 */
export function emailActionUrl(vendorSlug: string, token: string) {
  return `${env.APP_ORIGIN}/hub/${vendorSlug}/act?token=${encodeURIComponent(token)}`;
}

export async function createEmailAction({
  stakeholder,
  vendorSlug,
  action,
  subjectId,
}: {
  stakeholder: { id: string; vendorId: string };
  vendorSlug: string;
  action: EmailActionKind;
  subjectId: string;
}) {
  const { token, expiresAt } = await createVerification({
    vendorId: stakeholder.vendorId,
    stakeholderId: stakeholder.id,
    purpose: "email_action",
    action,
    subjectId,
  });
  return { token, expiresAt, url: emailActionUrl(vendorSlug, token) };
}
