import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awardFormsFileSchema, awardFormsValidOn, canCommuneAward, loadAwardFormsFile, parseAwardFormsText, type AwardForm } from '../../src/core/awards.ts';
import { PlanFileError } from '../../src/core/plan/load.ts';

const row = (code: string, validFrom: string, validTo?: string, authority: AwardForm['authority'] = 'COMMUNE'): AwardForm => ({
  code,
  name: { vi: code, en: code },
  authority,
  legalBasis: 'test',
  validFrom,
  ...(validTo ? { validTo } : {}),
});

const issuesOf = (fn: () => unknown): { path: string; message: string }[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFileError);
    return (error as PlanFileError).issues;
  }
  throw new Error('expected a PlanFileError');
};

describe('award forms', () => {
  it('the shipped file validates and covers the required forms', () => {
    const forms = loadAwardFormsFile('plans/award-forms.yaml');
    const codes = new Set(forms.map((f) => f.code));
    for (const code of ['giay-khen', 'lao-dong-tien-tien', 'gia-dinh-van-hoa', 'chien-si-thi-dua-co-so', 'tap-the-lao-dong-tien-tien', 'thon-van-hoa', 'bang-khen-ubnd-tinh']) {
      expect(codes.has(code), code).toBe(true);
    }
    const on = (date: string) => new Map(awardFormsValidOn(forms, date).map((f) => [f.code, f]));
    const today = on('2025-12-01');
    expect(canCommuneAward(today.get('giay-khen')!)).toBe(true);
    expect(canCommuneAward(today.get('lao-dong-tien-tien')!)).toBe(true);
    expect(canCommuneAward(today.get('gia-dinh-van-hoa')!)).toBe(true);
    expect(canCommuneAward(today.get('chien-si-thi-dua-co-so')!)).toBe(false);
    expect(canCommuneAward(today.get('bang-khen-ubnd-tinh')!)).toBe(false);
    // Since 1/7/2025 (no district level) the delegation facts are unverified and say so.
    expect(today.get('thon-van-hoa')!.legalBasis).toContain('[verify]');
    expect(on('2020-06-01').get('giay-khen')!.legalBasis).toContain('[verify]');
    expect(on('2017-12-31').size).toBe(0);
  });

  it('picks rows by date, both boundary days inclusive', () => {
    const forms = [row('a', '2018-01-01', '2023-12-31'), row('a', '2024-01-01'), row('b', '2024-01-01', '2025-06-30', 'HIGHER')];
    const codesOn = (date: string) => awardFormsValidOn(forms, date).map((f) => `${f.code}@${f.validFrom}`);
    expect(codesOn('2017-12-31')).toEqual([]);
    expect(codesOn('2018-01-01')).toEqual(['a@2018-01-01']);
    expect(codesOn('2023-12-31')).toEqual(['a@2018-01-01']);
    expect(codesOn('2024-01-01')).toEqual(['a@2024-01-01', 'b@2024-01-01']);
    expect(codesOn('2025-06-30')).toEqual(['a@2024-01-01', 'b@2024-01-01']);
    expect(codesOn('2025-07-01')).toEqual(['a@2024-01-01']);
    expect(codesOn('2099-01-01')).toEqual(['a@2024-01-01']);
    expect(() => awardFormsValidOn(forms, '2025-02-30')).toThrow(RangeError);
    expect(() => awardFormsValidOn(forms, '1/7/2025')).toThrow(RangeError);
  });

  it('rejects overlapping rows of one code, naming the field', () => {
    expect(awardFormsFileSchema.safeParse([row('a', '2018-01-01', '2023-12-31'), row('a', '2024-01-01'), row('b', '2018-01-01')]).success).toBe(true);
    const overlapping = JSON.stringify([row('a', '2018-01-01', '2024-01-01'), row('b', '2018-01-01'), row('a', '2024-01-01')]);
    const issues = issuesOf(() => parseAwardFormsText(overlapping, 'forms.json'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('[2].validFrom');
    expect(issues[0]!.message).toMatch(/overlaps row \[0\]/);
    // An open-ended row overlaps anything after it; the same validFrom twice overlaps too.
    expect(issuesOf(() => parseAwardFormsText(JSON.stringify([row('a', '2018-01-01'), row('a', '2030-01-01', '2030-12-31')]))).map((i) => i.path)).toEqual(['[1].validFrom']);
    expect(issuesOf(() => parseAwardFormsText(JSON.stringify([row('a', '2024-01-01', '2024-12-31'), row('a', '2024-01-01', '2024-01-31')]))).map((i) => i.path)).toEqual(['[1].validFrom']);
  });

  it('rejects broken rows with field paths', () => {
    const text = `
- code: "a"
  name: { vi: "A", en: "A" }
  authority: DISTRICT
  legalBasis: "x"
  validFrom: "2024-02-30"
- code: "b"
  name: { vi: "B" }
  authority: COMMUNE
  legalBasis: "x"
  validFrom: "2024-01-01"
- code: "c"
  name: { vi: "C", en: "C" }
  authority: COMMUNE
  legalBasis: "x"
  validFrom: "2024-01-01"
  validTo: "2023-12-31"
`;
    const paths = issuesOf(() => parseAwardFormsText(text, 'bad.yaml')).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['[0].authority', '[0].validFrom', '[1].name.en']));
    expect(issuesOf(() => parseAwardFormsText(text.replace(/- code: "a"[\s\S]*?- code: "c"/, '- code: "c"'))).map((i) => i.path)).toEqual(['[0].validTo']);
    expect(issuesOf(() => parseAwardFormsText('code: a')).map((i) => i.path)).toEqual(['(root)']);
    expect(issuesOf(() => parseAwardFormsText('- code: [')).map((i) => i.path)[0]).toMatch(/^line \d+, column \d+$/);
  });

  it('a missing file throws PlanFileError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awards-'));
    expect(issuesOf(() => loadAwardFormsFile(join(dir, 'missing.yaml')))[0]!.path).toBe('(file)');
    writeFileSync(join(dir, 'ok.yaml'), JSON.stringify([row('a', '2024-01-01')]));
    expect(loadAwardFormsFile(join(dir, 'ok.yaml'))).toEqual([row('a', '2024-01-01')]);
  });
});
