/**
 * Issue 18: a database created by the first release (its one migration), used the old way (rows
 * whose DateTime values SQL defaults wrote), then upgraded, holds ONE DateTime format in every
 * column — the one Prisma writes — so "last seen" and "due" orderings are right.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/client.ts';
import { dateTimeColumns, PRISMA_DATETIME_GLOB } from '../../src/db/datetime-format.ts';
import { applyMigrations } from '../../src/db/migrate.ts';

const MIGRATIONS_DIR = 'prisma/migrations';

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'thidua-datetime-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A migrations folder holding only the first `n` migrations. */
async function firstMigrations(n: number): Promise<string> {
  const dir = join(scratch, 'first-release');
  await mkdir(dir);
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const name of names.slice(0, n)) await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
  await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));
  return dir;
}

describe('DateTime columns after an upgrade from the first release', () => {
  it('every DateTime value of every table is in the format Prisma writes, and orders right', async () => {
    const file = join(scratch, 'app.db');
    const databaseUrl = `file:${file}`;
    await applyMigrations({ databaseUrl, migrationsDir: await firstMigrations(1) });

    // The first release's way: rows relying on SQL defaults (CURRENT_TIMESTAMP), and one Prisma row.
    const old = new Database(file);
    old.exec(`INSERT INTO "Person" ("id", "displayName", "updatedAt") VALUES (1, 'Lan', '2026-11-29 10:00:00'), (2, 'Minh', '2026-11-30T09:15:00.123+00:00')`);
    old.exec(`INSERT INTO "Identity" ("channel", "externalId", "personId") VALUES ('telegram', '11', 1), ('zalo', 'z-11', 1)`);
    old.exec(`INSERT INTO "Identity" ("channel", "externalId", "personId", "createdAt") VALUES ('telegram', '22', 2, '2026-11-30T09:15:00.123+00:00')`);
    const before = dateTimeColumns(old).length;
    old.close();

    const upgraded = await applyMigrations({ databaseUrl });
    expect(upgraded.applied.length).toBeGreaterThan(0);

    const db = new Database(file);
    const columns = dateTimeColumns(db);
    expect(columns.length).toBeGreaterThan(before);
    const seen: string[] = [];
    for (const { table, column } of columns) {
      const rows = db.prepare(`SELECT typeof("${column}") AS t, "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`).all() as {
        t: string;
        v: unknown;
      }[];
      for (const r of rows) {
        seen.push(`${table}.${column}`);
        expect({ at: `${table}.${column}`, t: r.t }).toEqual({ at: `${table}.${column}`, t: 'text' });
        const ok = db.prepare(`SELECT ? GLOB '${PRISMA_DATETIME_GLOB}' AS ok`).get(r.v) as { ok: number };
        expect({ at: `${table}.${column}`, v: r.v, ok: ok.ok }).toEqual({ at: `${table}.${column}`, v: r.v, ok: 1 });
      }
    }
    expect(seen).toEqual(expect.arrayContaining(['Identity.lastSeenAt', 'Identity.createdAt', 'Person.createdAt']));
    db.close();

    // Prisma reads them, and a value it writes now sorts after the converted ones.
    const { prisma, close } = await createDatabase({ databaseUrl });
    try {
      await prisma.identity.update({
        where: { channel_externalId: { channel: 'telegram', externalId: '22' } },
        data: { lastSeenAt: new Date('2099-01-01T00:00:00Z') },
      });
      const latest = await prisma.identity.findFirst({ orderBy: { lastSeenAt: 'desc' } });
      expect(latest?.externalId).toBe('22');
      const all = await prisma.identity.findMany();
      for (const i of all) expect(Number.isNaN(i.lastSeenAt.getTime())).toBe(false);
    } finally {
      await close();
    }
  });

  it('a later migration that redefines a table with a new DateTime default cannot bring the old format back', async () => {
    const dir = await firstMigrations(99);
    const databaseUrl = `file:${join(scratch, 'app.db')}`;
    await applyMigrations({ databaseUrl, migrationsDir: dir });
    await mkdir(join(dir, '29990101000000_later'));
    // What a table redefinition does: copy rows into a new table whose new column takes its default.
    await writeFile(
      join(dir, '29990101000000_later', 'migration.sql'),
      `CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY, "checkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);\nINSERT INTO "Later" ("id") SELECT "id" FROM "Person";\n`,
    );
    const db0 = new Database(join(scratch, 'app.db'));
    db0.exec(
      `INSERT INTO "Person" ("id", "displayName", "createdAt", "updatedAt") VALUES (7, 'An', '2026-11-30T09:15:00.123+00:00', '2026-11-30T09:15:00.123+00:00')`,
    );
    db0.close();
    await applyMigrations({ databaseUrl, migrationsDir: dir });
    const db = new Database(join(scratch, 'app.db'));
    const v = (db.prepare(`SELECT "checkedAt" AS v FROM "Later" WHERE id = 7`).get() as { v: string }).v;
    db.close();
    expect(v).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  });
});
