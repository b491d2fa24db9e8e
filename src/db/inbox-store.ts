/**
 * The persisted inbox (implements core's {@link Inbox}) in table `InboxEntry`, unique per
 * `(channel, eventKey)`: the unique index decides, so two processes recording one event keep one row.
 */
import type { Inbox, InboxEntry } from '../core/inbox.ts';
import type { PrismaClient } from './client.ts';
import type { UnitOfWork } from '../core/unit-of-work.ts';
import { alreadyDurable, type Durable } from './durability.ts';
import { sqlTime } from './datetime-format.ts';

/** Longest `lastError` kept, in characters. */
const ERROR_MAX = 500;

type Row = { id: number | bigint; channel: string; eventKey: string; payload: string; state: string };
const entryOf = (r: Row): InboxEntry => ({
  id: Number(r.id),
  channel: r.channel,
  eventKey: r.eventKey,
  payload: r.payload,
  state: r.state === 'DONE' ? 'DONE' : r.state === 'FAILED' ? 'FAILED' : 'RECEIVED',
});
const SELECT = { id: true, channel: true, eventKey: true, payload: true, state: true } as const;

/**
 * @param opts.durable the database's flush (`Database.durable`): `record` returns only once the
 *   entries are on disk, since the caller then confirms receipt to the platform.
 * @param opts.unitOfWork the database's unit of work: a batch of events is recorded in one
 *   transaction (one commit); one per event without it. Give it only where its transaction cannot
 *   conflict with another process's (SQLite; see src/app.ts).
 */
export function createInbox(prisma: PrismaClient, opts: { durable?: Durable; unitOfWork?: UnitOfWork } = {}): Inbox {
  const durable = opts.durable ?? alreadyDurable;
  /** The entry of one event, recorded now unless it was before (the unique index decides, whoever writes). */
  const recordOne = async (channel: string, eventKey: string, payload: string, at: Date): Promise<InboxEntry> => {
    // Plain SQL (the same on both engines): a getUpdates batch of 100 updates made Prisma's client
    // compile and run a 500-parameter statement, about 10 ms.
    // A new entry is made of what was given, not read back: the payload is the update's whole JSON,
    // and a copy per update lived until it was handled (garbage the young generation copied).
    const [row] = await prisma.$queryRaw<{ id: number | bigint }[]>`INSERT INTO "InboxEntry" ("channel", "eventKey", "payload", "state", "receivedAt")
      VALUES (${channel}, ${eventKey}, ${payload}, 'RECEIVED', ${sqlTime(at)})
      ON CONFLICT ("channel", "eventKey") DO NOTHING RETURNING "id"`;
    if (row) return { id: Number(row.id), channel, eventKey, payload, state: 'RECEIVED' };
    const [known] = await prisma.$queryRaw<Row[]>`SELECT "id", "channel", "eventKey", "payload", "state" FROM "InboxEntry"
      WHERE "channel" = ${channel} AND "eventKey" = ${eventKey}`;
    if (!known) throw new Error(`inbox: ${channel} ${eventKey} neither recorded nor found`);
    return entryOf(known);
  };
  return {
    async record(channel, events, at) {
      if (events.length === 0) return [];
      const write = async () => {
        const byKey = new Map<string, InboxEntry>();
        for (const e of events) if (!byKey.has(e.eventKey)) byKey.set(e.eventKey, await recordOne(channel, e.eventKey, e.payload, at));
        return byKey;
      };
      const byKey = opts.unitOfWork ? await opts.unitOfWork(write) : await write();
      // Known entries too: a redelivery may come while the first recording is being flushed.
      await durable();
      return events.map((e) => byKey.get(e.eventKey)!);
    },
    async find(channel, eventKey) {
      const row = await prisma.inboxEntry.findUnique({ where: { channel_eventKey: { channel, eventKey } }, select: SELECT });
      return row ? entryOf(row) : null;
    },
    async complete(id, at) {
      // Plain SQL (the same on both engines): once per update, and a model query costs about three
      // times as much in Prisma's client.
      return (
        (await prisma.$executeRaw`UPDATE "InboxEntry" SET "state" = 'DONE', "handledAt" = ${sqlTime(at)} WHERE "id" = ${id} AND "state" = 'RECEIVED'`) === 1
      );
    },
    async fail(id, error, at) {
      const { count } = await prisma.inboxEntry.updateMany({
        where: { id, state: 'RECEIVED' },
        data: { state: 'FAILED', handledAt: at, lastError: error.slice(0, ERROR_MAX) },
      });
      return count === 1;
    },
    async pending(channel, before, limit, afterId = 0) {
      const rows = await prisma.inboxEntry.findMany({
        where: { channel, state: 'RECEIVED', receivedAt: { lt: before }, id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take: limit,
        select: SELECT,
      });
      return rows.map(entryOf);
    },
    async prune(channel, before) {
      const { count } = await prisma.inboxEntry.deleteMany({ where: { channel, state: { in: ['DONE', 'FAILED'] }, receivedAt: { lt: before } } });
      return count;
    },
  };
}
