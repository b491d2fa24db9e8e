/**
 * What the operations endpoints ask of the database (`/readyz`, `/metrics`): is it reachable, and
 * how far behind is the outbox.
 *
 * @module
 */
import type { OpsProbe } from '../http/ops.ts';
import type { PrismaClient } from './client.ts';

/** Implements {@link OpsProbe} on the bot's database. */
export function createOpsRepository(prisma: PrismaClient): OpsProbe {
  return {
    async ping() {
      await prisma.$queryRawUnsafe('SELECT 1');
    },
    async outboxBacklog({ now }) {
      const where = { state: 'PENDING', nextAttemptAt: { lte: now } };
      const [pending, oldest] = await Promise.all([
        prisma.outboxMessage.count({ where }),
        prisma.outboxMessage.findFirst({ where, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } }),
      ]);
      return { pending, oldestDueAt: oldest?.nextAttemptAt ?? null };
    },
  };
}
