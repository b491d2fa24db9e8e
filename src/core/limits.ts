/**
 * Limits against guessing and flooding (issue [3/9]): ports only; the in-memory implementations
 * (rate-limiter-flexible) are in `src/limits/`. Several instances of the bot would pass a
 * database- or Redis-backed implementation of the same ports (rate-limiter-flexible ships both).
 */

/**
 * Wrong codes (invite codes `/thamgia`, link codes `/lienket`): counted per key (an identity
 * `id:<channel>:<externalId>`, a typed code `code:<code>`), refused with a growing wait once a
 * key has too many wrong tries (back-off: a short window first, then a whole day).
 */
export interface AttemptLimiter {
  /** Milliseconds until every key of `keys` may try again; 0 when all may try now. Counts nothing. */
  waitMs(keys: string[]): Promise<number>;
  /**
   * Counts one wrong attempt for every key. `waitMs` is the wait now in force (0 = may go on);
   * `started` is true for the attempt that made a key hit its limit (log it once, tell the admins).
   */
  fail(keys: string[]): Promise<{ waitMs: number; started: boolean }>;
  /** Forgets the counts of `keys` (after a right code). */
  reset(keys: string[]): Promise<void>;
}

/** The result of counting one inbound message of a person. */
export type InboundVerdict =
  | { allowed: true }
  /** Over the limit: do no work. `first` only for the first refused message of this stretch (answer it once). */
  | { allowed: false; first: boolean; retryMs: number };

/**
 * Per-person limit on inbound messages and taps (key: `<channel>:<externalId>`), checked before any
 * work (no database lookup). Generous: a fast typist or a quick run through a checklist never meets it.
 */
export interface InboundLimiter {
  take(key: string): Promise<InboundVerdict>;
}

/** Limits that never refuse (tests of other features, tools). */
export const NO_ATTEMPT_LIMIT: AttemptLimiter = {
  waitMs: async () => 0,
  fail: async () => ({ waitMs: 0, started: false }),
  reset: async () => undefined,
};
export const NO_INBOUND_LIMIT: InboundLimiter = { take: async () => ({ allowed: true }) };

/** The attempt-limiter key of an identity. */
export const identityKey = (channel: string, externalId: string): string => `id:${channel}:${externalId}`;
