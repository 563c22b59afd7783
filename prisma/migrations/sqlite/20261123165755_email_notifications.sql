-- AlterTable
ALTER TABLE "Verification" ADD COLUMN "action" TEXT;
ALTER TABLE "Verification" ADD COLUMN "subjectId" TEXT;

-- CreateTable
CREATE TABLE "TaskReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "stakeholderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Stakeholder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "hubRole" TEXT NOT NULL DEFAULT 'member',
    "lastSeenAt" DATETIME,
    "previousSeenAt" DATETIME,
    "invitedAt" DATETIME,
    "emailOnAssigned" BOOLEAN NOT NULL DEFAULT true,
    "emailOnDueSoon" BOOLEAN NOT NULL DEFAULT true,
    "emailOnOverdue" BOOLEAN NOT NULL DEFAULT true,
    "emailOnMention" BOOLEAN NOT NULL DEFAULT true,
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT true,
    "lastDigestAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Stakeholder_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Stakeholder_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Stakeholder" ("accountId", "createdAt", "email", "hubRole", "id", "invitedAt", "lastSeenAt", "name", "previousSeenAt", "title", "updatedAt", "vendorId") SELECT "accountId", "createdAt", "email", "hubRole", "id", "invitedAt", "lastSeenAt", "name", "previousSeenAt", "title", "updatedAt", "vendorId" FROM "Stakeholder";
DROP TABLE "Stakeholder";
ALTER TABLE "new_Stakeholder" RENAME TO "Stakeholder";
CREATE INDEX "Stakeholder_accountId_idx" ON "Stakeholder"("accountId");
CREATE UNIQUE INDEX "Stakeholder_vendorId_email_key" ON "Stakeholder"("vendorId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TaskReminder_vendorId_sentAt_idx" ON "TaskReminder"("vendorId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "TaskReminder_taskId_stakeholderId_kind_key" ON "TaskReminder"("taskId", "stakeholderId", "kind");
