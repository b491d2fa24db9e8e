-- CreateIndex
CREATE INDEX "NominationEvent_action_at_idx" ON "NominationEvent"("action", "at");
