/**
 * Criteria explanations (Tiêu chí lựa chọn, plan section III): the list of categories, one category's
 * criteria as a checklist with the general criteria (§2) and subjects (§1), and free-text questions.
 */
import { msg, type Button, type Locale, type Msg, type Reply } from '../channel.ts';
import { pick, type PlanCatalog } from '../plan/catalog.ts';
import type { Category, Criterion } from '../plan/plan-schema.ts';
import { applies, conditionArgs } from './applicability.ts';
import { clip } from '../text/fold.ts';

/** Action payload of a category button: `cat:<code>` (≤ 64 bytes). */
export const CATEGORY_ACTION = 'cat:';
/** Button labels longer than this are shortened with an ellipsis (cheap phones show ~35 chars). */
const LABEL_MAX = 48;
/** Matches scoring below this share of the best one are noise (a shared word like "cán bộ"). */
const RELATIVE_SCORE_FLOOR = 0.4;

const categoryButton = (c: Category, locale: Locale): Button => ({
  label: msg('criteria-button', { code: c.code, name: clip(pick(c.name, locale), LABEL_MAX) }),
  action: `${CATEGORY_ACTION}${c.code}`,
});

/** `/tieuchi`: categories grouped Collectives (§3.1) and Individuals (§3.2), one button each. */
export function categoryListReply(catalog: PlanCatalog, locale: Locale): Reply {
  const lines: Msg[] = [msg('criteria-list-title', { plan: pick(catalog.plan.title, locale) })];
  const buttons: Button[][] = [];
  for (const group of ['COLLECTIVE', 'INDIVIDUAL'] as const) {
    const cats = catalog.plan.categories.filter((c) => c.group === group);
    if (cats.length === 0) continue;
    lines.push(msg('criteria-group', { group, first: cats[0]!.code, last: cats.at(-1)!.code }));
    for (const c of cats) {
      lines.push(msg('criteria-list-item', { code: c.code, name: pick(c.name, locale) }));
      buttons.push([categoryButton(c, locale)]);
    }
  }
  lines.push(msg('criteria-list-hint'));
  return { lines, buttons };
}

/**
 * One category as a readable checklist: name and section, its movement or field ("(gợi ý)" when the
 * plan does not name it), who may be chosen ("Đối tượng:", never a criterion), the criteria for every
 * nominee, then per sub-profile (or subject type) the criteria only for it, the general criteria of §2,
 * the notes to agencies and the subjects of §1. Returns `undefined` for an unknown code.
 */
export function categoryDetailReply(catalog: PlanCatalog, code: string, locale: Locale): Reply | undefined {
  const c = catalog.categoryByCode.get(code);
  if (!c) return undefined;
  const { plan } = catalog;
  const lines: Msg[] = [msg('criteria-detail-title', { code: c.code, name: pick(c.name, locale), section: c.section })];
  const movement = catalog.movementName(c.movement, locale);
  if (movement) lines.push(msg('criteria-detail-movement', { movement, inferred: c.movementLink === 'INFERRED' ? 'yes' : 'no' }));
  if (c.eligibility) lines.push(msg('criteria-eligibility', { text: pick(c.eligibility, locale) }));
  lines.push(msg('criteria-detail-subjects', { types: c.subjectTypes.map((type) => msg('subject-type', { type })) }));
  const common = c.criteria.filter((x) => !x.subjectTypes && !x.profiles);
  // Scopes: the category's sub-profiles, or its subject types when items name some.
  const scopes: { name: Msg; eligibility?: string; items: Criterion[] }[] =
    c.profiles.length > 0
      ? c.profiles.map((p) => ({
          name: msg('plain', { text: pick(p.name, locale) }),
          eligibility: p.eligibility ? pick(p.eligibility, locale) : undefined,
          items: c.criteria.filter((x) => !common.includes(x) && applies(c, x, { subjectType: p.subjectType, profile: p.code }) !== 'no'),
        }))
      : c.subjectTypes.map((type) => ({
          name: msg('subject-type', { type }),
          items: c.criteria.filter((x) => !common.includes(x) && applies(c, x, { subjectType: type }) !== 'no'),
        }));
  const scoped = scopes.some((s) => s.items.length > 0 || s.eligibility);
  let n = 0;
  // An item's plan condition is shown with it ("chỉ áp dụng theo mục …: “…”"), unless the same words
  // are the "Đối tượng:" line of its sub-profile right above.
  const item = (x: Criterion, shownAbove?: string) =>
    msg('criteria-item', {
      n: ++n,
      text: pick(x.text, locale),
      ...conditionArgs(x, x.conditional || Boolean(x.condition && !x.subjectTypes && !x.profiles), locale, shownAbove),
    });
  if (common.length > 0) {
    lines.push(msg('criteria-detail-criteria-title', { count: common.length, scoped: scoped ? 'yes' : 'no' }));
    common.forEach((x) => lines.push(item(x)));
  }
  if (scoped) {
    for (const scope of scopes) {
      lines.push(msg('criteria-scope-title', { name: scope.name, count: scope.items.length }));
      if (scope.eligibility) lines.push(msg('criteria-eligibility', { text: scope.eligibility }));
      scope.items.forEach((x) => lines.push(item(x, scope.eligibility)));
    }
  }
  const general = plan.generalCriteria;
  lines.push(msg('criteria-general-title', { section: general[0]!.section }));
  general.forEach((g) => lines.push(msg('criteria-general-item', { text: pick(g.text, locale) })));
  if (plan.agencyNotes.length > 0) {
    lines.push(msg('criteria-agency-notes-title'));
    plan.agencyNotes.forEach((g) => lines.push(msg('criteria-agency-note', { text: pick(g.text, locale), section: g.section })));
  }
  lines.push(msg('criteria-subjects', { section: plan.subjects.section, text: pick(plan.subjects.text, locale) }));
  return { lines, buttons: [[{ label: msg('criteria-back-to-list'), action: 'criteria:list' }]] };
}

/**
 * A free-text question: the best matching categories (top 3). The best one is shown in full, the
 * others as buttons. No match answers with the whole list, never silence.
 */
export function criteriaSearchReplies(catalog: PlanCatalog, query: string, locale: Locale): Reply[] {
  const found = catalog.search.search(query, 3);
  const matches = found.filter((m) => m.score >= found[0]!.score * RELATIVE_SCORE_FLOOR);
  if (found.length === 0) {
    const list = categoryListReply(catalog, locale);
    return [{ lines: [msg('criteria-no-match', { query: clip(query, 80) }), ...list.lines.slice(1)], buttons: list.buttons }];
  }
  const [best, ...others] = matches.map((m) => catalog.categoryByCode.get(m.code)!);
  const header: Reply = {
    lines: [
      msg('criteria-found', { count: matches.length, query: clip(query, 80) }),
      ...matches.map((m) => {
        const c = catalog.categoryByCode.get(m.code)!;
        return msg('criteria-list-item', { code: c.code, name: pick(c.name, locale) });
      }),
    ],
  };
  const detail = categoryDetailReply(catalog, best!.code, locale)!;
  if (others.length > 0) {
    detail.buttons = [...others.map((c) => [categoryButton(c, locale)]), ...(detail.buttons ?? [])];
  }
  return matches.length > 1 ? [header, detail] : [detail];
}
