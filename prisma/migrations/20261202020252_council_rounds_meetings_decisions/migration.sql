-- AlterTable
ALTER TABLE "NominationEvent" ADD COLUMN "detail" TEXT;
ALTER TABLE "NominationEvent" ADD COLUMN "round" INTEGER;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "relevance" TEXT;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN "changedAt" DATETIME;


-- CreateTable
CREATE TABLE "ReviewRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "nominationId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "openedById" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "closedHow" TEXT,
    "closedAt" DATETIME,
    "closedById" INTEGER,
    "meetingId" INTEGER,
    "stalledAt" DATETIME,
    "stalledWhy" TEXT,
    CONSTRAINT "ReviewRound_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilMeeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CouncilMeetingAttendee" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "personId" INTEGER,
    "name" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "absentReason" TEXT,
    CONSTRAINT "CouncilMeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilMeetingItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    CONSTRAINT "CouncilMeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CouncilMeetingItem_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "signedOn" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "signer" TEXT NOT NULL DEFAULT '',
    "proposalId" INTEGER,
    "recordedById" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DecisionItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "decisionId" INTEGER NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "awardCode" TEXT NOT NULL,
    "overrideReason" TEXT,
    CONSTRAINT "DecisionItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DecisionItem_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "sentOn" TEXT NOT NULL,
    "toAuthority" TEXT NOT NULL DEFAULT '',
    "recordedById" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ProposalItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "proposalId" INTEGER NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "awardCode" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "decisionId" INTEGER,
    "refusalReason" TEXT,
    "outcomeAt" DATETIME,
    "outcomeById" INTEGER,
    "overrideReason" TEXT,
    CONSTRAINT "ProposalItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalItem_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AwardForm" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'FORM',
    "subjectTypes" TEXT NOT NULL DEFAULT 'COLLECTIVE,INDIVIDUAL,HOUSEHOLD',
    "authority" TEXT NOT NULL,
    "authorityVi" TEXT NOT NULL DEFAULT '',
    "authorityEn" TEXT NOT NULL DEFAULT '',
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "legalBasis" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT
);
INSERT INTO "new_AwardForm" ("authority", "code", "id", "legalBasis", "nameEn", "nameVi", "validFrom", "validTo") SELECT "authority", "code", "id", "legalBasis", "nameEn", "nameVi", "validFrom", "validTo" FROM "AwardForm";
DROP TABLE "AwardForm";
ALTER TABLE "new_AwardForm" RENAME TO "AwardForm";
CREATE UNIQUE INDEX "AwardForm_code_validFrom_key" ON "AwardForm"("code", "validFrom");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

-- Data (written by hand, issue 12): votes are advice; the Council proposes, a decision decides.
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
INSERT OR IGNORE INTO "Decision" ("planId", "number", "signedOn", "authority", "recordedById", "recordedAt")
SELECT MIN(n."planId"), c."decisionNumber", c."decisionDate", 'COMMUNE', MIN(c."byId"), MIN(c."at")
FROM "Commendation" c JOIN "Nomination" n ON n."id" = c."nominationId"
WHERE c."proposedHigher" = 0 GROUP BY c."decisionNumber", c."decisionDate";
INSERT OR IGNORE INTO "DecisionItem" ("decisionId", "nominationId", "awardCode", "overrideReason")
SELECT d."id", c."nominationId", c."awardCode", c."overrideReason"
FROM "Commendation" c JOIN "Decision" d ON d."authority" = 'COMMUNE' AND d."number" = c."decisionNumber" AND d."signedOn" = c."decisionDate"
WHERE c."proposedHigher" = 0;

-- … or proposals to the higher level (the "decision number" they were given was the tờ trình's),
-- whose outcome is not known yet.
INSERT OR IGNORE INTO "Proposal" ("planId", "number", "sentOn", "recordedById", "recordedAt")
SELECT MIN(n."planId"), c."decisionNumber", c."decisionDate", MIN(c."byId"), MIN(c."at")
FROM "Commendation" c JOIN "Nomination" n ON n."id" = c."nominationId"
WHERE c."proposedHigher" = 1 GROUP BY c."decisionNumber", c."decisionDate";
INSERT OR IGNORE INTO "ProposalItem" ("proposalId", "nominationId", "awardCode", "overrideReason")
SELECT p."id", c."nominationId", c."awardCode", c."overrideReason"
FROM "Commendation" c JOIN "Proposal" p ON p."number" = c."decisionNumber" AND p."sentOn" = c."decisionDate"
WHERE c."proposedHigher" = 1;

-- An "approved" nomination was only proposed by the Council until a decision is recorded.
UPDATE "Nomination" SET "state" = 'PROPOSED_HIGHER'
WHERE "state" = 'APPROVED' AND "id" NOT IN (SELECT "nominationId" FROM "DecisionItem") AND "id" IN (SELECT "nominationId" FROM "ProposalItem");
UPDATE "Nomination" SET "state" = 'PROPOSED', "decidedAt" = NULL
WHERE "state" = 'APPROVED' AND "id" NOT IN (SELECT "nominationId" FROM "DecisionItem") AND "id" NOT IN (SELECT "nominationId" FROM "ProposalItem");

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Commendation";
PRAGMA foreign_keys=on;
