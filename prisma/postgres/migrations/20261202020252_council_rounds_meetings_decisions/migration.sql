
-- AlterTable
ALTER TABLE "AwardForm" ADD COLUMN     "authorityEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "authorityVi" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'FORM',
ADD COLUMN     "subjectTypes" TEXT NOT NULL DEFAULT 'COLLECTIVE,INDIVIDUAL,HOUSEHOLD',
ADD COLUMN     "verified" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "NominationEvent" ADD COLUMN     "detail" TEXT,
ADD COLUMN     "round" INTEGER;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "relevance" TEXT;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "changedAt" TIMESTAMPTZ(3);


-- CreateTable
CREATE TABLE "ReviewRound" (
    "id" SERIAL NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "openedById" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "closedHow" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" INTEGER,
    "meetingId" INTEGER,
    "stalledAt" TIMESTAMPTZ(3),
    "stalledWhy" TEXT,

    CONSTRAINT "ReviewRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMeeting" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "heldOn" TEXT NOT NULL,
    "startsAt" TEXT,
    "place" TEXT NOT NULL,
    "chairId" INTEGER,
    "chairName" TEXT NOT NULL,
    "secretaryId" INTEGER,
    "secretaryName" TEXT NOT NULL,
    "notes" TEXT,
    "recordedById" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMeetingAttendee" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "personId" INTEGER,
    "name" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "absentReason" TEXT,

    CONSTRAINT "CouncilMeetingAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMeetingItem" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "agree" INTEGER NOT NULL,
    "askChanges" INTEGER NOT NULL,
    "disagree" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "conclusion" TEXT NOT NULL,
    "awardCode" TEXT,
    "remarks" TEXT,

    CONSTRAINT "CouncilMeetingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "signedOn" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "signer" TEXT NOT NULL DEFAULT '',
    "proposalId" INTEGER,
    "recordedById" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionItem" (
    "id" SERIAL NOT NULL,
    "decisionId" INTEGER NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "awardCode" TEXT NOT NULL,
    "overrideReason" TEXT,

    CONSTRAINT "DecisionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "sentOn" TEXT NOT NULL,
    "toAuthority" TEXT NOT NULL DEFAULT '',
    "recordedById" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalItem" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "awardCode" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "decisionId" INTEGER,
    "refusalReason" TEXT,
    "outcomeAt" TIMESTAMPTZ(3),
    "outcomeById" INTEGER,
    "overrideReason" TEXT,

    CONSTRAINT "ProposalItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewRound_state_openedAt_idx" ON "ReviewRound"("state", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewRound_nominationId_number_key" ON "ReviewRound"("nominationId", "number");

-- CreateIndex
CREATE INDEX "CouncilMeeting_planId_heldOn_idx" ON "CouncilMeeting"("planId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilMeetingAttendee_meetingId_name_key" ON "CouncilMeetingAttendee"("meetingId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilMeetingItem_meetingId_nominationId_key" ON "CouncilMeetingItem"("meetingId", "nominationId");

-- CreateIndex
CREATE INDEX "Decision_planId_idx" ON "Decision"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_authority_number_signedOn_key" ON "Decision"("authority", "number", "signedOn");

-- CreateIndex
CREATE INDEX "DecisionItem_nominationId_idx" ON "DecisionItem"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionItem_decisionId_nominationId_key" ON "DecisionItem"("decisionId", "nominationId");

-- CreateIndex
CREATE INDEX "Proposal_planId_idx" ON "Proposal"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_number_sentOn_key" ON "Proposal"("number", "sentOn");

-- CreateIndex
CREATE INDEX "ProposalItem_nominationId_idx" ON "ProposalItem"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalItem_proposalId_nominationId_key" ON "ProposalItem"("proposalId", "nominationId");

-- AddForeignKey
ALTER TABLE "ReviewRound" ADD CONSTRAINT "ReviewRound_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMeetingAttendee" ADD CONSTRAINT "CouncilMeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMeetingItem" ADD CONSTRAINT "CouncilMeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMeetingItem" ADD CONSTRAINT "CouncilMeetingItem_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionItem" ADD CONSTRAINT "DecisionItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionItem" ADD CONSTRAINT "DecisionItem_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalItem" ADD CONSTRAINT "ProposalItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalItem" ADD CONSTRAINT "ProposalItem_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data (written by hand, issue 12): votes are advice, the Council proposes, a decision decides.
-- Votes: APPROVE/RETURN/REJECT become Đồng ý / Đề nghị bổ sung / Không đồng ý.
UPDATE "Vote" SET "decision" = CASE "decision" WHEN 'APPROVE' THEN 'AGREE' WHEN 'RETURN' THEN 'ASK_CHANGES' WHEN 'REJECT' THEN 'DISAGREE' ELSE "decision" END;

-- The current round of every nomination ever submitted (earlier rounds live in the history).
INSERT INTO "ReviewRound" ("nominationId", "number", "openedAt", "state", "outcome", "closedHow", "closedAt")
SELECT "id", "round", COALESCE("submittedAt", "createdAt"),
       CASE WHEN "state" = 'SUBMITTED' THEN 'OPEN' ELSE 'CLOSED' END,
       CASE "state" WHEN 'APPROVED' THEN 'PROPOSE' WHEN 'RETURNED' THEN 'RETURN' WHEN 'REJECTED' THEN 'REJECT' ELSE NULL END,
       CASE WHEN "state" IN ('APPROVED', 'RETURNED', 'REJECTED') THEN 'VOTES' ELSE NULL END,
       CASE WHEN "state" IN ('APPROVED', 'REJECTED') THEN "decidedAt" WHEN "state" = 'RETURNED' THEN "updatedAt" ELSE NULL END
FROM "Nomination" WHERE "round" >= 1;

-- Commendations become the commune chairman's decisions (one per number and date) …
INSERT INTO "Decision" ("planId", "number", "signedOn", "authority", "recordedById", "recordedAt")
SELECT MIN(n."planId"), c."decisionNumber", c."decisionDate", 'COMMUNE', MIN(c."byId"), MIN(c."at")
FROM "Commendation" c JOIN "Nomination" n ON n."id" = c."nominationId"
WHERE c."proposedHigher" = false GROUP BY c."decisionNumber", c."decisionDate"
ON CONFLICT DO NOTHING;
INSERT INTO "DecisionItem" ("decisionId", "nominationId", "awardCode", "overrideReason")
SELECT d."id", c."nominationId", c."awardCode", c."overrideReason"
FROM "Commendation" c JOIN "Decision" d ON d."authority" = 'COMMUNE' AND d."number" = c."decisionNumber" AND d."signedOn" = c."decisionDate"
WHERE c."proposedHigher" = false
ON CONFLICT DO NOTHING;

-- … or proposals to the higher level (the "decision number" they were given was the tờ trình's),
-- whose outcome is not known yet.
INSERT INTO "Proposal" ("planId", "number", "sentOn", "recordedById", "recordedAt")
SELECT MIN(n."planId"), c."decisionNumber", c."decisionDate", MIN(c."byId"), MIN(c."at")
FROM "Commendation" c JOIN "Nomination" n ON n."id" = c."nominationId"
WHERE c."proposedHigher" = true GROUP BY c."decisionNumber", c."decisionDate"
ON CONFLICT DO NOTHING;
INSERT INTO "ProposalItem" ("proposalId", "nominationId", "awardCode", "overrideReason")
SELECT p."id", c."nominationId", c."awardCode", c."overrideReason"
FROM "Commendation" c JOIN "Proposal" p ON p."number" = c."decisionNumber" AND p."sentOn" = c."decisionDate"
WHERE c."proposedHigher" = true
ON CONFLICT DO NOTHING;

-- An "approved" nomination was only proposed by the Council until a decision is recorded.
UPDATE "Nomination" SET "state" = 'PROPOSED_HIGHER'
WHERE "state" = 'APPROVED' AND "id" NOT IN (SELECT "nominationId" FROM "DecisionItem") AND "id" IN (SELECT "nominationId" FROM "ProposalItem");
UPDATE "Nomination" SET "state" = 'PROPOSED', "decidedAt" = NULL
WHERE "state" = 'APPROVED' AND "id" NOT IN (SELECT "nominationId" FROM "DecisionItem") AND "id" NOT IN (SELECT "nominationId" FROM "ProposalItem");

-- DropTable
DROP TABLE "Commendation";
