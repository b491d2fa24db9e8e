import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAwardFormsFile, type AwardForm } from '../../src/core/awards.ts';
import { importAwardForms, listAwardForms } from '../../src/db/award-repository.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const sortKey = (f: AwardForm) => `${f.code}\0${f.validFrom}`;
const sorted = (forms: AwardForm[]) => [...forms].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

describe('award repository', () => {
  let db: TempDatabase;
  beforeEach(async () => {
    db = await createTempDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  it('imports the shipped file; importing twice gives the same rows', async () => {
    const forms = loadAwardFormsFile('plans/award-forms.yaml');
    expect(await importAwardForms(db.prisma, forms)).toEqual({ created: forms.length, updated: 0, unchanged: 0, deleted: 0 });
    const first = await db.prisma.awardForm.findMany({ orderBy: { id: 'asc' } });
    expect(await importAwardForms(db.prisma, forms)).toEqual({ created: 0, updated: 0, unchanged: forms.length, deleted: 0 });
    expect(await db.prisma.awardForm.findMany({ orderBy: { id: 'asc' } })).toEqual(first);
    expect(await listAwardForms(db.prisma)).toEqual(sorted(forms));
  });

  it('updates in place and deletes rows no longer in the file', async () => {
    const forms = loadAwardFormsFile('plans/award-forms.yaml');
    await importAwardForms(db.prisma, forms);
    const ids = new Map((await db.prisma.awardForm.findMany()).map((r) => [`${r.code}\0${r.validFrom}`, r.id]));
    const edited = forms
      .filter((f) => f.code !== 'bang-khen-ubnd-tinh')
      .map((f) => (f.code === 'thon-van-hoa' && !f.validTo ? { ...f, authority: 'COMMUNE' as const, legalBasis: 'verified' } : f));
    expect(await importAwardForms(db.prisma, edited)).toEqual({ created: 0, updated: 1, unchanged: forms.length - 2, deleted: 1 });
    const rows = await db.prisma.awardForm.findMany();
    expect(rows).toHaveLength(forms.length - 1);
    for (const r of rows) expect(r.id).toBe(ids.get(`${r.code}\0${r.validFrom}`));
    expect(await listAwardForms(db.prisma)).toEqual(sorted(edited));
  });

  it('refuses overlapping rows without touching the table', async () => {
    const a: AwardForm = {
      code: 'a',
      name: { vi: 'A', en: 'A' },
      kind: 'FORM',
      subjectTypes: ['INDIVIDUAL'],
      authority: 'COMMUNE',
      authorityName: { vi: 'Chủ tịch UBND xã', en: 'the commune chairman' },
      verified: true,
      legalBasis: 'x',
      validFrom: '2024-01-01',
    };
    await importAwardForms(db.prisma, [a]);
    await expect(importAwardForms(db.prisma, [a, { ...a, validFrom: '2025-01-01' }])).rejects.toThrow(/overlaps/);
    expect(await listAwardForms(db.prisma)).toEqual([a]);
  });
});
