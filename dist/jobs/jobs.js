/**
 * The scheduled jobs, declared as data: the weekly council digest and the daily reminders. Each
 * only queues outbox messages under unique keys (job + period + person), so a run repeated after a
 * crash sends nothing twice; the outbox sender delivers them.
 */
import { msg } from "../core/channel.js";
import { BULLETIN_MAX, bulletinReply } from "../core/deeds/read.js";
import { councilDigest, DIGEST_LIST_LIMIT } from "../core/digest/digest.js";
import { computeProgress } from "../core/nominations/progress.js";
import { formatPlanDate, localDate } from "../core/plan/dates.js";
import { dueMilestones, dueQuotaReminders, overdueForReview } from "../core/reminders/reminders.js";
const WEEK_MS = 7 * 86_400_000;
/** The locale each person reads in (their choice, else the default). */
async function localesOf(services, ids) {
    const chosen = await services.people.locales(ids);
    return new Map([...chosen].map(([id, locale]) => [id, locale ?? services.settings.defaultLocale]));
}
async function everyOfficer(services, planSlug, unitCodes) {
    const lists = await Promise.all(unitCodes.map((unitCode) => services.roles.officersOf({ planSlug, unitCode })));
    return [...new Set(lists.flat())];
}
export function createJobs(deps) {
    const { services, settings, preferences } = deps;
    const tz = services.settings.timeZone;
    const digestJob = {
        name: 'council-digest',
        cron: settings.digestCron,
        catchUp: 'latest',
        async run({ period, dueAt }) {
            const catalog = services.catalog();
            const members = await preferences.filterEnabled(await services.roles.councilMembers(), 'digest');
            if (members.length === 0)
                return msg('job-result-no-council');
            const from = new Date(dueAt.getTime() - WEEK_MS);
            const facts = await deps.digests.weekFacts({ planSlug: catalog.plan.id, from, to: dueAt, listLimit: DIGEST_LIST_LIMIT });
            const today = localDate(dueAt, tz);
            const locales = await localesOf(services, members);
            const byLocale = new Map();
            const replyFor = (locale) => {
                if (!byLocale.has(locale))
                    byLocale.set(locale, councilDigest({ facts, catalog, locale, from, to: dueAt, today, timeZone: tz }));
                return byLocale.get(locale);
            };
            const queued = await services.notifier.notify(members.map((personId) => ({ personId, key: `digest:${period}:${personId}`, reply: replyFor(locales.get(personId) ?? 'vi') })));
            return msg('job-result-digest', { queued, total: members.length });
        },
    };
    const remindersJob = {
        name: 'reminders',
        cron: settings.remindersCron,
        async run({ dueAt, now }) {
            const catalog = services.catalog();
            const plan = catalog.plan;
            const today = localDate(dueAt, tz);
            const council = await services.roles.councilMembers();
            const officers = await everyOfficer(services, plan.id, plan.units.map((u) => u.code));
            let queued = 0;
            // Milestones, to everyone responsible: officers of every unit and the council.
            const milestones = dueMilestones({ plan, today, daysBefore: settings.milestoneDaysBefore, familyReviewDate: settings.familyReviewDate });
            if (milestones.length > 0) {
                const people = await preferences.filterEnabled([...new Set([...officers, ...council])], 'reminder:milestone');
                const locales = await localesOf(services, people);
                for (const m of milestones) {
                    queued += await services.notifier.notify(people.map((personId) => ({
                        personId,
                        key: `milestone:${plan.id}:${m.code}:${m.date}:${m.daysLeft}:${personId}`,
                        reply: { lines: [msg('reminder-milestone', { days: m.daysLeft, date: formatPlanDate(m.date, m.precision), title: m.title[locales.get(personId) ?? 'vi'] })], buttons: [[{ label: msg('reminder-open-timeline'), action: 'moc:' }]] },
                    })));
                }
            }
            // Nominations waiting for a member's vote for more than N days.
            for (const personId of await preferences.filterEnabled(council, 'reminder:review')) {
                const overdue = overdueForReview(await services.nominations.reviewQueue({ planSlug: plan.id, voterId: personId }), now, settings.reviewAfterDays);
                if (overdue.length === 0)
                    continue;
                queued += await services.notifier.notify([
                    { personId, key: `review-reminder:${today}:${personId}`, reply: { lines: [msg('reminder-review', { count: overdue.length, days: settings.reviewAfterDays })], buttons: [[{ label: msg('review-open'), action: 'rv:open' }]] } },
                ]);
            }
            // Units behind target as a phase end approaches.
            const progress = computeProgress(plan, await services.nominations.progressRows(plan.id), tz);
            for (const r of dueQuotaReminders({ plan, progress, today, daysBefore: settings.quotaDaysBefore })) {
                const phase = plan.phases.find((p) => p.code === r.phaseCode);
                for (const row of r.behind) {
                    const people = await preferences.filterEnabled(await services.roles.officersOf({ planSlug: plan.id, unitCode: row.quota.unit }), 'reminder:quota');
                    const locales = await localesOf(services, people);
                    queued += await services.notifier.notify(people.map((personId) => {
                        const locale = locales.get(personId) ?? 'vi';
                        return {
                            personId,
                            key: `quota:${plan.id}:${r.phaseCode}:${r.daysLeft}:${row.quota.code}:${personId}`,
                            reply: {
                                lines: [msg('reminder-quota', { days: r.daysLeft, phase: phase.name[locale], end: formatPlanDate(phase.end), unit: catalog.unitName(row.quota.unit, locale), field: row.quota.field[locale] })],
                                buttons: [[{ label: msg('digest-open-progress'), action: 'tiendo:' }]],
                            },
                        };
                    }));
                }
            }
            return msg('job-result-reminders', { queued });
        },
    };
    const bulletinJob = {
        name: 'bulletin',
        cron: settings.bulletinCron,
        catchUp: 'latest',
        async run({ period, dueAt }) {
            const subscribers = await preferences.subscribers('bulletin');
            if (subscribers.length === 0)
                return msg('job-result-no-subscriber');
            const from = new Date(dueAt.getTime() - WEEK_MS);
            const deeds = await services.deeds.publishedBetween({ from, to: dueAt, limit: BULLETIN_MAX });
            if (deeds.length === 0)
                return msg('job-result-no-deeds');
            const catalog = services.catalog();
            const locales = await localesOf(services, subscribers);
            const replies = new Map();
            const replyFor = (locale) => {
                if (!replies.has(locale))
                    replies.set(locale, bulletinReply({ catalog, locale, deeds, from, to: dueAt, timeZone: tz }));
                return replies.get(locale);
            };
            const queued = await services.notifier.notify(subscribers.map((personId) => ({ personId, key: `bulletin:${period}:${personId}`, reply: replyFor(locales.get(personId) ?? 'vi') })));
            return msg('job-result-bulletin', { deeds: deeds.length, queued, total: subscribers.length });
        },
    };
    return [digestJob, remindersJob, bulletinJob];
}
//# sourceMappingURL=jobs.js.map