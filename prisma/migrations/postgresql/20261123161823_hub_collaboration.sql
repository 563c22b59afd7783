-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "hubWelcome" TEXT;

-- AlterTable
ALTER TABLE "Stakeholder" ADD COLUMN     "invitedAt" TIMESTAMP(3),
ADD COLUMN     "previousSeenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Verification" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DueDateProposal" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedDueDate" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DueDateProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "vendorUserId" TEXT,
    "stakeholderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "DueDateProposal" ADD CONSTRAINT "DueDateProposal_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateProposal" ADD CONSTRAINT "DueDateProposal_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SuccessTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateProposal" ADD CONSTRAINT "DueDateProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateProposal" ADD CONSTRAINT "DueDateProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "VendorUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_vendorUserId_fkey" FOREIGN KEY ("vendorUserId") REFERENCES "VendorUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
