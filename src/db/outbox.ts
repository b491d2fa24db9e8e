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
import { sqlTime } from './datetime-format.ts';

/**
 * An interactive reply (key `reply:…`, written by src/channels/inbound.ts) never tried yet: a later
 * `nextAttemptAt` on it is only the grace keeping the loop off it while its handler sends it.
 */
export const UNTRIED_REPLY = { key: { startsWith: 'reply:' }, attempts: 0, lastError: null };

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
        // and nothing counts as due that cannot be sent. An answer not tried yet does not wait: its
        // later time is only the grace keeping the loop off it while its handler sends it (or until a
        // restart releases it); the loop still sends this one after it (see OutboxStore.due).
        const waiting = await prisma.outboxMessage.findFirst({
          where: { channel: to.channel, chatId: to.chatId, state: 'PENDING', NOT: UNTRIED_REPLY },
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
 * Queues the replies to one inbound update as PENDING outbox rows, in order, and returns their ids in
 * that order.
 *
 * The keys must be new: they are made from the inbound event's key, and the caller has just turned
 * that event's inbox entry DONE in the same unit of work (`src/channels/inbound.ts`), so no earlier
 * handling of it committed rows. A key that exists anyway is a bug: the insert fails (the key's
 * unique index), the caller's unit of work rolls back, and nothing is queued twice.
 *
 * Works with the client of an enclosing interactive transaction (pass the `tx`).
 */
export async function enqueueReplies(prisma: Pick<PrismaClient, '$queryRaw'>, rows: ReplyRow[]): Promise<number[]> {
  const ids: number[] = [];
  const createdAt = sqlTime(new Date());
  // Plain SQL, one statement per reply (usually one or two), the same on both engines: this runs for
  // every update, and a model query costs about three times as much in Prisma's client. The dates
  // are written in Prisma's own text (see sqlTime); state, attempts and partsSent take their defaults.
  for (const r of rows) {
    const [row] = await prisma.$queryRaw<{ id: number | bigint }[]>`INSERT INTO "OutboxMessage"
      ("key", "personId", "channel", "chatId", "locale", "payload", "nextAttemptAt", "createdAt")
      VALUES (${r.key}, ${r.personId}, ${r.channel}, ${r.chatId}, ${r.locale}, ${encodeReply(r.reply)}, ${sqlTime(r.notBefore)}, ${createdAt})
      RETURNING "id"`;
    ids.push(Number(row!.id));
  }
  return ids;
}
