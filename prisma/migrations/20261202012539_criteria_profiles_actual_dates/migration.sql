-- CreateTable
CREATE TABLE "MilestoneActualDate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planSlug" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "setById" INTEGER,
    "setAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Nomination" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "movementCode" TEXT,
    "unitId" INTEGER NOT NULL,
    "proposerId" INTEGER NOT NULL,
    "subjectType" TEXT NOT NULL,
    "nomineeName" TEXT NOT NULL,
    "nomineeKey" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "achievements" TEXT NOT NULL,
    "selfCheck" TEXT NOT NULL,
    "profile" TEXT,
    "notApplicable" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "goodDeedId" INTEGER,
    CONSTRAINT "Nomination_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Nomination_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Nomination_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Nomination_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Nomination" ("achievements", "categoryId", "createdAt", "decidedAt", "goodDeedId", "id", "movementCode", "nomineeKey", "nomineeName", "place", "planId", "proposerId", "round", "selfCheck", "state", "subjectType", "submittedAt", "unitId", "updatedAt") SELECT "achievements", "categoryId", "createdAt", "decidedAt", "goodDeedId", "id", "movementCode", "nomineeKey", "nomineeName", "place", "planId", "proposerId", "round", "selfCheck", "state", "subjectType", "submittedAt", "unitId", "updatedAt" FROM "Nomination";
DROP TABLE "Nomination";
ALTER TABLE "new_Nomination" RENAME TO "Nomination";
CREATE INDEX "Nomination_planId_state_idx" ON "Nomination"("planId", "state");
CREATE INDEX "Nomination_unitId_state_idx" ON "Nomination"("unitId", "state");
CREATE INDEX "Nomination_nomineeKey_idx" ON "Nomination"("nomineeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneActualDate_planSlug_code_key" ON "MilestoneActualDate"("planSlug", "code");
