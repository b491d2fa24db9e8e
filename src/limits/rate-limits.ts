/**
 * In-memory implementations of core's {@link AttemptLimiter} and {@link InboundLimiter} on
 * rate-limiter-flexible (`RateLimiterMemory`). One process only: with several instances, build the
 * same limiters on `RateLimiterRedis` (ioredis) or `RateLimiterPostgres` — same options, same API.
 *
 * @module
 */
import { createRequire } from 'node:module';
import type { RateLimiterMemory as MemoryLimiter, RateLimiterRes as LimiterRes } from 'rate-limiter-flexible';
import type { AttemptLimiter, InboundLimiter } from '../core/limits.ts';
import type { Logger } from '../logger.ts';

/** One step of the back-off: `points` wrong tries per `seconds`, then blocked for `seconds`. */
export interface AttemptTier {
  points: number;
  seconds: number;
}

/**
 * Wrong codes: 5 per 15 minutes, then 15 minutes' wait; 20 per day, then a day's wait. A code of 40+
 * bits found by 20 guesses a day would take longer than the age of the universe.
 */
export const DEFAULT_ATTEMPT_TIERS: readonly AttemptTier[] = [
  { points: 5, seconds: 15 * 60 },
  { points: 20, seconds: 24 * 60 * 60 },
];

// The two classes used, not the package's index, which loads every limiter it has (Redis, Mongo,
// MySQL, DynamoDB …: 36 files, ≈0.1 s of the bot's start).
const require = createRequire(import.meta.url);
const RateLimiterMemory = require('rate-limiter-flexible/lib/RateLimiterMemory.js') as typeof MemoryLimiter;
const RateLimiterRes = require('rate-limiter-flexible/lib/RateLimiterRes.js') as typeof LimiterRes;

const rejected = (e: unknown): e is LimiterRes => e instanceof RateLimiterRes;

export function createAttemptLimiter(opts: { logger: Logger; tiers?: readonly AttemptTier[] }): AttemptLimiter {
  const tiers = (opts.tiers ?? DEFAULT_ATTEMPT_TIERS).map((t, i) => ({
    points: t.points,
    limiter: new RateLimiterMemory({ keyPrefix: `attempt${i}`, points: t.points, duration: t.seconds, blockDuration: t.seconds }),
  }));
  return {
    async waitMs(keys) {
      let wait = 0;
      for (const { points, limiter } of tiers) {
        for (const key of keys) {
          const res = await limiter.get(key);
          if (res && res.consumedPoints > points) wait = Math.max(wait, res.msBeforeNext);
        }
      }
      return wait;
    },
    async fail(keys) {
      let wait = 0;
      let started = false;
      for (const { points, limiter } of tiers) {
        for (const key of keys) {
          try {
            await limiter.consume(key);
          } catch (e) {
            if (!rejected(e)) throw e;
            wait = Math.max(wait, e.msBeforeNext);
            if (e.consumedPoints === points + 1) {
              started = true;
              opts.logger.warn({ key, limit: points, waitMs: e.msBeforeNext }, 'too many wrong codes: attempts blocked');
            }
          }
        }
      }
      return { waitMs: wait, started };
    },
    async reset(keys) {
      for (const { limiter } of tiers) for (const key of keys) await limiter.delete(key);
    },
  };
}

/** Inbound messages and taps per person: 60 per minute by default (a fast typist sends ~10, a checklist run ~20). */
export const DEFAULT_INBOUND_PER_MINUTE = 60;

export function createInboundLimiter(opts: { logger: Logger; perMinute?: number }): InboundLimiter {
  const points = opts.perMinute ?? DEFAULT_INBOUND_PER_MINUTE;
  const limiter = new RateLimiterMemory({ keyPrefix: 'inbound', points, duration: 60 });
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (e) {
        if (!rejected(e)) throw e;
        const first = e.consumedPoints === points + 1;
        if (first) opts.logger.warn({ key, limit: points, retryMs: e.msBeforeNext }, 'inbound rate limit reached');
        return { allowed: false, first, retryMs: e.msBeforeNext };
      }
    },
  };
}
