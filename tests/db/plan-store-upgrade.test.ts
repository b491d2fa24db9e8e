/**
 * The plan store's upgrade (migration `one_plan_store`): a database that held the plan as a document
 * plus rows in eight tables keeps, after the upgrade, its plan document, the ids of its units and
 * categories, and every record pointing at them, with no broken foreign key. SQLite only: the
 * migration rebuilds the Plan, Unit and Category tables there (PostgreSQL drops columns in place).
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.ts';

const MIGRATIONS_DIR = 'prisma/migrations';
const MIGRATION = 'one_plan_store';

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'thidua-plan-store-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A migrations folder holding the migrations before `one_plan_store`. */
async function migrationsBefore(): Promise<string> {
  const dir = join(scratch, 'before');
  await mkdir(dir);
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const at = names.findIndex((n) => n.endsWith(`_${MIGRATION}`));
  expect(at).toBeGreaterThan(0);
  for (const name of names.slice(0, at)) await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
  await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));
  return dir;
}

describe('upgrading to one plan store', () => {
  it('keeps the document, the unit and category ids, and the nominations, grants and invites that use them', async () => {
    const file = join(scratch, 'app.db');
    const databaseUrl = `file:${file}`;
    await applyMigrations({ databaseUrl, migrationsDir: await migrationsBefore() });

    const old = new Database(file);
    const now = '2026-11-30T09:15:00.123+00:00';
    old.exec(`
      INSERT INTO "Plan" ("id", "slug", "titleVi", "titleEn", "communeVi", "communeEn", "startsOn", "endsOn", "document", "contentHash", "updatedAt")
        VALUES (3, 'p', 'Kế hoạch', 'Plan', 'Xã', 'Commune', '2021-01-01', '2025-12-31', '{"id":"p"}', 'h', '${now}');
      INSERT INTO "Unit" ("id", "planId", "code", "position", "nameVi", "nameEn") VALUES (5, 3, 'u1', 0, 'Đơn vị', 'Unit'), (6, 3, 'u2', 1, 'Đơn vị 2', 'Unit 2');
      INSERT INTO "Category" ("id", "planId", "code", "position", "group", "subjectTypes", "section", "nameVi", "nameEn", "keywords")
        VALUES (7, 3, '3.1.5', 0, 'COLLECTIVE', 'COLLECTIVE', '3.1.5', 'Y tế', 'Health', '');
      INSERT INTO "Criterion" ("categoryId", "code", "position", "textVi", "textEn") VALUES (7, '3.1.5.2', 0, 'Tiêu chí', 'Criterion');
      INSERT INTO "Person" ("id", "displayName", "updatedAt") VALUES (1, 'Lan', '${now}');
      INSERT INTO "RoleGrant" ("personId", "role", "unitId") VALUES (1, 'OFFICER', 6);
      INSERT INTO "Invite" ("code", "role", "unitId", "expiresAt") VALUES ('C1', 'OFFICER', 5, '${now}');
      INSERT INTO "Nomination" ("id", "planId", "categoryId", "unitId", "proposerId", "subjectType", "nomineeName", "nomineeKey", "place", "achievements", "selfCheck", "state", "updatedAt")
        VALUES (9, 3, 7, 5, 1, 'COLLECTIVE', 'Trạm Y tế', 'tram y te', 'Thôn 1', 'Tốt', '[]', 'SUBMITTED', '${now}');
    `);
    old.close();

    const upgraded = await applyMigrations({ databaseUrl });
    // `one_plan_store` first; migrations written after it (e.g. deed_correction) are applied too.
    expect(upgraded.applied[0]).toMatch(new RegExp(`_${MIGRATION}$`));

    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare(`SELECT "id", "slug", "document", "contentHash" FROM "Plan"`).all()).toEqual([
        { id: 3, slug: 'p', document: '{"id":"p"}', contentHash: 'h' },
      ]);
      expect(db.prepare(`SELECT "id", "planId", "code", "position" FROM "Unit" ORDER BY "id"`).all()).toEqual([
        { id: 5, planId: 3, code: 'u1', position: 0 },
        { id: 6, planId: 3, code: 'u2', position: 1 },
      ]);
      expect(db.prepare(`SELECT "id", "planId", "code" FROM "Category"`).all()).toEqual([{ id: 7, planId: 3, code: '3.1.5' }]);
      expect(db.prepare(`SELECT "planId", "categoryId", "unitId" FROM "Nomination" WHERE "id" = 9`).get()).toEqual({ planId: 3, categoryId: 7, unitId: 5 });
      expect(db.prepare(`SELECT "unitId" FROM "RoleGrant"`).all()).toEqual([{ unitId: 6 }]);
      expect(db.prepare(`SELECT "unitId" FROM "Invite"`).all()).toEqual([{ unitId: 5 }]);
      expect(db.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
      for (const gone of ['Criterion', 'GeneralCriterion', 'Quota', 'Phase', 'Milestone', 'Movement']) expect(tables).not.toContain(gone);
    } finally {
      db.close();
    }
  });
});
