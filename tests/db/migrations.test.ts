import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, databaseFileFromUrl } from '../../src/db/client.ts';
import { applyMigrations, diffDatabaseToSchema } from '../../src/db/migrate.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const MIGRATIONS_DIR = 'prisma/migrations';
const SCHEMA = 'prisma/schema.prisma';

async function migrationFolders(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'thidua-migrations-test-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('migrations vs prisma/schema.prisma', () => {
  it('has no drift: the migrated database matches the schema (else run db:new-migration)', async () => {
    const databaseUrl = `file:${join(scratch, 'fresh.db')}`;
    await applyMigrations({ databaseUrl });
    expect(await diffDatabaseToSchema({ databaseUrl, schemaPath: SCHEMA })).toBe('');
  });

  it('detects drift: a field added to a copy of the schema yields an ADD COLUMN', async () => {
    const databaseUrl = `file:${join(scratch, 'fresh.db')}`;
    await applyMigrations({ databaseUrl });
    const original = await readFile(SCHEMA, 'utf8');
    const edited = original.replace(/(model Person \{\n)/, '$1  nickname    String?\n');
    expect(edited).not.toBe(original);
    const copy = join(scratch, 'schema.prisma');
    await writeFile(copy, edited);
    const sql = await diffDatabaseToSchema({ databaseUrl, schemaPath: copy });
    expect(sql).toMatch(/ALTER TABLE "Person" ADD COLUMN "nickname" TEXT/);
  });
});

describe('applyMigrations', () => {
  it('applies every folder once, records SHA-256 checksums, creates the directory', async () => {
    const file = join(scratch, 'nested', 'dir', 'app.db');
    const databaseUrl = `file:${file}`;
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);

    expect(await applyMigrations({ databaseUrl })).toEqual({ applied: folders });
    expect(await applyMigrations({ databaseUrl })).toEqual({ applied: [] });

    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name').all() as {
        migration_name: string;
        checksum: string;
        finished_at: string | null;
        rolled_back_at: string | null;
      }[];
      expect(rows.map((r) => r.migration_name)).toEqual(folders);
      for (const row of rows) {
        const sql = await readFile(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }
    } finally {
      db.close();
    }
  });

  it('names the failing migration in its error', async () => {
    const migrationsDir = join(scratch, 'migrations');
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await mkdir(join(migrationsDir, '99990101000000_broken'));
    await writeFile(join(migrationsDir, '99990101000000_broken', 'migration.sql'), 'ALTER TABLE "Nope" ADD COLUMN "x" TEXT;\n');
    const databaseUrl = `file:${join(scratch, 'broken.db')}`;
    await expect(applyMigrations({ databaseUrl, migrationsDir })).rejects.toThrow(/Migration "99990101000000_broken" failed/);
    // A later run refuses too, still naming it.
    await expect(applyMigrations({ databaseUrl, migrationsDir })).rejects.toThrow(/99990101000000_broken/);
  });
});

describe('createDatabase', () => {
  let temp: TempDatabase | undefined;
  afterEach(async () => {
    await temp?.close();
    temp = undefined;
  });

  it('turns on WAL, the busy timeout and foreign keys', async () => {
    temp = await createTempDatabase({ engine: 'sqlite' });
    const pragma = async (name: string) => {
      const rows = await temp!.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
      return rows[0] && Object.values(rows[0])[0];
    };
    expect(await pragma('journal_mode')).toBe('wal');
    expect(Number(await pragma('busy_timeout'))).toBe(BUSY_TIMEOUT_MS); // short: better-sqlite3 waits synchronously; retries wait asynchronously
    expect(Number(await pragma('foreign_keys'))).toBe(1);
  });

  it('round-trips a person through create and findMany', async () => {
    temp = await createTempDatabase({ engine: 'sqlite' });
    const created = await temp.prisma.person.create({ data: { displayName: 'Nguyễn Văn A', locale: 'vi' } });
    const people = await temp.prisma.person.findMany();
    expect(people).toEqual([created]);
    expect(people[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('gives each temp database its own file', async () => {
    const a = await createTempDatabase({ engine: 'sqlite' });
    const b = await createTempDatabase({ engine: 'sqlite' });
    try {
      expect(a.file).not.toBe(b.file);
      await a.prisma.person.create({ data: { displayName: 'A' } });
      expect(await b.prisma.person.count()).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('databaseFileFromUrl', () => {
  it('resolves file: URLs against the working directory', () => {
    expect(databaseFileFromUrl('file:./data/thidua.db')).toBe(resolve('data/thidua.db'));
    expect(databaseFileFromUrl('file:/abs/x.db?connection_limit=1')).toBe('/abs/x.db');
    expect(databaseFileFromUrl('file:///abs/y.db')).toBe('/abs/y.db');
    expect(databaseFileFromUrl('file::memory:')).toBeNull();
    expect(databaseFileFromUrl('postgresql://localhost/x')).toBeNull(); // no file: a server
    expect(() => databaseFileFromUrl('mysql://localhost/x')).toThrow(/file:/);
  });
});
