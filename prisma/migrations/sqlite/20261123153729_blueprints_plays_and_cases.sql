-- CreateTable
CREATE TABLE "SuccessBlueprint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SuccessBlueprint_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BlueprintVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "blueprintId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BlueprintVersion_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintVersion_blueprintId_fkey" FOREIGN KEY ("blueprintId") REFERENCES "SuccessBlueprint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BlueprintItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    CONSTRAINT "BlueprintItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BlueprintVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintItem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "BlueprintItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BlueprintApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "kickoffDate" DATETIME NOT NULL,
    "appliedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BlueprintApplication_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintApplication_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintApplication_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintApplication_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BlueprintVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintApplication_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SuccessPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlueprintApplication_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuccessPlay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "situation" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'internal',
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SuccessPlay_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlayItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "playId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerRole" TEXT,
    "dueOffsetDays" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PlayItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlayItem_playId_fkey" FOREIGN KEY ("playId") REFERENCES "SuccessPlay" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuccessCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "playId" TEXT,
    "title" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "launchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "launchedById" TEXT,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SuccessCase_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuccessCase_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuccessCase_playId_fkey" FOREIGN KEY ("playId") REFERENCES "SuccessPlay" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SuccessCase_launchedById_fkey" FOREIGN KEY ("launchedById") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SuccessTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "planId" TEXT,
    "initiativeId" TEXT,
    "caseId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'todo',
    "visibility" TEXT NOT NULL DEFAULT 'customer',
    "dueDate" DATETIME,
    "completedAt" DATETIME,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "ownerVendorUserId" TEXT,
    "ownerStakeholderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SuccessTask_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuccessTask_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuccessTask_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SuccessPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuccessTask_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "SuccessInitiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuccessTask_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SuccessCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuccessTask_ownerVendorUserId_fkey" FOREIGN KEY ("ownerVendorUserId") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SuccessTask_ownerStakeholderId_fkey" FOREIGN KEY ("ownerStakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SuccessTask" ("accountId", "completedAt", "createdAt", "description", "dueDate", "id", "initiativeId", "ownerStakeholderId", "ownerVendorUserId", "planId", "position", "status", "title", "updatedAt", "vendorId", "version", "visibility") SELECT "accountId", "completedAt", "createdAt", "description", "dueDate", "id", "initiativeId", "ownerStakeholderId", "ownerVendorUserId", "planId", "position", "status", "title", "updatedAt", "vendorId", "version", "visibility" FROM "SuccessTask";
DROP TABLE "SuccessTask";
ALTER TABLE "new_SuccessTask" RENAME TO "SuccessTask";
CREATE INDEX "SuccessTask_initiativeId_position_idx" ON "SuccessTask"("initiativeId", "position");
CREATE INDEX "SuccessTask_caseId_position_idx" ON "SuccessTask"("caseId", "position");
CREATE INDEX "SuccessTask_accountId_visibility_status_idx" ON "SuccessTask"("accountId", "visibility", "status");
CREATE INDEX "SuccessTask_vendorId_status_dueDate_idx" ON "SuccessTask"("vendorId", "status", "dueDate");
CREATE INDEX "SuccessTask_ownerStakeholderId_status_idx" ON "SuccessTask"("ownerStakeholderId", "status");
CREATE INDEX "SuccessTask_ownerVendorUserId_status_idx" ON "SuccessTask"("ownerVendorUserId", "status");
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "taskId" TEXT,
    "initiativeId" TEXT,
    "objectiveId" TEXT,
    "body" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'customer',
    "authorVendorUserId" TEXT,
    "authorStakeholderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Comment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SuccessTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "SuccessInitiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "SuccessObjective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorVendorUserId_fkey" FOREIGN KEY ("authorVendorUserId") REFERENCES "VendorUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorStakeholderId_fkey" FOREIGN KEY ("authorStakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("accountId", "authorStakeholderId", "authorVendorUserId", "body", "createdAt", "id", "taskId", "updatedAt", "vendorId", "visibility") SELECT "accountId", "authorStakeholderId", "authorVendorUserId", "body", "createdAt", "id", "taskId", "updatedAt", "vendorId", "visibility" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_taskId_createdAt_idx" ON "Comment"("taskId", "createdAt");
CREATE INDEX "Comment_initiativeId_createdAt_idx" ON "Comment"("initiativeId", "createdAt");
CREATE INDEX "Comment_objectiveId_createdAt_idx" ON "Comment"("objectiveId", "createdAt");
CREATE INDEX "Comment_vendorId_accountId_idx" ON "Comment"("vendorId", "accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
