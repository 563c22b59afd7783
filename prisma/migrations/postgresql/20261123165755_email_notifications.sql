-- AlterTable
ALTER TABLE "Stakeholder" ADD COLUMN     "emailOnAssigned" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailOnDueSoon" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailOnMention" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailOnOverdue" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lastDigestAt" TIMESTAMP(3),
ADD COLUMN     "weeklyDigest" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Verification" ADD COLUMN     "action" TEXT,
ADD COLUMN     "subjectId" TEXT;

-- CreateTable
CREATE TABLE "TaskReminder" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "stakeholderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskReminder_vendorId_sentAt_idx" ON "TaskReminder"("vendorId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "TaskReminder_taskId_stakeholderId_kind_key" ON "TaskReminder"("taskId", "stakeholderId", "kind");
