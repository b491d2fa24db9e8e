/**
 * The outbox sender: delivers every queued message (proactive notices and interactive replies) once,
 * at a pace the platform accepts, degrading per chat rather than for everyone.
 *
 * - Interactive replies go through the outbox too: the handler queues them with the update's state
 *   change (`OutboxStore.enqueueReplies`) and delivers them at once with {@link OutboxSender.deliverRows};
 *   the loop ({@link OutboxSender.deliverDue}) delivers whatever that left (a 429, a crash).
 * - Due `PENDING` rows of one channel are claimed (`PENDING` → `SENDING`, one process wins), rendered
 *   in the recipient's language, sent, then marked `SENT`. A chat keeps its order: while one of its
 *   rows waits (deferred) or is being sent, its later rows wait too (see `OutboxStore.due`).
 * - Pace: at most `perSecond` messages per second overall and one per `perChatMs` per chat
 *   (Telegram: about 30/s overall, 1/s per chat). A chat sent to too recently waits for a later pass.
 * - Parts: a reply the channel sends as several messages (attachments, files, then text split at
 *   4096 characters) is recorded part by part (`OutboxItem.partsSent`); a retry resumes at the first
 *   unsent part, so no part arrives twice.
 *
 * What a failure does to the row (never left `SENDING`; the sender itself never throws for it):
 *
 * | error from the channel          | row                                              | who else waits         |
 * |---------------------------------|--------------------------------------------------|------------------------|
 * | {@link RetryLaterError} `chat`  | `PENDING`, due after `retryAfterMs` (attempt given back) | that chat only   |
 * | same from {@link BOT_WIDE_CHATS} chats within {@link BOT_WIDE_WINDOW_MS}, or scope `channel` | as above | the channel, for `min(retryAfterMs, MAX_PAUSE_MS)` |
 * | {@link UnreachableError}        | `UNREACHABLE`; the person's identity on this channel is held until they write again | that identity |
 * | {@link PermanentError} (400)    | `FAILED` at once, logged, administrators told (`onFailed`) | nobody          |
 * | anything else (5xx, network)    | `PENDING`, due after {@link backoffMs} (30 s doubling, at most 1 h), never `FAILED` | that chat (order) |
 *
 * "Retry later" never makes anyone sleep: the row is rescheduled in the database, however long the
 * platform asks for (a `retry_after` of 18053 s holds that one chat for five hours, nobody else);
 * only a bot-wide limit pauses the channel, and at most {@link MAX_PAUSE_MS} at a time.
 *
 * - A row left `SENDING` by a process that died mid-send may or may not have reached the person: it is
 *   marked `UNCERTAIN` at start and never sent again (nothing is sent twice), and logged.
 * - Time: one injected clock (`now`) stamps the rows and paces the sends; the rows are reached only
 *   through core's {@link OutboxStore} port.
 *
 * Written here rather than with a throttling plugin: grammY's own docs advise against its throttler,
 * and the outbox needs deferral of rows across restarts, not an in-memory queue.
 */
import type { AdminAlerts } from '../core/alerts.ts';
import { msg, type Locale, type Reply } from '../core/channel.ts';
import { truncate } from '../core/text/truncate.ts';
import type { SendPace } from '../core/pace.ts';
import type { OutboxItem, OutboxStore } from '../core/outbox.ts';
import type { Logger } from '../logger.ts';

/**
 * Progress through the parts of one reply (attachments, files, then text parts, in the order the
 * channel sends them): the parts before `from` were delivered by an earlier attempt and are skipped;
 * `sent(n)` is awaited before part n + 1 is sent, with the number of parts delivered so far (the
 * last part is recorded by the row turning SENT: a reply of one message writes nothing here).
 */
export interface PartProgress {
  from: number;
  sent(count: number): Promise<void>;
}

/**
 * Sends one reply to a chat, part by part when it takes several messages (`progress`, when given).
 * Throws {@link UnreachableError}, {@link RetryLaterError} or {@link PermanentError} when it applies;
 * any other error is taken as transient.
 */
export type ChannelSender = (chatId: string, reply: Reply, locale: Locale, progress?: PartProgress) => Promise<void>;

/** The recipient blocked the bot, deleted their account or left the window the platform allows. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** The request cannot succeed as it is (Telegram 400 "Bad Request"): never retried. */
export class PermanentError extends Error {
  override name = 'PermanentError';
}

