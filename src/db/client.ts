/**
 * The one Prisma client factory of thidua-bot (SQLite through the better-sqlite3 driver adapter).
 *
 * @module
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';

export type { PrismaClient };

/** Default `DATABASE_URL`: a file under `./data`, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/thidua.db';

/** How long a connection waits on a locked database before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Absolute path of the SQLite file a `file:` URL names.
 *
 * Accepts `file:./rel/path.db` and `file:rel.db` (resolved against `process.cwd()`, as Prisma does),
 * `file:/abs/path.db` and `file:///abs/path.db`; a `?query` suffix is ignored.
 *
 * @returns the absolute path, or `null` for an in-memory database (`file::memory:` / `:memory:`).
 * @throws Error if the URL is not a `file:` URL (e.g. `postgresql://…`) or names no file.
 */
export function databaseFileFromUrl(url: string): string | null {
  if (url === ':memory:') return null;
  if (!url.startsWith('file:')) {
    throw new Error(`Unsupported database URL "${url}": expected a SQLite "file:" URL`);
  }
  const bare = url.split('?')[0] ?? '';
  const path = bare.startsWith('file://') ? fileURLToPath(bare) : bare.slice('file:'.length);
  if (path === ':memory:') return null;
  if (path === '') throw new Error(`Database URL "${url}" names no file`);
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

/** Options of {@link createDatabase}. */
export interface CreateDatabaseOptions {
  /** SQLite `file:` URL, e.g. {@link DEFAULT_DATABASE_URL}. The file's directory must exist. */
  databaseUrl: string;
}

/** An open database: the Prisma client and how to close it. */
export interface Database {
  prisma: PrismaClient;
  /** Disconnects the client (closes the SQLite connection). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the SQLite database at `databaseUrl` through Prisma 7's better-sqlite3 adapter, with
 * `journal_mode = WAL` (≈4× faster writes, readers don't block the writer), a busy timeout of
 * {@link BUSY_TIMEOUT_MS} and `foreign_keys = ON`. Connects eagerly, so errors surface here.
 *
 * Does not create tables: apply migrations first (`applyMigrations` in `./migrate.ts`).
 *
 * @throws Error for a non-`file:` URL, or if SQLite cannot open the file (e.g. missing directory).
 */
export async function createDatabase({ databaseUrl }: CreateDatabaseOptions): Promise<Database> {
  const file = databaseFileFromUrl(databaseUrl);
  // better-sqlite3 options go next to `url`; `timeout` is its busy timeout. The adapter has no hook
  // for pragmas, and Prisma keeps a single connection for SQLite, so we set them after connecting.
  const adapter = new PrismaBetterSqlite3({ url: file ?? ':memory:', timeout: BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  try {
    await prisma.$connect();
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  } catch (error) {
    await prisma.$disconnect().catch(() => {});
    throw error;
  }
  let closed = false;
  return {
    prisma,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
    },
  };
}
