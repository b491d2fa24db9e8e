/**
 * vitest global setup. Builds the migrated SQLite template once, before the workers start, and hands
 * its path to them (`inject('sqliteTemplate')`): end-to-end tests start the bot on a copy of it (see
 * `startBot`), both passes (the bot processes run on SQLite on the PostgreSQL pass too).
 *
 * On PostgreSQL runs (`TEST_DATABASE=postgresql`): says once whether a server answers, and at the
 * end drops the per-test databases a test left behind (a test that simulates a crash leaves its
 * database to the "restarted" app).
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { postgresAdminUrl, postgresUnavailable } from '../../src/db/postgres-admin.ts';
import { ensureSqliteTemplate } from './sqlite-template.ts';
import { TEST_ENGINE } from './test-engine.ts';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('sqliteTemplate', await ensureSqliteTemplate());
  if (TEST_ENGINE !== 'postgresql') return async () => {};
  const unavailable = await postgresUnavailable();
  if (unavailable) throw new Error(`TEST_DATABASE=postgresql but ${unavailable}`);
  const started = Date.now();
  return async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'thidua\\_t\\_%'`);
      for (const { datname } of rows) {
        // Only this run's: names carry the creating time in base 36 after the pid.
        const stamp = parseInt(datname.split('_')[3] ?? '', 36);
        if (Number.isFinite(stamp) && stamp >= started - 60_000) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  };
}
