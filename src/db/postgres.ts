/**
 * PostgreSQL through Prisma 7's `pg` driver adapter (`@prisma/adapter-pg`): the engine for a ward or a
 * province that outgrows one SQLite file, or runs several bot processes.
 *
 * The client is generated from `prisma/postgres/schema.prisma` (the same models as the SQLite schema,
 * see `./postgres-schema.ts`) into `src/db/generated-pg`, and handed to repositories typed as the
 * SQLite client: both expose the same model API, and repositories use only what both engines support.
 *
 * @module
 */
import { alreadyDurable, type Durable } from './durability.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { someErrorInChain } from './error-chain.ts';
import { PrismaClient as PostgresClient } from './generated-pg/client.ts';
import type { PrismaClient } from './generated/client.ts';
import type { UnitOfWork } from '../core/unit-of-work.ts';
import { withUnitOfWork } from './unit-of-work.ts';

export { isPostgresUrl } from './engine.ts';

/** How many times a transaction that meets a serialization failure or a deadlock is run at most. */
export const CONFLICT_ATTEMPTS = 10;

/**
 * Whether `error` is a transaction conflict PostgreSQL asks the client to retry: Prisma's P2034
 * ("write conflict or a deadlock"), or SQLSTATE 40001 (serialization_failure) / 40P01
 * (deadlock_detected) from the driver, also as a `cause`.
 */
export function isConflictError(error: unknown): boolean {
  return someErrorInChain(
    error,
    (o) => o.code === 'P2034' || o.code === '40001' || o.code === '40P01' || o.originalCode === '40001' || o.originalCode === '40P01',
  );
}

/** Options of {@link createPostgresDatabase}. */
export interface PostgresDatabaseOptions {
  /** `postgresql://user:password@host:port/database?…` */
  databaseUrl: string;
  /** Connections in the pool; default 10 (a bot process needs few: SQLite works with one). */
  poolSize?: number;
}

/**
 * Opens a pooled PostgreSQL client. Sessions run in UTC (`timezone=UTC` is set per connection) and
 * every `DateTime` column is `timestamptz`, so stored instants never depend on the server's
 * `timezone` setting. Transactions are SERIALIZABLE unless the caller asks otherwise (as every
 * SQLite transaction is); one that fails with a serialization failure or a deadlock is run again
 * whole (at most {@link CONFLICT_ATTEMPTS} times): keep side effects other than database writes out
 * of their callbacks, as on SQLite.
 *
 * Does not create tables: apply migrations first (`applyMigrations` in `./migrate.ts`).
 *
 * @throws Error if the server cannot be reached or refuses the credentials.
 */
export async function createPostgresDatabase({ databaseUrl, poolSize = 10 }: PostgresDatabaseOptions): Promise<{
  prisma: PrismaClient;
  engine: 'postgresql';
  unitOfWork: UnitOfWork;
  durable: Durable;
  close(): Promise<void>;
}> {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize, options: '-c timezone=UTC' });
  // A transaction waits for a free pooled connection up to `maxWait` (Prisma's default, 2 s, is
  // short for a burst of sends on a busy machine); `timeout` bounds how long one may stay open.
  const raw = new PostgresClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
  try {
    await raw.$connect();
    await raw.$queryRawUnsafe('SELECT 1');
  } catch (error) {
    await raw.$disconnect().catch(() => {});
    throw error;
  }
  const base = raw as unknown as PrismaClient;
  type TransactionArgs = Parameters<PrismaClient['$transaction']>;
  const $transaction = async (...args: TransactionArgs): Promise<unknown> => {
    // Serializable unless the caller chose: SQLite, where the repositories were first written, runs
    // every transaction serializably, so check-then-write code (a vote and the decision it triggers,
    // a grant with no unit, a daily limit) is correct there and must be here too. A transaction that
    // loses a race fails with 40001 and runs again below, seeing the winner's rows.
    const [work, options] = args as [unknown, { isolationLevel?: string } | undefined];
    const withLevel = [work, { isolationLevel: 'Serializable', ...options }] as unknown as TransactionArgs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await base.$transaction(...withLevel);
      } catch (error) {
        if (attempt >= CONFLICT_ATTEMPTS || !isConflictError(error)) throw error;
        await new Promise((done) => setTimeout(done, Math.random() * 20 * attempt));
      }
    }
  };
  const retrying = new Proxy(base, {
    get(target, property) {
      if (property === '$transaction') return $transaction;
      return Reflect.get(target, property, target) as unknown;
    },
  });
  const { prisma, unitOfWork } = withUnitOfWork(retrying);
  let closed = false;
  return {
    prisma,
    engine: 'postgresql',
    unitOfWork,
    durable: alreadyDurable,
    async close() {
      if (closed) return;
      closed = true;
      await raw.$disconnect();
    },
  };
}
