/**
 * Answers drawn from the plan file (issue 14): a category's criteria, short (§III.3); targets of
 * a unit, of the commune, of households (§IV.1); dates of the timeline (§III "Thời gian thực hiện",
 * IV.1) with the plan's own precision — a date the plan gives as a year is never shown as a day.
 */
import { msg, type Button, type Locale, type Msg, type Reply } from '../channel.ts';
import { applies, conditionArgs } from '../criteria/applicability.ts';
import { CATEGORY_ACTION } from '../criteria/criteria.ts';
import { pick, type PlanCatalog } from '../plan/catalog.ts';
import { firstDay, lastDayCovered, milestoneLastDay } from '../plan/dates.ts';
import { milestoneWhen } from '../plan/timeline.ts';
import type { Milestone, Quota } from '../plan/plan-schema.ts';
import { clip } from '../text/fold.ts';

/** Criteria shown in a short answer before the "all N criteria" button (a phone screen). */
export const SHORT_CRITERIA = 3;
/** Longest milestone or phase title in a short answer, in characters. */
const TITLE_MAX = 160;
/** Title length when a list holds more than three milestones. */
const LIST_TITLE_MAX = 60;
const LABEL_MAX = 40;

/** The short answer to "tiêu chí của …": title, the first criteria, the count; the rest behind buttons. */
export function criteriaShortReply(catalog: PlanCatalog, code: string, locale: Locale, others: string[] = []): Reply | undefined {
  const c = catalog.categoryByCode.get(code);
  if (!c) return undefined;
  // Items for every nominee first; items for one profile only (3.1.10 households, 3.2.1 leaders) are
  // counted per profile behind the "all criteria" button, never mixed into the first three.
  const common = c.criteria.filter((x) => !x.subjectTypes && !x.profiles);
  const shown = common.slice(0, SHORT_CRITERIA);
  const scopes = (
    c.profiles.length > 0
      ? c.profiles.map((p) => ({ name: msg('plain', { text: pick(p.name, locale) }), n: { subjectType: p.subjectType, profile: p.code } }))
      : c.subjectTypes.map((type) => ({ name: msg('subject-type', { type }), n: { subjectType: type } }))
  )
    .map((s) => ({ name: s.name, count: c.criteria.filter((x) => !common.includes(x) && applies(c, x, s.n) !== 'no').length }))
    .filter((s) => s.count > 0);
  const lines: Msg[] = [msg('criteria-detail-title', { code: c.code, name: pick(c.name, locale), section: c.section })];
  // Who may be chosen (Đối tượng) is said above the criteria, never counted as one (domain-corrections §1).
  if (c.eligibility) lines.push(msg('criteria-eligibility', { text: clip(pick(c.eligibility, locale), TITLE_MAX) }));
  lines.push(msg('qa-criteria-count', { count: c.criteria.length, shown: shown.length, scoped: scopes.length > 0 ? 'yes' : 'no' }));
  shown.forEach((x, i) =>
    lines.push(msg('criteria-item', { n: i + 1, text: pick(x.text, locale), ...conditionArgs(x, x.conditional || Boolean(x.condition), locale) })),
  );
  scopes.forEach((s) => lines.push(msg('qa-criteria-scope', { name: s.name, count: s.count })));
  const buttons: Button[][] = [];
  if (c.criteria.length > shown.length) buttons.push([{ label: msg('qa-criteria-all', { count: c.criteria.length }), action: `${CATEGORY_ACTION}${c.code}` }]);
  buttons.push([{ label: msg('qa-criteria-general-button'), action: 'qa:criteria.general' }]);
  for (const o of others.slice(0, 2)) {
    const oc = catalog.categoryByCode.get(o);
    if (oc)
      buttons.push([
        { label: msg('criteria-button', { code: oc.code, name: clip(pick(oc.name, locale), LABEL_MAX) }), action: `${CATEGORY_ACTION}${oc.code}` },
      ]);
  }
  return { lines, buttons };
}

/** The general criteria (§III.2), asked for on their own. */
export function generalCriteriaReply(catalog: PlanCatalog, locale: Locale): Reply {
  const general = catalog.plan.generalCriteria;
  return {
    lines: [
      msg('criteria-general-title', { section: general[0]?.section ?? 'III.2' }),
      ...general.map((g) => msg('criteria-general-item', { text: pick(g.text, locale) })),
    ],
    buttons: [[{ label: msg('criteria-back-to-list'), action: 'criteria:list' }]],
  };
}

const KINDS = ['collectives', 'individuals', 'households', 'any'] as const;
const countsOf = (t: Quota['targets']): Msg[] => KINDS.filter((k) => t[k] > 0).map((kind) => msg('targets-count', { kind, count: t[kind] }));
const period = (catalog: PlanCatalog) => ({ start: catalog.plan.period.start.slice(0, 4), end: catalog.plan.period.end.slice(0, 4) });

function quotaLines(catalog: PlanCatalog, quotas: Quota[], locale: Locale): Msg[] {
  const lines: Msg[] = [];
  for (const q of quotas) {
    lines.push(msg('qa-targets-row', { field: pick(q.field, locale), counts: countsOf(q.targets) }));
    if (q.note) lines.push(msg('targets-note', { note: pick(q.note, locale) }));
  }
  return lines;
}

const allTargetsButton = (): Button[] => [{ label: msg('qa-targets-all-button'), action: 'qa:targets.all' }];

