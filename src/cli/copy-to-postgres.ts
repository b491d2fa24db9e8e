/**
 * `npm run db:copy-to-postgres -- <postgresql://…>`: moves the embedded database (`DATABASE_URL`'s
 * SQLite file, default `./data/thidua.db`, or `SQLITE_URL`) into an empty PostgreSQL database. The
 * target is migrated first, then every row is copied and checked by counts (see
 * `src/db/copy-to-postgres.ts`). Stop the bot first. Exit codes: 0 copied, 1 failed, 2 usage.
 *
 * @module
 */
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../app.ts';
import { databaseFileFromUrl, DEFAULT_DATABASE_URL } from '../db/client.ts';
import { copySqliteToPostgres } from '../db/copy-to-postgres.ts';
import { applyMigrations, migrationPaths } from '../db/migrate.ts';
import { isPostgresUrl } from '../db/engine.ts';

async function main(argv: string[]): Promise<number> {
  const target = argv[0];
  if (target === undefined || !isPostgresUrl(target)) {
    console.error('Usage: npm run db:copy-to-postgres -- postgresql://user@host:5432/database');
    return 2;
  }
  const sourceUrl = process.env.SQLITE_URL ?? (process.env.DATABASE_URL?.startsWith('file:') ? process.env.DATABASE_URL : DEFAULT_DATABASE_URL);
  const file = databaseFileFromUrl(sourceUrl);
  if (file === null) {
    console.error(`${sourceUrl} is not a SQLite file`);
    return 2;
  }
  await applyMigrations({ databaseUrl: target, ...migrationPaths(target, PROJECT_ROOT) });
  const report = await copySqliteToPostgres(resolve(file), target);
  const total = report.tables.reduce((sum, t) => sum + t.rows, 0);
  for (const { table, rows } of report.tables) console.log(`${table.padEnd(28)} ${rows}`);
  console.log(`copied ${total} rows in ${report.tables.length} tables from ${file}; counts match.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
