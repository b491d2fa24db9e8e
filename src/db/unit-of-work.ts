/**
 * Ambient transactions: core's {@link UnitOfWork} on a Prisma client, without passing `tx` through
 * every repository.
 *
 * {@link withUnitOfWork} wraps an engine's client (the guarded SQLite client of `./client.ts`, the
 * retrying PostgreSQL client of `./postgres.ts`). Inside `unitOfWork(work)`, `work` runs in an
 * interactive transaction held in an `AsyncLocalStorage`, and every query a repository makes through
 * the wrapped client from `work`'s async context goes to that transaction:
 * - model operations (`prisma.person.findUnique` …) and raw queries (`$queryRaw*`, `$executeRaw*`)
 *   run on the transaction;
 * - a repository's own `$transaction(fn)` becomes a nested transaction (a SAVEPOINT, Prisma 7), so its
 *   failure (a unique violation it catches, say) rolls back to the savepoint and not the whole unit —
 *   on PostgreSQL an error otherwise aborts the transaction; `$transaction([...])` runs its queries in
 *   order on the transaction.
 * Outside a unit of work the client behaves exactly as the engine's.
 *
 * Written here because Prisma has no ambient transaction of its own (its docs suggest passing `tx`,
 * which would touch every repository); the routing is a small proxy over the public client API.
 *
 * The transaction itself is the engine's: Prisma's interactive transaction by default; on SQLite the
 * connection's own `BEGIN`/`COMMIT` (`./client.ts`, `./sqlite-direct.ts`), where the unit's queries
 * go to the client itself (the connection is in the transaction, and the client lets only the unit's
 * own queries run meanwhile).
 *
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { UnitOfWork } from '../core/unit-of-work.ts';
import type { PrismaClient } from './generated/client.ts';

/** The open transaction of the unit of work whose async context we are in. */
interface Ambient {
  tx: PrismaClient;
  /** False once the unit has ended: late work it left behind (timers) uses the client again. */
  open: boolean;
}

/** Client members that are not queries: always the engine client's own. */
const CLIENT_ONLY = new Set<string | symbol>(['$connect', '$disconnect', '$on', '$use', '$extends', 'then', 'constructor']);

/** A client's transaction handle, as `$transaction(fn)` passes it. */
type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Runs a write whose failure the caller catches (a unique violation meaning "someone else wrote it
 * first") in its own transaction: inside a unit of work that is a SAVEPOINT, so the failure rolls back
 * to it and the unit goes on; PostgreSQL would otherwise abort the whole unit. Outside one, a plain
 * one-statement transaction.
 */
export function isolated<T>(prisma: PrismaClient, write: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(write);
}

/** How long one unit of work may take before the database gives up on it (ms): rolled back, its lock freed. */
export const UNIT_TIMEOUT_MS = 30_000;

/**
 * Opens one transaction and runs `work` in it with the client its queries go to; commits when `work`
 * resolves, rolls back when it rejects (and rejects with its error).
 */
export type OpenTransaction = <T>(work: (tx: PrismaClient) => Promise<T>) => Promise<T>;

/** Runs `work` in a savepoint of the open transaction: released when it resolves, rolled back to when it rejects. */
export type OpenSavepoint = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * The client that routes to the ambient transaction, and the unit of work that opens one.
 * @param client the engine's client; its `$transaction` keeps its own guarantees (SQLite's lock and
 *   busy retry, PostgreSQL's SERIALIZABLE level and conflict retry), which apply to the whole unit.
 * @param open how a unit's transaction is opened; default `client.$transaction(work, { timeout:
 *   UNIT_TIMEOUT_MS })`, Prisma's interactive transaction.
 * @param savepoint how a nested `$transaction(fn)` runs inside a unit opened by `open` (its `fn`
 *   gets the routing client); default the transaction client's own `$transaction` (Prisma's savepoint).
 */
export function withUnitOfWork(client: PrismaClient, open?: OpenTransaction, savepoint?: OpenSavepoint): { prisma: PrismaClient; unitOfWork: UnitOfWork } {
  const ambient = new AsyncLocalStorage<Ambient>();
  const current = (): Ambient | undefined => {
    const a = ambient.getStore();
    return a?.open ? a : undefined;
  };

  /** `$transaction` inside a unit: nested (savepoint) for a callback, in order for an array. */
  const nested = (a: Ambient, args: unknown[]): Promise<unknown> => {
    const [work] = args;
    if (typeof work === 'function') {
      const fn = work as (tx: PrismaClient) => Promise<unknown>;
      if (savepoint && a.tx === client) return savepoint(() => fn(prisma));
      return (a.tx.$transaction as unknown as (f: (tx: PrismaClient) => Promise<unknown>) => Promise<unknown>)((inner) =>
        ambient.run({ tx: inner, open: true }, () => fn(inner)),
      );
    }
    return (async () => {
      const results: unknown[] = [];
      for (const query of work as Promise<unknown>[]) results.push(await query);
      return results;
    })();
  };

  const $transaction = (...args: unknown[]): Promise<unknown> => {
    const a = current();
    if (a) return nested(a, args);
    return (client.$transaction as unknown as (...x: unknown[]) => Promise<unknown>)(...args);
  };

  const prisma = new Proxy(client, {
    get(target, property) {
      if (property === '$transaction') return $transaction;
      const a = CLIENT_ONLY.has(property) ? undefined : current();
      if (a) return Reflect.get(a.tx, property, a.tx) as unknown;
      return Reflect.get(target, property, target) as unknown;
    },
  });

  const unitOfWork: UnitOfWork = async <T>(work: () => Promise<T>): Promise<T> => {
    const a = current();
    // Already inside one: the work joins it (it commits with the enclosing unit).
    if (a) return work();
    const inside = async (tx: PrismaClient): Promise<T> => {
      const context: Ambient = { tx, open: true };
      try {
        return await ambient.run(context, work);
      } finally {
        context.open = false;
      }
    };
    if (open) return open(inside);
    const run = client.$transaction as unknown as (fn: (tx: PrismaClient) => Promise<T>, options?: { timeout?: number }) => Promise<T>;
    return run(inside, { timeout: UNIT_TIMEOUT_MS });
  };

  return { prisma, unitOfWork };
}
