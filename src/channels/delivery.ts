/**
 * The outbox sender: delivers every proactive message once, at a pace the platform accepts.
 *
 * - Interactive replies go through the outbox too: the handler queues them with the update's state
 *   change (`OutboxStore.enqueueReplies`) and delivers them at once with {@link OutboxSender.deliverRows};
 *   the loop delivers whatever that left (a 429, a crash).
 * - Due PENDING rows of one channel are claimed (PENDING → SENDING, one process wins), rendered in
 *   the recipient's language, sent, then marked SENT.
 * - Pace: at most `perSecond` messages per second overall and one per `perChatMs` per chat
 *   (Telegram: about 30/s overall, 1/s per chat). A chat sent to too recently waits for a later pass.
 * - "Retry later" (Telegram 429 with `retry_after`): the row and the whole channel are deferred by
 *   that much — no sleeping — so other work goes on.
 * - Unreachable (blocked the bot, deactivated, outside the platform's window): the row becomes
 *   UNREACHABLE and the person is marked unreachable; nothing more is sent until they write again.
 * - Other failures: retried with backoff, at most {@link MAX_ATTEMPTS} times, then FAILED.
 * - A row left SENDING by a process that died mid-send may or may not have reached the person: it is
 *   marked UNCERTAIN at start and never sent again (nothing is sent twice), and logged.
 * - Time: one injected clock (`now`) stamps the rows and paces the sends; the rows are reached only
 *   through core's {@link OutboxStore} port.
 *
 * Written here rather than with a throttling plugin: grammY's own docs advise against its throttler,
 * and the outbox needs deferral of rows across restarts, not an in-memory queue.
 */
import type { Locale, Reply } from '../core/channel.ts';
import type { SendPace } from '../core/pace.ts';
import type { OutboxItem, OutboxStore } from '../core/outbox.ts';
import type { Logger } from '../logger.ts';

/** Sends one reply to a chat. Throws {@link UnreachableError} or {@link RetryLaterError} when it applies. */
export type ChannelSender = (chatId: string, reply: Reply, locale: Locale) => Promise<void>;

/** The recipient blocked the bot, deleted their account or left the window the platform allows. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** The platform asks to wait `retryAfterMs` before sending again (rate limit). */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

export const MAX_ATTEMPTS = 5;
/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … */
export const backoffMs = (attempt: number): number => 30_000 * 2 ** Math.max(0, attempt - 1);
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
}

export interface OutboxSender {
  /** One pass over the due rows; returns how many were sent. Never throws for a failed send. */
  deliverDue(): Promise<number>;
  /** At start: rows a dead process left SENDING become UNCERTAIN (never resent); returns how many. */
  recoverInterrupted(): Promise<number>;
  /**
   * Delivers exactly these rows now, in this order: the replies to an inbound update, just committed
   * by its handler (`OutboxStore.enqueueReplies`). Rows of other channels or no longer `PENDING`
   * (another process took them, already sent) are skipped. They skip the per-chat spacing (a person's
   * own conversation may burst) but keep the overall pace. A failure follows the rules of
   * {@link deliverDue} (a 429 defers the row to be delivered later by the loop, never replaced by an
   * error text); after the first row of a chat that fails or is deferred, that chat's later rows are
   * left `PENDING` for the loop, so their order is kept. Never throws for a failed send.
   */
  deliverRows(ids: number[]): Promise<void>;
  /** When the channel may send again after a "retry later" (UTC), if deferred. */
  pausedUntil(): Date | null;
}

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

  async function deliverOne(m: OutboxItem, burst = false): Promise<'sent' | 'stop' | 'next' | 'skipped'> {
    if (!(await store.claim(m.id))) return 'skipped';
    const wait = Math.max(lastSend + gapMs, recentEnds.length >= perSecond ? recentEnds[0]! + 1000 : 0) - ms();
    if (wait > 0) await sleep(wait);
    if (opts.pace) {
      const slot = await opts.pace.reserve({ channel: opts.channel, chatId: m.chatId, now: clock(), ...(burst ? { burst } : {}) });
      const until = slot.getTime() - ms();
      if (until > 0) await sleep(until);
    }
    lastSend = ms();
    lastToChat.set(m.chatId, lastSend);
    try {
      try {
        await opts.send(m.chatId, m.reply, m.locale);
      } finally {
        ended(m.chatId);
      }
      await store.markSent(m.id, clock());
      return 'sent';
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const now = clock();
      if (error instanceof RetryLaterError) {
        paused = new Date(now.getTime() + error.retryAfterMs);
        // Not the message's fault: the attempt is given back.
        await store.defer(m.id, { until: paused, error: text, giveBackAttempt: true });
        logger.warn({ channel: opts.channel, retryAfterMs: error.retryAfterMs }, 'rate limited: channel deferred');
        return 'stop';
      }
      if (error instanceof UnreachableError) {
        await store.markUnreachable(m, { error: text, at: now });
        logger.warn({ outboxId: m.id, personId: m.personId }, 'recipient unreachable: held until they write again');
        return 'next';
      }
      const attempts = m.attempts + 1;
      const retryAt = new Date(now.getTime() + backoffMs(attempts));
      if (attempts >= MAX_ATTEMPTS) await store.markFailed(m.id, { error: text, retryAt });
      else await store.defer(m.id, { until: retryAt, error: text });
      logger.warn({ outboxId: m.id, attempts, err: error }, attempts >= MAX_ATTEMPTS ? 'delivery failed for good' : 'delivery failed, will retry');
      return 'next';
    }
  }

  const scope = { channel: opts.channel, ...(opts.chatId !== undefined ? { chatId: opts.chatId } : {}) };
  return {
    pausedUntil: () => paused,
    async deliverRows(ids) {
      let rows: OutboxItem[];
      try {
        rows = await store.pending({ channel: opts.channel, ids });
      } catch (error) {
        logger.error({ err: error, ids }, 'reading replies to deliver failed: left to the delivery loop');
        return;
      }
      const held = new Set<string>();
      for (const m of rows) {
        if (held.has(m.chatId)) continue;
        if (paused && paused.getTime() > ms()) {
          held.add(m.chatId);
          continue;
        }
        try {
          const result = await deliverOne(m, true);
          if (result === 'stop' || result === 'next') held.add(m.chatId);
        } catch (error) {
          logger.error({ err: error, outboxId: m.id }, 'delivering a reply failed: left to the delivery loop');
          held.add(m.chatId);
        }
      }
    },
    async recoverInterrupted() {
      const count = await store.recoverInterrupted(scope);
      if (count > 0) logger.warn({ channel: opts.channel, count }, 'messages interrupted mid-send marked UNCERTAIN (not resent)');
      return count;
    },
    async deliverDue() {
      const now = clock();
      if (paused && paused.getTime() > now.getTime()) return 0;
      paused = null;
      const due = await store.due({ ...scope, now, limit: BATCH });
      let sent = 0;
      for (const m of due) {
        const last = lastToChat.get(m.chatId);
        if (last !== undefined && ms() - last < perChatMs) continue; // this chat waits for a later pass
        const result = await deliverOne(m);
        if (result === 'sent') sent++;
        if (result === 'stop') break;
      }
      return sent;
    },
  };
}

/**
 * Runs passes until stopped: right away while messages are due, every `idleMs` otherwise, and when
 * the channel is deferred, at the end of the deferral (by `now`, the sender's clock).
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
