-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN     "notApplicable" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "profile" TEXT;

-- CreateTable
CREATE TABLE "MilestoneActualDate" (
    "id" SERIAL NOT NULL,
    "planSlug" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "setById" INTEGER,
    "setAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MilestoneActualDate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneActualDate_planSlug_code_key" ON "MilestoneActualDate"("planSlug", "code");
