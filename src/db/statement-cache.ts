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
interface Kept {
  stmt: Statement;
  columns?: BetterSqlite3.ColumnDefinition[];
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

/** `db` with a caching `prepare` (everything else is `db`'s own). */
export function withStatementCache(db: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): BetterSqlite3.Database {
  const kept = new Map<string, Kept>();
  const prepare = (sql: string) => {
    let entry = kept.get(sql);
    if (entry) kept.delete(sql);
    else entry = { stmt: db.prepare(sql) as Statement };
    kept.set(sql, entry); // most recently used last
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    const found = entry;
    return { bind: (args: unknown[]) => bound(found, args), run: () => found.stmt.run() };
  };
  return new Proxy(db, {
    get(target, name) {
      if (name === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
