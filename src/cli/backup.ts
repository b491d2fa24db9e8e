/**
 * `npm run db:backup -- [file]`: a consistent copy of the embedded SQLite database while the bot runs,
 * through SQLite's online backup API (better-sqlite3 `backup`): readers and the writer go on, the copy
 * is one point in time. Default target: `./data/backups/thidua-<UTC timestamp>.db`.
 * PostgreSQL is backed up with its own tool: `pg_dump --format=custom "$DATABASE_URL" > thidua.dump`
 * (README, "Run on PostgreSQL").
 *
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileFromUrl, DEFAULT_DATABASE_URL } from '../db/client.ts';
import { isPostgresUrl } from '../db/engine.ts';

/**
 * Copies the SQLite database `source` to `target` (created, with its folder) through the online
 * backup API. @returns the number of pages copied. @throws Error if `source` cannot be opened.
 */
export async function backupSqlite(source: string, target: string): Promise<number> {
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    return totalPages;
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (isPostgresUrl(url)) {
    console.error('DATABASE_URL is PostgreSQL: use pg_dump --format=custom "$DATABASE_URL" > thidua.dump');
    return 2;
  }
  const source = databaseFileFromUrl(url);
  if (source === null) {
    console.error(`${url} is an in-memory database: nothing to back up`);
    return 2;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const target = resolve(argv[0] ?? `data/backups/thidua-${stamp}.db`);
  const pages = await backupSqlite(source, target);
  console.log(`backed up ${source} to ${target} (${pages} pages)`);
  return 0;
}

if (process.argv[1]?.endsWith('backup.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
