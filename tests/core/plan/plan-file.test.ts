import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadPlanFile, parsePlanText, PlanFileError } from '../../../src/core/plan/load.ts';
import { SHIPPED_PLAN } from '../../helpers/core-fixtures.ts';

const shippedText = () => readFileSync(SHIPPED_PLAN, 'utf8');

function issuesOf(text: string) {
  try {
    parsePlanText(text, 'broken.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFileError);
    return (error as PlanFileError).issues;
  }
  throw new Error('expected the plan to be rejected');
}

describe('the shipped Ia Bang plan', () => {
  const plan = loadPlanFile(SHIPPED_PLAN);

  it('validates and holds the whole plan', () => {
    expect(plan.id).toBe('ia-bang-2021-2025');
    expect(plan.categories.map((c) => c.code)).toEqual([
      '3.1.1',
      '3.1.2',
      '3.1.3',
      '3.1.4',
      '3.1.5',
      '3.1.6',
      '3.1.7',
      '3.1.8',
      '3.1.9',
      '3.1.10',
      '3.2.1',
      '3.2.2',
    ]);
    expect(plan.quotas).toHaveLength(11);
    expect(plan.categories.every((c) => c.criteria.length >= 2)).toBe(true);
  });

  it('keeps the dated milestones of the plan', () => {
    const dates = plan.milestones.map((m) => m.date);
    expect(dates).toContain('2021-08-25');
    expect(dates).toContain('2023-06-11');
    expect(plan.milestones.some((m) => m.kind === 'CONFERENCE' && m.date.startsWith('2025'))).toBe(true);
  });

  it('quotas of section IV.1 add up as the plan says', () => {
    const sum = (k: 'collectives' | 'individuals' | 'households' | 'any') => plan.quotas.reduce((n, q) => n + q.targets[k], 0);
    // 9 rows of 1+1 (one of them 2+2 → counted below), households 2, one "any" exemplar
    expect(sum('households')).toBe(2);
    expect(sum('any')).toBe(1);
    expect(sum('collectives')).toBe(10);
    expect(sum('individuals')).toBe(10);
  });

  it('every text is NFC and has both languages', () => {
    const walk = (v: unknown): string[] =>
      typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(walk) : v && typeof v === 'object' ? Object.values(v).flatMap(walk) : [];
    const strings = walk(plan);
    expect(strings.filter((s) => s !== s.normalize('NFC'))).toEqual([]);
  });
});

describe('a broken plan file', () => {
  it('names the exact field and the reason', () => {
    const doc = parse(shippedText());
    doc.categories[3].criteria[2].text.vi = '';
    doc.quotas[0].unit = 'khong-co';
    const issues = issuesOf(stringify(doc));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'categories[3].criteria[2].text.vi' }),
        { path: 'quotas[0].unit', message: 'unknown unit "khong-co"' },
      ]),
    );
  });

  it('rejects an impossible date and a duplicate code', () => {
    const doc = parse(shippedText());
    doc.milestones[0].date = '2021-02-30';
    doc.categories[1].code = doc.categories[0].code;
    const issues = issuesOf(stringify(doc));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'milestones[0].date', message: 'not a real calendar date' },
        expect.objectContaining({ path: 'categories[1].code', message: expect.stringContaining('duplicate') }),
      ]),
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const issues = issuesOf('id: x\ntitle: {vi: "a", en: "b"\n');
    expect(issues[0]!.path).toMatch(/^line \d+, column \d+$/);
  });

  it('reports a missing file', () => {
    expect(() => loadPlanFile('/nonexistent/plan.yaml')).toThrow(PlanFileError);
  });
});
