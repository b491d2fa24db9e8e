-- CreateTable
CREATE TABLE "RegistrationDraft" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "planSlug" TEXT NOT NULL,
    "nomineeName" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RegistrationDraft_personId_planSlug_idx" ON "RegistrationDraft"("personId", "planSlug");
