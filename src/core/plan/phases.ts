/**
 * Which phase a calendar day belongs to. The plan gives phases as years that overlap ("Giai đoạn 1
 * (2021 - 2023)", "Giai đoạn 2 (2023 - 2025)"); in the shared year a day belongs to the earlier phase
 * up to that phase's last milestone (the 2023 interim review, "nhân dịp" 11/6/2023), to the later after.
 */
import { firstDay, lastDayCovered, milestoneLastDay } from './dates.ts';
import type { Phase, PlanFile } from './plan-schema.ts';

/** The phase `day` (`YYYY-MM-DD`) falls in, or undefined outside every phase. */
export function phaseOfDay(plan: Pick<PlanFile, 'phases' | 'milestones'>, day: string): Phase | undefined {
  const holding = plan.phases.filter((p) => firstDay(p.start) <= day && day <= lastDayCovered(p.end));
  for (const [i, p] of holding.entries()) {
    if (i === holding.length - 1) return p;
    const own = plan.milestones.filter((m) => m.phase === p.code).map((m) => milestoneLastDay(m));
    const closes = own.length > 0 ? own.reduce((a, b) => (a > b ? a : b)) : lastDayCovered(p.end);
    if (day <= closes) return p;
  }
  return undefined;
}
