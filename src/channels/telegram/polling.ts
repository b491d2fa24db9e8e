/**
 * Long polling that survives what a deploy does to it (issue 10, issue 18):
 *
 * - **409 Conflict** ("terminated by other getUpdates request" — a second instance with the same
 *   token during a rolling deploy — or "can't use getUpdates method while webhook is active"): the
 *   poller waits and retries with a growing pause (to {@link CONFLICT_MAX_PAUSE_MS}), logging once
 *   when it starts and once when it ends, instead of exiting 1 and making a supervisor loop.
 * - **Other fetch failures** (network, 5xx) go through the pino logger, one line per streak, instead
 *   of the runner's multi-line plain text on stderr (the runner is made `silent`).
 *
 * Installed as an API transformer on `getUpdates` only.
 *
 * @module
 */
import type { Transformer } from 'grammy';
import type { Logger } from '../../logger.ts';

/** First pause after a 409, doubled each time up to {@link CONFLICT_MAX_PAUSE_MS}. */
export const CONFLICT_FIRST_PAUSE_MS = 1000;
export const CONFLICT_MAX_PAUSE_MS = 60_000;

export interface PollingGuardOptions {
  logger: Logger;
  /** First pause after a 409 (tests shorten it); default {@link CONFLICT_FIRST_PAUSE_MS}. */
  conflictPauseMs?: number;
}

/** Waits `ms`, or rejects at once when `signal` aborts (the runner is stopping). */
function pause(ms: number, signal?: Pick<AbortSignal, 'aborted' | 'addEventListener' | 'removeEventListener'>): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('polling stopped'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('polling stopped'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The `getUpdates` transformer; see the module comment. */
export function pollingGuard(opts: PollingGuardOptions): Transformer {
  const { logger } = opts;
  const firstPause = opts.conflictPauseMs ?? CONFLICT_FIRST_PAUSE_MS;
  let failing = false;
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    let wait = firstPause;
    let conflicted = false;
    for (;;) {
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (!failing && !signal?.aborted) logger.warn({ err: error }, 'telegram polling failed; retrying');
        failing = true;
        throw error;
      }
      if (!result.ok && result.error_code === 409) {
        if (!conflicted)
          logger.warn(
            { description: result.description },
            'telegram polling conflict (409): another instance polls with this token, or a webhook is set; waiting and retrying',
          );
        conflicted = true;
        await pause(wait, signal as Parameters<typeof pause>[1]);
        wait = Math.min(CONFLICT_MAX_PAUSE_MS, wait * 2);
        continue;
      }
      if (result.ok && (failing || conflicted)) logger.info('telegram polling resumed');
      if (!result.ok && !failing) logger.warn({ code: result.error_code, description: result.description }, 'telegram polling failed; retrying');
      failing = !result.ok;
      return result;
    }
  };
}
