/**
 * A plan ready for reading: the validated {@link PlanFile} plus lookups and the criteria search
 * index. Built once per imported plan and shared by every feature.
 */
import type { Locale } from '../channel.ts';
import { createCategoryIndex, type CategoryIndex } from '../criteria/search.ts';
import type { Category, Localized, PlanFile } from './plan-schema.ts';

export interface PlanCatalog {
  plan: PlanFile;
  categoryByCode: ReadonlyMap<string, Category>;
  search: CategoryIndex;
  movementName(code: string | undefined, locale: Locale): string | undefined;
  unitName(code: string, locale: Locale): string;
}

/** Picks the text of a locale. */
export const pick = (text: Localized, locale: Locale): string => text[locale];

/** Builds the catalog of a validated plan (pure, O(size of plan)). */
export function createPlanCatalog(plan: PlanFile): PlanCatalog {
  const movements = new Map(plan.movements.map((m) => [m.code, m]));
  const units = new Map(plan.units.map((u) => [u.code, u]));
  let index: CategoryIndex | undefined;
  const buildIndex = () =>
    createCategoryIndex(
      plan.categories.map((c) => ({
        code: c.code,
        nameVi: c.name.vi,
        nameEn: c.name.en,
        keywords: [...c.keywords, ...(c.movement ? [movements.get(c.movement)?.name.vi ?? ''] : [])],
        criteriaVi: c.criteria.map((x) => x.text.vi),
        criteriaEn: c.criteria.map((x) => x.text.en),
      })),
    );
  return {
    plan,
    categoryByCode: new Map(plan.categories.map((c) => [c.code, c])),
    search: {
      // Built at the first question, not at start (most updates are commands and taps).
      search: (query, limit) => (index ??= buildIndex()).search(query, limit),
    },
    movementName: (code, locale) => (code ? movements.get(code)?.name[locale] : undefined),
    unitName: (code, locale) => units.get(code)?.name[locale] ?? code,
  };
}
