-- CreateTable
CREATE TABLE "DocumentNumber" (
    "id" SERIAL NOT NULL,
    "issuer" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "typeAbbr" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "byId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DocumentNumber_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentNumber_issuer_year_number_key" ON "DocumentNumber"("issuer", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentNumber_issuer_year_subject_key" ON "DocumentNumber"("issuer", "year", "subject");
