-- CreateTable
CREATE TABLE "PlanUpload" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "afterActivationId" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PlanUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanActivation" (
    "id" SERIAL NOT NULL,
    "planSlug" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "byId" INTEGER,
    "activatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanActivation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanActivation_activatedAt_idx" ON "PlanActivation"("activatedAt");
