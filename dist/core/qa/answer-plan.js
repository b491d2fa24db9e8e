/**
 * Answers drawn from the plan file (issue 14): a category's criteria, short (§III.3); targets of
 * a unit, of the commune, of households (§IV.1); dates of the timeline (§III "Thời gian thực hiện",
 * IV.1) with the plan's own precision — a date the plan gives as a year is never shown as a day.
 */
import { msg } from "../channel.js";
import { CATEGORY_ACTION } from "../criteria/criteria.js";
import { pick } from "../plan/catalog.js";
import { lastDayCovered } from "../plan/dates.js";
import { clip } from "../text/fold.js";
/** Criteria shown in a short answer before the "all N criteria" button (a phone screen). */
export const SHORT_CRITERIA = 3;
/** Longest milestone or phase title in a short answer, in characters. */
const TITLE_MAX = 160;
const LABEL_MAX = 40;
/** A plan date as a message each locale formats (vi `25/8/2021`, en `25 Aug 2021`), at the plan's precision. */
export function dateMsg(date, precision) {
    const [y, m, d] = date.split('-');
    return msg('qa-date', { y: y, m: Number(m), d: String(Number(d)), precision });
}
/** The short answer to "tiêu chí của …": title, the first criteria, the count; the rest behind buttons. */
export function criteriaShortReply(catalog, code, locale, others = []) {
    const c = catalog.categoryByCode.get(code);
    if (!c)
        return undefined;
    const shown = c.criteria.slice(0, SHORT_CRITERIA);
    const lines = [
        msg('criteria-detail-title', { code: c.code, name: pick(c.name, locale), section: c.section }),
        msg('qa-criteria-count', { count: c.criteria.length, shown: shown.length }),
        ...shown.map((x, i) => msg('criteria-item', { n: i + 1, text: pick(x.text, locale) })),
    ];
    const buttons = [];
    if (c.criteria.length > shown.length)
        buttons.push([{ label: msg('qa-criteria-all', { count: c.criteria.length }), action: `${CATEGORY_ACTION}${c.code}` }]);
    buttons.push([{ label: msg('qa-criteria-general-button'), action: 'qa:criteria.general' }]);
    for (const o of others.slice(0, 2)) {
        const oc = catalog.categoryByCode.get(o);
        if (oc)
            buttons.push([{ label: msg('criteria-button', { code: oc.code, name: clip(pick(oc.name, locale), LABEL_MAX) }), action: `${CATEGORY_ACTION}${oc.code}` }]);
    }
    return { lines, buttons };
}
/** The general criteria (§III.2), asked for on their own. */
export function generalCriteriaReply(catalog, locale) {
    const general = catalog.plan.generalCriteria;
    return {
        lines: [
            msg('criteria-general-title', { section: general[0]?.section ?? 'III.2' }),
            ...general.map((g) => msg('criteria-general-item', { text: pick(g.text, locale) })),
        ],
        buttons: [[{ label: msg('criteria-back-to-list'), action: 'criteria:list' }]],
    };
}
const KINDS = ['collectives', 'individuals', 'households', 'any'];
const countsOf = (t) => KINDS.filter((k) => t[k] > 0).map((kind) => msg('targets-count', { kind, count: t[kind] }));
const period = (catalog) => ({ start: catalog.plan.period.start.slice(0, 4), end: catalog.plan.period.end.slice(0, 4) });
function quotaLines(catalog, quotas, locale) {
    const lines = [];
    for (const q of quotas) {
        lines.push(msg('qa-targets-row', { field: pick(q.field, locale), counts: countsOf(q.targets) }));
        if (q.note)
            lines.push(msg('targets-note', { note: pick(q.note, locale) }));
    }
    return lines;
}
const allTargetsButton = () => [{ label: msg('qa-targets-all-button'), action: 'qa:targets.all' }];
/** The commune's totals over every IV.1 row (sums of "at least" numbers, per kind). */
export function totalsMsg(catalog) {
    const sum = { collectives: 0, individuals: 0, households: 0, any: 0 };
    for (const q of catalog.plan.quotas)
        for (const k of KINDS)
            sum[k] += q.targets[k];
    return msg('qa-targets-total', {
        ...period(catalog),
        counts: countsOf(sum),
        rows: catalog.plan.quotas.length,
        units: new Set(catalog.plan.quotas.map((q) => q.unit)).size,
        section: catalog.plan.quotas[0]?.section ?? 'IV.1',
    });
}
/**
 * Targets (§IV.1): the named units' rows; with no unit named, the asker's own units first (an
 * officer's role names the unit), then the commune's totals; a button for every row.
 */
