/**
 * The persisted inbox (implements core's {@link Inbox}) in table `InboxEntry`, unique per
 * `(channel, eventKey)`: the unique index decides, so two processes recording one event keep one row.
 */
import type { Inbox, InboxEntry } from '../core/inbox.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';
import { alreadyDurable, type Durable } from './durability.ts';
import { sqlTime } from './datetime-format.ts';

/** Longest `lastError` kept, in characters. */
const ERROR_MAX = 500;

type Row = { id: number; channel: string; eventKey: string; payload: string; state: string };
const entryOf = (r: Row): InboxEntry => ({
  id: r.id,
  channel: r.channel,
  eventKey: r.eventKey,
  payload: r.payload,
  state: r.state === 'DONE' ? 'DONE' : r.state === 'FAILED' ? 'FAILED' : 'RECEIVED',
});
const SELECT = { id: true, channel: true, eventKey: true, payload: true, state: true } as const;

/**
 * @param opts.durable the database's flush (`Database.durable`): `record` returns only once the
 *   entries are on disk, since the caller then confirms receipt to the platform.
 */
export function createInbox(prisma: PrismaClient, opts: { durable?: Durable } = {}): Inbox {
  const durable = opts.durable ?? alreadyDurable;
  const known = async (channel: string, keys: string[]) => {
    const rows = await prisma.inboxEntry.findMany({ where: { channel, eventKey: { in: keys } }, select: SELECT });
    return new Map(rows.map((r) => [r.eventKey, entryOf(r)]));
  };
  return {
    async record(channel, events, at) {
      if (events.length === 0) return [];
      const keys = [...new Set(events.map((e) => e.eventKey))];
      const byKey = await known(channel, keys);
      const missing = new Map<string, string>();
      for (const e of events) if (!byKey.has(e.eventKey) && !missing.has(e.eventKey)) missing.set(e.eventKey, e.payload);
      if (missing.size > 0) {
        const data = [...missing].map(([eventKey, payload]) => ({ channel, eventKey, payload, receivedAt: at }));
        try {
          for (const r of await prisma.inboxEntry.createManyAndReturn({ data, select: SELECT })) byKey.set(r.eventKey, entryOf(r));
        } catch (error) {
          // Another process recorded one of them between our read and our write: read them again.
          if (!isUniqueViolation(error)) throw error;
          for (const d of data) {
            await prisma.inboxEntry.create({ data: d }).catch((e: unknown) => {
              if (!isUniqueViolation(e)) throw e;
            });
          }
          for (const [k, v] of await known(channel, [...missing.keys()])) byKey.set(k, v);
        }
      }
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
