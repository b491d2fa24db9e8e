/**
 * Which reminders are due on a given local day (pure). Issue [4/5]:
 * - a milestone is announced to the responsible people N days before (default 7, 3 and 1), the yearly
 *   "Gia đình văn hóa" review date included (a configurable milestone; Decree 86/2023/NĐ-CP says the
 *   review ends before 25 November [verify]);
 * - council members are reminded of nominations waiting more than 3 days;
 * - units behind target are reminded before an exactly dated review or conference (default 30 and 7
 *   days before), of the targets for the whole plan period (IV.1: "trong giai đoạn 2021-2025").
 * Only exact days are counted down to: a milestone the plan dates to a day ("trước ngày X" → the day
 * before X), or whose actual date the standing office set. A month, a year or an occasion is not.
 * Dates are calendar days in the people's zone (`YYYY-MM-DD`).
 */
import { exactDay } from '../plan/dates.ts';
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
  /** The exact day counted down to (`YYYY-MM-DD`). */
  date: string;
  title: { vi: string; en: string };
  daysLeft: number;
}

/** Actual dates (`YYYY-MM-DD`) the standing office set, by milestone code. */
export type ActualDates = ReadonlyMap<string, string>;

/**
 * Milestones (and the yearly "Gia đình văn hóa" review, when `familyReviewDate` "MM-DD" is set)
 * that are exactly one of `daysBefore` days ahead of `today`.
 */
export function dueMilestones(input: {
  plan: PlanFile;
  today: string;
  daysBefore: readonly number[];
  familyReviewDate?: string;
  actual?: ActualDates;
}): DueMilestone[] {
  const due: DueMilestone[] = [];
  for (const m of input.plan.milestones) {
    const day = exactDay(m, input.actual?.get(m.code));
    if (!day) continue;
    const left = daysUntil(input.today, day);
    if (input.daysBefore.includes(left)) due.push({ code: m.code, date: day, title: m.title, daysLeft: left });
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
  /** The exactly dated review or conference the reminder leads up to. */
  milestoneCode: string;
  title: { vi: string; en: string };
  date: string;
  daysLeft: number;
  /** Rows behind their whole-period target. */
  behind: QuotaProgress[];
}

/**
 * Reviews and conferences with an exact day (see {@link exactDay}) exactly one of `daysBefore` days
 * ahead, with the quota rows still behind their targets for the whole period.
 */
export function dueQuotaReminders(input: {
  plan: PlanFile;
  progress: QuotaProgress[];
  today: string;
  daysBefore: readonly number[];
  actual?: ActualDates;
}): QuotaReminder[] {
  const behind = input.progress.filter((p) => !p.met);
  if (behind.length === 0) return [];
  const due: QuotaReminder[] = [];
  for (const m of input.plan.milestones) {
    if (m.kind !== 'REVIEW' && m.kind !== 'CONFERENCE') continue;
    const day = exactDay(m, input.actual?.get(m.code));
    if (!day) continue;
    const left = daysUntil(input.today, day);
    if (input.daysBefore.includes(left)) due.push({ milestoneCode: m.code, title: m.title, date: day, daysLeft: left, behind });
  }
  return due;
}
