/**
 * PostgreSQL: the derived schema, its migrations, dates as instants whatever the server's time zone,
 * the SQLite → PostgreSQL copy and the SQLite backup. The tests that need the PostgreSQL server of the
 * project's machines (127.0.0.1:5432, or POSTGRES_ADMIN_URL) run in the PostgreSQL pass only (`npm run
 * test:postgres`, see `postgresTestsSkipped`); skipped with a message elsewhere.
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/app.ts';
import { backupSqlite } from '../../src/cli/backup.ts';
import { createDatabase } from '../../src/db/client.ts';
import { copySqliteToPostgres } from '../../src/db/copy-to-postgres.ts';
import { applyMigrations, diffDatabaseToSchema, migrationPaths } from '../../src/db/migrate.ts';
import { createScratchDatabase } from '../../src/db/postgres-admin.ts';
import { POSTGRES_SCHEMA_PATH, postgresSchemaFrom } from '../../src/db/postgres-schema.ts';
import { createTempDatabase } from '../helpers/temp-db.ts';
import { postgresTestsSkipped } from '../helpers/test-engine.ts';

const unavailable = await postgresTestsSkipped();
if (unavailable) console.warn(`PostgreSQL tests (tests/db/postgres.test.ts) skipped: ${unavailable}`);

describe('the PostgreSQL schema', () => {
  it('is the SQLite schema derived (else run npm run db:new-migration)', async () => {
    const sqlite = await readFile(join(PROJECT_ROOT, 'prisma/schema.prisma'), 'utf8');
    expect(await readFile(join(PROJECT_ROOT, POSTGRES_SCHEMA_PATH), 'utf8')).toBe(postgresSchemaFrom(sqlite));
  });

  it('stores every DateTime as timestamptz and keeps the comments after it', () => {
    const derived = postgresSchemaFrom(
      'generator client {\n  output = "../src/db/generated"\n}\ndatasource db {\n  provider = "sqlite"\n}\nmodel A {\n  at DateTime @default(now()) // when\n  end DateTime?\n}\n',
    );
    expect(derived).toContain('at DateTime @default(now()) @db.Timestamptz(3) // when');
    expect(derived).toContain('end DateTime? @db.Timestamptz(3)');
    expect(derived).toContain('provider = "postgresql"');
  });
});

describe.skipIf(unavailable !== null)('on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase('thidua_test_pg');
    await applyMigrations({ databaseUrl: scratch.url, ...migrationPaths(scratch.url, PROJECT_ROOT) });
  }, 60_000);
  afterAll(async () => {
    await scratch?.drop();
  });

  it('the migrations reach the schema: no drift', async () => {
    const { schemaPath } = migrationPaths(scratch.url, PROJECT_ROOT);
    expect(await diffDatabaseToSchema({ databaseUrl: scratch.url, schemaPath })).toBe('');
  });

  it('applying the migrations again applies nothing', async () => {
    const again = await applyMigrations({ databaseUrl: scratch.url, ...migrationPaths(scratch.url, PROJECT_ROOT) });
    expect(again.applied).toEqual([]);
  });

  it('an instant written and read back is the same instant when the server speaks Asia/Ho_Chi_Minh', async () => {
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${scratch.name}" SET timezone TO 'Asia/Ho_Chi_Minh'`);
    await admin.end();
    const db = await createDatabase({ databaseUrl: scratch.url });
    try {
      const at = new Date('2026-12-31T17:30:00.000Z'); // 1 Jan 2027 00:30 in Vietnam
      const person = await db.prisma.person.create({ data: { displayName: 'Lan', createdAt: at } });
      expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).createdAt.toISOString()).toBe(at.toISOString());
      // A session in Vietnam time reads the same instant (+07), not a shifted wall-clock time.
      const reader = new pg.Client({ connectionString: scratch.url });
      await reader.connect();
      const { rows } = await reader.query(`SELECT to_char("createdAt", 'YYYY-MM-DD HH24:MI TZH') AS local FROM "Person" WHERE id = $1`, [person.id]);
      await reader.end();
      expect(rows[0].local).toBe('2027-01-01 00:30 +07');
      await db.prisma.person.delete({ where: { id: person.id } });
    } finally {
      await db.close();
    }
  });
});

describe.skipIf(unavailable !== null)('moving from SQLite to PostgreSQL', () => {
  it('copies every row, continues the ids, and refuses a target that holds rows', async () => {
    const source = await createTempDatabase({ engine: 'sqlite' });
    const target = await createScratchDatabase('thidua_test_copy');
    try {
      await applyMigrations({ databaseUrl: target.url, ...migrationPaths(target.url, PROJECT_ROOT) });
      const person = await source.prisma.person.create({ data: { displayName: 'Lan', locale: 'vi', createdAt: new Date('2026-01-02T03:04:05.678Z') } });
      await source.prisma.identity.create({ data: { personId: person.id, channel: 'telegram', externalId: '42' } });
      const report = await copySqliteToPostgres(source.file, target.url);
      expect(report.tables.find((t) => t.table === 'Person')?.rows).toBe(1);
      expect(report.tables.find((t) => t.table === 'Identity')?.rows).toBe(1);

      const db = await createDatabase({ databaseUrl: target.url });
      try {
        const copied = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id }, include: { identities: true } });
        expect(copied.createdAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
        expect(copied.displayName).toBe('Lan');
        expect(copied.identities[0]?.externalId).toBe('42');
        // The sequence goes on after the copied id: a new row does not collide.
        const next = await db.prisma.person.create({ data: { displayName: 'Mai', locale: 'en' } });
        expect(next.id).toBeGreaterThan(person.id);
      } finally {
        await db.close();
      }
      await expect(copySqliteToPostgres(source.file, target.url)).rejects.toThrow(/already holds/);
    } finally {
      await source.close();
      await target.drop();
    }
  }, 60_000);
});

describe('the SQLite backup', () => {
  it('is a database with the same rows, taken while a connection is open', async () => {
    const source = await createTempDatabase({ engine: 'sqlite' });
    const dir = await mkdtemp(join(tmpdir(), 'thidua-backup-'));
    try {
      await source.prisma.person.create({ data: { displayName: 'Lan', locale: 'vi' } });
      await backupSqlite(source.file, join(dir, 'copy.db'));
      const copy = new Database(join(dir, 'copy.db'), { readonly: true });
      expect((copy.prepare('SELECT count(*) AS n FROM Person').get() as { n: number }).n).toBe(1);
      copy.close();
    } finally {
      await source.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
