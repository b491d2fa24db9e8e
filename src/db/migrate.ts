/**
 * Applies the SQL migrations of `prisma/migrations` to a SQLite database, as `prisma migrate
 * deploy` does.
 *
 * Why our own code: there is no offline Prisma migrate — the CLI insists on downloading its native
 * schema engine first, which these machines cannot (see `shared/docs/prisma-offline.md`). We drive
 * the same engine, compiled to WebAssembly (`./schema-engine.ts`), so the bookkeeping in
 * `_prisma_migrations` (name, SHA-256 checksum, timestamps) is exactly the CLI's and both tools can
 * serve the same database.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileFromUrl } from './client.ts';
import { isPostgresUrl } from './engine.ts';
import { POSTGRES_MIGRATIONS_DIR, POSTGRES_SCHEMA_PATH } from './postgres-schema.ts';
import { normalizeDateTimeColumns } from './datetime-format.ts';
// The schema engine (5 MB of WebAssembly, with the PostgreSQL driver) and `pg` are loaded only when
// there is something to migrate or diff: a start on an up-to-date database never needs them.
import type { MigrationList } from './schema-engine.ts';

/** File name of a migration's SQL inside its folder. */
export const MIGRATION_FILE = 'migration.sql';
/** Lock file of the migrations folder (records the provider). */
export const LOCK_FILE = 'migration_lock.toml';

/**
 * The migrations folder and schema of the engine a `DATABASE_URL` names, under `root`:
 * `prisma/migrations` + `prisma/schema.prisma` for SQLite, `prisma/postgres/…` for PostgreSQL.
 */
export function migrationPaths(databaseUrl: string, root: string): { migrationsDir: string; schemaPath: string } {
  return isPostgresUrl(databaseUrl)
    ? { migrationsDir: join(root, POSTGRES_MIGRATIONS_DIR), schemaPath: join(root, POSTGRES_SCHEMA_PATH) }
    : { migrationsDir: join(root, 'prisma/migrations'), schemaPath: join(root, 'prisma/schema.prisma') };
}

/** Options of {@link applyMigrations}. */
export interface ApplyMigrationsOptions {
  /**
   * SQLite `file:` URL of the target database (the file and its directory are created if missing),
   * or a `postgresql://` URL of an existing database (pass the PostgreSQL folders then, see
   * {@link migrationPaths}).
   */
  databaseUrl: string;
  /** Folder holding one sub-folder per migration (`<timestamp>_<name>/migration.sql`). */
  migrationsDir?: string;
  /** Prisma schema; passed to the engine as its initial datamodel (not diffed). */
  schemaPath?: string;
}

/** Result of {@link applyMigrations}. */
export interface ApplyMigrationsResult {
  /** Names (folder names) of the migrations applied by this call, in order; `[]` if up to date. */
  applied: string[];
}

/**
 * Reads a migrations folder into the engine's `MigrationList`: every sub-folder, sorted by name
 * (their timestamp prefix), with its `migration.sql`. A missing folder yields an empty list.
 * A sub-folder without `migration.sql` is listed with an error, which the engine reports.
 */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = resolve(migrationsDir);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (path) => {
      const file = join(baseDir, path, MIGRATION_FILE);
      const content = await readFile(file, 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        (error: Error) => ({ tag: 'error' as const, value: `Cannot read ${file}: ${error.message}` }),
      );
      return { path, migrationFile: { path: MIGRATION_FILE, content } };
    }),
  );
  const lockContent = await readFile(join(baseDir, LOCK_FILE), 'utf8').catch(() => null);
  return {
    baseDir,
    lockfile: { path: LOCK_FILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * Applies every not-yet-applied migration of `migrationsDir`, in folder-name order, each recorded
 * in `_prisma_migrations` exactly as `prisma migrate deploy` records it. Idempotent: a second call
 * applies nothing and returns `{ applied: [] }`.
 *
 * @returns `{ applied }`: the folder names applied by this call, in order.
 * @throws Error `Migration "<name>" failed: <engine message>` when a migration's SQL fails (that
 *   migration stays marked failed in `_prisma_migrations`, and later calls refuse until it is
 *   resolved), or `Migrations failed (…): <engine message>` for other engine errors (e.g. a failed
 *   migration left by an earlier run, an applied migration missing from the folder, a bad URL), or
 *   `…: database is locked (SQLITE_BUSY) …` after 5 s when another connection holds the file (the
 *   engine takes `locking_mode=EXCLUSIVE`): migrate before `createDatabase`, not while the bot runs.
 */
export async function applyMigrations({
  databaseUrl,
  migrationsDir = 'prisma/migrations',
  schemaPath = 'prisma/schema.prisma',
}: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const file = databaseFileFromUrl(databaseUrl);
  if (file !== null) await mkdir(dirname(file), { recursive: true });
  const migrationsList = await readMigrationsList(migrationsDir);
  const schema = await readFile(schemaPath, 'utf8').catch(() => undefined);
  const datamodels: [string, string][] | undefined = schema === undefined ? undefined : [[resolve(schemaPath), schema]];
  const names = migrationsList.migrationDirectories.map((d) => d.path);
  // Nothing to apply: don't start the engine, whose exclusive lock fails while another instance
  // of the bot has the SQLite file open (a second instance, a rolling deploy), and which costs a
  // second on PostgreSQL.
  if (file !== null && isUpToDate(readSqliteMigrations(file), migrationsList)) return { applied: [] };
  if (isPostgresUrl(databaseUrl) && isUpToDate(await readPostgresMigrations(databaseUrl), migrationsList)) return { applied: [] };
  // PostgreSQL: the engine takes an advisory lock, so two instances starting at once apply each
  // migration once.
  const target = isPostgresUrl(databaseUrl) ? databaseUrl : (file ?? ':memory:');
  let applying: string | undefined; // engine errors don't name the migration; its log lines do
  const onLog = (line: string) => {
    applying = migrationBeingApplied(line) ?? applying;
  };
  try {
    const { NO_FILTER, withSchemaEngine } = await import('./schema-engine.ts');
    const output = await withSchemaEngine(target, (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTER }), { datamodels, onLog });
    // A migration that redefined a table filled new DateTime columns with SQL's own format:
    // bring them to Prisma's (see datetime-format.ts).
    if (file !== null && output.appliedMigrationNames.length > 0) {
      const db = new Database(file);
      try {
        normalizeDateTimeColumns(db);
      } finally {
        db.close();
      }
    }
    return { applied: output.appliedMigrationNames };
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    if (message.includes('`SocketTimeout`')) {
      // SQLITE_BUSY, which this adapter version reports with a kind the engine does not know.
      message = `database is locked (SQLITE_BUSY): close every other connection (stop the bot) and retry`;
    }
    const failing = applying ?? names.find((name) => message.includes(name));
    const where = failing ? `Migration "${failing}" failed` : `Migrations failed (${migrationsList.baseDir})`;
    const code = (error as { code?: unknown }).code;
    throw new Error(`${where}${typeof code === 'string' ? ` [${code}]` : ''}: ${message}`, { cause: error });
  }
}

