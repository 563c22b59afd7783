import { db } from "~/utils/db.server";

/**
 * Visits to the hub, for "what changed since your last visit". A visit starts when a stakeholder
 * signs in, or with their first hub request more than VISIT_GAP_MS after the current visit
 * started: lastSeenAt (the current visit's start) then moves into previousSeenAt.
 */
export const VISIT_GAP_MS = 30 * 60_000;

const CHANGES_SHOWN = 10;

type Seen = { id: string; lastSeenAt: Date | null };

/**
 * Moves lastSeenAt into previousSeenAt. Conditional on the lastSeenAt that was read, so of the
 * parallel loaders of one navigation only the first moves it; the others change nothing.
 */
export function startVisit(stakeholder: Seen, now = new Date()) {
  return db.stakeholder.updateMany({
    where: { id: stakeholder.id, lastSeenAt: stakeholder.lastSeenAt },
    data: { previousSeenAt: stakeholder.lastSeenAt, lastSeenAt: now },
  });
}

/** Called on every hub request: writes only when a new visit starts, and at most once. */
export async function startVisitIfDue(stakeholder: Seen, now = new Date()) {
  if (stakeholder.lastSeenAt && now.getTime() - stakeholder.lastSeenAt.getTime() <= VISIT_GAP_MS) return;
  await startVisit(stakeholder, now);
}

/**
 * The account's customer-visible activity since the stakeholder's previous visit, newest first,
 * without their own actions (they know what they did). `since` is null on the first visit.
 */
export async function getChangesSinceLastVisit(scope: { vendorId: string; accountId: string; stakeholderId: string | null }) {
  if (!scope.stakeholderId) return { since: null, events: [] };
  const stakeholder = await db.stakeholder.findFirst({
    where: { id: scope.stakeholderId, vendorId: scope.vendorId, accountId: scope.accountId },
    select: { previousSeenAt: true },
  });
  const since = stakeholder?.previousSeenAt ?? null;
  if (!since) return { since: null, events: [] };
  const events = await db.activityEvent.findMany({
    where: {
      vendorId: scope.vendorId,
      accountId: scope.accountId,
      visibility: "customer",
      createdAt: { gt: since },
      OR: [{ actorStakeholderId: null }, { actorStakeholderId: { not: scope.stakeholderId } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CHANGES_SHOWN,
    select: {
      id: true,
      summary: true,
      createdAt: true,
      actorVendorUser: { select: { name: true } },
      actorStakeholder: { select: { name: true } },
    },
  });
  return {
    since,
    events: events.map((event) => ({
      id: event.id,
      summary: event.summary,
      createdAt: event.createdAt,
      actorName: event.actorVendorUser?.name ?? event.actorStakeholder?.name ?? null,
    })),
  };
}
