-- AlterTable
ALTER TABLE "SuccessTask" ADD COLUMN     "caseId" TEXT,
ALTER COLUMN "planId" DROP NOT NULL,
ALTER COLUMN "initiativeId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "initiativeId" TEXT,
ADD COLUMN     "objectiveId" TEXT,
ALTER COLUMN "taskId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SuccessBlueprint" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuccessBlueprint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlueprintVersion" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "blueprintId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BlueprintVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlueprintItem" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "parentId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerRole" TEXT,
    "dueOffsetDays" INTEGER,
    "visibility" TEXT NOT NULL DEFAULT 'customer',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BlueprintItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlueprintApplication" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "kickoffDate" TIMESTAMP(3) NOT NULL,
    "appliedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlueprintApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuccessPlay" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "situation" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'internal',
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuccessPlay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlayItem" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "playId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerRole" TEXT,
    "dueOffsetDays" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlayItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuccessCase" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "playId" TEXT,
    "title" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "launchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "launchedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuccessCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SuccessBlueprint_vendorId_archivedAt_name_idx" ON "SuccessBlueprint"("vendorId", "archivedAt", "name");

-- CreateIndex
CREATE INDEX "BlueprintVersion_vendorId_idx" ON "BlueprintVersion"("vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "BlueprintVersion_blueprintId_number_key" ON "BlueprintVersion"("blueprintId", "number");

-- CreateIndex
CREATE INDEX "BlueprintItem_versionId_parentId_position_idx" ON "BlueprintItem"("versionId", "parentId", "position");

-- CreateIndex
CREATE INDEX "BlueprintItem_vendorId_idx" ON "BlueprintItem"("vendorId");

-- CreateIndex
CREATE INDEX "BlueprintApplication_versionId_idx" ON "BlueprintApplication"("versionId");

-- CreateIndex
CREATE INDEX "BlueprintApplication_vendorId_accountId_idx" ON "BlueprintApplication"("vendorId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "BlueprintApplication_engagementId_versionId_key" ON "BlueprintApplication"("engagementId", "versionId");

-- CreateIndex
CREATE INDEX "SuccessPlay_vendorId_archivedAt_name_idx" ON "SuccessPlay"("vendorId", "archivedAt", "name");

-- CreateIndex
CREATE INDEX "PlayItem_playId_position_idx" ON "PlayItem"("playId", "position");

-- CreateIndex
CREATE INDEX "PlayItem_vendorId_idx" ON "PlayItem"("vendorId");

-- CreateIndex
CREATE INDEX "SuccessCase_vendorId_accountId_status_idx" ON "SuccessCase"("vendorId", "accountId", "status");

-- CreateIndex
CREATE INDEX "SuccessCase_playId_idx" ON "SuccessCase"("playId");

-- CreateIndex
CREATE INDEX "SuccessTask_caseId_position_idx" ON "SuccessTask"("caseId", "position");

-- CreateIndex
CREATE INDEX "Comment_initiativeId_createdAt_idx" ON "Comment"("initiativeId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_objectiveId_createdAt_idx" ON "Comment"("objectiveId", "createdAt");

-- AddForeignKey
ALTER TABLE "SuccessTask" ADD CONSTRAINT "SuccessTask_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SuccessCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "SuccessInitiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "SuccessObjective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessBlueprint" ADD CONSTRAINT "SuccessBlueprint_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintVersion" ADD CONSTRAINT "BlueprintVersion_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintVersion" ADD CONSTRAINT "BlueprintVersion_blueprintId_fkey" FOREIGN KEY ("blueprintId") REFERENCES "SuccessBlueprint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintItem" ADD CONSTRAINT "BlueprintItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintItem" ADD CONSTRAINT "BlueprintItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BlueprintVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintItem" ADD CONSTRAINT "BlueprintItem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "BlueprintItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintApplication" ADD CONSTRAINT "BlueprintApplication_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintApplication" ADD CONSTRAINT "BlueprintApplication_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintApplication" ADD CONSTRAINT "BlueprintApplication_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintApplication" ADD CONSTRAINT "BlueprintApplication_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BlueprintVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintApplication" ADD CONSTRAINT "BlueprintApplication_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SuccessPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlueprintApplication" ADD CONSTRAINT "BlueprintApplication_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "VendorUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessPlay" ADD CONSTRAINT "SuccessPlay_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlayItem" ADD CONSTRAINT "PlayItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlayItem" ADD CONSTRAINT "PlayItem_playId_fkey" FOREIGN KEY ("playId") REFERENCES "SuccessPlay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessCase" ADD CONSTRAINT "SuccessCase_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessCase" ADD CONSTRAINT "SuccessCase_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessCase" ADD CONSTRAINT "SuccessCase_playId_fkey" FOREIGN KEY ("playId") REFERENCES "SuccessPlay"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessCase" ADD CONSTRAINT "SuccessCase_launchedById_fkey" FOREIGN KEY ("launchedById") REFERENCES "VendorUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
