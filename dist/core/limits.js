/**
 * Limits against guessing and flooding (issue [3/9]): ports only; the in-memory implementations
 * (rate-limiter-flexible) are in `src/limits/`. Several instances of the bot would pass a
 * database- or Redis-backed implementation of the same ports (rate-limiter-flexible ships both).
 */
/** Limits that never refuse (tests of other features, tools). */
export const NO_ATTEMPT_LIMIT = {
    waitMs: async () => 0,
    fail: async () => ({ waitMs: 0, started: false }),
    reset: async () => undefined,
};
export const NO_INBOUND_LIMIT = { take: async () => ({ allowed: true }) };
/** The attempt-limiter key of an identity. */
export const identityKey = (channel, externalId) => `id:${channel}:${externalId}`;
//# sourceMappingURL=limits.js.map