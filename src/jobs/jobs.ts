/**
 * The scheduled jobs, declared as data: the weekly council digest and the daily reminders. Each
 * only queues outbox messages under unique keys (job + period + person), so a run repeated after a
 * crash sends nothing twice; the outbox sender delivers them.
 */
import { msg, type Locale, type Reply } from '../core/channel.ts';
import type { Services } from '../core/context.ts';
import { BULLETIN_MAX, bulletinReply } from '../core/deeds/read.ts';
import { moderatorsOf, waitingDeeds, waitingReply } from '../core/deeds/moderation-loop.ts';
import { councilDigest, DIGEST_LIST_LIMIT, type DigestRepository } from '../core/digest/digest.ts';
import { remindStalledRounds } from '../core/council/stalled.ts';
import { computeProgress } from '../core/nominations/progress.ts';
import { formatPlanDate, localDate } from '../core/plan/dates.ts';
import type { PreferenceRepository } from '../core/preferences.ts';
import { dueMilestones, dueQuotaReminders, overdueForReview } from '../core/reminders/reminders.ts';
import type { JobDefinition } from './scheduler.ts';

export interface ScheduleSettings {
  digestCron: string;
  bulletinCron: string;
  remindersCron: string;
  /** Days before a milestone it is announced (e.g. [7, 3, 1]). */
  milestoneDaysBefore: number[];
  /** Council members are reminded of nominations waiting longer than this many days. */
  reviewAfterDays: number;
  /** Days before an exactly dated review or conference that units behind their whole-period target are reminded. */
  quotaDaysBefore: number[];
  /** Yearly "Gia đình văn hóa" review date `MM-DD`, or undefined to leave it out. */
  familyReviewDate?: string;
}

export interface JobDeps {
  services: Services;
  digests: DigestRepository;
  preferences: PreferenceRepository;
  settings: ScheduleSettings;
}

const WEEK_MS = 7 * 86_400_000;

/** The locale each person reads in (their choice, else the default). */
async function localesOf(services: Services, ids: number[]): Promise<Map<number, Locale>> {
  const chosen = await services.people.locales(ids);
  return new Map([...chosen].map(([id, locale]) => [id, locale ?? services.settings.defaultLocale]));
}

async function everyOfficer(services: Services, planSlug: string, unitCodes: string[]): Promise<number[]> {
  const lists = await Promise.all(unitCodes.map((unitCode) => services.roles.officersOf({ planSlug, unitCode })));
  return [...new Set(lists.flat())];
}

