/**
 * Watching an outbox store (the core port) for what a sender does with each row, so a test awaits
 * the outcome of a delivery instead of polling the table: wrap the store handed to the sender, then
 * `await watch.settled(id)`.
 */
import type { OutboxStore } from '../../src/core/outbox.ts';

/** How a row's delivery ended: the store call that took it out of the sender's hands. */
export type OutboxOutcome = 'SENT' | 'FAILED' | 'UNREACHABLE';

export interface OutboxWatch {
  /** The store to hand to the sender: the watched one, each call recorded once its write is done. */
  store: OutboxStore;
  /**
   * How row `id` ended: at once if it already has, else when it does (a deferral is not an end; the
   * test's own timeout bounds the wait).
   */
  settled(id: number): Promise<OutboxOutcome>;
  /** How many times row `id` was deferred (sent back to `PENDING`) so far. */
  deferrals(id: number): number;
}

export function watchOutbox(store: OutboxStore): OutboxWatch {
  const outcomes = new Map<number, OutboxOutcome>();
  const deferred = new Map<number, number>();
  const waiters = new Map<number, ((o: OutboxOutcome) => void)[]>();
  const end = (id: number, outcome: OutboxOutcome) => {
    if (!outcomes.has(id)) outcomes.set(id, outcome);
    for (const resolve of waiters.get(id) ?? []) resolve(outcome);
    waiters.delete(id);
  };
  return {
    store: {
      ...store,
      async markSent(id, at) {
        await store.markSent(id, at);
        end(id, 'SENT');
      },
      async defer(id, opts) {
        await store.defer(id, opts);
        deferred.set(id, (deferred.get(id) ?? 0) + 1);
      },
      async markFailed(id, opts) {
        await store.markFailed(id, opts);
        end(id, 'FAILED');
      },
      async markUnreachable(item, opts) {
        await store.markUnreachable(item, opts);
        end(item.id, 'UNREACHABLE');
      },
    },
    settled(id) {
      const done = outcomes.get(id);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
    deferrals: (id) => deferred.get(id) ?? 0,
  };
}
