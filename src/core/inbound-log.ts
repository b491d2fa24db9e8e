/**
 * The inbound-event log (port): which platform events were already accepted, so a webhook
 * redelivery (Zalo retries for up to 12 h; a replayed Telegram update) is handled once, also after a
 * restart. Implemented in `src/db/inbound-log.ts` (table `ProcessedEvent`, unique per channel + key).
 */
export interface InboundEventLog {
  /**
   * Records an event as accepted.
   * @param channel e.g. `zalo`
   * @param eventKey the platform's id of the event, e.g. `msg:<msg_id>`
   * @returns `true` the first time, `false` for a duplicate.
   * @throws when the store fails (the caller answers so that the platform delivers again).
   */
  record(channel: string, eventKey: string): Promise<boolean>;
  /** Forgets events of `channel` recorded before `before` (UTC); returns how many. */
  prune(channel: string, before: Date): Promise<number>;
}
