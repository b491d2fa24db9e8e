-- CreateTable
CREATE TABLE "PlanUpload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "afterActivationId" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PlanActivation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planSlug" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "byId" INTEGER,
    "activatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PlanActivation_activatedAt_idx" ON "PlanActivation"("activatedAt");
