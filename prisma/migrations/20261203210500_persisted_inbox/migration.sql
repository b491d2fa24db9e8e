-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedEvent";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "InboxEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'RECEIVED',
    "lastError" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" DATETIME
);

-- CreateIndex
CREATE INDEX "InboxEntry_state_receivedAt_idx" ON "InboxEntry"("state", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboxEntry_channel_eventKey_key" ON "InboxEntry"("channel", "eventKey");
