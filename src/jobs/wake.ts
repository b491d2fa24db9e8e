/**
 * Wakes the job dispatcher at the start of every minute (hh:mm:00 by the system clock), in place of
 * node-cron: the dispatcher only needs a nudge each minute, since every schedule is read by
 * cron-parser in the bot's zone and the database decides what is due (src/jobs/scheduler.ts).
 *
 * Re-armed with `setTimeout` for each minute (not `setInterval`), so it never drifts; a tick that
 * throws or rejects is reported to `onError` and the next minute comes anyway.
 */

/** Length of a minute, in milliseconds. */
const MINUTE_MS = 60_000;

export interface MinuteWake {
  /** No more ticks after this. */
  stop(): void;
}

/**
 * Calls `tick` at the start of every minute until stopped.
 * @param opts.now the clock (ms since the epoch); default `Date.now`.
 */
export function startMinuteWake(tick: () => Promise<unknown>, opts: { onError: (error: unknown) => void; now?: () => number }): MinuteWake {
  const now = opts.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        tick().catch(opts.onError);
        arm();
      },
      MINUTE_MS - (now() % MINUTE_MS),
    );
  };
  arm();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
