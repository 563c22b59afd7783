import { MAX_EMAIL_ACTION_TOKEN_LENGTH, type EmailActionKind } from "~/models/email-action";
import { findHubTask } from "~/models/hub.server";
import { addHubComment, setHubTaskDone } from "~/models/hub-actions.server";
import { hashVerificationToken, signInStakeholder } from "~/models/magic-link.server";
import { db } from "~/utils/db.server";
import type { RateLimit } from "~/utils/rate-limit.server";

export type { EmailActionKind };

/**
 * One-step actions from a mail ("Mark as done", "Reply"), redeemed: a single-use token of the
 * "email_action" purpose (made by email-action-link.server.ts), bound to one stakeholder, one
 * action and one task. Opening the link only describes the action (mail scanners follow links);
 * the confirming POST claims the token with one conditional update, performs the action through
 * the hub's own rules, and signs the person in.
 */
export const EMAIL_ACTION_RATE_LIMIT = { limit: 50, windowMs: 15 * 60_000 } satisfies RateLimit;

function usableWhere(vendorId: string, token: string, now: Date) {
  return {
    tokenHash: hashVerificationToken(token),
    vendorId,
    purpose: "email_action",
    usedAt: null,
    revokedAt: null,
    expiresAt: { gt: now },
  };
}

const stakeholderSelect = { id: true, name: true, accountId: true, vendorId: true, lastSeenAt: true } as const;

async function findUsable(vendorId: string, token: string, now: Date) {
  if (!token || token.length > MAX_EMAIL_ACTION_TOKEN_LENGTH) return null;
  const row = await db.verification.findFirst({
    where: usableWhere(vendorId, token, now),
    select: { action: true, subjectId: true, stakeholder: { select: stakeholderSelect } },
  });
  if (!row?.subjectId || (row.action !== "complete_task" && row.action !== "reply")) return null;
  const { stakeholder } = row;
  const scope = { vendorId, accountId: stakeholder.accountId, stakeholderId: stakeholder.id, stakeholder };
  return { action: row.action as EmailActionKind, taskId: row.subjectId, scope };
}

/**
 * The task the action is about while the stakeholder may still act on it: their own to complete;
 * any task their hub shows to reply to (a mention may come from someone else's task).
 */
function findActionTask({ action, taskId, scope }: NonNullable<Awaited<ReturnType<typeof findUsable>>>) {
  return findHubTask(scope, taskId, action === "complete_task" ? scope.stakeholderId : undefined);
}

export type EmailActionDescription = { action: EmailActionKind; taskTitle: string; taskDone: boolean };

/** What an unused, unexpired link of this vendor would do, without using it; null when it cannot be used. */
export async function describeEmailAction(vendorId: string, token: string): Promise<EmailActionDescription | null> {
  const found = await findUsable(vendorId, token, new Date());
  if (!found) return null;
  const task = await findActionTask(found);
  if (!task) return null;
  return { action: found.action, taskTitle: task.title, taskDone: task.status === "done" };
}

export type EmailActionResult =
  | { ok: true; action: EmailActionKind; taskTitle: string; sessionToken: string; sessionExpiresAt: Date }
  | { ok: false; reason: "invalid" | "mismatch" | "unavailable" };

/**
 * Performs the action once. The task is checked before the token is claimed, so a link for a
 * task that was reassigned or hidden from the customer writes nothing (the hub's own rules: the
 * stakeholder's task, customer-visible, under customer-visible parents). Of two concurrent
 * submissions only one claims the token; the other gets "invalid".
 */
export async function performEmailAction({
  vendorId,
  token,
  submitted,
}: {
  vendorId: string;
  token: string;
  /** What the confirm page submitted: it must be what the link was issued for. */
  submitted: { action: "complete_task" } | { action: "reply"; body: string };
}): Promise<EmailActionResult> {
  const now = new Date();
  const found = await findUsable(vendorId, token, now);
  if (!found) return { ok: false, reason: "invalid" };
  if (found.action !== submitted.action) return { ok: false, reason: "mismatch" };
  const task = await findActionTask(found);
  if (!task) return { ok: false, reason: "unavailable" };

  const claimed = await db.verification.updateMany({ where: usableWhere(vendorId, token, now), data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, reason: "invalid" };

  if (submitted.action === "reply") {
    await addHubComment(found.scope, { on: "task", itemId: task.id, body: submitted.body });
  } else if (task.status !== "done") {
    const done = await setHubTaskDone(found.scope, task.id, task.version, true);
    // Saved by someone in between: when that someone completed it, the link did its job anyway.
    if (!done.ok && done.current.status !== "done") return { ok: false, reason: "unavailable" };
  }
  const session = await signInStakeholder(found.scope.stakeholder, now);
  return { ok: true, action: found.action, taskTitle: task.title, ...session };
}
