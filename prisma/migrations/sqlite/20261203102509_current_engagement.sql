-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "arrCents" BIGINT NOT NULL DEFAULT 0,
    "renewalDate" DATETIME,
    "lifecycleStage" TEXT NOT NULL DEFAULT 'onboarding',
    "ownerId" TEXT,
    "hubWelcome" TEXT,
    "hubWelcomeJson" TEXT,
    "hubWelcomeHtml" TEXT,
    "currentEngagementId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Account_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Account_currentEngagementId_fkey" FOREIGN KEY ("currentEngagementId") REFERENCES "Engagement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("arrCents", "createdAt", "domain", "hubWelcome", "hubWelcomeHtml", "hubWelcomeJson", "id", "lifecycleStage", "name", "ownerId", "renewalDate", "updatedAt", "vendorId") SELECT "arrCents", "createdAt", "domain", "hubWelcome", "hubWelcomeHtml", "hubWelcomeJson", "id", "lifecycleStage", "name", "ownerId", "renewalDate", "updatedAt", "vendorId" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_currentEngagementId_key" ON "Account"("currentEngagementId");
-- Kept from 20261129160013_integrity_indexes (ADR 012), which Prisma does not know about.
CREATE UNIQUE INDEX "Account_vendorId_lower_name_key" ON "Account" ("vendorId", lower("name"));
CREATE INDEX "Account_vendorId_name_idx" ON "Account"("vendorId", "name");
CREATE INDEX "Account_vendorId_renewalDate_idx" ON "Account"("vendorId", "renewalDate");
CREATE INDEX "Account_vendorId_ownerId_idx" ON "Account"("vendorId", "ownerId");
CREATE INDEX "Account_vendorId_lifecycleStage_idx" ON "Account"("vendorId", "lifecycleStage");
-- Until now the current plan was the one of the most recently started engagement: each account
-- keeps that one, now as an explicit choice.
UPDATE "Account" SET "currentEngagementId" = (
  SELECT e."id" FROM "Engagement" e
   WHERE e."accountId" = "Account"."id"
   ORDER BY e."startDate" DESC, e."createdAt" DESC, e."id" DESC
   LIMIT 1
);
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
