import { createCategoryIndex } from "../criteria/search.js";
/** Picks the text of a locale. */
export const pick = (text, locale) => text[locale];
/** Builds the catalog of a validated plan (pure, O(size of plan)). */
export function createPlanCatalog(plan) {
    const movements = new Map(plan.movements.map((m) => [m.code, m]));
    const units = new Map(plan.units.map((u) => [u.code, u]));
    return {
        plan,
        categoryByCode: new Map(plan.categories.map((c) => [c.code, c])),
        search: createCategoryIndex(plan.categories.map((c) => ({
            code: c.code,
            nameVi: c.name.vi,
            nameEn: c.name.en,
            keywords: [...c.keywords, ...(c.movement ? [movements.get(c.movement)?.name.vi ?? ''] : [])],
            criteriaVi: c.criteria.map((x) => x.text.vi),
            criteriaEn: c.criteria.map((x) => x.text.en),
        }))),
        movementName: (code, locale) => (code ? movements.get(code)?.name[locale] : undefined),
        unitName: (code, locale) => units.get(code)?.name[locale] ?? code,
    };
}
//# sourceMappingURL=catalog.js.map