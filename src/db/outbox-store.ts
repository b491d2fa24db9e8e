/**
 * The outbox's rows for the senders (implements core's {@link OutboxStore}); the writer is
 * `createOutbox` in `./outbox.ts`. One or two Prisma operations per method; `markUnreachable`
 * also holds the identity (src/db/held.ts).
 */
import type { OutboxItem, OutboxStore } from '../core/outbox.ts';
import type { PrismaClient } from './client.ts';
import { alreadyDurable, type Durable } from './durability.ts';
import { sqlTime } from './datetime-format.ts';
import { enqueueReplies, payloadReply, UNTRIED_REPLY } from './outbox.ts';
import { holdIdentity } from './held.ts';
import { dropMessage, stillRelevant } from './relevance.ts';

/** Longest `lastError` kept, in characters. */
const ERROR_MAX = 500;
const clip = (error: string) => error.slice(0, ERROR_MAX);

type Row = { id: number; key: string; personId: number; chatId: string; payload: string; locale: string; attempts: number; partsSent: number };
const toItem = (r: Row): OutboxItem => ({
  id: r.id,
  personId: r.personId,
  chatId: r.chatId,
  reply: payloadReply(r.payload),
  locale: r.locale === 'en' ? 'en' : 'vi',
  attempts: r.attempts,
  key: r.key,
  partsSent: r.partsSent,
});

/**
 * @param opts.durable the database's flush (`Database.durable`): `claim` returns only once the claim
 *   (and the commit that queued the row) is on disk, since the caller then sends the message.
 */
export function createOutboxStore(prisma: PrismaClient, opts: { durable?: Durable } = {}): OutboxStore {
  const durable = opts.durable ?? alreadyDurable;
  const scope = (channel: string, chatId?: string) => ({ channel, ...(chatId !== undefined ? { chatId } : {}) });
  return {
    async due({ channel, chatId, now, limit }) {
      const rows = await prisma.outboxMessage.findMany({
        where: { ...scope(channel, chatId), state: 'PENDING', nextAttemptAt: { lte: now } },
        orderBy: { id: 'asc' },
        take: limit,
      });
      if (rows.length === 0) return [];
      // A chat keeps its order: behind a row that waits (deferred) or is being sent, the rest wait.
      const chats = [...new Set(rows.map((r) => r.chatId))];
      const waiting = await prisma.outboxMessage.groupBy({
        by: ['chatId'],
        where: { channel, chatId: { in: chats }, OR: [{ state: 'PENDING', nextAttemptAt: { gt: now } }, { state: 'SENDING' }] },
        _min: { id: true },
      });
      const firstWaiting = new Map(waiting.map((w) => [w.chatId, w._min.id ?? Infinity]));
      return rows.filter((r) => r.id < (firstWaiting.get(r.chatId) ?? Infinity)).map(toItem);
    },
    enqueueReplies: (rows) => enqueueReplies(prisma, rows),
    async claim(id) {
      // The send-time check (issue 12): a notice whose nomination moved on since it was queued
      // (decided, withdrawn, another round) has lost its point; it is DROPPED, never sent.
      // Most rows (every answer) carry no relevance: claimed in one statement.
      // Plain SQL (the same on both engines; no date in it): it runs for every message sent, and a
      // model query costs about three times as much in Prisma's client.
      const plain = await prisma.$executeRaw`UPDATE "OutboxMessage" SET "state" = 'SENDING', "attempts" = "attempts" + 1
        WHERE "id" = ${id} AND "state" = 'PENDING' AND "relevance" IS NULL`;
      if (plain === 1) return durable().then(() => true);
      const row = await prisma.outboxMessage.findUnique({ where: { id }, select: { relevance: true } });
      if (!row?.relevance) return false; // not PENDING any more (another process claimed it, or sent)
      if (!(await stillRelevant(prisma, row.relevance))) {
        await dropMessage(prisma, id, `lost its point: ${row.relevance} is no longer current`);
        return false;
      }
      const { count } = await prisma.outboxMessage.updateMany({ where: { id, state: 'PENDING' }, data: { state: 'SENDING', attempts: { increment: 1 } } });
      if (count === 1) await durable();
      return count === 1;
    },
    async markSent(id, at) {
      // Plain SQL, as `claim`: once per message sent.
      await prisma.$executeRaw`UPDATE "OutboxMessage" SET "state" = 'SENT', "sentAt" = ${sqlTime(at)}, "lastError" = NULL WHERE "id" = ${id}`;
    },
    async markPartsSent(id, count) {
      await prisma.outboxMessage.updateMany({ where: { id, state: 'SENDING' }, data: { partsSent: count } });
    },
    async release(ids, at) {
      for (const id of ids) {
        const r = await prisma.outboxMessage.findUnique({ where: { id }, select: { channel: true, chatId: true, state: true } });
        if (r?.state !== 'PENDING') continue;
        // Not before an earlier row of the chat that waits: due rows are really due (see `defer`).
        const before = await prisma.outboxMessage.findFirst({
          where: { channel: r.channel, chatId: r.chatId, state: 'PENDING', id: { lt: id } },
          orderBy: { nextAttemptAt: 'desc' },
          select: { nextAttemptAt: true },
        });
        const due = before && before.nextAttemptAt > at ? before.nextAttemptAt : at;
        await prisma.outboxMessage.updateMany({ where: { id, state: 'PENDING' }, data: { nextAttemptAt: due } });
      }
    },
    async defer(id, { until, error, giveBackAttempt }) {
      const row = await prisma.outboxMessage.update({
        where: { id },
        data: { state: 'PENDING', nextAttemptAt: until, lastError: clip(error), ...(giveBackAttempt ? { attempts: { decrement: 1 } } : {}) },
        select: { channel: true, chatId: true },
      });
      // The chat's later rows wait as long (they would wait behind it anyway, see `due`): what counts
      // as due — the backlog `/readyz` and `/metrics` report — is then only what can be sent.
      await prisma.outboxMessage.updateMany({
        where: { channel: row.channel, chatId: row.chatId, state: 'PENDING', id: { gt: id }, nextAttemptAt: { lt: until } },
        data: { nextAttemptAt: until },
      });
    },
    async markFailed(id, { error }) {
      await prisma.outboxMessage.update({ where: { id }, data: { state: 'FAILED', lastError: clip(error) } });
    },
    async markUnreachable({ id, chatId }, { error, at, channel }) {
      await prisma.outboxMessage.update({ where: { id }, data: { state: 'UNREACHABLE', lastError: clip(error) } });
      await holdIdentity(prisma, { channel, externalId: chatId, at });
    },
    async recoverInterrupted({ channel, chatId, now }) {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { ...scope(channel, chatId), state: 'SENDING' },
        data: { state: 'UNCERTAIN', lastError: 'interrupted while sending: may have been delivered; not resent' },
      });
      // Answers committed by a process killed before it sent them: its handler is gone, so the grace
      // that kept the loop off them (REPLY_GRACE_MS, src/channels/inbound.ts) would only delay them.
      // Never tried (no attempt, no error): a row deferred by a rate limit keeps its time.
      if (now)
        await prisma.outboxMessage.updateMany({
          where: { ...scope(channel, chatId), state: 'PENDING', ...UNTRIED_REPLY, nextAttemptAt: { gt: now } },
          data: { nextAttemptAt: now },
        });
      return count;
    },
  };
}
