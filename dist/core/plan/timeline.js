/**
 * `/moc`: the phases and dated milestones of the plan (section III "Thời gian thực hiện" and IV.1),
 * past ones marked. "Past" is decided on calendar days in the people's time zone.
 */
import { msg } from "../channel.js";
import { pick } from "./catalog.js";
import { formatPlanDate, lastDayCovered } from "./dates.js";
/**
 * @param today local calendar date `YYYY-MM-DD` (see `localDate`), in the people's zone.
 */
export function timelineReply(catalog, locale, today) {
    const { plan } = catalog;
    const lines = [msg('timeline-title', { plan: pick(plan.title, locale) })];
    for (const phase of plan.phases) {
        const state = phase.end < today ? 'past' : phase.start > today ? 'future' : 'current';
        lines.push(msg('timeline-phase', {
            name: pick(phase.name, locale),
            start: formatPlanDate(phase.start),
            end: formatPlanDate(phase.end),
            state,
            section: phase.section,
        }));
        lines.push(msg('timeline-phase-summary', { summary: pick(phase.summary, locale) }));
        for (const m of plan.milestones.filter((x) => x.phase === phase.code))
            lines.push(milestoneLine(m, locale, today));
    }
    const loose = plan.milestones.filter((m) => !m.phase || !plan.phases.some((p) => p.code === m.phase));
    if (loose.length > 0) {
        lines.push(msg('timeline-other'));
        for (const m of loose)
            lines.push(milestoneLine(m, locale, today));
    }
    const next = plan.milestones.find((m) => lastDayCovered(m.date, m.precision) >= today);
    lines.push(next ? msg('timeline-next', { title: pick(next.title, locale), date: formatPlanDate(next.date, next.precision) }) : msg('timeline-all-past'));
    return { lines };
}
function milestoneLine(m, locale, today) {
    return msg('timeline-milestone', {
        date: formatPlanDate(m.date, m.precision),
        title: pick(m.title, locale),
        kind: m.kind,
        past: lastDayCovered(m.date, m.precision) < today ? 'yes' : 'no',
        section: m.section,
    });
}
//# sourceMappingURL=timeline.js.map