/**
 * Job runs in the database (implements {@link JobRunStore}): the unique (job, period) key is the claim.
 */
import type { JobRunStore } from '../jobs/scheduler.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';

/**
 * A RUNNING claim older than this belongs to a process that died mid-run: the run may be taken over.
 * Safe because jobs only queue outbox messages under unique keys, so a second run sends nothing twice.
 */
export const STALE_RUN_MS = 15 * 60_000;

export function createJobRunStore(prisma: PrismaClient): JobRunStore {
  return {
    async claim({ job, period, dueAt, now }) {
      try {
        await prisma.jobRun.create({ data: { job, period, dueAt, state: 'RUNNING', startedAt: now } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const taken = await prisma.jobRun.updateMany({
          where: { job, period, state: 'RUNNING', startedAt: { lt: new Date(now.getTime() - STALE_RUN_MS) } },
          data: { startedAt: now },
        });
        return taken.count === 1;
      }
    },
    async finish({ job, period, state, result, now }) {
      await prisma.jobRun.update({ where: { job_period: { job, period } }, data: { state, result, finishedAt: now } });
    },
    async skip({ job, period, dueAt, reason, now }) {
      try {
        await prisma.jobRun.create({ data: { job, period, dueAt, state: 'SKIPPED', result: reason, startedAt: now, finishedAt: now } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async last(job) {
      const row = await prisma.jobRun.findFirst({ where: { job }, orderBy: { dueAt: 'desc' } });
      return row ? { period: row.period, dueAt: row.dueAt, state: row.state, result: row.result, finishedAt: row.finishedAt } : null;
    },
  };
}
