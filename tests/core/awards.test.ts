import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applicableAward,
  applicableAwards,
  awardFormsFileSchema,
  awardFormsValidOn,
  canCommuneAward,
  loadAwardFormsFile,
  parseAwardFormsText,
  type AwardForm,
} from '../../src/core/awards.ts';
import { PlanFileError } from '../../src/core/plan/load.ts';

const row = (code: string, validFrom: string, validTo?: string, authority: AwardForm['authority'] = 'COMMUNE'): AwardForm => ({
  code,
  name: { vi: code, en: code },
  kind: 'FORM',
  subjectTypes: ['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD'],
  authority,
  authorityName: { vi: 'x', en: 'x' },
  verified: true,
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
    for (const code of [
      'giay-khen',
      'lao-dong-tien-tien',
      'gia-dinh-van-hoa',
      'chien-si-thi-dua-co-so',
      'tap-the-lao-dong-tien-tien',
      'thon-van-hoa',
      'bang-khen-ubnd-tinh',
    ]) {
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
    expect(on('2020-06-01').get('giay-khen')!.legalBasis).toContain('[verify');
    expect(on('2020-06-01').get('giay-khen')!.verified).toBe(false);
    expect(on('2017-12-31').size).toBe(0);
  });

  it("has the rows before 2024 and the district chairman's giấy khen until 30/6/2025 (domain-corrections §4)", () => {
    const forms = loadAwardFormsFile('plans/award-forms.yaml');
    const on = (date: string) => new Map(awardFormsValidOn(forms, date).map((f) => [f.code, f]));
    const y2022 = on('2022-12-15');
    // Before 2024 the commune chairman awarded LĐTT (Decree 91/2017 Art. 43) and recognised GĐVH (Decree 122/2018).
    expect(canCommuneAward(y2022.get('lao-dong-tien-tien')!)).toBe(true);
    expect(y2022.get('lao-dong-tien-tien')!.legalBasis).toContain('91/2017');
    expect(canCommuneAward(y2022.get('gia-dinh-van-hoa')!)).toBe(true);
    for (const code of ['chien-si-thi-dua-co-so', 'tap-the-lao-dong-tien-tien', 'thon-van-hoa', 'giay-khen-huyen']) expect(y2022.get(code), code).toBeDefined();
    // The district chairman's own giấy khen: the usual form proposed upward at the 2023 review …
    const huyen = on('2025-06-30').get('giay-khen-huyen')!;
    expect(huyen).toMatchObject({ authority: 'HIGHER', verified: true, kind: 'FORM' });
    expect(huyen.authorityName.vi).toBe('Chủ tịch UBND huyện');
    // … and gone with the district level.
    expect(on('2025-07-01').has('giay-khen-huyen')).toBe(false);
    // After 1/7/2025 the former district titles are unverified, and marked so.
    expect(on('2025-07-01').get('chien-si-thi-dua-co-so')!.verified).toBe(false);
    // Titles and forms are different things in the Law.
    expect(on('2025-12-01').get('lao-dong-tien-tien')!.kind).toBe('TITLE');
    expect(on('2025-12-01').get('giay-khen')!.kind).toBe('FORM');
  });

  it('refuses a title for the wrong subject type and accepts it on its decision date', () => {
    const forms = loadAwardFormsFile('plans/award-forms.yaml');
    // Gia đình văn hóa is for households, Tập thể lao động tiên tiến for collectives: not an individual.
    expect(applicableAward(forms, { code: 'gia-dinh-van-hoa', subjectType: 'INDIVIDUAL', date: '2025-03-01' })).toEqual({ ok: false, reason: 'wrong-subject' });
    expect(applicableAward(forms, { code: 'tap-the-lao-dong-tien-tien', subjectType: 'INDIVIDUAL', date: '2025-03-01' })).toEqual({
      ok: false,
      reason: 'wrong-subject',
    });
    expect(applicableAward(forms, { code: 'gia-dinh-van-hoa', subjectType: 'HOUSEHOLD', date: '2025-03-01' })).toMatchObject({
      ok: true,
      form: { validFrom: '2024-01-01' },
    });
    // Validity on the DECISION date: the district's giấy khen is right for a decision of 30/6/2025, not of 1/7/2025.
    expect(applicableAward(forms, { code: 'giay-khen-huyen', subjectType: 'INDIVIDUAL', date: '2025-06-30' }).ok).toBe(true);
    expect(applicableAward(forms, { code: 'giay-khen-huyen', subjectType: 'INDIVIDUAL', date: '2025-07-01' })).toEqual({
      ok: false,
      reason: 'not-valid-on-date',
    });
    expect(applicableAward(forms, { code: 'no-such', subjectType: 'INDIVIDUAL', date: '2025-07-01' })).toEqual({ ok: false, reason: 'unknown' });
    // Only applicable rows are offered.
    const forIndividual = applicableAwards(forms, { subjectType: 'INDIVIDUAL', date: '2025-03-01', authority: 'COMMUNE' }).map((f) => f.code);
    expect(forIndividual).toEqual(['giay-khen', 'lao-dong-tien-tien']);
    const forHousehold = applicableAwards(forms, { subjectType: 'HOUSEHOLD', date: '2025-03-01', authority: 'COMMUNE' }).map((f) => f.code);
    expect(forHousehold).toEqual(['giay-khen', 'gia-dinh-van-hoa']);
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
    expect(issuesOf(() => parseAwardFormsText(JSON.stringify([row('a', '2018-01-01'), row('a', '2030-01-01', '2030-12-31')]))).map((i) => i.path)).toEqual([
      '[1].validFrom',
    ]);
    expect(
      issuesOf(() => parseAwardFormsText(JSON.stringify([row('a', '2024-01-01', '2024-12-31'), row('a', '2024-01-01', '2024-01-31')]))).map((i) => i.path),
    ).toEqual(['[1].validFrom']);
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
  kind: FORM
  subjectTypes: [INDIVIDUAL]
  authority: COMMUNE
  authorityName: { vi: "C", en: "C" }
  verified: true
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
