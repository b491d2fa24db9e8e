/**
 * Telling the people who moderate good deeds (officers and administrators, `/kiemduyet`) that deeds
 * are waiting (issue 13, "Moderation loop"): a resident is promised "cán bộ xã sẽ xác minh".
 * - When a deed arrives: one notice per moderator per {@link ARRIVAL_WINDOW_MS} window, however
 *   many deeds arrive in it (batched: the outbox key is the window, not the deed).
 * - Every day with the reminders, and every week in the council digest: the number waiting and the
 *   oldest's age in days.
 * Each moderator can turn these off in `/nhacnho` (kind `reminder:deeds`).
 */
import { msg, type Reply } from '../channel.ts';
import type { Ctx, Services } from '../context.ts';

/** Arrival notices are batched per window of this length (3 hours). */
export const ARRIVAL_WINDOW_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/** Officers of every unit of the plan and the administrators: the people who may moderate. */
export async function moderatorsOf(services: Services, planSlug: string, unitCodes: string[]): Promise<number[]> {
  const lists = await Promise.all(unitCodes.map((unitCode) => services.roles.officersOf({ planSlug, unitCode })));
  return [...new Set([...lists.flat(), ...(await services.roles.adminIds())])].sort((a, b) => a - b);
}

/** How many deeds wait for moderation and how many whole days the oldest has waited (`undefined` when none). */
export async function waitingDeeds(services: Services, now: Date): Promise<{ count: number; oldestDays: number } | undefined> {
  const { items, total } = await services.deeds.queue({ limit: 1 });
  const oldest = items[0];
  if (total === 0 || !oldest) return undefined;
  return { count: total, oldestDays: Math.max(0, Math.floor((now.getTime() - oldest.createdAt.getTime()) / DAY_MS)) };
}

/** The "deeds waiting" message with a button to the queue. */
export const waitingReply = (key: 'deeds-arrived' | 'reminder-deeds', w: { count: number; oldestDays: number }): Reply => ({
  lines: [msg(key, { count: w.count, days: w.oldestDays })],
  buttons: [[{ label: msg('deeds-open-queue'), action: 'kd:' }]],
});

/** After a deed was saved: tells every moderator (but the sender), at most once per window. */
export async function tellModeratorsDeedArrived(ctx: Ctx): Promise<void> {
  const { services } = ctx;
  const plan = ctx.catalog.plan;
  const people = (
    await services.preferences.filterEnabled(
      await moderatorsOf(
        services,
        plan.id,
        plan.units.map((u) => u.code),
      ),
      'reminder:deeds',
    )
  ).filter((id) => id !== ctx.personId);
  if (people.length === 0) return;
  const waiting = await waitingDeeds(services, ctx.now);
  if (!waiting) return;
  const window = Math.floor(ctx.now.getTime() / ARRIVAL_WINDOW_MS);
  await services.notifier.notify(
    people.map((personId) => ({ personId, key: `deeds-arrived:${window}:${personId}`, reply: waitingReply('deeds-arrived', waiting) })),
  );
}
