/**
 * Prepared statements kept for reuse on the SQLite connection.
 *
 * Prisma's better-sqlite3 adapter (7.10) prepares every query afresh (`client.prepare(sql).bind(args)`),
 * although the query compiler sends the same few SQL texts again and again: preparing took about a
 * tenth of the update path's database time in the CPU profile (README, "Benchmarks"). The adapter
 * has no option for it, so `directConnections` (`./sqlite-direct.ts`) wraps its factory: the
 * connection it opens gets a `prepare` that returns the kept statement for a text seen before, with
 * the arguments passed at each run instead of bound once (a better-sqlite3 statement can be bound
 * only once).
 *
 * Written here because no library does it for this adapter; it relies on how the adapter uses its
 * connection (`prepare(sql)` then `.bind(args)`, `.reader`, `.run()`, `.columns()`, `.raw().all()`),
 * which tests/db/statement-cache.test.ts checks through Prisma, so an adapter upgrade that changes it
 * fails there.
 *
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Most statements kept per connection (least recently used dropped first). */
export const STATEMENT_CACHE_SIZE = 500;

type Statement = BetterSqlite3.Statement<unknown[]>;

/** A kept statement and its result columns (read once: they are fixed when it is prepared). */
export interface Kept {
  stmt: Statement;
  columns?: BetterSqlite3.ColumnDefinition[];
}

/**
 * The prepared statements of one connection, by SQL text, at most `size` (least recently used dropped
 * first). The adapter's `prepare` ({@link cachedConnection}) and the statements run on the connection
 * directly (`./sqlite-direct.ts`) share it.
 */
export class StatementCache {
  readonly #kept = new Map<string, Kept>();

  constructor(
    readonly db: BetterSqlite3.Database,
    readonly size = STATEMENT_CACHE_SIZE,
  ) {}

  /** The kept statement of `sql`, prepared now if it is not kept. @throws SqliteError for SQL that does not prepare. */
  get(sql: string): Kept {
    let entry = this.#kept.get(sql);
    if (entry) this.#kept.delete(sql);
    else entry = { stmt: this.db.prepare(sql) as Statement };
    this.#kept.set(sql, entry); // most recently used last
    if (this.#kept.size > this.size) this.#kept.delete(this.#kept.keys().next().value!);
    return entry;
  }
}

/** A statement as the adapter binds it: the arguments are kept and passed at each use. */
function bound(kept: Kept, args: unknown[]) {
  const { stmt } = kept;
  return {
    reader: stmt.reader,
    run: () => stmt.run(args),
    columns: () => (kept.columns ??= stmt.columns()),
    raw: () => ({ all: () => stmt.raw(true).all(args) }),
  };
}

/** The cache's connection with a `prepare` that returns its kept statements (everything else is the connection's own). */
export function cachedConnection(cache: StatementCache): BetterSqlite3.Database {
  const prepare = (sql: string) => {
    const found = cache.get(sql);
    return { bind: (args: unknown[]) => bound(found, args), run: () => found.stmt.run() };
  };
  return new Proxy(cache.db, {
    get(target, name) {
      if (name === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** `db` with a caching `prepare` keeping at most `size` statements (see {@link cachedConnection}). */
export function withStatementCache(db: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): BetterSqlite3.Database {
  return cachedConnection(new StatementCache(db, size));
}
