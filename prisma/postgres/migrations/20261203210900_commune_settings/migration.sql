-- CreateTable
CREATE TABLE "CommuneSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommuneSetting_pkey" PRIMARY KEY ("key")
);
