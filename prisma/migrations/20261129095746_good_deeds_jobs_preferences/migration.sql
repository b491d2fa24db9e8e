-- AlterTable
ALTER TABLE "Person" ADD COLUMN "unreachableAt" DATETIME;

-- CreateTable
CREATE TABLE "GoodDeed" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ref" TEXT NOT NULL,
    "submitterId" INTEGER NOT NULL,
    "doerName" TEXT NOT NULL,
    "doerKey" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "descriptionKey" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "placeKey" TEXT NOT NULL,
    "whenText" TEXT NOT NULL,
    "creditName" BOOLEAN NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'NEW',
    "reason" TEXT,
    "mergedIntoId" INTEGER,
    "nominationId" INTEGER,
    "moderatorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "moderatedAt" DATETIME,
    "publishedAt" DATETIME,
    CONSTRAINT "GoodDeed_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GoodDeedPhoto" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deedId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "fileRef" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GoodDeedPhoto_deedId_fkey" FOREIGN KEY ("deedId") REFERENCES "GoodDeed" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GoodDeedAddition" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deedId" INTEGER NOT NULL,
    "submitterId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "creditName" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GoodDeedAddition_deedId_fkey" FOREIGN KEY ("deedId") REFERENCES "GoodDeed" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeedBlock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "byId" INTEGER NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "result" TEXT
);

-- CreateTable
CREATE TABLE "Preference" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "GoodDeed_ref_key" ON "GoodDeed"("ref");

-- CreateIndex
CREATE INDEX "GoodDeed_state_createdAt_idx" ON "GoodDeed"("state", "createdAt");

-- CreateIndex
CREATE INDEX "GoodDeed_submitterId_createdAt_idx" ON "GoodDeed"("submitterId", "createdAt");

-- CreateIndex
CREATE INDEX "GoodDeed_publishedAt_idx" ON "GoodDeed"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeedBlock_personId_key" ON "DeedBlock"("personId");

-- CreateIndex
CREATE INDEX "JobRun_job_dueAt_idx" ON "JobRun"("job", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_period_key" ON "JobRun"("job", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Preference_personId_kind_key" ON "Preference"("personId", "kind");
