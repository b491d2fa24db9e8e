/**
 * Holds per channel identity (issue 10): when a platform refuses a person on one channel (blocked
 * the bot, unfollowed the OA, outside Zalo's 7-day window), that identity is held
 * (`Identity.unreachableAt`) and its queued messages wait as `UNREACHABLE`; the person's other
 * identities go on. When the person writes again through the held identity, {@link releaseHeld}
 * sends on what is still worth it and drops the rest, each with its reason.
 *
 * Still worth sending after a hold, decided per row (oldest first):
 * - its `relevance` subject has not moved on (`stillRelevant`, src/db/relevance.ts);
 * - of a periodic series ({@link seriesOf}: digests, bulletins, daily reminders, countdowns), only
 *   the latest row: an older digest is superseded by the newer one;
 * - queued at most {@link HELD_MAX_AGE_MS} before the release.
 *
 * @module
 */
import type { PrismaClient } from './client.ts';
import { stillRelevant } from './relevance.ts';

/** Held messages older than this (14 days, by `createdAt`) are dropped at release, not sent. */
export const HELD_MAX_AGE_MS = 14 * 86_400_000;

/**
 * The series a periodic notice belongs to (a later one of the same series supersedes it), from its
 * outbox key; `null` for a one-off message. Digests `digest:<period>:<person>` and bulletins
 * `bulletin:<period>:<person>`, daily reminders (`review-reminder:`, `deeds-reminder:`,
 * `deeds-arrived:`), and countdowns to one date (`milestone:<plan>:<code>:<date>:<daysLeft>:<person>`,
 * `quota:<plan>:<milestone>:<date>:<daysLeft>:<quota>:<person>`: the same date, fewer days left).
 */
export function seriesOf(key: string): string | null {
  const kind = /^(digest|bulletin|review-reminder|deeds-reminder|deeds-arrived):/.exec(key)?.[1];
  if (kind) return kind;
  const p = key.split(':');
  if (p[0] === 'milestone' && p.length === 6) return ['milestone', p[1], p[2], p[3]].join(':');
  if (p[0] === 'quota' && p.length === 7) return ['quota', p[1], p[2], p[3], p[5]].join(':');
  return null;
}

type Db = Pick<PrismaClient, 'identity' | 'outboxMessage' | 'nomination'>;

/**
 * Holds one channel identity as unreachable since `at` (an earlier hold keeps its time) and moves its
 * `PENDING` messages (to chat `externalId` on `channel`) to `UNREACHABLE`. An unknown identity (a
 * group chat) holds nothing. @returns whether such an identity exists.
 */
export async function holdIdentity(prisma: Db, { channel, externalId, at }: { channel: string; externalId: string; at: Date }): Promise<boolean> {
  const identity = await prisma.identity.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { id: true } });
  if (!identity) return false;
  await prisma.identity.updateMany({ where: { id: identity.id, unreachableAt: null }, data: { unreachableAt: at } });
  await prisma.outboxMessage.updateMany({
    where: { channel, chatId: externalId, state: 'PENDING' },
    data: { state: 'UNREACHABLE', lastError: 'held: recipient unreachable on this channel' },
  });
  return true;
}

/** What {@link releaseHeld} did: rows back to `PENDING`, and rows dropped with why. */
export interface Released {
  released: number[];
  dropped: { id: number; key: string; why: string }[];
}

/**
 * The person wrote again through `channel`/`externalId`: clears that identity's hold (if it had one:
 * otherwise nothing is done and nothing is returned) and decides each message held for it: sent
 * (`PENDING`, due `now`) when still worth it, else `DROPPED` with the reason in `lastError`.
 */
export async function releaseHeld(prisma: Db, { channel, externalId, now }: { channel: string; externalId: string; now: Date }): Promise<Released> {
  const result: Released = { released: [], dropped: [] };
  const { count } = await prisma.identity.updateMany({ where: { channel, externalId, unreachableAt: { not: null } }, data: { unreachableAt: null } });
  if (count === 0) return result;
  const rows = await prisma.outboxMessage.findMany({
    where: { channel, chatId: externalId, state: 'UNREACHABLE' },
    orderBy: { id: 'desc' },
    select: { id: true, key: true, relevance: true, createdAt: true },
  });
  const seen = new Set<string>();
  for (const r of rows) {
    const series = seriesOf(r.key);
    let why: string | null = null;
    if (series && seen.has(series)) why = `superseded while held: a later ${series} message is sent instead`;
    else if (now.getTime() - r.createdAt.getTime() > HELD_MAX_AGE_MS) why = `held too long (queued ${r.createdAt.toISOString()})`;
    else if (!(await stillRelevant(prisma as PrismaClient, r.relevance))) why = `lost its point while held: ${r.relevance} is no longer current`;
    if (series) seen.add(series);
    const { count: moved } = await prisma.outboxMessage.updateMany({
      where: { id: r.id, state: 'UNREACHABLE' },
      data: why ? { state: 'DROPPED', lastError: why } : { state: 'PENDING', nextAttemptAt: now, lastError: null },
    });
    if (moved === 0) continue;
    if (why) result.dropped.push({ id: r.id, key: r.key, why });
    else result.released.push(r.id);
  }
  result.released.reverse();
  result.dropped.reverse();
  return result;
}
