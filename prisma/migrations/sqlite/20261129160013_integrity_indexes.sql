-- Rules that concurrent requests could slip past the application's checks, kept by the
-- database as well (docs/decisions/012-integrity-rules-in-the-database.md). Prisma's schema
-- cannot express a partial or an expression index, so they are written here by hand and
-- asserted by tests/integration/migrations.test.ts (a table rebuild on SQLite would drop them).

-- One pending due-date proposal per task and person. Two that slipped in together are one
-- request sent twice: the first stays, as the application would have kept it.
DELETE FROM "DueDateProposal"
WHERE "status" = 'pending'
  AND EXISTS (
    SELECT 1 FROM "DueDateProposal" AS "earlier"
    WHERE "earlier"."taskId" = "DueDateProposal"."taskId"
      AND "earlier"."proposedById" = "DueDateProposal"."proposedById"
      AND "earlier"."status" = 'pending'
      AND ("earlier"."createdAt" < "DueDateProposal"."createdAt"
        OR ("earlier"."createdAt" = "DueDateProposal"."createdAt" AND "earlier"."id" < "DueDateProposal"."id"))
  );
CREATE UNIQUE INDEX "DueDateProposal_taskId_proposedById_pending_key" ON "DueDateProposal" ("taskId", "proposedById") WHERE "status" = 'pending';

-- Account names are unique per vendor, ignoring case. Accounts hold too much to merge, so a
-- later namesake keeps its data under its name and id, for the vendor to rename.
UPDATE "Account"
SET "name" = "name" || ' (' || "id" || ')'
WHERE EXISTS (
  SELECT 1 FROM "Account" AS "earlier"
  WHERE "earlier"."vendorId" = "Account"."vendorId"
    AND lower("earlier"."name") = lower("Account"."name")
    AND ("earlier"."createdAt" < "Account"."createdAt"
      OR ("earlier"."createdAt" = "Account"."createdAt" AND "earlier"."id" < "Account"."id"))
);
CREATE UNIQUE INDEX "Account_vendorId_lower_name_key" ON "Account" ("vendorId", lower("name"));
