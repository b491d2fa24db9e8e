-- AlterTable
ALTER TABLE "CouncilMeeting" ADD COLUMN "endAt" DATETIME;
ALTER TABLE "CouncilMeeting" ADD COLUMN "startAt" DATETIME;
