import { describe, expect, it } from 'vitest';
import { createScheduler, type JobDefinition, type JobRunStore } from '../../src/jobs/scheduler.ts';
import { createLogger } from '../../src/logger.ts';

/** An in-memory claim store with the same uniqueness rule as the database's. */
function memoryStore(): JobRunStore & { rows: Map<string, { state: string; dueAt: Date }> } {
  const rows = new Map<string, { state: string; dueAt: Date; period: string; job: string; result: string | null }>();
  return {
    rows,
    async claim({ job, period, dueAt }) {
      if (rows.has(`${job}|${period}`)) return false;
      rows.set(`${job}|${period}`, { job, period, dueAt, state: 'RUNNING', result: null });
      return true;
    },
    async finish({ job, period, state, result }) {
      Object.assign(rows.get(`${job}|${period}`)!, { state, result });
    },
    async skip({ job, period, dueAt, reason }) {
      if (rows.has(`${job}|${period}`)) return false;
      rows.set(`${job}|${period}`, { job, period, dueAt, state: 'SKIPPED', result: reason });
      return true;
    },
    async last(job) {
      const mine = [...rows.values()].filter((r) => r.job === job).sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
      return mine[0] ? { period: mine[0].period, dueAt: mine[0].dueAt, state: mine[0].state, result: mine[0].result, finishedAt: null } : null;
    },
  };
}

describe('catching up missed runs', () => {
  const now = new Date('2026-11-30T03:00:00Z'); // 10:00 in Vietnam
  const logger = createLogger({ level: 'silent' });

  it('runs every missed occurrence of an "each" job within the lateness, and only the latest of a "latest" job', async () => {
    const ran: string[] = [];
    const job = (name: string, catchUp: JobDefinition['catchUp']): JobDefinition => ({
      name,
      cron: '0 * * * *', // hourly: 09:00, 10:00 … in Vietnam
      catchUp,
      run: async ({ period }) => {
        ran.push(`${name} ${period}`);
        return 'ok';
      },
    });
    const store = memoryStore();
    const scheduler = createScheduler({
      jobs: [job('reminders', 'each'), job('digest', 'latest')],
      store,
      timeZone: 'Asia/Ho_Chi_Minh',
      maxLatenessMs: 3 * 3_600_000 - 1, // 07:00 is just too old; 08:00, 09:00 and 10:00 are not
      logger,
      now: () => now,
    });
    await scheduler.tick();
    expect(ran).toEqual(['reminders 2026-11-30T08:00', 'reminders 2026-11-30T09:00', 'reminders 2026-11-30T10:00', 'digest 2026-11-30T10:00']);
    // A second tick in the same minute runs nothing again.
    await scheduler.tick();
    expect(ran).toHaveLength(4);
  });

  it('records nothing as missed on a fresh database, but does once a job has run before', async () => {
    const job: JobDefinition = { name: 'reminders', cron: '0 * * * *', catchUp: 'each', run: async () => 'ok' };
    const store = memoryStore();
    const options = { jobs: [job], store, timeZone: 'Asia/Ho_Chi_Minh', maxLatenessMs: 3 * 3_600_000 - 1, logger };
    // First start ever: the weeks before it were not "missed while the bot was down".
    await createScheduler({ ...options, now: () => now }).catchUp();
    expect([...store.rows.values()].map((r) => r.state)).toEqual(['DONE', 'DONE', 'DONE']);
    // Down for a day, then started again: the hours too old to run are recorded as skipped.
    const later = new Date(now.getTime() + 24 * 3_600_000);
    await createScheduler({ ...options, now: () => later }).catchUp();
    const states = [...store.rows.values()].map((r) => r.state);
    expect(states.filter((s) => s === 'SKIPPED')).toHaveLength(21);
    expect(states.filter((s) => s === 'DONE')).toHaveLength(6);
  });
});
