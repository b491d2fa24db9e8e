/**
 * `/moc`: the phases and milestones of the plan (section III "Thời gian thực hiện" and IV.1), past
 * ones marked. Each date is shown as precisely as the plan gives it ("2021 – 2023", "năm 2025",
 * "trước ngày 25/8/2021", "nhân dịp …"), never as an invented day; an actual date set by the standing
 * office is shown next to it. "Past" is decided on calendar days in the people's time zone.
 */
import { msg, type Locale, type Msg, type Reply } from '../channel.ts';
import { pick, type PlanCatalog } from './catalog.ts';
import { firstDay, formatPlanDate, lastDayCovered, milestoneLastDay } from './dates.ts';
import type { Milestone } from './plan-schema.ts';

/** Actual dates (`YYYY-MM-DD`) set for milestones, by milestone code. */
export type ActualDates = ReadonlyMap<string, string>;

/**
 * When a milestone happens, as a message: the plan's own wording when the file has it, else the date
 * in its precision ("năm 2025", "tháng 12/2021", "trước ngày 25/8/2021"); plus the actual date if set.
 */
export function milestoneWhen(m: Milestone, locale: Locale, actual?: string): Msg {
  const planned = m.wording
    ? msg('plain', { text: pick(m.wording, locale) })
    : msg('milestone-when', {
        precision: m.precision,
        relation: m.relation,
        date: formatPlanDate(m.date, m.precision === 'OCCASION' ? undefined : m.precision),
      });
  return actual ? msg('milestone-when-actual', { planned, actual: formatPlanDate(actual) }) : planned;
}

/**
 * @param today local calendar date `YYYY-MM-DD` (see `localDate`), in the people's zone.
 * @param actual actual dates set by the standing office, by milestone code.
 */
export function timelineReply(catalog: PlanCatalog, locale: Locale, today: string, actual: ActualDates = new Map()): Reply {
  const { plan } = catalog;
  const lines: Msg[] = [msg('timeline-title', { plan: pick(plan.title, locale) })];
  for (const phase of plan.phases) {
    const state = lastDayCovered(phase.end) < today ? 'past' : firstDay(phase.start) > today ? 'future' : 'current';
    lines.push(
      msg('timeline-phase', {
        name: pick(phase.name, locale),
        start: formatPlanDate(phase.start),
        end: formatPlanDate(phase.end),
        state,
        section: phase.section,
      }),
    );
    lines.push(msg('timeline-phase-summary', { summary: pick(phase.summary, locale) }));
    for (const m of plan.milestones.filter((x) => x.phase === phase.code)) lines.push(milestoneLine(m, locale, today, actual.get(m.code)));
  }
  const loose = plan.milestones.filter((m) => !m.phase || !plan.phases.some((p) => p.code === m.phase));
  if (loose.length > 0) {
    lines.push(msg('timeline-other'));
    for (const m of loose) lines.push(milestoneLine(m, locale, today, actual.get(m.code)));
  }
  const next = plan.milestones.find((m) => milestoneLastDay(m, actual.get(m.code)) >= today);
  lines.push(
    next ? msg('timeline-next', { title: pick(next.title, locale), date: milestoneWhen(next, locale, actual.get(next.code)) }) : msg('timeline-all-past'),
  );
  return { lines };
}

function milestoneLine(m: Milestone, locale: Locale, today: string, actual: string | undefined): Msg {
  return msg('timeline-milestone', {
    date: milestoneWhen(m, locale, actual),
    title: pick(m.title, locale),
    kind: m.kind,
    past: milestoneLastDay(m, actual) < today ? 'yes' : 'no',
    section: m.section,
  });
}
