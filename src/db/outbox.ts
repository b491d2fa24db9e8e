/**
 * The outbox (implements core's {@link Notifier}): every proactive message is first written here
 * under a unique key, then delivered by a sender (src/channels/delivery.ts). Duplicate keys are
 * ignored, so a replayed update or a retried job never queues a message twice.
 */
import type { Reply } from '../core/channel.ts';
import type { Notice, Notifier } from '../core/notify.ts';
import type { ReplyRow } from '../core/outbox.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';
import { isolated } from './unit-of-work.ts';
import { decodeReply, encodeReply } from './reply-codec.ts';

export interface OutboxRecipient {
  channel: string;
  chatId: string;
  locale: string;
}

/**
 * The channel identity a proactive message goes to: the one the person used last among those not
 * held (a Zalo unfollow does not stop their Telegram notices), else the one used last (the message
 * is then held with it); of `channel` only, when given. `held`: that identity is held. `null` when
 * they have none.
 */
export async function recipientOf(
  prisma: PrismaClient,
  personId: number,
  defaultLocale: string,
  channel?: string,
): Promise<(OutboxRecipient & { held: boolean }) | null> {
  const identities = await prisma.identity.findMany({
    where: { personId, ...(channel ? { channel } : {}) },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
    include: { person: { select: { locale: true } } },
  });
  const identity = identities.find((i) => i.unreachableAt === null) ?? identities[0];
  if (!identity) return null;
  return { channel: identity.channel, chatId: identity.externalId, locale: identity.person.locale ?? defaultLocale, held: identity.unreachableAt !== null };
}

export function createOutbox(prisma: PrismaClient, opts: { defaultLocale: string; now?: () => Date }): Notifier {
  const now = opts.now ?? (() => new Date());
  return {
    async notify(notices: Notice[]) {
      let created = 0;
      for (const n of notices) {
        const found = await recipientOf(prisma, n.personId, opts.defaultLocale, n.channel);
        if (!found) continue;
        // An identity that refused us is not written to until they come back there; the row is kept.
        const { held, ...to } = found;
        const exists = await prisma.outboxMessage.findUnique({ where: { key: n.key }, select: { id: true } });
        if (exists) continue;
        // Behind a row of this chat that waits (a 429, a backoff), a new one waits as long: order kept,
        // and nothing counts as due that cannot be sent.
        const waiting = await prisma.outboxMessage.findFirst({
          where: { channel: to.channel, chatId: to.chatId, state: 'PENDING' },
          orderBy: { nextAttemptAt: 'desc' },
          select: { nextAttemptAt: true },
        });
        const at = now();
        const nextAttemptAt = waiting && waiting.nextAttemptAt > at ? waiting.nextAttemptAt : at;
        try {
          await isolated(prisma, (tx) =>
            tx.outboxMessage.create({
              data: {
                key: n.key,
                personId: n.personId,
                ...to,
                payload: encodeReply(n.reply),
                relevance: n.relevance ?? null,
                nextAttemptAt,
                ...(held ? { state: 'UNREACHABLE', lastError: 'recipient unreachable when queued' } : {}),
              },
            }),
          );
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

/** Parses a stored payload back into a reply (see `reply-codec.ts`: files' bytes are base64). */
export const payloadReply = (payload: string): Reply => decodeReply(payload);

/**
 * Queues the replies to one inbound update as PENDING outbox rows, in order, and returns their ids
 * in that order. A row whose key exists already is not written again: its id is returned while it
 * is still PENDING (not yet delivered), else left out (already sent or ended: nothing to deliver).
 *
 * Works with the client of an enclosing interactive transaction (pass the `tx`): check then insert,
 * never a caught unique violation (on PostgreSQL that aborts the transaction). Two writers of the
 * same key at the same instant are not expected (an update's key is claimed by the inbox first);
 * if it happens, the later insert fails and its transaction is retried.
 */
export async function enqueueReplies(prisma: Pick<PrismaClient, 'outboxMessage'>, rows: ReplyRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  // Two statements for the whole answer: which keys exist, then the missing rows at once.
  const existing = await prisma.outboxMessage.findMany({ where: { key: { in: rows.map((r) => r.key) } }, select: { id: true, key: true, state: true } });
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const missing = rows.filter((r, i) => !byKey.has(r.key) && rows.findIndex((o) => o.key === r.key) === i);
  if (missing.length > 0) {
    const created = await prisma.outboxMessage.createManyAndReturn({
      data: missing.map((r) => ({
        key: r.key,
        personId: r.personId,
        channel: r.channel,
        chatId: r.chatId,
        locale: r.locale,
        payload: encodeReply(r.reply),
        relevance: null,
        nextAttemptAt: r.notBefore,
      })),
      select: { id: true, key: true, state: true },
    });
    for (const c of created) byKey.set(c.key, c);
  }
  const ids: number[] = [];
  for (const r of rows) {
    const row = byKey.get(r.key);
    if (row?.state === 'PENDING' && !ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}
