/** The recipient blocked the bot, deleted their account or left the window the platform allows. */
export class UnreachableError extends Error {
    name = 'UnreachableError';
}
/** The platform asks to wait `retryAfterMs` before sending again (rate limit). */
export class RetryLaterError extends Error {
    retryAfterMs;
    name = 'RetryLaterError';
    constructor(message, retryAfterMs) {
        super(message);
        this.retryAfterMs = retryAfterMs;
    }
}
export const MAX_ATTEMPTS = 5;
/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … */
export const backoffMs = (attempt) => 30_000 * 2 ** Math.max(0, attempt - 1);
/** Rows read per pass. */
const BATCH = 200;
export function createOutboxSender(opts) {
    const { store, logger } = opts;
    const clock = opts.now ?? (() => new Date());
    const ms = () => clock().getTime();
    const sleep = opts.sleep ?? ((wait) => new Promise((r) => setTimeout(r, wait)));
    const perSecond = opts.perSecond ?? 30;
    const gapMs = 1000 / perSecond;
    const perChatMs = opts.perChatMs ?? 1000;
    /** When the last request to each chat ended. */
    const lastToChat = new Map();
    /** When the last `perSecond` requests ended, oldest first. */
    const recentEnds = [];
    let lastSend = 0;
    // Spacing is counted from the END of earlier requests: the platform receives a request somewhere
    // between its start and its end, so network jitter can never squeeze more than `perSecond` into a
    // second, or two to one chat into `perChatMs`.
    const ended = (chatId) => {
        const at = ms();
        lastToChat.set(chatId, at);
        recentEnds.push(at);
        if (recentEnds.length > perSecond)
            recentEnds.shift();
    };
    let paused = null;
    async function deliverOne(m) {
        if (!(await store.claim(m.id)))
            return 'next';
        const wait = Math.max(lastSend + gapMs, recentEnds.length >= perSecond ? recentEnds[0] + 1000 : 0) - ms();
        if (wait > 0)
            await sleep(wait);
        lastSend = ms();
        lastToChat.set(m.chatId, lastSend);
        try {
            try {
                await opts.send(m.chatId, m.reply, m.locale);
            }
            finally {
                ended(m.chatId);
            }
            await store.markSent(m.id, clock());
            return 'sent';
        }
        catch (error) {
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
            if (attempts >= MAX_ATTEMPTS)
                await store.markFailed(m.id, { error: text, retryAt });
            else
                await store.defer(m.id, { until: retryAt, error: text });
            logger.warn({ outboxId: m.id, attempts, err: error }, attempts >= MAX_ATTEMPTS ? 'delivery failed for good' : 'delivery failed, will retry');
            return 'next';
        }
    }
    const scope = { channel: opts.channel, ...(opts.chatId !== undefined ? { chatId: opts.chatId } : {}) };
    return {
        pausedUntil: () => paused,
        async recoverInterrupted() {
            const count = await store.recoverInterrupted(scope);
            if (count > 0)
                logger.warn({ channel: opts.channel, count }, 'messages interrupted mid-send marked UNCERTAIN (not resent)');
            return count;
        },
        async deliverDue() {
            const now = clock();
            if (paused && paused.getTime() > now.getTime())
                return 0;
            paused = null;
            const due = await store.due({ ...scope, now, limit: BATCH });
            let sent = 0;
            for (const m of due) {
                const last = lastToChat.get(m.chatId);
                if (last !== undefined && ms() - last < perChatMs)
                    continue; // this chat waits for a later pass
                const result = await deliverOne(m);
                if (result === 'sent')
                    sent++;
                if (result === 'stop')
                    break;
            }
            return sent;
        },
    };
}
/**
 * Runs passes until stopped: right away while messages are due, every `idleMs` otherwise, and when
 * the channel is deferred, at the end of the deferral (by `now`, the sender's clock).
 */
export function startDeliveryLoop(sender, opts) {
    const clock = opts.now ?? (() => new Date());
    let stopped = false;
    let wake;
    const loop = (async () => {
        while (!stopped) {
            let sent = 0;
            try {
                sent = await sender.deliverDue();
            }
            catch (error) {
                opts.logger.error({ err: error }, 'delivery pass failed');
            }
            if (stopped)
                break;
            const paused = sender.pausedUntil();
            const delay = paused ? Math.max(50, paused.getTime() - clock().getTime()) : sent > 0 ? 50 : (opts.idleMs ?? 1000);
            await new Promise((resolve) => {
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
//# sourceMappingURL=delivery.js.map