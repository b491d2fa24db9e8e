-- AlterTable
ALTER TABLE "LinkCode" ADD COLUMN "claimChannel" TEXT;
ALTER TABLE "LinkCode" ADD COLUMN "claimConfirmedAt" DATETIME;
ALTER TABLE "LinkCode" ADD COLUMN "claimExternalId" TEXT;
