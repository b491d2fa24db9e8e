/**
 * The SQLite connection under Prisma's better-sqlite3 adapter, used directly where Prisma's own
 * pipeline costs a hundred times the statement (issue 10, README "Benchmarks"):
 *
 * - **Plain SQL** ({@link DirectSql.query}, {@link DirectSql.execute}): the tagged templates of
 *   `$queryRaw` / `$executeRaw` on the SQLite client (`./client.ts`) run here, on a kept prepared
 *   statement. Measured on this project's machines: about 2 µs a statement, against 45–65 µs
 *   through Prisma 7's client (query plan interpretation, the adapter's argument and row mapping,
 *   promises, the query extension).
 * - **Transactions** ({@link DirectSql.begin} …): the unit of work's `BEGIN` / `COMMIT` / `ROLLBACK`
 *   go straight to the connection instead of through an interactive transaction of Prisma's (about
 *   50 µs and a dozen promises each).
 * - **Savepoints for Prisma's own transactions inside ours** ({@link directConnections}): while the
 *   connection is in a transaction, the adapter's `startTransaction` (a repository's
 *   `$transaction(fn)`, or a write Prisma makes in several statements) opens a SAVEPOINT, and the
 *   `COMMIT` / `ROLLBACK` Prisma then sends become `RELEASE` / `ROLLBACK TO`: its failure undoes its
 *   own part only, as a nested transaction does.
 *
 * - **Savepoints for the unit's nested transactions** ({@link DirectSql.savepoint}): a repository's
 *   `$transaction(fn)` inside a unit of work.
 *
 * Rows come back as Prisma's `$queryRaw` gives them on SQLite, decided by the column's declared type:
 * `DATETIME` → `Date`, `BOOLEAN` → `boolean`, `BIGINT` and integers without a declared type
 * (`count(*)`) → `bigint` (read exactly), other integers → `number`, text → `string`, `null` → `null`.
 * Arguments: `Date` → Prisma's text (`sqlTime`), `boolean` → 1/0, `undefined` → `null`; numbers,
 * bigints, strings and buffers as they are. Errors are better-sqlite3's `SqliteError` (code
 * `SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY` …), not Prisma's. {@link DirectSql.query} runs the
 * statement when called; the client's `$queryRaw` / `$executeRaw` call it when first awaited, as
 * Prisma's queries run (`./client.ts`).
 *
 * Written here because Prisma has no lighter path for a driver adapter and no hook for its own
 * transactions; it relies on the adapter (7.10) keeping its better-sqlite3 connection as `client` and
 * starting transactions with `startTransaction()` (tests/db/sqlite-direct.test.ts checks both
 * through Prisma, so an adapter upgrade that changes them fails there).
 *
 * @module
 */
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import { sqlTime } from './datetime-format.ts';
import { cachedConnection, StatementCache } from './statement-cache.ts';

type Statement = BetterSqlite3.Statement<unknown[]>;
type Decode = ((value: unknown) => unknown) | null;

/** A kept statement and how its rows are read: its column names, and each column's decoder. */
interface Prepared {
  stmt: Statement;
  names: string[];
  decoders: Decode[];
}

const toDate = (v: unknown): unknown => (v === null ? null : typeof v === 'string' ? new Date(v) : new Date(Number(v)));
const toBoolean = (v: unknown): unknown => (v === null ? null : Boolean(Number(v)));
/** The adapter's connection reads every integer exactly, as a bigint: a 32-bit column is a `number`, as Prisma gives it. */
const toNumber = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/**
 * How a column is decoded, by its declared type, as Prisma's adapter maps them (7.10, `mapDeclType`):
 * dates, booleans and 32-bit integers are converted; BIGINT and integers without a declared type
 * (`count(*)`) stay bigint; the rest as read. `null` means "as read".
 */
function decoderOf(declared: string | null): Decode {
  switch ((declared ?? '').toUpperCase()) {
    case 'DATETIME':
    case 'TIMESTAMP':
      return toDate;
    case 'BOOLEAN':
      return toBoolean;
    case 'TINYINT':
    case 'SMALLINT':
    case 'MEDIUMINT':
    case 'INT':
    case 'INTEGER':
    case 'SERIAL':
    case 'INT2':
      return toNumber;
    default:
      return null;
  }
}

/** A template's argument as better-sqlite3 binds it (see the module comment). */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return sqlTime(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Whether every argument of a template is a plain value (not a `Prisma.sql` fragment or a JSON object). */
export function plainTemplate(strings: unknown, values: unknown[]): strings is TemplateStringsArray {
  if (!Array.isArray(strings) || !('raw' in strings)) return false;
  for (const v of values) {
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Buffer.isBuffer(v)) return false;
  }
  return true;
}

