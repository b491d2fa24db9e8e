/**
 * The {@link SendPace} of every instance sharing one database: each send reserves a slot in the
 * `SendSlot` table, under the channel's key (the bot overall) and the chat's key, in one transaction.
 *
 * Why the database and not Redis: every send already writes its outbox row to the database, so the
 * database is there in every deployment, while Redis is optional; one small transaction per send (at
 * most 30 a second) costs nothing next to the send itself. Why our own code and not a rate-limiting
 * library: those count requests in windows (a burst of 30 at the end of one second and 30 at the start
 * of the next passes), while a platform's "30 per second" is kept only by spacing the sends.
 *
 * Concurrency: on PostgreSQL the two rows are locked with `SELECT … FOR UPDATE` in key order (so two
 * instances never deadlock); on SQLite the transaction's first statement is a write, which takes the
 * database's write lock, so the read that follows is already exclusive.
 *
 * @module
 */
import type { PaceLimits, SendPace } from '../core/pace.ts';
import { Prisma, type PrismaClient } from './generated/client.ts';

/** Options of {@link createSendPace}. */
export interface SendPaceOptions {
  prisma: PrismaClient;
  /** Which SQL dialect: PostgreSQL locks rows, SQLite locks the file. */
  engine: 'sqlite' | 'postgresql';
  /** Limits per channel name; a channel not listed is not paced (reserve answers `now`). */
  limits: Record<string, PaceLimits>;
}

/** Creates the database-backed {@link SendPace}. */
export function createSendPace({ prisma, engine, limits }: SendPaceOptions): SendPace {
  return {
    async reserve({ channel, chatId, now, burst }) {
      const limit = limits[channel];
      if (!limit) return now;
      const overallKey = channel;
      const chatKey = `${channel}:${chatId}`;
      // Row locks, not serializable snapshots: every send of a channel touches the same row, and
      // waiting on its lock is cheaper than failing and retrying (SQLite takes the file lock).
      // (The client is typed as SQLite's, whose only level is Serializable; the PostgreSQL client takes it.)
      const options = (engine === 'postgresql' ? { isolationLevel: 'ReadCommitted' } : undefined) as { isolationLevel?: 'Serializable' } | undefined;
      const slot = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "SendSlot" ("key", "nextAtMs") VALUES (${overallKey}, 0), (${chatKey}, 0) ON CONFLICT ("key") DO NOTHING`;
        const lock = engine === 'postgresql' ? Prisma.sql`FOR UPDATE` : Prisma.empty;
        const rows = await tx.$queryRaw<{ key: string; nextAtMs: bigint | number }[]>`
          SELECT "key", "nextAtMs" FROM "SendSlot" WHERE "key" IN (${overallKey}, ${chatKey}) ORDER BY "key" ${lock}`;
        const next = (key: string) => Number(rows.find((r) => r.key === key)?.nextAtMs ?? 0);
        const at = Math.max(now.getTime(), next(overallKey), burst ? 0 : next(chatKey));
        await tx.$executeRaw`UPDATE "SendSlot" SET "nextAtMs" = ${at + limit.overallGapMs} WHERE "key" = ${overallKey}`;
        await tx.$executeRaw`UPDATE "SendSlot" SET "nextAtMs" = ${Math.max(at + limit.perChatGapMs, next(chatKey))} WHERE "key" = ${chatKey}`;
        return at;
      }, options);
      return new Date(slot);
    },
  };
}
