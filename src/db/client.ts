/**
 * The one Prisma client factory of thidua-bot (SQLite through the better-sqlite3 driver adapter).
 *
 * The client it returns is made safe for concurrent use (see {@link createDatabase}): an open
 * interactive transaction excludes every other query of the client, and transactions that meet
 * SQLITE_BUSY (another process writing) are retried. Repositories need not know about either.
 *
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { StoreBusyError } from '../core/store-busy.ts';
import { someErrorInChain } from './error-chain.ts';
import { PrismaClient } from './generated/client.ts';
import { isPostgresUrl } from './engine.ts';
import type { UnitOfWork } from '../core/unit-of-work.ts';
import { UNIT_TIMEOUT_MS, withUnitOfWork, type OpenTransaction } from './unit-of-work.ts';
import { directConnections, directSql, plainTemplate, type DirectSql } from './sqlite-direct.ts';
import type { StatementCache } from './statement-cache.ts';
import { alreadyDurable, createDurability, type Durable } from './durability.ts';

export type { PrismaClient };

/**
 * Whether an error is a unique-constraint violation: "someone else already wrote it". A model query's
 * is Prisma's P2002; a plain SQL statement's is Prisma's P2010 whose driver error is of kind
 * `UniqueConstraintViolation` (PostgreSQL), or SQLite's own `SQLITE_CONSTRAINT_UNIQUE` /
 * `…_PRIMARYKEY` when it ran on the connection directly (`./sqlite-direct.ts`).
 */
export const isUniqueViolation = (error: unknown): boolean =>
  someErrorInChain(
    error,
    (o) => o.code === 'P2002' || o.kind === 'UniqueConstraintViolation' || o.code === 'SQLITE_CONSTRAINT_UNIQUE' || o.code === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  );

/** Default `DATABASE_URL`: a file under `./data`, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/thidua.db';

/**
 * How long one statement waits on a locked database before failing with SQLITE_BUSY. better-sqlite3
 * waits synchronously, blocking the event loop (every chat, polling, `/healthz`), so it is short;
 * the waiting is done asynchronously by retrying (see {@link DEFAULT_BUSY_WAIT_MS}).
 */
export const BUSY_TIMEOUT_MS = 50;

/** Pages of write-ahead log after which a commit checkpoints it (SQLite's default: 1,000). */
export const WAL_CHECKPOINT_PAGES = 4000;

/**
 * Default of how long a query or transaction keeps retrying while another process holds the write
 * lock, before {@link StoreBusyError} (the person is told to try again). Reads are not affected in
 * WAL mode: only writers wait.
 */
export const DEFAULT_BUSY_WAIT_MS = 8000;

/**
 * Absolute path of the SQLite file a `file:` URL names.
 *
 * Accepts `file:./rel/path.db` and `file:rel.db` (resolved against `process.cwd()`, as Prisma does),
 * `file:/abs/path.db` and `file:///abs/path.db`; a `?query` suffix is ignored.
 *
 * @returns the absolute path, or `null` for an in-memory database (`file::memory:` / `:memory:`) and
 *   for a PostgreSQL URL (no file).
 * @throws Error if the URL is neither a `file:` nor a PostgreSQL URL, or names no file.
 */
