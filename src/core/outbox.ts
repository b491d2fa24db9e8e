/**
 * The outbox store (port): the rows queued messages wait in until a channel's sender delivers them.
 * Core's {@link Notifier} writes proactive notices (one row per unique key), the inbound path writes
 * interactive replies ({@link OutboxStore.enqueueReplies}); the sender in `src/channels/delivery.ts`
 * moves each through its states:
 *
 * `PENDING` → (claim) `SENDING` → `SENT`; or back to `PENDING` later (deferred: rate limit, transient
 * failure); or `FAILED` (the platform refused the request itself, never retried); or `UNREACHABLE` (the
 * person blocked the bot / left the platform's window on that channel); or `DROPPED` (lost its point
 * before sending). A row a dead process left `SENDING` becomes `UNCERTAIN` at the next start (never
 * resent: nothing is sent twice).
 *
 * Implemented in `src/db/outbox-store.ts`. All instants are UTC `Date`s.
 */
import type { Locale, Reply } from './channel.ts';

/** One due message as a sender needs it. */
export interface OutboxItem {
  id: number;
  /** The recipient (the person; the identity held when the platform refuses them is channel + `chatId`). */
  personId: number;
  /** The channel's chat id (Telegram chat id, Zalo user id, console user name). */
  chatId: string;
  reply: Reply;
  /** The language the reply is rendered in (the person's choice when queued, else the default). */
  locale: Locale;
  /** Attempts made before this one. */
  attempts: number;
  /** The row's unique key (e.g. `digest:2026-12-03:12`, `reply:telegram:<update_id>:0`). */
  key: string;
  /** Parts of the reply delivered by earlier attempts (a reply sent as several messages); 0 at first. */
  partsSent: number;
}

/** One interactive reply to queue with {@link OutboxStore.enqueueReplies}. */
export interface ReplyRow {
  /** Unique key, e.g. `reply:telegram:<update_id>:<n>` (new: see {@link OutboxStore.enqueueReplies}). */
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
   * oldest first, at most `limit`. A chat keeps its order: a row is left out while an earlier row of
   * its chat waits (`PENDING` not yet due) or is being sent (`SENDING`).
   */
  due(opts: { channel: string; chatId?: string; now: Date; limit: number }): Promise<OutboxItem[]>;
  /**
   * Queues the replies to one inbound update as `PENDING` rows, in order, in one write; returns their
   * ids in that order. The keys must be new (the caller has just completed the inbox entry they
   * are made from, in the same unit of work): a key that exists fails the write, never a second row.
   */
  enqueueReplies(rows: ReplyRow[]): Promise<number[]>;
  /**
   * `PENDING` → `SENDING` and one more attempt; `false` if another process claimed it first, or if
   * the message lost its point (its `relevance` subject moved on: it becomes `DROPPED`, never sent).
   */
  claim(id: number): Promise<boolean>;
  /** `SENDING` → `SENT` at `at`. */
  markSent(id: number, at: Date): Promise<void>;
  /** Records that the first `count` parts of a `SENDING` row were delivered (a retry resumes after them). */
  markPartsSent(id: number, count: number): Promise<void>;
  /** `PENDING` rows among `ids` become due at `at` (left by `deliverRows` to the loop). */
  release(ids: number[], at: Date): Promise<void>;
  /**
   * Back to `PENDING`, not before `until`, keeping `error` (≤ 500 chars). `giveBackAttempt`: the
   * failure was not the message's fault (a rate limit), so the claimed attempt is not counted.
   */
  defer(id: number, opts: { until: Date; error: string; giveBackAttempt?: boolean }): Promise<void>;
  /** The request cannot succeed (the platform refused it as bad): `FAILED`, never tried again. */
  markFailed(id: number, opts: { error: string }): Promise<void>;
  /**
   * The platform refused the recipient: the row becomes `UNREACHABLE` and the person is held as
   * unreachable on `channel` since `at` (nothing more is sent there until they write again).
   */
  markUnreachable(item: { id: number; personId: number; chatId: string }, opts: { error: string; at: Date; channel: string }): Promise<void>;
  /**
   * At start (of a channel, optionally one chat): rows left `SENDING` become `UNCERTAIN`; returns how
   * many. With `now`, the interactive replies a dead process committed and never tried (keys
   * `reply:`, still waiting out the grace meant for its handler) become due at `now`.
   */
  recoverInterrupted(opts: { channel: string; chatId?: string; now?: Date }): Promise<number>;
}
