/**
 * Copies a SQLite database of the bot into an empty, migrated PostgreSQL database, every row of every
 * table, checked by counts: how a commune that started embedded moves to PostgreSQL.
 *
 * Why our own code: it is a generic table copy, but it must know the two engines' storage of the
 * same Prisma schema (SQLite keeps `DateTime` as ISO text and `Boolean` as 0/1; PostgreSQL wants
 * `timestamptz` and `boolean`, and its `SERIAL` sequences must continue after the copied ids), and
 * no maintained tool does that for Prisma's layout.
 *
 * @module
 */
import Database from 'better-sqlite3';
import pg from 'pg';

/** Rows inserted per statement. */
const BATCH = 500;

/** Result of {@link copySqliteToPostgres}: rows per table, equal on both sides. */
export interface CopyReport {
  tables: { table: string; rows: number }[];
}

/** Why a copy was refused or failed its check; the message says what to do. */
export class CopyError extends Error {
  override readonly name = 'CopyError';
}

/** The tables of a SQLite file in an order where every referenced table comes first. */
function tablesInDependencyOrder(sqlite: Database.Database): string[] {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => name !== '_prisma_migrations');
  const dependsOn = new Map(
    tables.map((t) => [t, (sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string }[]).map((fk) => fk.table).filter((x) => x !== t)]),
  );
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const d of dependsOn.get(t) ?? []) visit(d, path);
    ordered.push(t);
  };
  for (const t of tables.sort()) visit(t, new Set());
  return ordered;
}

/** Converts one SQLite value to what the PostgreSQL column of `dataType` accepts. */
function convert(value: unknown, dataType: string): unknown {
  if (value === null || value === undefined) return null;
  if (dataType === 'boolean') return value === 1 || value === 1n || value === true || value === '1';
  if (dataType.startsWith('timestamp')) {
    // Prisma 7 writes ISO-8601; a default written by SQL is "YYYY-MM-DD HH:MM:SS" (UTC); old Prisma
    // wrote integer milliseconds.
    if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
    const text = String(value);
    return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text);
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * Copies every row of the SQLite file into the PostgreSQL database, in one PostgreSQL transaction,
 * then moves each `SERIAL` sequence past the copied ids and compares row counts table by table.
 *
 * @param sqliteFile path of the SQLite database (opened read-only; stop the bot first, or copy a backup).
 * @param postgresUrl a PostgreSQL database with every migration of `prisma/postgres/migrations` applied
 *   and no rows (start the bot once on it, or run `npm run db:migrate`, before copying).
 * @throws CopyError when the target holds rows, a table is missing on either side, or counts differ
 *   (nothing is committed then).
 */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string): Promise<CopyReport> {
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  sqlite.defaultSafeIntegers(true);
  const client = new pg.Client({ connectionString: postgresUrl, options: '-c timezone=UTC' });
  await client.connect();
  try {
    const tables = tablesInDependencyOrder(sqlite);
    const report: CopyReport = { tables: [] };
    await client.query('BEGIN');
    for (const table of tables) {
      const columns = (
        await client.query<{ column_name: string; data_type: string; column_default: string | null }>(
          `SELECT column_name, data_type, column_default FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
          [table],
        )
      ).rows;
      if (columns.length === 0) throw new CopyError(`Table "${table}" is missing in PostgreSQL: apply the migrations first (start the bot on it once).`);
      const existing = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
      if (existing > 0) throw new CopyError(`Table "${table}" in PostgreSQL already holds ${existing} rows: copy into an empty database only.`);
      const types = new Map(columns.map((c) => [c.column_name, c.data_type]));
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      const names = rows.length > 0 ? Object.keys(rows[0]!) : [];
      for (const name of names) {
        if (!types.has(name)) throw new CopyError(`Column "${table}"."${name}" is missing in PostgreSQL: are both databases on the same release?`);
      }
      for (let start = 0; start < rows.length; start += BATCH) {
        const chunk = rows.slice(start, start + BATCH);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => `(${names.map((n) => `$${values.push(convert(row[n], types.get(n)!))}`).join(', ')})`);
        await client.query(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
      for (const column of columns.filter((c) => c.column_default?.startsWith('nextval('))) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max("${column.column_name}") FROM "${table}"), 0) + 1, false)`, [
          `"${table}"`,
          column.column_name,
        ]);
      }
      const copied = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
      if (copied !== rows.length) throw new CopyError(`Table "${table}": ${rows.length} rows in SQLite but ${copied} in PostgreSQL.`);
      report.tables.push({ table, rows: copied });
    }
    await client.query('COMMIT');
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    sqlite.close();
  }
}
