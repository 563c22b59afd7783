-- AlterTable
ALTER TABLE "Account" ADD COLUMN "hubWelcome" TEXT;

-- AlterTable
ALTER TABLE "Stakeholder" ADD COLUMN "invitedAt" DATETIME;
ALTER TABLE "Stakeholder" ADD COLUMN "previousSeenAt" DATETIME;

-- AlterTable
ALTER TABLE "Verification" ADD COLUMN "createdById" TEXT;
ALTER TABLE "Verification" ADD COLUMN "revokedAt" DATETIME;

-- CreateTable
CREATE TABLE "DueDateProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedDueDate" DATETIME NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DueDateProposal_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DueDateProposal_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SuccessTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DueDateProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DueDateProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "vendorUserId" TEXT,
    "stakeholderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mention_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_vendorUserId_fkey" FOREIGN KEY ("vendorUserId") REFERENCES "VendorUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DueDateProposal_vendorId_accountId_status_idx" ON "DueDateProposal"("vendorId", "accountId", "status");

-- CreateIndex
CREATE INDEX "DueDateProposal_taskId_status_idx" ON "DueDateProposal"("taskId", "status");

-- CreateIndex
CREATE INDEX "Mention_commentId_idx" ON "Mention"("commentId");

-- CreateIndex
CREATE INDEX "Mention_vendorUserId_createdAt_idx" ON "Mention"("vendorUserId", "createdAt");

-- CreateIndex
CREATE INDEX "Mention_stakeholderId_createdAt_idx" ON "Mention"("stakeholderId", "createdAt");
