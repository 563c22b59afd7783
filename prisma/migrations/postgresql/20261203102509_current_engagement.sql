-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "currentEngagementId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Account_currentEngagementId_key" ON "Account"("currentEngagementId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_currentEngagementId_fkey" FOREIGN KEY ("currentEngagementId") REFERENCES "Engagement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Until now the current plan was the one of the most recently started engagement: each account
-- keeps that one, now as an explicit choice.
UPDATE "Account" SET "currentEngagementId" = (
  SELECT e."id" FROM "Engagement" e
   WHERE e."accountId" = "Account"."id"
   ORDER BY e."startDate" DESC, e."createdAt" DESC, e."id" DESC
   LIMIT 1
);