/**
 * The platform asks to wait `retryAfterMs` before sending again (rate limit). `scope`: `chat` (the
 * default: the limit of one chat, or not known to be more) or `channel` (the bot as a whole, e.g. a
 * Zalo OA-wide quota, or a 429 on a request to no chat).
 */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
    readonly scope: 'chat' | 'channel' = 'chat',
  ) {
    super(message);
  }
}

/** The longest a transient failure waits before the next attempt: 1 hour. */
export const MAX_BACKOFF_MS = 3_600_000;
/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … at most {@link MAX_BACKOFF_MS}. */
export const backoffMs = (attempt: number): number => Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.min(20, Math.max(0, attempt - 1)));
/**
 * Bot-wide rate limit: "retry later" answers for this many different chats within
 * {@link BOT_WIDE_WINDOW_MS} mean the bot as a whole is limited (Telegram does not say which limit a
 * 429 is; our own pace keeps the overall one, so one chat's 429 is that chat's).
 */
export const BOT_WIDE_CHATS = 3;
export const BOT_WIDE_WINDOW_MS = 10_000;
/** The longest the channel is paused at a time; the limited rows themselves wait their full `retry_after`. */
export const MAX_PAUSE_MS = 60_000;
/** Rows read per pass. */
const BATCH = 200;

export interface SenderOptions {
  /** The outbox's rows (core port; `createOutboxStore` in src/db). */
  store: OutboxStore;
  channel: string;
  send: ChannelSender;
  logger: Logger;
  /** Only this chat (the console delivers to its own person only). */
  chatId?: string;
  /** Messages per second overall; default 30 (Telegram's limit for bots). */
  perSecond?: number;
  /** Minimum time between two messages to one chat, ms; default 1000. */
  perChatMs?: number;
  /** The clock for row times AND pacing (UTC); default the system clock. */
  now?: () => Date;
  /** Waits `ms` for pacing; default a timer. A test with a fake clock passes one that advances it. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The pace shared with every other instance on the same bot token (slots in the database, see
   * `src/db/send-pace.ts`); each send first reserves its slot and waits for it. Without it, only this
   * process's own sends are paced.
   */
  pace?: SendPace;
  /**
   * Told once for each row that ended `FAILED` (a request that cannot succeed), after it is marked:
   * e.g. an alert to the administrators. A failure of this hook is logged, never thrown.
   */
  onFailed?: (item: OutboxItem, error: string) => Promise<void>;
}

export interface OutboxSender {
  /** One pass over the due rows; returns how many were sent. Never throws for a failed send. */
  deliverDue(): Promise<number>;
  /**
   * Delivers exactly these rows now, in this order: the replies to an inbound update, just committed
   * by its handler (`OutboxStore.enqueueReplies`), as the handler wrote them (not read back). A row
   * no longer `PENDING` (another process took it) is skipped: its claim fails. They are not paced ahead (neither the
   * per-chat spacing nor the overall pace: answers are not bulk notices); a failure follows the rules of
   * {@link deliverDue} (a 429 defers the row to be delivered later by the loop, never replaced by an
   * error text); after the first row of a chat that fails or is deferred, that chat's later rows are
   * left `PENDING` for the loop (due at once, behind the deferred one), so their order is kept.
   * Never throws for a failed send.
   */
  deliverRows(rows: OutboxItem[]): Promise<void>;
  /**
   * At start: rows a dead process left SENDING become UNCERTAIN (never resent); returns how many. The
   * replies it committed and never tried are due at once (not after their handler's grace).
   */
  recoverInterrupted(): Promise<number>;
  /** When the channel may send again after a bot-wide "retry later" (UTC), if paused. */
  pausedUntil(): Date | null;
}

type Result = 'sent' | 'stop' | 'held' | 'skipped';