/** One row of `_prisma_migrations`, as both engines store it. */
interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** The rows of `_prisma_migrations` of a SQLite file, read without locking it; `null` on any doubt. */
function readSqliteMigrations(file: string): AppliedMigration[] | null {
  if (!existsSync(file)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').all() as AppliedMigration[];
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** The rows of `_prisma_migrations` of a PostgreSQL database; `null` on any doubt (e.g. no table yet). */
async function readPostgresMigrations(url: string): Promise<AppliedMigration[] | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<AppliedMigration>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations');
    return rows;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Whether `_prisma_migrations` records exactly the migrations of the list as applied (same
 * checksums) and none failed. Any doubt (`rows` null) answers false, so the engine decides (and
 * reports) as before.
 */
function isUpToDate(rows: AppliedMigration[] | null, list: MigrationList): boolean {
  if (rows === null) return false;
  const live = rows.filter((r) => r.rolled_back_at === null);
  if (live.some((r) => r.finished_at === null) || live.length !== list.migrationDirectories.length) return false;
  const applied = new Map(live.map((r) => [r.migration_name, r.checksum]));
  return list.migrationDirectories.every((d) => {
    const content = d.migrationFile.content;
    return content.tag === 'ok' && applied.get(d.path) === createHash('sha256').update(content.value).digest('hex');
  });
}

/** Options of {@link diffDatabaseToSchema}. */
export interface DiffDatabaseToSchemaOptions {
  /** SQLite `file:` URL of the database to start from (normally: all migrations applied). */
  databaseUrl: string;
  /** Prisma schema to reach. */
  schemaPath?: string;
}

/**
 * The SQL that would bring the database at `databaseUrl` to the state `schemaPath` describes
 * (engine `diff`, from `schemaDatasource` to `schemaDatamodel`, `script: true`): what
 * `prisma migrate dev` would write into a new migration.
 *
 * @returns the SQL script, or `''` when there is nothing to change (the engine's
 *   "-- This is an empty migration." counts as nothing).
 * @throws Error if the schema cannot be read or parsed, or the database cannot be opened.
 */
export async function diffDatabaseToSchema({ databaseUrl, schemaPath = 'prisma/schema.prisma' }: DiffDatabaseToSchemaOptions): Promise<string> {
  const file = databaseFileFromUrl(databaseUrl);
  const files = [{ path: resolve(schemaPath), content: await readFile(schemaPath, 'utf8') }];
  const target = isPostgresUrl(databaseUrl) ? databaseUrl : (file ?? ':memory:');
  const { NO_FILTER, withSchemaEngine } = await import('./schema-engine.ts');
  const result = await withSchemaEngine(target, (engine) =>
    engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: dirname(resolve(schemaPath)) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    }),
  );
  const sql = result.stdout ?? '';
  return isEmptyScript(sql) ? '' : sql;
}

/** True when a SQL script holds only comments and blank lines. */
export function isEmptyScript(sql: string): boolean {
  return sql.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}

/** The migration name of an engine log line "Applying `<name>`", if it is one. */
function migrationBeingApplied(line: string): string | undefined {
  try {
    const log = JSON.parse(line) as { fields?: { message?: unknown }; span?: { migration_name?: unknown } };
    const name = log.span?.migration_name;
    const isApplying = typeof log.fields?.message === 'string' && log.fields.message.startsWith('Applying');
    return isApplying && typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
