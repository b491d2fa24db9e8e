-- AlterTable
ALTER TABLE "GoodDeed" ADD COLUMN     "correctedAt" TIMESTAMPTZ(3),
ADD COLUMN     "correctedById" INTEGER,
ADD COLUMN     "originalDescription" TEXT,
ADD COLUMN     "originalDoerName" TEXT,
ADD COLUMN     "originalPlace" TEXT;
