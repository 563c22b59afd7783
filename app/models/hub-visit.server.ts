import { dateParam, sql, toDate } from "~/db/sql.server";
import { sqlCustomerVisible } from "~/models/visibility";
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

/**
 * Called on every hub request: writes only when a new visit starts, and at most once. True when
 * this request starts a visit: the visit before it then began at the lastSeenAt that was read
 * (whichever parallel request's update won, that is what it wrote into previousSeenAt).
 */
export async function startVisitIfDue(stakeholder: Seen, now = new Date()) {
  if (stakeholder.lastSeenAt && now.getTime() - stakeholder.lastSeenAt.getTime() <= VISIT_GAP_MS) return false;
  await startVisit(stakeholder, now);
  return true;
}

type ChangeRow = { id: string; summary: string; createdAt: unknown; vendorUserName: string | null; stakeholderName: string | null };

const CHANGES_SQL = `
  SELECT e."id", e."summary", e."createdAt", vu."name" AS "vendorUserName", st."name" AS "stakeholderName"
    FROM "ActivityEvent" e
    LEFT JOIN "VendorUser" vu ON vu."id" = e."actorVendorUserId"
    LEFT JOIN "Stakeholder" st ON st."id" = e."actorStakeholderId"
   WHERE e."vendorId" = ? AND e."accountId" = ? AND ${sqlCustomerVisible("e")} AND e."createdAt" > ?
     AND (e."actorStakeholderId" IS NULL OR e."actorStakeholderId" <> ?)
   ORDER BY e."createdAt" DESC, e."id" DESC
   LIMIT ${CHANGES_SHOWN}`;

/**
 * The account's customer-visible activity since the stakeholder's previous visit, newest first,
 * without their own actions (they know what they did). `since` is null on the first visit.
 */
export async function getChangesSinceLastVisit(scope: {
  vendorId: string;
  accountId: string;
  stakeholderId: string;
  previousVisitAt: Date | null;
}) {
  const since = scope.previousVisitAt;
  if (!since) return { since: null, events: [] };
  const rows = await sql().all<ChangeRow>(CHANGES_SQL, [scope.vendorId, scope.accountId, dateParam(since), scope.stakeholderId]);
  return {
    since,
    events: rows.map((row) => ({
      id: row.id,
      summary: row.summary,
      createdAt: toDate(row.createdAt),
      actorName: row.vendorUserName ?? row.stakeholderName ?? null,
    })),
  };
}
