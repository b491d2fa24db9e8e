-- AlterTable
ALTER TABLE "LinkCode" ADD COLUMN     "claimChannel" TEXT,
ADD COLUMN     "claimConfirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "claimExternalId" TEXT;
