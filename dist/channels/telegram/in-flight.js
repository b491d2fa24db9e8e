/** How long a stop waits for updates in flight, at most (ms): a supervisor's kill follows soon. */
export const DRAIN_TIMEOUT_MS = 10_000;
const trackers = new WeakMap();
/**
 * Installs the counting middleware; call before any other `bot.use`, so the count covers the whole
 * handling of an update (queueing per chat included).
 */
export function trackInFlight(bot) {
    const tracker = { count: 0, idle: [] };
    trackers.set(bot, tracker);
    bot.use(async (_ctx, next) => {
        tracker.count += 1;
        try {
            await next();
        }
        finally {
            tracker.count -= 1;
            if (tracker.count === 0)
                for (const done of tracker.idle.splice(0))
                    done();
        }
    });
}
/**
 * Waits until no update is in flight, or `timeoutMs` passed (then logs how many were cut off).
 * @returns Whether every update finished.
 */
export async function drainInFlight(bot, logger, timeoutMs = DRAIN_TIMEOUT_MS) {
    const tracker = trackers.get(bot);
    if (!tracker || tracker.count === 0)
        return true;
    logger.info({ inFlight: tracker.count }, 'stopping: waiting for updates in flight');
    let timer;
    const finished = await Promise.race([
        new Promise((resolve) => tracker.idle.push(() => resolve(true))),
        new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (finished)
        logger.info('stopping: updates in flight finished');
    else
        logger.warn({ inFlight: tracker.count, timeoutMs }, 'stopping: updates still in flight after the wait; they will be redelivered');
    return finished;
}
//# sourceMappingURL=in-flight.js.map