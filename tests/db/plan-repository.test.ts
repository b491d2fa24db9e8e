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
    criteria: await p.criterion.findMany({ orderBy: { id: 'asc' } }),
    quotas: await p.quota.findMany({ orderBy: { id: 'asc' } }),
    units: await p.unit.findMany({ orderBy: { id: 'asc' } }),
    movements: await p.movement.findMany({ orderBy: { id: 'asc' } }),
    phases: await p.phase.findMany({ orderBy: { id: 'asc' } }),
    milestones: await p.milestone.findMany({ orderBy: { id: 'asc' } }),
    general: await p.generalCriterion.findMany({ orderBy: { id: 'asc' } }),
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

  it('imports the shipped plan into rows', async () => {
    const result = await importPlan(db.prisma, shipped());
    expect(result.status).toBe('created');
    expect(await db.prisma.category.count()).toBe(12);
    expect(await db.prisma.quota.count()).toBe(11);
    expect(await db.prisma.criterion.count()).toBe(result.counts.criteria);
    const health = await db.prisma.category.findFirst({ where: { code: '3.1.5' }, include: { criteria: { orderBy: { position: 'asc' } } } });
    expect(health?.criteria[0]?.code).toBe('3.1.5.2'); // 3.1.5.1 said who may be chosen: now the category's eligibility
  });

  it('importing twice gives the same rows', async () => {
    await importPlan(db.prisma, shipped());
    const first = await snapshot(db);
    const again = await importPlan(db.prisma, shipped());
    expect(again.status).toBe('unchanged');
    expect(await snapshot(db)).toEqual(first);
  });

  it('an edited file updates in place: same ids, new text, removed rows gone, new rows added', async () => {
    await importPlan(db.prisma, shipped());
    const before = await db.prisma.category.findFirstOrThrow({ where: { code: '3.1.5' } });
    const doc = parse(readFileSync(SHIPPED_PLAN, 'utf8'));
    doc.categories[4].name.vi = 'Mô hình y tế (đã sửa)';
    doc.categories[4].criteria.pop();
    doc.quotas.push({ ...doc.quotas[0], code: 'q99' });
    const edited = parsePlanText(JSON.stringify(doc));
    const result = await importPlan(db.prisma, edited);
    expect(result.status).toBe('updated');
    const after = await db.prisma.category.findFirstOrThrow({ where: { code: '3.1.5' }, include: { criteria: true } });
    expect(after.id).toBe(before.id);
    expect(after.nameVi).toBe('Mô hình y tế (đã sửa)');
    expect(after.criteria).toHaveLength(edited.categories[4]!.criteria.length);
    expect(await db.prisma.quota.count()).toBe(12);
    expect(await db.prisma.plan.count()).toBe(1);
    expect((await loadPlan(db.prisma, 'ia-bang-2021-2025'))?.categories[4]?.name.vi).toBe('Mô hình y tế (đã sửa)');
  });

  it('refuses, clearly and without changing anything, an edit that removes a category nominations use', async () => {
    await importPlan(db.prisma, shipped());
    const person = await db.prisma.person.create({ data: { displayName: 'Cán bộ' } });
    await createNominationRepository(db.prisma).submit({
      draft: { planSlug: 'ia-bang-2021-2025', categoryCode: '3.1.5', movementCode: null, unitCode: 'tram-y-te', subjectType: 'COLLECTIVE', nomineeName: 'Trạm Y tế xã', place: 'Thôn 1', achievements: 'Tiêm chủng đầy đủ cho trẻ em trong xã.', selfCheck: [], evidence: [] },
      proposerId: person.id,
      now: new Date(),
    });
    const doc = parse(readFileSync(SHIPPED_PLAN, 'utf8'));
    doc.categories.splice(4, 1); // 3.1.5
    const before = await snapshot(db);
    await expect(importPlan(db.prisma, parsePlanText(JSON.stringify(doc)))).rejects.toThrow(PlanImportError);
    await expect(importPlan(db.prisma, parsePlanText(JSON.stringify(doc)))).rejects.toThrow(/removes a category, unit or movement that nominations or roles still use/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('loadPlan returns null for a plan never imported', async () => {
    expect(await loadPlan(db.prisma, 'nope')).toBeNull();
  });
});
