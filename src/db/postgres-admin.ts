/**
 * Creating and dropping whole PostgreSQL databases: scratch databases for `db:new-migration`, one
 * fresh database per test run, and the target check of `db:copy-to-postgres`.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the project's machines run (trust auth): used when `POSTGRES_ADMIN_URL` is not set. */
export const DEFAULT_POSTGRES_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** `POSTGRES_ADMIN_URL` or {@link DEFAULT_POSTGRES_ADMIN_URL}: a URL to a database that may `CREATE DATABASE`. */
export const postgresAdminUrl = (env: NodeJS.ProcessEnv = process.env): string => env.POSTGRES_ADMIN_URL ?? DEFAULT_POSTGRES_ADMIN_URL;

/** The same server as `adminUrl`, database `name`. */
export function withDatabaseName(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Whether a PostgreSQL server answers at `adminUrl` within `timeoutMs` (default 2 s).
 * @returns `null` when it does, else the reason (for a "skipped: …" message).
 */
export async function postgresUnavailable(adminUrl = postgresAdminUrl(), timeoutMs = 2000): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL server answers at ${new URL(adminUrl).host} (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Creates an empty database with a unique name `<prefix>_<random>` and returns its URL and a `drop`.
 * @throws Error if the server cannot be reached or refuses `CREATE DATABASE`.
 */
export async function createScratchDatabase(prefix: string, adminUrl = postgresAdminUrl()): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`.toLowerCase();
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabaseName(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
