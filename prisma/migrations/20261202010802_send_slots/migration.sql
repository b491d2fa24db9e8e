-- CreateTable
CREATE TABLE "SendSlot" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAtMs" BIGINT NOT NULL
);
