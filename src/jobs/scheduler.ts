/**
 * The job dispatcher. A minute timer (./wake.ts) only wakes it; the database is the source of truth.
 *
 * Each job is data `{ name, cron, run }`, its cron expression read in the people's time zone
 * (Asia/Ho_Chi_Minh by default, whatever the host's zone). On every tick, each occurrence of a job
 * that fell due within the maximum lateness is claimed in the database under the unique key
 * (job, period) before anything runs, so a restart, a second process or a second instance never
 * runs a period twice. Occurrences missed for longer than the maximum lateness are recorded as
 * SKIPPED and logged, never run late.
 *
 * Periods are the occurrence's local time, minute precision: `2026-11-30T07:30` (people's zone).
 */
import { AppError } from '../core/errors.ts';
import { CronExpressionParser } from 'cron-parser';
import type { Msg } from '../core/channel.ts';
import type { Logger } from '../logger.ts';

export interface JobContext {
  /** The occurrence this run covers, e.g. `2026-11-30T07:30` (local time). */
  period: string;
  /** When the occurrence fell due (UTC instant). */
  dueAt: Date;
  /** The dispatcher's clock at the start of the run. */
  now: Date;
}

/**
 * A scheduled job, declared as data. `run` returns a one-line result for `/lich`: a message key
 * with values (shown in the reader's language) or plain text.
 */
export interface JobDefinition {
  name: string;
  cron: string;
  /**
   * Occurrences missed but still within the maximum lateness: run `each` (default; e.g. daily
   * reminders, each day says something else) or only the `latest` (a newer digest supersedes).
   */
  catchUp?: 'each' | 'latest';
  run(ctx: JobContext): Promise<string | Msg>;
}

/** The claims of job runs (implemented in src/db/job-store.ts). */
export interface JobRunStore {
  /** Inserts RUNNING for (job, period); false when another process has it (or had it). */
  claim(input: { job: string; period: string; dueAt: Date; now: Date }): Promise<boolean>;
  finish(input: { job: string; period: string; state: 'DONE' | 'FAILED'; result: string; now: Date }): Promise<void>;
  /** Records a missed occurrence that will not run; false if it was already known. */
  skip(input: { job: string; period: string; dueAt: Date; reason: string; now: Date }): Promise<boolean>;
  /** The latest run of a job (any state), for catch-up and `/lich`. */
  last(job: string): Promise<{ period: string; dueAt: Date; state: string; result: string | null; finishedAt: Date | null } | null>;
}

/** Thrown at start for a cron expression that does not parse; lists every bad job. */
export class ScheduleError extends AppError {
  override name = 'ScheduleError';
  constructor(message: string) {
    super('schedule/invalid', 'error-internal', message);
  }
}

/** Validates every job's cron expression at once. @throws ScheduleError naming each bad one. */
export function validateJobs(jobs: readonly Pick<JobDefinition, 'name' | 'cron'>[], timeZone: string): void {
  const problems: string[] = [];
  for (const job of jobs) {
    try {
      CronExpressionParser.parse(job.cron, { tz: timeZone, strict: false });
      if (job.cron.trim().split(/\s+/).length !== 5) throw new Error('expected 5 fields: minute hour day month weekday');
    } catch (error) {
      problems.push(`${job.name}: "${job.cron}" — ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ScheduleError(`Invalid schedules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

/** The local minute of an instant in `timeZone`, as the period key: `2026-11-30T07:30`. */
export function periodOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Occurrences of `cron` in (`after`, `until`], oldest first, at most `limit`. */
export function occurrences(cron: string, timeZone: string, after: Date, until: Date, limit = 1000): Date[] {
  const it = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: new Date(until.getTime() + 1) });
  const found: Date[] = [];
  while (found.length < limit) {
    let prev: Date;
    try {
      prev = it.prev().toDate();
    } catch {
      break;
    }
    if (prev.getTime() <= after.getTime()) break;
    found.push(prev);
  }
  return found.reverse();
}

/** The next occurrence after `now`. */
export function nextOccurrence(cron: string, timeZone: string, now: Date): Date {
  return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: now }).next().toDate();
}

