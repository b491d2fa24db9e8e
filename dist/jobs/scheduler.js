/**
 * The job dispatcher. node-cron only wakes it (every minute); the database is the source of truth.
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
import { CronExpressionParser } from 'cron-parser';
/** Thrown at start for a cron expression that does not parse; lists every bad job. */
export class ScheduleError extends Error {
    name = 'ScheduleError';
}
/** Validates every job's cron expression at once. @throws ScheduleError naming each bad one. */
export function validateJobs(jobs, timeZone) {
    const problems = [];
    for (const job of jobs) {
        try {
            CronExpressionParser.parse(job.cron, { tz: timeZone, strict: false });
            if (job.cron.trim().split(/\s+/).length !== 5)
                throw new Error('expected 5 fields: minute hour day month weekday');
        }
        catch (error) {
            problems.push(`${job.name}: "${job.cron}" — ${error.message}`);
        }
    }
    if (problems.length > 0)
        throw new ScheduleError(`Invalid schedules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
/** The local minute of an instant in `timeZone`, as the period key: `2026-11-30T07:30`. */
export function periodOf(instant, timeZone) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
    const get = (t) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
/** Occurrences of `cron` in (`after`, `until`], oldest first, at most `limit`. */
export function occurrences(cron, timeZone, after, until, limit = 1000) {
    const it = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: new Date(until.getTime() + 1) });
    const found = [];
    while (found.length < limit) {
        let prev;
        try {
            prev = it.prev().toDate();
        }
        catch {
            break;
        }
        if (prev.getTime() <= after.getTime())
            break;
        found.push(prev);
    }
    return found.reverse();
}
/** The next occurrence after `now`. */
export function nextOccurrence(cron, timeZone, now) {
    return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: now }).next().toDate();
}
export function createScheduler(opts) {
    const clock = opts.now ?? (() => new Date());
    const { store, logger, timeZone } = opts;
    validateJobs(opts.jobs, timeZone);
    let ticking = Promise.resolve();
    /** `job|period` runs done by this process, so most ticks touch no database at all. */
    const ranHere = new Set();
    async function runJob(job, dueAt, now) {
        const period = periodOf(dueAt, timeZone);
        if (!(await store.claim({ job: job.name, period, dueAt, now })))
            return undefined;
        try {
            const outcome = await job.run({ period, dueAt, now });
            const result = typeof outcome === 'string' ? outcome : JSON.stringify(outcome);
            await store.finish({ job: job.name, period, state: 'DONE', result, now: clock() });
            logger.info({ job: job.name, period, result: outcome }, 'job done');
            return { job: job.name, period, state: 'DONE' };
        }
        catch (error) {
            await store.finish({ job: job.name, period, state: 'FAILED', result: error.message.slice(0, 300), now: clock() });
            logger.error({ job: job.name, period, err: error }, 'job failed');
            return { job: job.name, period, state: 'FAILED' };
        }
    }
    async function tickOnce() {
        const now = clock();
        const done = [];
        for (const job of opts.jobs) {
            let due = occurrences(job.cron, timeZone, new Date(now.getTime() - opts.maxLatenessMs), now);
            // A digest missed twice is superseded by the latest one; daily reminders each say something else.
            if (job.catchUp === 'latest')
                due = due.slice(-1);
            for (const dueAt of due) {
                const period = periodOf(dueAt, timeZone);
                if (ranHere.has(`${job.name}|${period}`))
                    continue;
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
    // Ticks never overlap within a process (node-cron may fire while a slow tick still runs).
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
                if (!last)
                    continue;
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
            return Promise.all(opts.jobs.map(async (j) => ({ name: j.name, cron: j.cron, next: nextOccurrence(j.cron, timeZone, now), last: await store.last(j.name) })));
        },
    };
}
//# sourceMappingURL=scheduler.js.map