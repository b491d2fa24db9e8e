/**
 * Which reminders are due on a given local day (pure). Issue [4/5]:
 * - a milestone is announced to the responsible people N days before (default 7, 3 and 1), the yearly
 *   "Gia đình văn hóa" review date included (a configurable milestone; Decree 86/2023/NĐ-CP says the
 *   review ends before 25 November [verify]);
 * - council members are reminded of nominations waiting more than 3 days;
 * - units behind target are reminded as a phase end approaches (default 30 and 7 days before).
 * Dates are calendar days in the people's zone (`YYYY-MM-DD`).
 */
import type { PlanFile } from '../plan/plan-schema.ts';
import type { QuotaProgress } from '../nominations/progress.ts';

const DAY_MS = 86_400_000;

/** Days from `today` to `date` (both `YYYY-MM-DD`); negative when past. */
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

export interface DueMilestone {
  /** Stable code: the plan milestone's code, or `gdvh-<year>` for the yearly family review. */
  code: string;
  date: string;
  precision: 'DAY' | 'MONTH' | 'YEAR';
  title: { vi: string; en: string };
  daysLeft: number;
}

/**
 * Milestones (and the yearly "Gia đình văn hóa" review, when `familyReviewDate` "MM-DD" is set)
 * that are exactly one of `daysBefore` days ahead of `today`.
 */
export function dueMilestones(input: { plan: PlanFile; today: string; daysBefore: readonly number[]; familyReviewDate?: string }): DueMilestone[] {
  const due: DueMilestone[] = [];
  for (const m of input.plan.milestones) {
    const left = daysUntil(input.today, m.date);
    if (input.daysBefore.includes(left)) due.push({ code: m.code, date: m.date, precision: m.precision, title: m.title, daysLeft: left });
  }
  if (input.familyReviewDate) {
    const year = Number(input.today.slice(0, 4));
    for (const y of [year, year + 1]) {
      const date = `${y}-${input.familyReviewDate}`;
      const left = daysUntil(input.today, date);
      if (input.daysBefore.includes(left)) {
        due.push({
          code: `gdvh-${y}`,
          date,
          precision: 'DAY',
          title: { vi: `Hạn hoàn thành bình xét “Gia đình văn hóa” năm ${y}`, en: `Deadline of the ${y} “Cultured Family” review` },
          daysLeft: left,
        });
      }
    }
  }
  return due;
}

/** Nominations waiting longer than `afterDays` at `now`. */
export function overdueForReview<T extends { submittedAt: Date | null }>(waiting: T[], now: Date, afterDays: number): T[] {
  return waiting.filter((n) => n.submittedAt && now.getTime() - n.submittedAt.getTime() > afterDays * DAY_MS);
}

export interface QuotaReminder {
  phaseCode: string;
  phaseEnd: string;
  daysLeft: number;
  behind: QuotaProgress[];
}

/** Phases ending exactly one of `daysBefore` days ahead, with the quota rows still behind. */
export function dueQuotaReminders(input: { plan: PlanFile; progress: QuotaProgress[]; today: string; daysBefore: readonly number[] }): QuotaReminder[] {
  const behind = input.progress.filter((p) => !p.met);
  if (behind.length === 0) return [];
  return input.plan.phases
    .map((p) => ({ phaseCode: p.code, phaseEnd: p.end, daysLeft: daysUntil(input.today, p.end), behind }))
    .filter((r) => input.daysBefore.includes(r.daysLeft));
}
