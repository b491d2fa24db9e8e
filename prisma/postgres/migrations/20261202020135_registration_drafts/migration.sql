-- CreateTable
CREATE TABLE "RegistrationDraft" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "planSlug" TEXT NOT NULL,
    "nomineeName" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistrationDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegistrationDraft_personId_planSlug_idx" ON "RegistrationDraft"("personId", "planSlug");
