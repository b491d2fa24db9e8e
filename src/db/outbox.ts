/**
 * The outbox (implements core's {@link Notifier}): every proactive message is first written here
 * under a unique key, then delivered by a sender (src/channels/delivery.ts). Duplicate keys are
 * ignored, so a replayed update or a retried job never queues a message twice.
 */
import type { Reply } from '../core/channel.ts';
import type { Notice, Notifier } from '../core/notify.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';

export interface OutboxRecipient {
  channel: string;
  chatId: string;
  locale: string;
}

/**
 * The channel identity a proactive message goes to: the one the person used last (of `channel`
 * only, when given); `null` when they have none.
 */
export async function recipientOf(prisma: PrismaClient, personId: number, defaultLocale: string, channel?: string): Promise<OutboxRecipient | null> {
  const identity = await prisma.identity.findFirst({
    where: { personId, ...(channel ? { channel } : {}) },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
    include: { person: { select: { locale: true } } },
  });
  if (!identity) return null;
  return { channel: identity.channel, chatId: identity.externalId, locale: identity.person.locale ?? defaultLocale };
}

export function createOutbox(prisma: PrismaClient, opts: { defaultLocale: string; now?: () => Date }): Notifier {
  const now = opts.now ?? (() => new Date());
  return {
    async notify(notices: Notice[]) {
      let created = 0;
      for (const n of notices) {
        const to = await recipientOf(prisma, n.personId, opts.defaultLocale, n.channel);
        if (!to) continue;
        // Someone who blocked the bot is not written to until they come back; the row is kept.
        const held = (await prisma.person.findUnique({ where: { id: n.personId }, select: { unreachableAt: true } }))?.unreachableAt;
        const exists = await prisma.outboxMessage.findUnique({ where: { key: n.key }, select: { id: true } });
        if (exists) continue;
        try {
          await prisma.outboxMessage.create({
            data: { key: n.key, personId: n.personId, ...to, payload: JSON.stringify(n.reply), relevance: n.relevance ?? null, nextAttemptAt: now(), ...(held ? { state: 'UNREACHABLE', lastError: 'recipient unreachable when queued' } : {}) },
          });
          created++;
        } catch (error) {
          // Another process queued the same key between our check and insert: already queued.
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return created;
    },
  };
}

/** Parses a stored payload back into a reply. */
export const payloadReply = (payload: string): Reply => JSON.parse(payload) as Reply;