export function createJobs(deps: JobDeps): JobDefinition[] {
  const { services, settings, preferences } = deps;
  const tz = services.settings.timeZone;

  const digestJob: JobDefinition = {
    name: 'council-digest',
    cron: settings.digestCron,
    catchUp: 'latest',
    async run({ period, dueAt }) {
      const catalog = services.catalog();
      const members = await preferences.filterEnabled(await services.roles.councilMembers(), 'digest');
      if (members.length === 0) return msg('job-result-no-council');
      const from = new Date(dueAt.getTime() - WEEK_MS);
      const facts = await deps.digests.weekFacts({ planSlug: catalog.plan.id, from, to: dueAt, listLimit: DIGEST_LIST_LIMIT });
      const today = localDate(dueAt, tz);
      const actual = await services.milestoneDates.list(catalog.plan.id);
      const deedsWaiting = await waitingDeeds(services, dueAt);
      const locales = await localesOf(services, members);
      const byLocale = new Map<Locale, Reply>();
      const replyFor = (locale: Locale) => {
        if (!byLocale.has(locale)) byLocale.set(locale, councilDigest({ facts, catalog, locale, from, to: dueAt, today, timeZone: tz, actual, deedsWaiting }));
        return byLocale.get(locale)!;
      };
      const queued = await services.notifier.notify(
        members.map((personId) => ({ personId, key: `digest:${period}:${personId}`, reply: replyFor(locales.get(personId) ?? 'vi') })),
      );
      return msg('job-result-digest', { queued, total: members.length });
    },
  };

  const remindersJob: JobDefinition = {
    name: 'reminders',
    cron: settings.remindersCron,
    async run({ dueAt, now }) {
      const catalog = services.catalog();
      const plan = catalog.plan;
      const today = localDate(dueAt, tz);
      const council = await services.roles.councilMembers();
      const officers = await everyOfficer(
        services,
        plan.id,
        plan.units.map((u) => u.code),
      );
      let queued = 0;

      // Milestones, to everyone responsible: officers of every unit and the council.
      const actual = await services.milestoneDates.list(plan.id);
      const milestones = dueMilestones({ plan, today, daysBefore: settings.milestoneDaysBefore, familyReviewDate: settings.familyReviewDate, actual });
      if (milestones.length > 0) {
        const people = await preferences.filterEnabled([...new Set([...officers, ...council])], 'reminder:milestone');
        const locales = await localesOf(services, people);
        for (const m of milestones) {
          queued += await services.notifier.notify(
            people.map((personId) => ({
              personId,
              key: `milestone:${plan.id}:${m.code}:${m.date}:${m.daysLeft}:${personId}`,
              reply: {
                lines: [msg('reminder-milestone', { days: m.daysLeft, date: formatPlanDate(m.date), title: m.title[locales.get(personId) ?? 'vi'] })],
                buttons: [[{ label: msg('reminder-open-timeline'), action: 'moc:' }]],
              },
            })),
          );
        }
      }

      // Good deeds waiting for moderation: how many and how old, to each moderator, once a day.
      const waiting = await waitingDeeds(services, dueAt);
      if (waiting) {
        const moderators = await preferences.filterEnabled(
          await moderatorsOf(
            services,
            plan.id,
            plan.units.map((u) => u.code),
          ),
          'reminder:deeds',
        );
        queued += await services.notifier.notify(
          moderators.map((personId) => ({ personId, key: `deeds-reminder:${today}:${personId}`, reply: waitingReply('reminder-deeds', waiting) })),
        );
      }

      // Nominations waiting for a member's vote for more than N days.
      for (const personId of await preferences.filterEnabled(council, 'reminder:review')) {
        const overdue = overdueForReview(await services.nominations.reviewQueue({ planSlug: plan.id, voterId: personId }), now, settings.reviewAfterDays);
        if (overdue.length === 0) continue;
        queued += await services.notifier.notify([
          {
            personId,
            key: `review-reminder:${today}:${personId}`,
            reply: {
              lines: [msg('reminder-review', { count: overdue.length, days: settings.reviewAfterDays })],
              buttons: [[{ label: msg('review-open'), action: 'rv:open' }]],
            },
          },
        ]);
      }

      // Units behind their whole-period targets as an exactly dated review or conference approaches.
      const progress = computeProgress(plan, await services.nominations.progressRows(plan.id), tz);
      for (const r of dueQuotaReminders({ plan, progress, today, daysBefore: settings.quotaDaysBefore, actual })) {
        for (const row of r.behind) {
          const people = await preferences.filterEnabled(await services.roles.officersOf({ planSlug: plan.id, unitCode: row.quota.unit }), 'reminder:quota');
          const locales = await localesOf(services, people);
          queued += await services.notifier.notify(
            people.map((personId) => {
              const locale = locales.get(personId) ?? 'vi';
              return {
                personId,
                key: `quota:${plan.id}:${r.milestoneCode}:${r.date}:${r.daysLeft}:${row.quota.code}:${personId}`,
                reply: {
                  lines: [
                    msg('reminder-quota', {
                      days: r.daysLeft,
                      event: r.title[locale],
                      date: formatPlanDate(r.date),
                      unit: catalog.unitName(row.quota.unit, locale),
                      field: row.quota.field[locale],
                      start: plan.period.start.slice(0, 4),
                      end: plan.period.end.slice(0, 4),
                    }),
                  ],
                  buttons: [[{ label: msg('digest-open-progress'), action: 'tiendo:' }]],
                },
              };
            }),
          );
        }
      }
      return msg('job-result-reminders', { queued });
    },
  };

  const bulletinJob: JobDefinition = {
    name: 'bulletin',
    cron: settings.bulletinCron,
    catchUp: 'latest',
    async run({ period, dueAt }) {
      const subscribers = await preferences.subscribers('bulletin');
      if (subscribers.length === 0) return msg('job-result-no-subscriber');
      const from = new Date(dueAt.getTime() - WEEK_MS);
      const deeds = await services.deeds.publishedBetween({ from, to: dueAt, limit: BULLETIN_MAX });
      if (deeds.length === 0) return msg('job-result-no-deeds');
      const catalog = services.catalog();
      const locales = await localesOf(services, subscribers);
      const replies = new Map<Locale, Reply>();
      const replyFor = (locale: Locale) => {
        if (!replies.has(locale)) replies.set(locale, bulletinReply({ catalog, locale, deeds, from, to: dueAt, timeZone: tz }));
        return replies.get(locale)!;
      };
      const queued = await services.notifier.notify(
        subscribers.map((personId) => ({ personId, key: `bulletin:${period}:${personId}`, reply: replyFor(locales.get(personId) ?? 'vi') })),
      );
      return msg('job-result-bulletin', { deeds: deeds.length, queued, total: subscribers.length });
    },
  };

  /**
   * Review rounds open longer than `councilRoundDays` (issue 12: every round ends): the council
   * chair and the standing office are told once per round (see core/council/stalled.ts). Runs with
   * the daily reminders; each day's run looks at every open round, so a missed day loses nothing.
   */
  const roundsJob: JobDefinition = {
    name: 'council-rounds',
    cron: settings.remindersCron,
    catchUp: 'latest',
    async run({ now }) {
      const days = services.settings.councilRoundDays;
      const r = await remindStalledRounds(services, { planSlug: services.catalog().plan.id, now, days });
      return msg('job-result-rounds', { rounds: r.rounds, queued: r.queued, days });
    },
  };

  return [digestJob, remindersJob, bulletinJob, roundsJob];
}
