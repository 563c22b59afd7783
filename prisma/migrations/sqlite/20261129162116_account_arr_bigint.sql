-- ARR in cents outgrew a 32-bit column ($21.47M); 64 bits hold any amount the form accepts.
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Account_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("arrCents", "createdAt", "domain", "hubWelcome", "hubWelcomeHtml", "hubWelcomeJson", "id", "lifecycleStage", "name", "ownerId", "renewalDate", "updatedAt", "vendorId") SELECT "arrCents", "createdAt", "domain", "hubWelcome", "hubWelcomeHtml", "hubWelcomeJson", "id", "lifecycleStage", "name", "ownerId", "renewalDate", "updatedAt", "vendorId" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE INDEX "Account_vendorId_name_idx" ON "Account"("vendorId", "name");
CREATE INDEX "Account_vendorId_renewalDate_idx" ON "Account"("vendorId", "renewalDate");
CREATE INDEX "Account_vendorId_ownerId_idx" ON "Account"("vendorId", "ownerId");
CREATE INDEX "Account_vendorId_lifecycleStage_idx" ON "Account"("vendorId", "lifecycleStage");
-- The rebuild drops the hand-written index of 20261129160013_integrity_indexes: names stay unique per vendor, ignoring case.
CREATE UNIQUE INDEX "Account_vendorId_lower_name_key" ON "Account" ("vendorId", lower("name"));
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
