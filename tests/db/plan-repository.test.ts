import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePlanText } from '../../src/core/plan/load.ts';
import type { PlanFile } from '../../src/core/plan/plan-schema.ts';
import { createNominationRepository } from '../../src/db/nomination-repository.ts';
import { importPlan, loadPlan, PlanImportError } from '../../src/db/plan-repository.ts';
import { SHIPPED_PLAN } from '../helpers/core-fixtures.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const shipped = (): PlanFile => parsePlanText(readFileSync(SHIPPED_PLAN, 'utf8'));

/** Every plan row, without timestamps, for comparing database states. */
async function snapshot(db: TempDatabase) {
  const p = db.prisma;
  const strip = <T extends Record<string, unknown>>(rows: T[]) => rows.map(({ importedAt, updatedAt, ...rest }) => rest);
  return {
    plans: strip(await p.plan.findMany({ orderBy: { id: 'asc' } })),
    categories: await p.category.findMany({ orderBy: { id: 'asc' } }),
    units: await p.unit.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('plan import', () => {
  let db: TempDatabase;
  beforeEach(async () => {
    db = await createTempDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  it('imports the shipped plan: its document, and a row for each unit and category', async () => {
    const plan = shipped();
    const result = await importPlan(db.prisma, plan);
    expect(result.status).toBe('created');
    expect(result.counts).toMatchObject({ categories: 12, quotas: 11, units: plan.units.length });
    expect((await db.prisma.category.findMany({ orderBy: { id: 'asc' } })).map((c) => c.code)).toEqual(plan.categories.map((c) => c.code));
    expect((await db.prisma.unit.findMany({ orderBy: { position: 'asc' } })).map((u) => u.code)).toEqual(plan.units.map((u) => u.code));
    expect(await loadPlan(db.prisma, plan.id)).toEqual(plan);
  });

  it('importing twice gives the same rows', async () => {
    await importPlan(db.prisma, shipped());
    const first = await snapshot(db);
    const again = await importPlan(db.prisma, shipped());
    expect(again.status).toBe('unchanged');
    expect(await snapshot(db)).toEqual(first);
  });

  it('an edited file updates in place: same ids, new document, removed rows gone, new rows added', async () => {
    await importPlan(db.prisma, shipped());
    const before = await db.prisma.category.findFirstOrThrow({ where: { code: '3.1.5' } });
    const doc = parse(readFileSync(SHIPPED_PLAN, 'utf8'));
    doc.categories[4].name.vi = 'Mô hình y tế (đã sửa)';
    doc.categories[4].criteria.pop();
    doc.quotas.push({ ...doc.quotas[0], code: 'q99' });
    doc.units.reverse();
    doc.units.push({ ...doc.units[0], code: 'don-vi-moi' });
    const edited = parsePlanText(JSON.stringify(doc));
    const result = await importPlan(db.prisma, edited);
    expect(result.status).toBe('updated');
    expect((await db.prisma.category.findFirstOrThrow({ where: { code: '3.1.5' } })).id).toBe(before.id);
    expect((await db.prisma.unit.findMany({ orderBy: { position: 'asc' } })).map((u) => u.code)).toEqual(edited.units.map((u) => u.code));
    expect(await db.prisma.plan.count()).toBe(1);
    const stored = await loadPlan(db.prisma, 'ia-bang-2021-2025');
    expect(stored).toEqual(edited);
    expect(stored?.categories[4]?.name.vi).toBe('Mô hình y tế (đã sửa)');
    expect(stored?.quotas).toHaveLength(12);
  });

  it('refuses, clearly and without changing anything, an edit that removes a category nominations use', async () => {
    await importPlan(db.prisma, shipped());
    const person = await db.prisma.person.create({ data: { displayName: 'Cán bộ' } });
    await createNominationRepository(db.prisma).submit({
      draft: {
        planSlug: 'ia-bang-2021-2025',
        categoryCode: '3.1.5',
        movementCode: null,
        unitCode: 'tram-y-te',
        subjectType: 'COLLECTIVE',
        nomineeName: 'Trạm Y tế xã',
        place: 'Thôn 1',
        achievements: 'Tiêm chủng đầy đủ cho trẻ em trong xã.',
        selfCheck: [],
        evidence: [],
      },
      proposerId: person.id,
      now: new Date(),
    });
    const doc = parse(readFileSync(SHIPPED_PLAN, 'utf8'));
    doc.categories.splice(4, 1); // 3.1.5
    const before = await snapshot(db);
    await expect(importPlan(db.prisma, parsePlanText(JSON.stringify(doc)))).rejects.toThrow(PlanImportError);
    await expect(importPlan(db.prisma, parsePlanText(JSON.stringify(doc)))).rejects.toThrow(/removes a category or unit that nominations or roles still use/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('loadPlan returns null for a plan never imported', async () => {
    expect(await loadPlan(db.prisma, 'nope')).toBeNull();
  });
});