export function targetsAnswer(catalog, opts) {
    const { plan } = catalog;
    if (plan.quotas.length === 0)
        return { lines: [msg('targets-none')] };
    const own = opts.units.length === 0;
    const units = own ? opts.ownUnits : opts.units;
    const lines = [];
    for (const unit of units) {
        const rows = plan.quotas.filter((q) => q.unit === unit);
        lines.push(msg('qa-targets-unit', { unit: catalog.unitName(unit, opts.locale), own: own ? 'yes' : 'no', register: opts.register, section: rows[0]?.section ?? 'IV.1', ...period(catalog) }));
        lines.push(...(rows.length > 0 ? quotaLines(catalog, rows, opts.locale) : [msg('qa-targets-unit-none')]));
    }
    lines.push(totalsMsg(catalog));
    if (units.length === 0)
        lines.push(msg('qa-targets-hint'));
    return { lines, buttons: [allTargetsButton()] };
}
/** "Cả xã phải có bao nhiêu": the totals and how many rows and units they come from. */
export const targetsTotalAnswer = (catalog) => ({ lines: [totalsMsg(catalog)], buttons: [allTargetsButton()] });
/** "Ai phải tìm hộ gia đình": the rows with a household target. */
export function targetsHouseholdsAnswer(catalog, locale) {
    const rows = catalog.plan.quotas.filter((q) => q.targets.households > 0);
    if (rows.length === 0)
        return { lines: [msg('qa-targets-households-none')], buttons: [allTargetsButton()] };
    const lines = [msg('qa-targets-households-title', { section: rows[0].section, ...period(catalog) })];
    for (const q of rows) {
        lines.push(msg('qa-targets-households-row', { unit: catalog.unitName(q.unit, locale), field: pick(q.field, locale), count: q.targets.households }));
    }
    return { lines, buttons: [allTargetsButton()] };
}
const KIND_OF = { deadline: 'DEADLINE', review: 'REVIEW', conference: 'CONFERENCE' };
function milestoneLine(m, locale, today) {
    return msg('qa-date-line', {
        date: dateMsg(m.date, m.precision),
        title: clip(pick(m.title, locale), TITLE_MAX),
        past: lastDayCovered(m.date, m.precision) < today ? 'yes' : 'no',
        section: m.section,
    });
}
/**
 * Dates from the timeline. Each milestone is shown at its own precision, with a note when the plan
 * gives no day ("the actual date is announced by the standing office"); an ended plan says so.
 * @param today local calendar date `YYYY-MM-DD` in the people's zone.
 */
export function datesAnswer(catalog, topic, locale, today) {
    const { plan } = catalog;
    const lines = [];
    const ended = plan.period.end < today;
    if (ended)
        lines.push(msg('qa-plan-ended', { ...period(catalog) }));
    const buttons = [[{ label: msg('qa-timeline-button'), action: 'moc' }]];
    if (topic === 'phase') {
        lines.push(msg('qa-phases-title', { count: plan.phases.length, ...period(catalog) }));
        for (const p of plan.phases) {
            const state = p.end < today ? 'past' : p.start > today ? 'future' : 'current';
            lines.push(msg('qa-phase-line', { name: pick(p.name, locale), state, section: p.section }));
            lines.push(msg('timeline-phase-summary', { summary: clip(pick(p.summary, locale), TITLE_MAX) }));
        }
        return { lines, buttons };
    }
    let items;
    if (topic === 'next') {
        const next = plan.milestones.find((m) => lastDayCovered(m.date, m.precision) >= today);
        if (!next) {
            lines.push(msg('timeline-all-past'));
            const last = plan.milestones.at(-1);
            if (last)
                lines.push(msg('qa-date-last'), milestoneLine(last, locale, today));
            return { lines, buttons };
        }
        lines.push(msg('qa-date-next'));
        items = [next];
    }
    else {
        items = plan.milestones.filter((m) => m.kind === KIND_OF[topic]);
        if (items.length === 0)
            return { lines: [...lines, msg('qa-date-none', { topic })], buttons };
        lines.push(msg('qa-date-title', { topic, count: items.length }));
    }
    lines.push(...items.map((m) => milestoneLine(m, locale, today)));
    const vague = [...new Set(items.filter((m) => m.precision !== 'DAY').map((m) => m.precision))];
    if (vague.length > 0)
        lines.push(msg('qa-date-precision-note', { precision: vague.length === 1 ? vague[0] : 'MIXED' }));
    return { lines, buttons };
}
//# sourceMappingURL=answer-plan.js.map