-- AlterTable
ALTER TABLE "Account" ADD COLUMN "hubWelcomeHtml" TEXT;
ALTER TABLE "Account" ADD COLUMN "hubWelcomeJson" TEXT;

-- AlterTable
ALTER TABLE "SuccessTask" ADD COLUMN "descriptionHtml" TEXT;
ALTER TABLE "SuccessTask" ADD COLUMN "descriptionJson" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "bodyHtml" TEXT;
ALTER TABLE "Comment" ADD COLUMN "bodyJson" TEXT;

-- CreateTable
CREATE TABLE "SharedDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'customer',
    "yState" BLOB,
    "contentJson" TEXT NOT NULL,
    "contentHtml" TEXT NOT NULL,
    "contentText" TEXT NOT NULL,
    "createdByVendorUserId" TEXT,
    "createdByStakeholderId" TEXT,
    "lastEditedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SharedDocument_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SharedDocument_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SharedDocument_createdByVendorUserId_fkey" FOREIGN KEY ("createdByVendorUserId") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SharedDocument_createdByStakeholderId_fkey" FOREIGN KEY ("createdByStakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "yState" BLOB NOT NULL,
    "contentJson" TEXT NOT NULL,
    "contentHtml" TEXT NOT NULL,
    "createdByVendorUserId" TEXT,
    "createdByStakeholderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentVersion_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SharedDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentVersion_createdByVendorUserId_fkey" FOREIGN KEY ("createdByVendorUserId") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DocumentVersion_createdByStakeholderId_fkey" FOREIGN KEY ("createdByStakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentEditSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "vendorUserId" TEXT,
    "stakeholderId" TEXT,
    "activityEventId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastEditAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentEditSession_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentEditSession_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SharedDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentEditSession_vendorUserId_fkey" FOREIGN KEY ("vendorUserId") REFERENCES "VendorUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentEditSession_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Mention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "commentId" TEXT,
    "documentId" TEXT,
    "vendorUserId" TEXT,
    "stakeholderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mention_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SharedDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_vendorUserId_fkey" FOREIGN KEY ("vendorUserId") REFERENCES "VendorUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Mention" ("commentId", "createdAt", "id", "stakeholderId", "vendorId", "vendorUserId") SELECT "commentId", "createdAt", "id", "stakeholderId", "vendorId", "vendorUserId" FROM "Mention";
DROP TABLE "Mention";
ALTER TABLE "new_Mention" RENAME TO "Mention";
CREATE INDEX "Mention_commentId_idx" ON "Mention"("commentId");
CREATE INDEX "Mention_documentId_idx" ON "Mention"("documentId");
CREATE INDEX "Mention_vendorUserId_createdAt_idx" ON "Mention"("vendorUserId", "createdAt");
CREATE INDEX "Mention_stakeholderId_createdAt_idx" ON "Mention"("stakeholderId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SharedDocument_vendorId_accountId_updatedAt_idx" ON "SharedDocument"("vendorId", "accountId", "updatedAt");

-- CreateIndex
CREATE INDEX "DocumentVersion_documentId_createdAt_idx" ON "DocumentVersion"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentEditSession_documentId_lastEditAt_idx" ON "DocumentEditSession"("documentId", "lastEditAt");
