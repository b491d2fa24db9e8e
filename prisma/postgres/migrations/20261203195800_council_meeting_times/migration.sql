-- AlterTable
ALTER TABLE "CouncilMeeting" ADD COLUMN     "endAt" TIMESTAMPTZ(3),
ADD COLUMN     "startAt" TIMESTAMPTZ(3);
