/**
 * The outbox store (port): the rows proactive messages wait in until a channel's sender delivers
 * them. Core's {@link Notifier} writes them (one row per unique key); the sender in
 * `src/channels/delivery.ts` moves each through its states:
 *
 * `PENDING` → (claim) `SENDING` → `SENT`, or back to `PENDING` later (defer), or `FAILED` (out of
 * attempts), or `UNREACHABLE` (the person blocked the bot / left the platform's window). A row a dead
 * process left `SENDING` becomes `UNCERTAIN` at the next start (never resent: nothing is sent twice).
 *
 * Implemented in `src/db/outbox-store.ts`. All instants are UTC `Date`s.
 */
import type { Locale, Reply } from './channel.ts';

/** One due message as a sender needs it. */
export interface OutboxItem {
  id: number;
  /** The recipient (their `unreachableAt` is set when the platform refuses them). */
  personId: number;
  /** The channel's chat id (Telegram chat id, Zalo user id, console user name). */
  chatId: string;
  reply: Reply;
  /** The language the reply is rendered in (the person's choice when queued, else the default). */
  locale: Locale;
  /** Attempts made before this one. */
  attempts: number;
}

/** One interactive reply to queue with {@link OutboxStore.enqueueReplies}. */
export interface ReplyRow {
  /** Unique key, e.g. `reply:telegram:<update_id>:<n>`; a key already queued is not queued again. */
  key: string;
  personId: number;
  /** The channel's name (`telegram`, `zalo`, `console`). */
  channel: string;
  chatId: string;
  locale: string;
  reply: Reply;
  /**
   * When the background loop may pick the row up (UTC). The handler delivers its rows at once
   * ({@link OutboxStore} rows through `OutboxSender.deliverRows`); a little later (e.g. now + 30 s)
   * keeps the loop from racing it, and still delivers them if the process dies before.
   */
  notBefore: Date;
}

/** Port implemented by the database. Every method throws only when the store itself fails. */
export interface OutboxStore {
  /**
   * `PENDING` rows of one channel (and optionally one chat) whose next attempt is at or before `now`,
   * oldest first, at most `limit`.
   */
  due(opts: { channel: string; chatId?: string; now: Date; limit: number }): Promise<OutboxItem[]>;
  /**
   * The `PENDING` rows among `ids` of one channel, whether due or not, in the order of `ids`
   * (ids of other channels, other states or no row are left out).
   */
  pending(opts: { channel: string; ids: number[] }): Promise<OutboxItem[]>;
  /**
   * Queues the replies to one inbound update as `PENDING` rows, in order; returns their ids in that
   * order. A key queued already is not written again: its id is returned while still `PENDING`, else
   * left out. Safe inside an enclosing interactive transaction on PostgreSQL (check, then insert;
   * no caught unique violation).
   */
  enqueueReplies(rows: ReplyRow[]): Promise<number[]>;
  /**
   * `PENDING` → `SENDING` and one more attempt; `false` if another process claimed it first, or if
   * the message lost its point (its `relevance` subject moved on: it becomes `DROPPED`, never sent).
   */
  claim(id: number): Promise<boolean>;
  /** `SENDING` → `SENT` at `at`. */
  markSent(id: number, at: Date): Promise<void>;
  /**
   * Back to `PENDING`, not before `until`, keeping `error` (≤ 500 chars). `giveBackAttempt`: the
   * failure was not the message's fault (a rate limit), so the claimed attempt is not counted.
   */
  defer(id: number, opts: { until: Date; error: string; giveBackAttempt?: boolean }): Promise<void>;
  /**
   * Out of attempts: `FAILED`, never tried again. `retryAt` (when the next attempt would have been)
   * is kept in the row for the record.
   */
  markFailed(id: number, opts: { error: string; retryAt: Date }): Promise<void>;
  /**
   * The platform refused the recipient: the row becomes `UNREACHABLE` and the person is held as
   * unreachable since `at` (nothing more is sent until they write again).
   */
  markUnreachable(item: { id: number; personId: number }, opts: { error: string; at: Date }): Promise<void>;
  /** At start: rows left `SENDING` (of a channel, optionally one chat) become `UNCERTAIN`; returns how many. */
  recoverInterrupted(opts: { channel: string; chatId?: string }): Promise<number>;
}