export function createOutboxSender(opts: SenderOptions): OutboxSender {
  const { store, logger } = opts;
  const clock = opts.now ?? (() => new Date());
  const ms = () => clock().getTime();
  const sleep = opts.sleep ?? ((wait: number) => new Promise<void>((r) => setTimeout(r, wait)));
  const perSecond = opts.perSecond ?? 30;
  const gapMs = 1000 / perSecond;
  const perChatMs = opts.perChatMs ?? 1000;
  /** When the last request to each chat ended. */
  const lastToChat = new Map<string, number>();
  /** When the last `perSecond` requests ended, oldest first. */
  const recentEnds: number[] = [];
  let lastSend = 0;
  // Spacing is counted from the END of earlier requests: the platform receives a request somewhere
  // between its start and its end, so network jitter can never squeeze more than `perSecond` into a
  // second, or two to one chat into `perChatMs`.
  const ended = (chatId: string) => {
    const at = ms();
    lastToChat.set(chatId, at);
    recentEnds.push(at);
    if (recentEnds.length > perSecond) recentEnds.shift();
  };
  let paused: Date | null = null;
  /** Recent "retry later" answers, for the bot-wide rule. */
  let limited: { chatId: string; at: number; retryAfterMs: number }[] = [];

  /** A rate limit: the row waits its full `retry_after`; the channel pauses only when bot-wide. */
  async function rateLimited(m: OutboxItem, error: RetryLaterError): Promise<Result> {
    const now = ms();
    await store.defer(m.id, { until: new Date(now + error.retryAfterMs), error: error.message, giveBackAttempt: true });
    limited = limited.filter((l) => now - l.at < BOT_WIDE_WINDOW_MS);
    limited.push({ chatId: m.chatId, at: now, retryAfterMs: error.retryAfterMs });
    const chats = new Set(limited.map((l) => l.chatId));
    if (error.scope === 'channel' || chats.size >= BOT_WIDE_CHATS) {
      const wait = Math.min(MAX_PAUSE_MS, Math.max(...limited.map((l) => l.retryAfterMs), error.retryAfterMs));
      paused = new Date(now + wait);
      logger.warn(
        { channel: opts.channel, retryAfterMs: error.retryAfterMs, pauseMs: wait, chats: chats.size, scope: error.scope },
        'rate limited bot-wide: channel paused',
      );
      limited = [];
      return 'stop';
    }
    logger.warn({ channel: opts.channel, outboxId: m.id, chatId: m.chatId, retryAfterMs: error.retryAfterMs }, 'rate limited: this chat deferred');
    return 'held';
  }

  async function failed(m: OutboxItem, error: unknown): Promise<Result> {
    const text = error instanceof Error ? error.message : String(error);
    const now = clock();
    if (error instanceof RetryLaterError) return rateLimited(m, error);
    if (error instanceof UnreachableError) {
      await store.markUnreachable(m, { error: text, at: now, channel: opts.channel });
      logger.warn({ channel: opts.channel, outboxId: m.id, personId: m.personId }, 'recipient unreachable on this channel: held until they write again');
      return 'held';
    }
    if (error instanceof PermanentError) {
      await store.markFailed(m.id, { error: text });
      logger.error(
        { channel: opts.channel, outboxId: m.id, key: m.key, chatId: m.chatId, err: error },
        'delivery failed for good (the platform refused the request)',
      );
      if (opts.onFailed)
        await opts.onFailed(m, text).catch((e: unknown) => logger.error({ err: e, outboxId: m.id }, 'telling the administrators of a failed delivery failed'));
      return 'held';
    }
    // Transient (5xx, network, a store hiccup before the send): back off, stay PENDING.
    const attempts = m.attempts + 1;
    const retryAt = new Date(now.getTime() + backoffMs(attempts));
    await store.defer(m.id, { until: retryAt, error: text });
    logger.warn({ channel: opts.channel, outboxId: m.id, attempts, retryAt, err: error }, 'delivery failed, will retry');
    return 'held';
  }

  async function deliverOne(m: OutboxItem, burst = false): Promise<Result> {
    if (!(await store.claim(m.id))) return 'skipped';
    let partsSent = m.partsSent;
    try {
      // Answers (`burst`, from deliverRows) are not paced ahead: Telegram's ~30 messages a second is a
      // limit on bulk notices, and a person's answer is due now (issue 10's update-path target); a
      // 429 for one defers it like any row. Notices keep the overall pace and the shared slots.
      const wait = burst ? 0 : Math.max(lastSend + gapMs, recentEnds.length >= perSecond ? recentEnds[0]! + 1000 : 0) - ms();
      if (wait > 0) await sleep(wait);
      if (opts.pace && !burst) {
        const slot = await opts.pace.reserve({ channel: opts.channel, chatId: m.chatId, now: clock(), ...(burst ? { burst } : {}) });
        const until = slot.getTime() - ms();
        if (until > 0) await sleep(until);
      }
      lastSend = ms();
      lastToChat.set(m.chatId, lastSend);
      try {
        await opts.send(m.chatId, m.reply, m.locale, {
          from: m.partsSent,
          sent: async (count) => {
            partsSent = count;
            await store.markPartsSent(m.id, count);
          },
        });
      } finally {
        ended(m.chatId);
      }
    } catch (error) {
      try {
        return await failed({ ...m, partsSent }, error);
      } catch (storeError) {
        // The row could not even be marked: it stays SENDING and becomes UNCERTAIN at the next start.
        logger.error({ outboxId: m.id, err: storeError, sendError: error }, 'recording a failed delivery failed');
        return 'held';
      }
    }
    await store.markSent(m.id, clock());
    return 'sent';
  }

  const scope = { channel: opts.channel, ...(opts.chatId !== undefined ? { chatId: opts.chatId } : {}) };
  const isPaused = () => paused !== null && paused.getTime() > ms();
  return {
    pausedUntil: () => paused,
    async deliverRows(rows) {
      const held = new Set<string>();
      const left: number[] = [];
      for (const m of rows) {
        if (held.has(m.chatId) || isPaused()) {
          held.add(m.chatId);
          left.push(m.id);
          continue;
        }
        try {
          const result = await deliverOne(m, true);
          if (result === 'stop' || result === 'held') held.add(m.chatId);
        } catch (error) {
          logger.error({ err: error, outboxId: m.id }, 'delivering a reply failed: left to the delivery loop');
          held.add(m.chatId);
        }
      }
      // What is left is due at once, behind its chat's deferred row (the loop keeps a chat's order).
      if (left.length > 0)
        await store
          .release(left, clock())
          .catch((error: unknown) => logger.error({ err: error, ids: left }, 'releasing replies to the loop failed (they go at their notBefore)'));
    },
    async recoverInterrupted() {
      const count = await store.recoverInterrupted({ ...scope, now: clock() });
      if (count > 0) logger.warn({ channel: opts.channel, count }, 'messages interrupted mid-send marked UNCERTAIN (not resent)');
      return count;
    },
    async deliverDue() {
      if (isPaused()) return 0;
      paused = null;
      const due = await store.due({ ...scope, now: clock(), limit: BATCH });
      let sent = 0;
      /** Chats whose earlier row failed or was deferred in this pass: their later rows wait. */
      const held = new Set<string>();
      for (const m of due) {
        if (held.has(m.chatId)) continue;
        const last = lastToChat.get(m.chatId);
        if (last !== undefined && ms() - last < perChatMs) {
          held.add(m.chatId); // this chat waits for a later pass
          continue;
        }
        const result = await deliverOne(m);
        if (result === 'sent') sent++;
        if (result === 'held') held.add(m.chatId);
        if (result === 'stop') break;
      }
      return sent;
    },
  };
}