export interface SchedulerOptions {
  jobs: readonly JobDefinition[];
  store: JobRunStore;
  timeZone: string;
  /** Occurrences older than this are skipped, not run (ms). */
  maxLatenessMs: number;
  /** How far back a start looks for missed occurrences to record as skipped (ms); default 31 days. */
  lookbackMs?: number;
  logger: Logger;
  now?: () => Date;
}

export interface Scheduler {
  /** Runs every due, unclaimed occurrence once; returns the runs this process did. */
  tick(): Promise<{ job: string; period: string; state: 'DONE' | 'FAILED' }[]>;
  /** At start: records occurrences missed beyond the maximum lateness as skipped, then ticks. */
  catchUp(): ReturnType<Scheduler['tick']>;
  status(): Promise<{ name: string; cron: string; next: Date; last: Awaited<ReturnType<JobRunStore['last']>> }[]>;
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const clock = opts.now ?? (() => new Date());
  const { store, logger, timeZone } = opts;
  validateJobs(opts.jobs, timeZone);
  let ticking: Promise<unknown> = Promise.resolve();
  /** `job|period` runs done by this process, so most ticks touch no database at all. */
  const ranHere = new Set<string>();

  async function runJob(job: JobDefinition, dueAt: Date, now: Date) {
    const period = periodOf(dueAt, timeZone);
    if (!(await store.claim({ job: job.name, period, dueAt, now }))) return undefined;
    try {
      const outcome = await job.run({ period, dueAt, now });
      const result = typeof outcome === 'string' ? outcome : JSON.stringify(outcome);
      await store.finish({ job: job.name, period, state: 'DONE', result, now: clock() });
      logger.info({ job: job.name, period, result: outcome }, 'job done');
      return { job: job.name, period, state: 'DONE' as const };
    } catch (error) {
      await store.finish({ job: job.name, period, state: 'FAILED', result: (error as Error).message.slice(0, 300), now: clock() });
      logger.error({ job: job.name, period, err: error }, 'job failed');
      return { job: job.name, period, state: 'FAILED' as const };
    }
  }

  async function tickOnce() {
    const now = clock();
    const done: { job: string; period: string; state: 'DONE' | 'FAILED' }[] = [];
    for (const job of opts.jobs) {
      let due = occurrences(job.cron, timeZone, new Date(now.getTime() - opts.maxLatenessMs), now);
      // A digest missed twice is superseded by the latest one; daily reminders each say something else.
      if (job.catchUp === 'latest') due = due.slice(-1);
      for (const dueAt of due) {
        const period = periodOf(dueAt, timeZone);
        if (ranHere.has(`${job.name}|${period}`)) continue;
        const run = await runJob(job, dueAt, now);
        // Claimed elsewhere: keep asking on later ticks, in case that process died mid-run.
        if (run) {
          ranHere.add(`${job.name}|${period}`);
          done.push(run);
        }
      }
    }
    return done;
  }

  // Ticks never overlap within a process (the minute timer may fire while a slow tick still runs).
  const tick = () => {
    const next = ticking.then(tickOnce, tickOnce);
    ticking = next.catch(() => undefined);
    return next;
  };

  return {
    tick,
    async catchUp() {
      const now = clock();
      const lateBoundary = new Date(now.getTime() - opts.maxLatenessMs);
      for (const job of opts.jobs) {
        const last = await store.last(job.name);
        // Never run before (a fresh database): nothing was missed "while the bot was down".
        if (!last) continue;
        const since = new Date(Math.max(last.dueAt.getTime(), now.getTime() - (opts.lookbackMs ?? 31 * 86_400_000)));
        for (const dueAt of occurrences(job.cron, timeZone, since, lateBoundary)) {
          const period = periodOf(dueAt, timeZone);
          if (await store.skip({ job: job.name, period, dueAt, reason: 'missed while the bot was down, older than the maximum lateness', now })) {
            logger.warn({ job: job.name, period }, 'missed run skipped: older than the maximum lateness');
          }
        }
      }
      return tick();
    },
    async status() {
      const now = clock();
      return Promise.all(
        opts.jobs.map(async (j) => ({ name: j.name, cron: j.cron, next: nextOccurrence(j.cron, timeZone, now), last: await store.last(j.name) })),
      );
    },
  };
}