export function databaseFileFromUrl(url: string): string | null {
  if (url === ':memory:' || isPostgresUrl(url)) return null;
  if (!url.startsWith('file:')) {
    throw new Error(`Unsupported database URL "${url}": expected a SQLite "file:" URL`);
  }
  const bare = url.split('?')[0] ?? '';
  const path = bare.startsWith('file://') ? fileURLToPath(bare) : bare.slice('file:'.length);
  if (path === ':memory:') return null;
  if (path === '') throw new Error(`Database URL "${url}" names no file`);
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

/**
 * A readers–writer lock, first come first served: any number of standalone queries (shared) at
 * once, or one transaction (exclusive). A waiting transaction holds back queries that come after it.
 */
class QueryLock {
  #readers = 0;
  #writer = false;
  readonly #queue: { exclusive: boolean; grant: () => void }[] = [];

  /** Resolves once shared; `null` when granted at once (saves a promise on the hot path). */
  shared(): Promise<void> | null {
    if (!this.#writer && this.#queue.length === 0) {
      this.#readers += 1;
      return null;
    }
    return new Promise((grant) => this.#queue.push({ exclusive: false, grant }));
  }

  exclusive(): Promise<void> | null {
    if (!this.#writer && this.#readers === 0 && this.#queue.length === 0) {
      this.#writer = true;
      return null;
    }
    return new Promise((grant) => this.#queue.push({ exclusive: true, grant }));
  }

  releaseShared(): void {
    this.#readers -= 1;
    this.#drain();
  }

  releaseExclusive(): void {
    this.#writer = false;
    this.#drain();
  }

  #drain(): void {
    for (let next = this.#queue[0]; next !== undefined && !this.#writer; next = this.#queue[0]) {
      if (next.exclusive) {
        if (this.#readers > 0) return;
        this.#writer = true;
      } else {
        this.#readers += 1;
      }
      this.#queue.shift();
      next.grant();
    }
  }
}

/**
 * Whether `error` is SQLite's SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT (another connection holds or has
 * just taken the write lock). Through Prisma it surfaces as a `PrismaClientKnownRequestError` with
 * code `P1008` ("Operation has timed out") whose `meta.driverAdapterError` is a `DriverAdapterError`
 * of kind `SocketTimeout` with `cause.originalCode` `SQLITE_BUSY…`; a bare `DriverAdapterError`
 * or better-sqlite3 `SqliteError` (code `SQLITE_BUSY…`) is recognised too, also as a `cause`.
 */
export function isBusyError(error: unknown): boolean {
  return someErrorInChain(
    error,
    (o) => o.code === 'P1008' || o.kind === 'SocketTimeout' || [o.code, o.originalCode].some((c) => typeof c === 'string' && c.startsWith('SQLITE_BUSY')),
  );
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, for at most `budgetMs`, with a random
 * pause growing to 250 ms in between (the event loop is free meanwhile: other chats go on).
 * @throws StoreBusyError (the last SQLITE_BUSY as `cause`) once the budget is spent.
 */
async function retryBusy<T>(attempt: () => Promise<T>, budgetMs: number): Promise<T> {
  const started = Date.now();
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (Date.now() - started >= budgetMs) throw new StoreBusyError(`database locked by another process for more than ${budgetMs} ms`, { cause: error });
      await new Promise((done) => setTimeout(done, Math.min(250, 5 * 2 ** n) * (0.5 + Math.random() / 2)));
    }
  }
}

/** The concurrency state of one client (and of every client `$extends` derives from it). */
interface Guard {
  lock: QueryLock;
  /** See {@link CreateDatabaseOptions.busyWaitMs}. */
  busyWaitMs: number;
  /**
   * The transaction whose async context we are in (`open` while it runs): its queries must not wait
   * for the lock. Work the callback leaves behind (timers, unawaited promises) inherits the context
   * but waits like any standalone query once the transaction has ended.
   */
  transaction: AsyncLocalStorage<TransactionContext>;
}

/** The async context of one transaction of the guarded client. */
interface TransactionContext {
  /** True while the transaction runs. */
  open: boolean;
  /** Set when a unit of work outlived {@link UNIT_TIMEOUT_MS} and was rolled back: its later queries fail. */
  expired?: boolean;
}

/** Thrown by a query of a unit of work that was rolled back for taking too long. */
export class UnitTimeoutError extends Error {
  constructor() {
    super(`unit of work took more than ${UNIT_TIMEOUT_MS} ms: rolled back`);
    this.name = 'UnitTimeoutError';
  }
}

/** Whether the caller runs inside an open transaction of the guarded client. */
const insideTransaction = (guard: Guard): boolean => guard.transaction.getStore()?.open === true;

/** Rejects the query of a unit of work rolled back for its time (see {@link TransactionContext.expired}). */
const expired = (guard: Guard): boolean => guard.transaction.getStore()?.expired === true;

const isThenable = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown } | null)?.then === 'function';

