/**
 * The outbox's rows for the senders (implements core's {@link OutboxStore}); the writer is
 * `createOutbox` in `./outbox.ts`. One or two Prisma operations per method; `markUnreachable`
 * also holds the identity (src/db/held.ts).
 *
 * Claims and SENT marks, one each per message sent, are written in batches when a unit of work is
 * given: the calls made in one turn of the event loop share one transaction (DataLoader), so a burst
 * of answers costs one commit per turn instead of two per message. Each call still gets its own
 * result, and a failed batch fails each of its calls.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import DataLoader from 'dataloader';
import type { OutboxItem, OutboxStore } from '../core/outbox.ts';
import type { UnitOfWork } from '../core/unit-of-work.ts';
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
 * `write` for each of `items` in one transaction, once per turn of the event loop (see the module
 * comment). The batch runs outside any caller's unit of work (in the context the store was made in),
 * so a call made inside a unit is neither committed nor rolled back with it, nor are the others'.
 */
function batched<K, R>(unitOfWork: UnitOfWork, write: (item: K) => Promise<R>): (item: K) => Promise<R> {
  const outside = AsyncLocalStorage.snapshot();
  const loader = new DataLoader<K, R>((items) => unitOfWork(async () => Promise.all(items.map(write))), {
    cache: false,
    batchScheduleFn: (flush) => setImmediate(() => outside(flush)),
  });
  return (item) => loader.load(item);
}

/**
 * @param opts.durable the database's flush (`Database.durable`): `claim` returns only once the claim
 *   (and the commit that queued the row) is on disk, since the caller then sends the message.
 * @param opts.unitOfWork the database's unit of work: claims and SENT marks are batched in it (see
 *   the module comment); one statement each without it. Give it only where its transaction cannot
 *   conflict with another process's (SQLite; see src/app.ts).
 */
export function createOutboxStore(prisma: PrismaClient, opts: { durable?: Durable; unitOfWork?: UnitOfWork } = {}): OutboxStore {
  const durable = opts.durable ?? alreadyDurable;
  // Plain SQL (the same on both engines; no date in the claim): they run for every message sent,
  // and a model query costs about three times as much in Prisma's client.
  const claimPlainOne = async (id: number): Promise<boolean> =>
    (await prisma.$executeRaw`UPDATE "OutboxMessage" SET "state" = 'SENDING', "attempts" = "attempts" + 1
      WHERE "id" = ${id} AND "state" = 'PENDING' AND "relevance" IS NULL`) === 1;
  const markSentOne = async ({ id, at }: { id: number; at: Date }): Promise<void> => {
    await prisma.$executeRaw`UPDATE "OutboxMessage" SET "state" = 'SENT', "sentAt" = ${sqlTime(at)}, "lastError" = NULL WHERE "id" = ${id}`;
  };
  const claimPlain = opts.unitOfWork ? batched(opts.unitOfWork, claimPlainOne) : claimPlainOne;
  const markSentRow = opts.unitOfWork ? batched(opts.unitOfWork, markSentOne) : markSentOne;
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
      if (await claimPlain(id)) return durable().then(() => true);
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
      await markSentRow({ id, at });
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
