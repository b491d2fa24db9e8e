/**
 * The persisted inbox (port; Vietnamese: hộp thư đến): every inbound platform event that can change
 * state is recorded under a unique key BEFORE its effects, so that it is handled exactly once:
 *
 * - a repeat (Telegram redelivering an update_id after a 5xx or a timeout, the same update twice in
 *   one getUpdates batch, Zalo redelivering a msg_id for 12 h, the same POST twice at once) finds the
 *   entry and is answered by nothing;
 * - the handling (core's state change, the replies written to the outbox, and {@link Inbox.complete})
 *   is one unit of work (`./unit-of-work.ts`): a crash before its commit leaves the entry RECEIVED, and
 *   the next start handles it again ({@link Inbox.pending}); after it, the replies are in the outbox.
 *
 * States: `RECEIVED` → `DONE` (handled) or `FAILED` (handling threw; the person was told, nothing of
 * it was kept). Implemented in `src/db/inbox-store.ts` (table `InboxEntry`). Instants are UTC.
 */

/** One recorded event. */
export interface InboxEntry {
  id: number;
  channel: string;
  /** The platform's id of the event, e.g. `update:123` (Telegram), `msg:abc` (Zalo). */
  eventKey: string;
  /** What to handle, as the channel stored it (JSON). */
  payload: string;
  state: 'RECEIVED' | 'DONE' | 'FAILED';
}

/** Port implemented by the database. Every method throws only when the store itself fails. */
export interface Inbox {
  /**
   * Records events not recorded before (one statement for the batch) and returns every event's
   * entry, in the order given: the new ones RECEIVED, the known ones in the state they reached.
   */
  record(channel: string, events: { eventKey: string; payload: string }[], at: Date): Promise<InboxEntry[]>;
  /** The entry of one event, or `null` when it was never recorded. */
  find(channel: string, eventKey: string): Promise<InboxEntry | null>;
  /**
   * RECEIVED → DONE at `at`; `false` when it was not RECEIVED any more (another handling won, or it
   * failed). Called inside the event's unit of work, first, so two handlings of one event race on it
   * and the loser's work is rolled back with its unit.
   */
  complete(id: number, at: Date): Promise<boolean>;
  /** RECEIVED → FAILED with the error (≤ 500 characters); `false` when it was not RECEIVED. */
  fail(id: number, error: string, at: Date): Promise<boolean>;
  /**
   * RECEIVED entries of `channel` recorded before `before`, oldest first, at most `limit`; only those
   * after entry `afterId` when given (the next page).
   */
  pending(channel: string, before: Date, limit: number, afterId?: number): Promise<InboxEntry[]>;
  /** Forgets handled (DONE, FAILED) entries of `channel` recorded before `before`; returns how many. */
  prune(channel: string, before: Date): Promise<number>;
}
