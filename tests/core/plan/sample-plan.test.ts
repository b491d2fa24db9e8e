import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { milestoneLastDay } from '../../../src/core/plan/dates.ts';
import { loadPlanFile } from '../../../src/core/plan/load.ts';
import { ROOT, SHIPPED_PLAN } from '../../helpers/core-fixtures.ts';

const SAMPLE_PLAN = resolve(ROOT, 'plans/sample-2026-2030.yaml');

describe('the sample 2026–2030 plan', () => {
  const sample = loadPlanFile(SAMPLE_PLAN);
  const shipped = loadPlanFile(SHIPPED_PLAN);

  it('validates and is marked as a sample, in its title too', () => {
    expect(sample.id).toBe('sample-ia-bang-2026-2030');
    expect(sample.sample).toBe(true);
    expect(sample.title.vi).toContain('MẪU');
    expect(sample.title.en).toContain('SAMPLE');
    expect(sample.period).toEqual({ start: '2026-01-01', end: '2030-12-31' });
  });

  it('has its milestones within 2026–2030, in date order', () => {
    const dates = sample.milestones.map((m) => milestoneLastDay(m));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= '2026-01-01' && d <= '2030-12-31')).toBe(true);
    expect(dates).toEqual([...dates].sort());
    expect(sample.milestones.some((m) => m.kind === 'CONFERENCE' && m.date.startsWith('2030'))).toBe(true);
  });

  it('keeps the shipped plan’s categories and its 11 quota rows', () => {
    expect(sample.categories.map((c) => c.code)).toEqual(shipped.categories.map((c) => c.code));
    expect(sample.quotas).toHaveLength(11);
    expect(sample.quotas.map((q) => [q.code, q.unit, q.targets])).toEqual(shipped.quotas.map((q) => [q.code, q.unit, q.targets]));
  });
});
