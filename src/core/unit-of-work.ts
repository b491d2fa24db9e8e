/**
 * The unit of work (port): runs a piece of work so that every store write it makes, through any
 * repository of the same database, commits together or not at all.
 *
 * The channels run each inbound update in one: the update's inbox entry turning DONE, the state
 * change core makes (a dialog step, a nomination, a vote and the notices it triggers) and the replies
 * written to the outbox. A crash before the commit leaves nothing of it (the update is replayed from
 * the inbox); after it, the replies are in the outbox and are delivered (issue 10).
 *
 * Implemented in `src/db/unit-of-work.ts` (one database transaction, made ambient so that repositories
 * need not pass it along).
 */

/**
 * Runs `work` in one transaction and returns its result.
 *
 * `work` may run more than once (the database asks to retry a transaction that lost a race: SQLite
 * locked by another process, a PostgreSQL serialization failure): keep side effects other than store
 * writes out of it (send nothing, call no platform).
 * @throws what `work` throws (nothing of it is kept), or the store's error when it cannot commit.
 */
export type UnitOfWork = <T>(work: () => Promise<T>) => Promise<T>;

/** A unit of work that is no transaction: for in-memory fakes in tests and the console. */
export const noTransaction: UnitOfWork = (work) => work();
