/**
 * One storage format for every DateTime column on SQLite: the text Prisma 7 writes,
 * `YYYY-MM-DDTHH:MM:SS.sss+00:00` (UTC).
 *
 * SQL defaults (`DEFAULT CURRENT_TIMESTAMP`) write `YYYY-MM-DD HH:MM:SS` instead, and Prisma's
 * migrations use them whenever a table is redefined with a new NOT NULL DateTime column (the first
 * release's databases got `Identity.lastSeenAt` that way). The two formats compare wrongly as text
 * (`' '` < `'T'`), so ordering by "last seen" or "due" mixed rows is wrong (issue 18). Migration
 * `…_datetime_one_format` converts the rows of its day; {@link normalizeDateTimeColumns} runs after
 * every migration run, so a later table redefinition cannot bring the second format back.
 *
 * @module
 */
import type Database from 'better-sqlite3';

/** SQLite GLOB matching exactly the format Prisma writes. */
export const PRISMA_DATETIME_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00';

/**
 * `at` as a parameter of a plain SQL statement, the same on both engines: the text Prisma writes on
 * SQLite (so the column keeps one format), which PostgreSQL reads as a `timestamptz`.
 */
export const sqlTime = (at: Date): string => at.toISOString().replace(/Z$/, '+00:00');

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The UPDATE turning every value of `table.column` that is not in Prisma's format into it: text that
 * SQLite's date functions read (`2026-11-30 02:00:00`, `…Z`, `…+07:00`) and integers/reals taken as
 * Unix milliseconds. Values SQLite cannot read are left as they are.
 */
export function normalizeColumnSql(table: string, column: string): string {
  const c = quote(column);
  const canonical = `(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN strftime('%Y-%m-%dT%H:%M:%f', ${c} / 1000.0, 'unixepoch') ELSE strftime('%Y-%m-%dT%H:%M:%f', ${c}) END)`;
  return `UPDATE ${quote(table)} SET ${c} = ${canonical} || '+00:00' WHERE ${c} IS NOT NULL AND (typeof(${c}) <> 'text' OR ${c} NOT GLOB '${PRISMA_DATETIME_GLOB}') AND ${canonical} IS NOT NULL;`;
}

/** Every `(table, column)` declared `DATETIME` in the database (Prisma's SQLite type for DateTime). */
export function dateTimeColumns(db: Database.Database): { table: string; column: string }[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name")
    .all() as { name: string }[];
  return tables.flatMap(({ name }) =>
    (db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; type: string }[])
      .filter((col) => col.type.toUpperCase() === 'DATETIME')
      .map((col) => ({ table: name, column: col.name })),
  );
}

/**
 * Rewrites every DateTime value not in Prisma's format, in one transaction.
 * @returns How many values were rewritten.
 */
export function normalizeDateTimeColumns(db: Database.Database): number {
  const columns = dateTimeColumns(db);
  return db.transaction(() => columns.reduce((n, { table, column }) => n + db.prepare(normalizeColumnSql(table, column)).run().changes, 0))();
}
