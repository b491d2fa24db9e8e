-- AlterTable
ALTER TABLE "GoodDeed" ADD COLUMN "correctedAt" DATETIME;
ALTER TABLE "GoodDeed" ADD COLUMN "correctedById" INTEGER;
ALTER TABLE "GoodDeed" ADD COLUMN "originalDescription" TEXT;
ALTER TABLE "GoodDeed" ADD COLUMN "originalDoerName" TEXT;
ALTER TABLE "GoodDeed" ADD COLUMN "originalPlace" TEXT;
