/**
 * Which database engine the test suite runs on: SQLite (default) or PostgreSQL
 * (`TEST_DATABASE=postgresql`, i.e. `npm run test:postgres`). On PostgreSQL every throw-away
 * database is a real database on the server of `POSTGRES_ADMIN_URL` (default 127.0.0.1:5432),
 * cloned from a migrated template (`CREATE DATABASE … TEMPLATE …`, a few ms) and dropped at close.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { postgresAdminUrl, postgresUnavailable, withDatabaseName } from '../../src/db/postgres-admin.ts';

/** The engine of this run. */
export const TEST_ENGINE: 'sqlite' | 'postgresql' = /^postgres(ql)?$/i.test(process.env.TEST_DATABASE ?? '') ? 'postgresql' : 'sqlite';

/**
 * Why the tests that need a PostgreSQL server (whatever the engine of the run) are skipped in this
 * run, or `null` when they run. They run in the PostgreSQL pass only, `npm run test:postgres` (CI's
 * `.ci/run` runs it after `npm test`): `npm test` needs no server and does not run them twice.
 * Callers print the reason, so a skipped test says where it runs.
 */
export async function postgresTestsSkipped(): Promise<string | null> {
  if (TEST_ENGINE !== 'postgresql') return 'it runs in the PostgreSQL pass only: npm run test:postgres (CI runs it after npm test, see .ci/run)';
  return postgresUnavailable();
}

/** SHA-256 (16 hex) over the names and SQL of every migration folder of `dir`, plus `extra`. */
export async function contentHash(dir: string, extra: (string | Buffer)[] = []): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const name of entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    hash.update(`${name}\0`).update(await readFile(join(dir, name, 'migration.sql')));
  }
  for (const x of extra) hash.update(x);
  return hash.digest('hex').slice(0, 16);
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The PostgreSQL database `name` (empty, or a copy of the template database `from`), built once by
 * `build(url)` if it does not exist yet; workers that
 * ask at the same moment wait for the first (an advisory lock on the name). A build that fails leaves
 * nothing behind. @returns its URL.
 */
export async function postgresTemplate(name: string, build: (url: string) => Promise<void>, from?: string): Promise<string> {
  const url = withDatabaseName(postgresAdminUrl(), name);
  await admin(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
      if (exists) return;
      await createDatabaseRetrying(client, name, from);
      try {
        await build(url);
      } catch (error) {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return url;
}

/**
 * `CREATE DATABASE name [TEMPLATE from]`. Cloning needs the template to have no open connection; a
 * template just built may still be closing its last one, so it is tried a few times.
 */
async function createDatabaseRetrying(client: pg.Client, name: string, from?: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.query(`CREATE DATABASE "${name}"${from ? ` TEMPLATE "${from}"` : ''}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((done) => setTimeout(done, 50 * attempt));
    }
  }
}

let counter = 0;

/** A new database cloned from `template`; `drop()` removes it. */
export async function clonePostgres(template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `thidua_t_${process.pid}_${Date.now().toString(36)}_${(counter += 1)}`;
  await admin((client) => createDatabaseRetrying(client, name, template));
  return {
    url: withDatabaseName(postgresAdminUrl(), name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined)),
  };
}