/** Key prefix of the administrators' notice of a failed delivery (such a notice is never itself reported). */
const FAILED_ALERT = 'outbox:failed:';

/**
 * The usual `onFailed` of a sender: every administrator is told once per failed row (key
 * `outbox:failed:<channel>:<row id>`) with the channel, the row's key and the platform's answer
 * (≤ 200 characters). At most `maxPerHour` (default 10) such notices an hour (by `now`), so a
 * platform refusing everything cannot flood the administrators: the rest are in the log only. A
 * failed notice of this kind is not reported again (no loop).
 */
export function alertAdminsOfFailure(
  alerts: AdminAlerts,
  channel: string,
  opts: { maxPerHour?: number; now?: () => Date } = {},
): (item: OutboxItem, error: string) => Promise<void> {
  const clock = opts.now ?? (() => new Date());
  const max = opts.maxPerHour ?? 10;
  let told: number[] = [];
  return async (item, error) => {
    if (item.key.startsWith(FAILED_ALERT)) return;
    const at = clock().getTime();
    told = told.filter((t) => at - t < 3_600_000);
    if (told.length >= max) return;
    told.push(at);
    await alerts.alert({
      key: `${FAILED_ALERT}${channel}:${item.id}`,
      reply: { lines: [msg('delivery-failed-admin', { channel, key: item.key, error: truncate(error, 200) })] },
    });
  };
}

/**
 * Runs passes until stopped: right away while messages are due, every `idleMs` otherwise, and when
 * the channel is paused, at the end of the pause (by `now`, the sender's clock).
 */
export function startDeliveryLoop(sender: OutboxSender, opts: { logger: Logger; idleMs?: number; now?: () => Date }): { stop(): Promise<void> } {
  const clock = opts.now ?? (() => new Date());
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let sent = 0;
      try {
        sent = await sender.deliverDue();
      } catch (error) {
        opts.logger.error({ err: error }, 'delivery pass failed');
      }
      if (stopped) break;
      const paused = sender.pausedUntil();
      const delay = paused ? Math.max(50, paused.getTime() - clock().getTime()) : sent > 0 ? 50 : (opts.idleMs ?? 1000);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
