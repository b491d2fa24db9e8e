/**
 * The send-time check of the outbox (issue 12): a notice written for one version of its subject
 * (`OutboxMessage.relevance`, e.g. "nomination:12@SUBMITTED:2") is still worth sending only while
 * the subject is at that version. "Hồ sơ đã bổ sung, gửi lại chờ duyệt" for a nomination already
 * decided, or a round-1 notice after round 2 opened, has lost its point and is dropped.
 *
 * @module
 */
import { parseNominationRelevance } from '../core/nominations/relevance.ts';
import type { PrismaClient } from './client.ts';

/**
 * True when a message with this relevance key should still be sent. Unknown kinds of keys are
 * relevant (never drop what we cannot judge); a nomination that no longer exists is not.
 */
export async function stillRelevant(prisma: PrismaClient, relevance: string | null): Promise<boolean> {
  if (relevance === null) return true;
  const key = parseNominationRelevance(relevance);
  if (!key) return true;
  const n = await prisma.nomination.findUnique({ where: { id: key.id }, select: { state: true, round: true } });
  return n !== null && n.state === key.state && n.round === key.round;
}

/**
 * Marks a PENDING message DROPPED (conditional: a row another sender already claimed is left
 * alone). @returns true when this call dropped it.
 */
export async function dropMessage(prisma: PrismaClient, id: number, why: string): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({ where: { id, state: 'PENDING' }, data: { state: 'DROPPED', lastError: why.slice(0, 500) } });
  return count === 1;
}
