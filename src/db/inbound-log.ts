/**
 * Accepted platform events (implements core's {@link InboundEventLog}) in `ProcessedEvent`, unique
 * per `(channel, eventKey)`: the unique index decides, so two processes racing on one event record
 * it once.
 */
import type { InboundEventLog } from '../core/inbound-log.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';

export function createInboundEventLog(prisma: PrismaClient): InboundEventLog {
  return {
    async record(channel, eventKey) {
      try {
        await prisma.processedEvent.create({ data: { channel, eventKey } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async prune(channel, before) {
      const { count } = await prisma.processedEvent.deleteMany({ where: { channel, createdAt: { lt: before } } });
      return count;
    },
  };
}
