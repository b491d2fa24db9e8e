-- DropTable
DROP TABLE "ProcessedEvent";

-- CreateTable
CREATE TABLE "InboxEntry" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'RECEIVED',
    "lastError" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMPTZ(3),

    CONSTRAINT "InboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboxEntry_state_receivedAt_idx" ON "InboxEntry"("state", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboxEntry_channel_eventKey_key" ON "InboxEntry"("channel", "eventKey");
