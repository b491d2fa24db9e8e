/**
 * Criteria explanations (Tiêu chí lựa chọn, plan section III): the list of categories, one category's
 * criteria as a checklist with the general criteria (§2) and subjects (§1), and free-text questions.
 */
import { msg } from "../channel.js";
import { pick } from "../plan/catalog.js";
import { clip } from "../text/fold.js";
/** Action payload of a category button: `cat:<code>` (≤ 64 bytes). */
export const CATEGORY_ACTION = 'cat:';
/** Button labels longer than this are shortened with an ellipsis (cheap phones show ~35 chars). */
const LABEL_MAX = 48;
/** Matches scoring below this share of the best one are noise (a shared word like "cán bộ"). */
const RELATIVE_SCORE_FLOOR = 0.4;
const categoryButton = (c, locale) => ({
    label: msg('criteria-button', { code: c.code, name: clip(pick(c.name, locale), LABEL_MAX) }),
    action: `${CATEGORY_ACTION}${c.code}`,
});
/** `/tieuchi`: categories grouped Collectives (§3.1) and Individuals (§3.2), one button each. */
export function categoryListReply(catalog, locale) {
    const lines = [msg('criteria-list-title', { plan: pick(catalog.plan.title, locale) })];
    const buttons = [];
    for (const group of ['COLLECTIVE', 'INDIVIDUAL']) {
        const cats = catalog.plan.categories.filter((c) => c.group === group);
        if (cats.length === 0)
            continue;
        lines.push(msg('criteria-group', { group, first: cats[0].code, last: cats.at(-1).code }));
        for (const c of cats) {
            lines.push(msg('criteria-list-item', { code: c.code, name: pick(c.name, locale) }));
            buttons.push([categoryButton(c, locale)]);
        }
    }
    lines.push(msg('criteria-list-hint'));
    return { lines, buttons };
}
/**
 * One category as a readable checklist: name and section, movement, who it is for, each criterion on
 * its own line, then the general criteria of §2 and the subjects of §1 (they apply to every category).
 * Returns `undefined` for an unknown code.
 */
export function categoryDetailReply(catalog, code, locale) {
    const c = catalog.categoryByCode.get(code);
    if (!c)
        return undefined;
    const { plan } = catalog;
    const lines = [msg('criteria-detail-title', { code: c.code, name: pick(c.name, locale), section: c.section })];
    const movement = catalog.movementName(c.movement, locale);
    if (movement)
        lines.push(msg('criteria-detail-movement', { movement }));
    lines.push(msg('criteria-detail-subjects', { types: c.subjectTypes.map((type) => msg('subject-type', { type })) }));
    lines.push(msg('criteria-detail-criteria-title', { count: c.criteria.length }));
    c.criteria.forEach((x, i) => lines.push(msg('criteria-item', { n: i + 1, text: pick(x.text, locale) })));
    const general = plan.generalCriteria;
    lines.push(msg('criteria-general-title', { section: general[0].section }));
    general.forEach((g) => lines.push(msg('criteria-general-item', { text: pick(g.text, locale) })));
    lines.push(msg('criteria-subjects', { section: plan.subjects.section, text: pick(plan.subjects.text, locale) }));
    return { lines, buttons: [[{ label: msg('criteria-back-to-list'), action: 'criteria:list' }]] };
}
/**
 * A free-text question: the best matching categories (top 3). The best one is shown in full, the
 * others as buttons. No match answers with the whole list, never silence.
 */
export function criteriaSearchReplies(catalog, query, locale) {
    const found = catalog.search.search(query, 3);
    const matches = found.filter((m) => m.score >= found[0].score * RELATIVE_SCORE_FLOOR);
    if (found.length === 0) {
        const list = categoryListReply(catalog, locale);
        return [{ lines: [msg('criteria-no-match', { query: clip(query, 80) }), ...list.lines.slice(1)], buttons: list.buttons }];
    }
    const [best, ...others] = matches.map((m) => catalog.categoryByCode.get(m.code));
    const header = {
        lines: [
            msg('criteria-found', { count: matches.length, query: clip(query, 80) }),
            ...matches.map((m) => {
                const c = catalog.categoryByCode.get(m.code);
                return msg('criteria-list-item', { code: c.code, name: pick(c.name, locale) });
            }),
        ],
    };
    const detail = categoryDetailReply(catalog, best.code, locale);
    if (others.length > 0) {
        detail.buttons = [...others.map((c) => [categoryButton(c, locale)]), ...(detail.buttons ?? [])];
    }
    return matches.length > 1 ? [header, detail] : [detail];
}
//# sourceMappingURL=criteria.js.map