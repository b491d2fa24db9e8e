/**
 * The migrated SQLite template database of the test suite: every migration of `prisma/migrations`
 * applied to an empty file, built once per content of the migrations and kept in
 * `os.tmpdir()/thidua-test-templates/<hash>.db` for later runs. `tests/helpers/temp-db.ts` copies it
 * for each throw-away database; vitest's global setup builds it before the workers start and hands
 * its path to them (`inject('sqliteTemplate')`), so `startBot` can copy it without waiting.
 *
 * Light on purpose (global setup imports it): the migration code is loaded only to build.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from './test-engine.ts';

/** The project's migrations, wherever the tests are run from. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** Path of the migrated template, built first if missing (atomically: parallel builders never see half a file). */
export async function ensureSqliteTemplate(): Promise<string> {
  const dir = join(tmpdir(), 'thidua-test-templates');
  const file = join(dir, `${await contentHash(MIGRATIONS_DIR)}.db`);
  if (
    await access(file).then(
      () => true,
      () => false,
    )
  )
    return file;
  await mkdir(dir, { recursive: true });
  const partial = join(dir, `${randomUUID()}.partial.db`);
  try {
    const { applyMigrations } = await import('../../src/db/migrate.ts');
    await applyMigrations({ databaseUrl: `file:${partial}`, migrationsDir: MIGRATIONS_DIR });
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return file;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated SQLite template (see {@link ensureSqliteTemplate}). */
    sqliteTemplate: string;
  }
}