/** The commune's totals over every IV.1 row (sums of "at least" numbers, per kind). */
export function totalsMsg(catalog: PlanCatalog): Msg {
  const sum = { collectives: 0, individuals: 0, households: 0, any: 0 };
  for (const q of catalog.plan.quotas) for (const k of KINDS) sum[k] += q.targets[k];
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
export function targetsAnswer(catalog: PlanCatalog, opts: { units: string[]; ownUnits: string[]; locale: Locale; register: string }): Reply {
  const { plan } = catalog;
  if (plan.quotas.length === 0) return { lines: [msg('targets-none')] };
  const own = opts.units.length === 0;
  const units = own ? opts.ownUnits : opts.units;
  const lines: Msg[] = [];
  for (const unit of units) {
    const rows = plan.quotas.filter((q) => q.unit === unit);
    lines.push(
      msg('qa-targets-unit', {
        unit: catalog.unitName(unit, opts.locale),
        own: own ? 'yes' : 'no',
        register: opts.register,
        section: rows[0]?.section ?? 'IV.1',
        ...period(catalog),
      }),
    );
    lines.push(...(rows.length > 0 ? quotaLines(catalog, rows, opts.locale) : [msg('qa-targets-unit-none')]));
  }
  lines.push(totalsMsg(catalog));
  if (units.length === 0) lines.push(msg('qa-targets-hint'));
  return { lines, buttons: [allTargetsButton()] };
}

/** "Cả xã phải có bao nhiêu": the totals and how many rows and units they come from. */
export const targetsTotalAnswer = (catalog: PlanCatalog): Reply => ({ lines: [totalsMsg(catalog)], buttons: [allTargetsButton()] });

/** "Ai phải tìm hộ gia đình": the rows with a household target. */
export function targetsHouseholdsAnswer(catalog: PlanCatalog, locale: Locale): Reply {
  const rows = catalog.plan.quotas.filter((q) => q.targets.households > 0);
  if (rows.length === 0) return { lines: [msg('qa-targets-households-none')], buttons: [allTargetsButton()] };
  const lines: Msg[] = [msg('qa-targets-households-title', { section: rows[0]!.section, ...period(catalog) })];
  for (const q of rows) {
    lines.push(msg('qa-targets-households-row', { unit: catalog.unitName(q.unit, locale), field: pick(q.field, locale), count: q.targets.households }));
  }
  return { lines, buttons: [allTargetsButton()] };
}

/** Which milestones a date question is about. */
export type DateTopic = 'deadline' | 'review' | 'phase' | 'conference' | 'next';

const KIND_OF: Record<Exclude<DateTopic, 'phase' | 'next'>, Milestone['kind']> = { deadline: 'DEADLINE', review: 'REVIEW', conference: 'CONFERENCE' };

function milestoneLine(m: Milestone, locale: Locale, today: string, actual: string | undefined, max = TITLE_MAX): Msg {
  return msg('qa-date-line', {
    date: milestoneWhen(m, locale, actual),
    title: clip(pick(m.title, locale), max),
    past: milestoneLastDay(m, actual) < today ? 'yes' : 'no',
    section: m.section,
  });
}

/**
 * Dates from the timeline. Each milestone is shown in the plan's own words or at its own precision
 * (`milestoneWhen`), with the actual date when the standing office set one, and a note when the plan
 * gives no day and none is set; an ended plan says so.
 * @param today local calendar date `YYYY-MM-DD` in the people's zone.
 * @param actual actual dates set by the standing office (`/ngaymoc`), by milestone code.
 */
export function datesAnswer(catalog: PlanCatalog, topic: DateTopic, locale: Locale, today: string, actual: ReadonlyMap<string, string> = new Map()): Reply {
  const { plan } = catalog;
  const lines: Msg[] = [];
  const ended = plan.period.end < today;
  if (ended) lines.push(msg('qa-plan-ended', { ...period(catalog) }));
  const buttons: Button[][] = [[{ label: msg('qa-timeline-button'), action: 'moc' }]];
  if (topic === 'phase') {
    lines.push(msg('qa-phases-title', { count: plan.phases.length, ...period(catalog) }));
    for (const p of plan.phases) {
      const state = lastDayCovered(p.end) < today ? 'past' : firstDay(p.start) > today ? 'future' : 'current';
      lines.push(msg('qa-phase-line', { name: pick(p.name, locale), state, section: p.section }));
      lines.push(msg('timeline-phase-summary', { summary: clip(pick(p.summary, locale), TITLE_MAX) }));
    }
    return { lines, buttons };
  }
  let items: Milestone[];
  if (topic === 'next') {
    const next = plan.milestones.find((m) => milestoneLastDay(m, actual.get(m.code)) >= today);
    if (!next) {
      lines.push(msg('timeline-all-past'));
      const last = plan.milestones.at(-1);
      if (last) lines.push(msg('qa-date-last'), milestoneLine(last, locale, today, actual.get(last.code)));
      return { lines, buttons };
    }
    lines.push(msg('qa-date-next'));
    items = [next];
  } else {
    items = plan.milestones.filter((m) => m.kind === KIND_OF[topic]);
    if (items.length === 0) return { lines: [...lines, msg('qa-date-none', { topic })], buttons };
    lines.push(msg('qa-date-title', { topic, count: items.length }));
  }
  // A long list gets shorter titles (a phone screen); the whole timeline is behind the button.
  lines.push(...items.map((m) => milestoneLine(m, locale, today, actual.get(m.code), items.length > 3 ? LIST_TITLE_MAX : TITLE_MAX)));
  const vague = [...new Set(items.filter((m) => m.precision !== 'DAY' && !actual.has(m.code)).map((m) => m.precision))];
  if (vague.length > 0) lines.push(msg('qa-date-precision-note', { precision: vague.length === 1 ? vague[0]! : 'MIXED' }));
  return { lines, buttons };
}
