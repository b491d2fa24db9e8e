/**
 * Throw-away SQLite databases for tests, with every migration of `prisma/migrations` applied.
 *
 * Fast: the migrations run at most once per test process into a template file (≈0.1–0.3 s); each
 * {@link createTempDatabase} then copies that file (a few ms) into its own temp dir. The template
 * lives in `os.tmpdir()/thidua-test-templates/<hash of the migrations>.db` and is reused by later
 * processes while the migrations are unchanged: vitest's fork workers don't run `exit` handlers,
 * so a per-process template dir could not be removed reliably anyway.
 *
 * @module
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type PrismaClient } from '../../src/db/client.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { POSTGRES_MIGRATIONS_DIR, POSTGRES_SCHEMA_PATH } from '../../src/db/postgres-schema.ts';
import type { UnitOfWork } from '../../src/core/unit-of-work.ts';
import { ensureSqliteTemplate } from './sqlite-template.ts';
import { clonePostgres, contentHash, postgresTemplate, TEST_ENGINE } from './test-engine.ts';

/** A migrated, empty database of one test. */
export interface TempDatabase {
  prisma: PrismaClient;
  /** The database's unit of work (one ambient transaction, see src/db/unit-of-work.ts). */
  unitOfWork: UnitOfWork;
  /** `file:` URL of {@link file}, or the `postgresql://` URL of the test's own database. */
  databaseUrl: string;
  /** Absolute path of the SQLite file (`''` on PostgreSQL). */
  file: string;
  /** Disconnects Prisma and removes the database's temp dir. Safe to call twice. */
  close(): Promise<void>;
}

let template: Promise<string> | undefined;

/** Path of the migrated template database (built once per migrations content, shared; see sqlite-template.ts). */
export function migratedTemplate(): Promise<string> {
  template ??= ensureSqliteTemplate();
  template.catch(() => {
    template = undefined;
  });
  return template;
}

/**
 * A fresh SQLite file under `os.tmpdir()` with all migrations applied, opened with
 * `createDatabase` (WAL, busy timeout, foreign keys). Call `close()` when done (e.g. `afterEach`).
 *
 * @throws Error if the migrations fail (message names the migration) or the file cannot be opened.
 */
export async function createTempDatabase(opts: { engine?: 'sqlite' | 'postgresql' } = {}): Promise<TempDatabase> {
  if ((opts.engine ?? TEST_ENGINE) === 'postgresql') return createTempPostgres();
  const source = await migratedTemplate();
  const dir = await mkdtemp(join(tmpdir(), 'thidua-test-db-'));
  const file = join(dir, 'test.db');
  const databaseUrl = `file:${file}`;
  try {
    await copyFile(source, file);
    const { prisma, close, unitOfWork } = await createDatabase({ databaseUrl });
    return {
      prisma,
      unitOfWork,
      databaseUrl,
      file,
      async close() {
        await close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
let pgTemplate: Promise<string> | undefined;

/** Name of the migrated PostgreSQL template database (built once per migrations content). */
export function migratedPostgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `thidua_tmpl_${await contentHash(join(ROOT_DIR, POSTGRES_MIGRATIONS_DIR))}`;
    await postgresTemplate(name, (url) =>
      applyMigrations({ databaseUrl: url, migrationsDir: join(ROOT_DIR, POSTGRES_MIGRATIONS_DIR), schemaPath: join(ROOT_DIR, POSTGRES_SCHEMA_PATH) }).then(
        () => undefined,
      ),
    );
    return name;
  })();
  pgTemplate.catch(() => {
    pgTemplate = undefined;
  });
  return pgTemplate;
}

/** {@link createTempDatabase} on PostgreSQL: a clone of the migrated template, dropped at close. */
async function createTempPostgres(): Promise<TempDatabase> {
  const clone = await clonePostgres(await migratedPostgresTemplate());
  try {
    const { prisma, close, unitOfWork } = await createDatabase({ databaseUrl: clone.url });
    let closed = false;
    return {
      prisma,
      unitOfWork,
      databaseUrl: clone.url,
      file: '',
      async close() {
        if (closed) return;
        closed = true;
        await close();
        await clone.drop();
      },
    };
  } catch (error) {
    await clone.drop();
    throw error;
  }
}
