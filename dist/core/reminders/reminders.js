const DAY_MS = 86_400_000;
/** Days from `today` to `date` (both `YYYY-MM-DD`); negative when past. */
export function daysUntil(today, date) {
    return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}
/**
 * Milestones (and the yearly "Gia đình văn hóa" review, when `familyReviewDate` "MM-DD" is set)
 * that are exactly one of `daysBefore` days ahead of `today`.
 */
export function dueMilestones(input) {
    const due = [];
    for (const m of input.plan.milestones) {
        const left = daysUntil(input.today, m.date);
        if (input.daysBefore.includes(left))
            due.push({ code: m.code, date: m.date, precision: m.precision, title: m.title, daysLeft: left });
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
export function overdueForReview(waiting, now, afterDays) {
    return waiting.filter((n) => n.submittedAt && now.getTime() - n.submittedAt.getTime() > afterDays * DAY_MS);
}
/** Phases ending exactly one of `daysBefore` days ahead, with the quota rows still behind. */
export function dueQuotaReminders(input) {
    const behind = input.progress.filter((p) => !p.met);
    if (behind.length === 0)
        return [];
    return input.plan.phases
        .map((p) => ({ phaseCode: p.code, phaseEnd: p.end, daysLeft: daysUntil(input.today, p.end), behind }))
        .filter((r) => input.daysBefore.includes(r.daysLeft));
}
//# sourceMappingURL=reminders.js.map