/** Plain SQL and transactions straight on the connection (see the module comment). */
export interface DirectSql {
  /** The rows of a tagged template's statement (`?` between the parts), decoded as `$queryRaw` does. */
  query<T = Record<string, unknown>>(strings: TemplateStringsArray, values: unknown[]): T[];
  /** Runs a tagged template's statement; the number of rows it changed (`$executeRaw`). */
  execute(strings: TemplateStringsArray, values: unknown[]): number;
  /** Whether the connection is inside a transaction. */
  readonly inTransaction: boolean;
  /** `BEGIN` (deferred: the write lock is taken at the first write). @throws SqliteError (e.g. SQLITE_BUSY). */
  begin(): void;
  /** `COMMIT`. @throws SqliteError (e.g. SQLITE_BUSY); the transaction is then still open. */
  commit(): void;
  /** `ROLLBACK`, when a transaction is open (SQLite may have ended it itself after an error). */
  rollback(): void;
  /**
   * Runs `work` in a SAVEPOINT of the open transaction: released when it resolves; when it rejects,
   * rolled back to (its writes undone, the transaction goes on) and the error rethrown.
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * {@link DirectSql} on the connection of `statements()`, the statement cache of the adapter's current
 * connection (see {@link directConnections}), whose kept statements it shares.
 */
export function directSql(statements: () => StatementCache): DirectSql {
  /** Per kept statement, decided once (a statement the cache drops is forgotten with it). */
  const preparedOf = new WeakMap<Statement, Prepared>();
  const prepared = (strings: TemplateStringsArray): Prepared => {
    const kept = statements().get(strings.join('?'));
    let entry = preparedOf.get(kept.stmt);
    if (!entry) {
      const columns = kept.stmt.reader ? (kept.columns ??= kept.stmt.columns()) : [];
      entry = { stmt: kept.stmt, names: columns.map((c) => c.name), decoders: columns.map((c) => decoderOf(c.type)) };
      preparedOf.set(kept.stmt, entry);
    }
    return entry;
  };
  const args = (values: unknown[]) => values.map(bindable);

  const connection = () => statements().db;
  const control = (sql: string) => () => void connection().exec(sql);
  let savepoints = 0;
  return {
    query<T>(strings: TemplateStringsArray, values: unknown[]): T[] {
      const p = prepared(strings);
      if (!p.stmt.reader) {
        p.stmt.run(args(values));
        return [];
      }
      const rows = p.stmt.raw(true).all(args(values)) as unknown[][];
      const { names, decoders } = p;
      return rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) {
          const decode = decoders[i];
          out[names[i]!] = decode ? decode(row[i]) : row[i];
        }
        return out as T;
      });
    },
    execute(strings, values) {
      const p = prepared(strings);
      if (p.stmt.reader) return p.stmt.raw(true).all(args(values)).length;
      return p.stmt.run(args(values)).changes;
    },
    get inTransaction() {
      return connection().inTransaction;
    },
    begin: control('BEGIN'),
    commit: control('COMMIT'),
    rollback() {
      const db = connection();
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    async savepoint(work) {
      const name = `direct_unit_sp_${(savepoints += 1)}`;
      const db = connection();
      db.exec(`SAVEPOINT ${name}`);
      let result;
      try {
        result = await work();
      } catch (error) {
        // After an error SQLite may have ended the whole transaction itself: nothing to roll back to then.
        if (db.inTransaction) db.exec(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
        throw error;
      }
      db.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    },
  };
}

/** The adapter as this module reaches into it: its connection, and how it starts a transaction. */
interface AdapterInside {
  client: BetterSqlite3.Database;
  startTransaction: SqlDriverAdapter['startTransaction'];
  queryRaw: SqlDriverAdapter['queryRaw'];
  executeRaw: SqlDriverAdapter['executeRaw'];
}

/**
 * A transaction of Prisma's inside an open one: a SAVEPOINT. Prisma ends it by sending `COMMIT` or
 * `ROLLBACK` through it (the adapter does not use phantom queries), which become `RELEASE` and
 * `ROLLBACK TO` + `RELEASE`.
 */
function savepointTransaction(adapter: AdapterInside, name: string): Transaction {
  const exec = (sql: string) => adapter.client.exec(sql);
  exec(`SAVEPOINT ${name}`);
  const translate = (query: SqlQuery): string | undefined => {
    const sql = query.sql.trim().toUpperCase();
    if (sql === 'COMMIT') return `RELEASE SAVEPOINT ${name}`;
    if (sql === 'ROLLBACK') return `ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`;
    return undefined;
  };
  return {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    options: { usePhantomQuery: false },
    queryRaw: (query) => adapter.queryRaw(query),
    async executeRaw(query) {
      const ending = translate(query);
      if (ending === undefined) return adapter.executeRaw(query);
      exec(ending);
      return 0;
    },
    commit: () => Promise.resolve(),
    rollback: () => Promise.resolve(),
    async createSavepoint(inner) {
      exec(`SAVEPOINT ${inner}`);
    },
    async rollbackToSavepoint(inner) {
      exec(`ROLLBACK TO SAVEPOINT ${inner}`);
    },
    async releaseSavepoint(inner) {
      exec(`RELEASE SAVEPOINT ${inner}`);
    },
  };
}

/**
 * `factory` whose connections keep their prepared statements (`./statement-cache.ts`), start a
 * SAVEPOINT when Prisma starts a transaction inside an open one (see the module comment), and are
 * reported to `onConnect` with their statement cache (for {@link directSql}, which shares it).
 */
export function directConnections(
  factory: SqlMigrationAwareDriverAdapterFactory,
  onConnect: (statements: StatementCache) => void = () => undefined,
): SqlMigrationAwareDriverAdapterFactory {
  let savepoints = 0;
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const inside = adapter as unknown as AdapterInside;
    const connection = inside.client;
    const statements = new StatementCache(connection);
    inside.client = cachedConnection(statements);
    const start = inside.startTransaction.bind(adapter);
    inside.startTransaction = (isolationLevel) =>
      connection.inTransaction ? Promise.resolve(savepointTransaction(inside, `direct_sp_${(savepoints += 1)}`)) : start(isolationLevel);
    onConnect(statements);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}
