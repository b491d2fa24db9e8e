/**
 * What a plan file changes compared with the active plan (issue 16: "12 lĩnh vực, 98 tiêu chí, 11
 * chỉ tiêu, 9 mốc; 2 đơn vị mới, 1 đơn vị đổi tên"), as message keys. Pure.
 */
import { msg, type Locale, type Msg } from '../channel.ts';
import { formatPlanDate } from './dates.ts';
import type { PlanFile } from './plan-schema.ts';

/** Counts of a plan's parts. */
export interface PlanCounts {
  movements: number;
  categories: number;
  criteria: number;
  units: number;
  quotas: number;
  phases: number;
  milestones: number;
}

export const planCounts = (plan: PlanFile): PlanCounts => ({
  movements: plan.movements.length,
  categories: plan.categories.length,
  criteria: plan.categories.reduce((n, c) => n + c.criteria.length, 0),
  units: plan.units.length,
  quotas: plan.quotas.length,
  phases: plan.phases.length,
  milestones: plan.milestones.length,
});

/** Codes added, renamed (same code, another Vietnamese name) and removed between two lists. */
export interface CodeChanges {
  added: string[];
  renamed: string[];
  removed: string[];
}

function compare<T extends { code: string }>(before: readonly T[], after: readonly T[], name: (x: T) => string): CodeChanges {
  const old = new Map(before.map((x) => [x.code, x]));
  const now = new Set(after.map((x) => x.code));
  return {
    added: after.filter((x) => !old.has(x.code)).map((x) => x.code),
    renamed: after.filter((x) => old.has(x.code) && name(old.get(x.code)!) !== name(x)).map((x) => x.code),
    removed: before.filter((x) => !now.has(x.code)).map((x) => x.code),
  };
}

/** Units, categories and criteria (keyed `category/criterion`) that differ between two plans. */
export interface PlanDiff {
  units: CodeChanges;
  categories: CodeChanges;
  criteria: CodeChanges;
}

export function diffPlans(before: PlanFile, after: PlanFile): PlanDiff {
  const criteria = (p: PlanFile) => p.categories.flatMap((c) => c.criteria.map((x) => ({ code: `${c.code}/${x.code}`, text: x.text.vi })));
  return {
    units: compare(before.units, after.units, (u) => u.name.vi),
    categories: compare(before.categories, after.categories, (c) => c.name.vi),
    criteria: compare(criteria(before), criteria(after), (x) => x.text),
  };
}

/** `plan-change` messages for every non-empty change ("2 đơn vị mới (a, b)"), units first. */
export function changeMessages(diff: PlanDiff): Msg[] {
  const out: Msg[] = [];
  const add = (what: 'unit' | 'category' | 'criterion', changes: CodeChanges, listCodes: boolean) => {
    for (const change of ['added', 'renamed', 'removed'] as const) {
      const codes = changes[change];
      if (codes.length === 0) continue;
      out.push(msg('plan-change', { what, change, count: codes.length, listed: listCodes ? 'yes' : 'no', codes: codes.slice(0, 10).join(', ') }));
    }
  };
  add('unit', diff.units, true);
  add('category', diff.categories, true);
  add('criterion', diff.criteria, false);
  return out;
}

/** The lines that describe a plan: its name, period and counts. */
export function planLines(plan: PlanFile, locale: Locale): Msg[] {
  const c = planCounts(plan);
  return [
    msg('plan-upload-name', { title: plan.title[locale] }),
    msg('plan-upload-period', { start: formatPlanDate(plan.period.start), end: formatPlanDate(plan.period.end) }),
    msg('plan-upload-counts', { ...c }),
  ];
}
