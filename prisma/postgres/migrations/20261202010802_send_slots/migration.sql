-- CreateTable
CREATE TABLE "SendSlot" (
    "key" TEXT NOT NULL,
    "nextAtMs" BIGINT NOT NULL,

    CONSTRAINT "SendSlot_pkey" PRIMARY KEY ("key")
);