/**
 * Runs one query with the guard's rules: at once (synchronously, so Prisma's array transactions still
 * batch) inside a transaction of the client, the query belonging to it (made through `tx`, or from
 * the transaction's own code); refused for a unit rolled back for its time; else once no transaction
 * holds the connection (shared), with SQLITE_BUSY retried. Serves Prisma's queries (the extension
 * below) and the statements run on the connection directly (`./sqlite-direct.ts`).
 */
function guarded<T>(guard: Guard, run: () => T | Promise<T>): Promise<T> {
  if (insideTransaction(guard)) {
    try {
      const result = run();
      // A query's own promise as it is (a Prisma query stays Prisma's, for its batches); a value wrapped.
      return isThenable(result) ? result : Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  if (expired(guard)) return Promise.reject(new UnitTimeoutError());
  return retryBusy(async () => {
    const wait = guard.lock.shared();
    if (wait) await wait;
    try {
      return await run();
    } finally {
      guard.lock.releaseShared();
    }
  }, guard.busyWaitMs);
}

/** Query extension: every Prisma query of the client goes through {@link guarded}. */
function guardQueries(guard: Guard) {
  return {
    name: 'thidua-query-lock',
    query: {
      $allOperations({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }): Promise<unknown> {
        return guarded(guard, () => query(args));
      },
    },
  };
}

type TransactionArgs = Parameters<PrismaClient['$transaction']>;

/**
 * A query that starts when first awaited (`then`, `catch`, `finally`), as Prisma's queries do: one
 * made before a transaction and awaited after it started waits for it like any other.
 */
function lazy<T>(start: () => Promise<T>): Promise<T> {
  let started: Promise<T> | undefined;
  const run = () => (started ??= start());
  return {
    then: (onFulfilled, onRejected) => run().then(onFulfilled, onRejected),
    catch: (onRejected) => run().catch(onRejected),
    finally: (onFinally) => run().finally(onFinally),
    [Symbol.toStringTag]: 'DirectQuery',
  } as Promise<T>;
}

/**
 * The unit of work's transaction on SQLite: the connection's own `BEGIN` … `COMMIT` under the
 * client's lock (exclusive), with the unit's queries marked as inside it, SQLITE_BUSY retried whole
 * as for `$transaction`. A unit still running after {@link UNIT_TIMEOUT_MS} is rolled back and the
 * lock freed (as Prisma's interactive transaction times out): its later queries fail with
 * {@link UnitTimeoutError}, and so does the unit.
 */
function directTransaction(guard: Guard, direct: DirectSql, client: PrismaClient): OpenTransaction {
  return <T>(work: (tx: PrismaClient) => Promise<T>): Promise<T> =>
    retryBusy(async () => {
      const wait = guard.lock.exclusive();
      if (wait) await wait;
      const context: TransactionContext = { open: true };
      let held = true;
      const release = () => {
        context.open = false;
        if (held) {
          held = false;
          guard.lock.releaseExclusive();
        }
      };
      const timer = setTimeout(() => {
        context.expired = true;
        try {
          direct.rollback();
        } finally {
          release();
        }
      }, UNIT_TIMEOUT_MS);
      try {
        direct.begin();
        try {
          const result = await guard.transaction.run(context, () => work(client));
          if (context.expired) throw new UnitTimeoutError();
          direct.commit();
          return result;
        } catch (error) {
          // Not after a time-out: the connection may be in the next unit's transaction by now.
          if (!context.expired) direct.rollback();
          throw error;
        }
      } finally {
        clearTimeout(timer);
        release();
      }
    }, guard.busyWaitMs);
}

/**
 * `client` with a `$transaction` (interactive and array forms) that holds the lock exclusively for
 * the whole transaction, runs it marked as "inside a transaction", and retries it whole on
 * SQLITE_BUSY; `$extends` keeps the guard. With `direct`, the tagged-template `$queryRaw` and
 * `$executeRaw` run on the connection directly (see `./sqlite-direct.ts`; a `Prisma.sql` fragment
 * argument goes through Prisma). Everything else is `client`'s own.
 */
function guardClient(client: object, guard: Guard, direct?: DirectSql): PrismaClient {
  const base = client as PrismaClient;
  type Raw = (strings: unknown, ...values: unknown[]) => unknown;
  const raw = (name: '$queryRaw' | '$executeRaw', run: (strings: TemplateStringsArray, values: unknown[]) => unknown): Raw => {
    const prisma = (base[name] as Raw).bind(base);
    return (strings, ...values) => (plainTemplate(strings, values) ? lazy(() => guarded(guard, () => run(strings, values))) : prisma(strings, ...values));
  };
  const $queryRaw = direct ? raw('$queryRaw', (strings, values) => direct.query(strings, values)) : undefined;
  const $executeRaw = direct ? raw('$executeRaw', (strings, values) => direct.execute(strings, values)) : undefined;
  const $transaction = (...args: TransactionArgs): Promise<unknown> => {
    // A `$transaction` of this client started by a running transaction's own code: leave it to
    // Prisma (waiting for the lock would deadlock). Use `tx.$transaction` for nested transactions.
    if (insideTransaction(guard)) return base.$transaction(...args);
    // SQLITE_BUSY always comes before COMMIT took effect (Prisma rolls back), so a rerun is safe;
    // the callback runs again from the start on a fresh transaction.
    return retryBusy(async () => {
      const wait = guard.lock.exclusive();
      if (wait) await wait;
      const context = { open: true };
      try {
        return await guard.transaction.run(context, () => base.$transaction(...args));
      } finally {
        context.open = false;
        guard.lock.releaseExclusive();
      }
    }, guard.busyWaitMs);
  };
  const $extends = (...args: unknown[]): PrismaClient => guardClient((base.$extends as (...a: unknown[]) => object)(...args), guard, direct);
  return new Proxy(client, {
    get(target, property) {
      if (property === '$transaction') return $transaction;
      if (property === '$extends') return $extends;
      if (property === '$queryRaw' && $queryRaw) return $queryRaw;
      if (property === '$executeRaw' && $executeRaw) return $executeRaw;
      return Reflect.get(target, property, target) as unknown;
    },
  }) as PrismaClient;
}

/** Options of {@link createDatabase}. */
export interface CreateDatabaseOptions {
  /**
   * SQLite `file:` URL, e.g. {@link DEFAULT_DATABASE_URL} (the file's directory must exist), or a
   * `postgresql://` URL (see `./postgres.ts`).
   */
  databaseUrl: string;
  /** SQLite: how long a write keeps retrying on a database locked by another process (ms); default {@link DEFAULT_BUSY_WAIT_MS}. */
  busyWaitMs?: number;
}

/** An open database: the Prisma client and how to close it. */
export interface Database {
  prisma: PrismaClient;
  /** Which engine the URL named: repositories that need engine-specific SQL (row locks) ask here. */
  engine: 'sqlite' | 'postgresql';
  /**
   * Runs work in one transaction that every repository on {@link Database.prisma} joins from the
   * work's async context (see `./unit-of-work.ts`).
   */
  unitOfWork: UnitOfWork;
  /**
   * Resolves once every commit made before the call is on disk (SQLite commits are flushed only when
   * asked: see `./durability.ts`; PostgreSQL's are durable when they return).
   */
  durable: Durable;
  /** Disconnects the client (closes the SQLite connection). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the SQLite database at `databaseUrl` through Prisma 7's better-sqlite3 adapter, with
 * `journal_mode = WAL` (≈4× faster writes, readers don't block the writer), a busy timeout of
 * {@link BUSY_TIMEOUT_MS} (then asynchronous retries for `busyWaitMs`, see {@link DEFAULT_BUSY_WAIT_MS}) and `foreign_keys = ON`. Connects eagerly, so errors surface here.
 *
 * The adapter gives a client ONE connection, and runs a query made outside an open interactive
 * transaction on that connection, i.e. inside the transaction (it would see uncommitted rows and
 * be undone by a rollback). So the returned client is guarded:
 * - While a `$transaction` (interactive or array form) runs, every other query of the client
 *   (model operations, `$queryRaw*`, `$executeRaw*`, other transactions) waits until it ends;
 *   queries the transaction itself makes (through `tx`, or from its callback's async context, see
 *   `AsyncLocalStorage`) run at once. Standalone queries run concurrently with each other. Prisma
 *   queries are lazy: one counts as made where it is first awaited (or `.then`-ed).
 * - SQLite transactions start with a deferred `BEGIN`: when another process writes, a transaction's
 *   first write after a read fails at once with SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT (the busy timeout
 *   does not apply). The whole transaction is then retried (the callback runs again, so keep side
 *   effects other than database writes out of it), as is a standalone query failing that way; see
 *   {@link isBusyError}, `busyWaitMs`.
 * - Don't await, inside a transaction's callback, a query of the same client already started
 *   outside the transaction: it waits for the transaction, which waits for it. Likewise, call
 *   `tx.$transaction` (a savepoint), not the client's `$transaction`, inside a transaction.
 *
 * Does not create tables: apply migrations first (`applyMigrations` in `./migrate.ts`).
 *
 * @throws Error for a non-`file:` URL, or if SQLite cannot open the file (e.g. missing directory).
 */
export async function createDatabase({ databaseUrl, busyWaitMs = DEFAULT_BUSY_WAIT_MS }: CreateDatabaseOptions): Promise<Database> {
  // Loaded only here: a SQLite bot never loads the PostgreSQL client (memory).
  if (isPostgresUrl(databaseUrl)) return (await import('./postgres.ts')).createPostgresDatabase({ databaseUrl });
  const file = databaseFileFromUrl(databaseUrl);
  // better-sqlite3 options go next to `url`; `timeout` is its busy timeout. The adapter has no hook
  // for pragmas, and Prisma keeps a single connection for SQLite, so we set them after connecting.
  let statements: StatementCache | undefined;
  const adapter = directConnections(new PrismaBetterSqlite3({ url: file ?? ':memory:', timeout: BUSY_TIMEOUT_MS }), (opened) => {
    statements = opened;
  });
  const raw = new PrismaClient({ adapter });
  try {
    await raw.$connect();
    await raw.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await raw.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    // Commits reach the disk when asked (`durable`), not each one: see ./durability.ts.
    await raw.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    // A checkpoint copies the log into the database file on the committing call, and flushes both:
    // the event loop waits. Every 4,000 pages (16 MB of log) instead of SQLite's 1,000: a page
    // written again and again (an index's last leaf, the outbox's tail) is copied once per
    // checkpoint, so a burst of 2,000 updates blocked ~40 ms in checkpoints instead of ~80.
    await raw.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  } catch (error) {
    await raw.$disconnect().catch(() => {});
    throw error;
  }
  const guard: Guard = { lock: new QueryLock(), busyWaitMs, transaction: new AsyncLocalStorage() };
  const direct = directSql(() => {
    if (!statements) throw new Error('the SQLite connection is closed');
    return statements;
  });
  const guarded = guardClient(raw.$extends(guardQueries(guard)), guard, direct);
  // A savepoint only inside the unit's own open transaction: a unit that outlived its time must not
  // open one in the transaction of the unit that has the connection now.
  const savepoint = <T>(work: () => Promise<T>): Promise<T> => (insideTransaction(guard) ? direct.savepoint(work) : Promise.reject(new UnitTimeoutError()));
  const { prisma, unitOfWork } = withUnitOfWork(guarded, directTransaction(guard, direct, guarded), savepoint);
  const flush = file === null ? { durable: alreadyDurable, close: async () => undefined } : createDurability(`${file}-wal`);
  let closed = false;
  return {
    prisma,
    engine: 'sqlite',
    unitOfWork,
    durable: flush.durable,
    async close() {
      if (closed) return;
      closed = true;
      await flush.close();
      await raw.$disconnect();
    },
  };
}
