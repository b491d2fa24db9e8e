/**
 * The job dispatcher on a fake clock, on a host whose own time zone has daylight saving time
 * (America/New_York): people's times stay Asia/Ho_Chi_Minh, every period runs once, missed runs are
 * caught up at start (or skipped when too old), bad schedules stop the start, failures are recorded.
 */
import './host-tz.ts'; // first: sets process.env.TZ before any other module runs
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createOutboxSender } from '../../src/channels/delivery.ts';
import type { Reply } from '../../src/core/channel.ts';
import { renderReply } from '../../src/core/render.ts';
import { createJobRunStore } from '../../src/db/job-store.ts';
import { createScheduler, occurrences, periodOf, ScheduleError, validateJobs, type JobDefinition } from '../../src/jobs/scheduler.ts';
import { createLogger } from '../../src/logger.ts';
import { startBot } from '../helpers/process.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const VN = 'Asia/Ho_Chi_Minh';
const MIN = 60_000;
const HOUR = 60 * MIN;
const silent = createLogger({ level: 'silent' });

const open: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function app(opts: Parameters<typeof createTestApp>[0]): Promise<TestApp> {
  const t = await createTestApp(opts);
  open.push(t);
  return t;
}

describe('host time zone', () => {
  it('is one with daylight saving time (the change took effect)', () => {
    expect(process.env.TZ).toBe('America/New_York');
    expect(new Date(2026, 6, 1).getTimezoneOffset()).not.toBe(new Date(2026, 0, 1).getTimezoneOffset());
    // 2026-11-01 06:00 UTC: New York leaves summer time.
    expect(new Date('2026-11-01T05:59:00Z').getTimezoneOffset()).toBe(240);
    expect(new Date('2026-11-01T06:00:00Z').getTimezoneOffset()).toBe(300);
  });
});

describe('weekly council digest (30 7 * * 1, Asia/Ho_Chi_Minh) on a DST host', () => {
  // Autumn: the host leaves summer time on Sunday 2026-11-01. Spring: it enters it on 2027-03-14.
  it.each([
    {
      season: 'autumn (US DST ends 2026-11-01)',
      from: '2026-10-25T00:00:00Z',
      until: '2026-11-17T00:00:00Z',
      mondays: ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'],
    },
    {
      season: 'spring (US DST starts 2027-03-14)',
      from: '2027-03-07T00:00:00Z',
      until: '2027-03-23T00:00:00Z',
      mondays: ['2027-03-08', '2027-03-15', '2027-03-22'],
    },
  ])('fires exactly once a week at 07:30 Vietnam time (00:30 UTC) — $season', async ({ from, until, mondays }) => {
    const t = await app({ start: new Date(from), env: { DEFAULT_LOCALE: 'en' } });
    const member = await t.grant('7001', 'COUNCIL');
    const fired: { at: string; period: string }[] = [];
    const record = (runs: { job: string; period: string; state: string }[]) => {
      for (const r of runs) {
        expect(r.state).toBe('DONE');
        if (r.job === 'council-digest') fired.push({ at: t.now().toISOString(), period: r.period });
      }
    };
    record(await t.app.scheduler.catchUp());
    // Wake-ups every 3 hours (the period and due instant of whatever runs tell when it was due),
    // and minute by minute from 00:20 to 00:40 UTC on Mondays: not a minute early, not an hour late.
    const ticks = new Set<number>();
    for (let at = new Date(from).getTime(); at < new Date(until).getTime(); at += 3 * HOUR) ticks.add(at);
    for (const d of mondays) for (let m = 20; m <= 40; m++) ticks.add(Date.parse(`${d}T00:${m}:00Z`));
    for (const at of [...ticks].sort((a, b) => a - b)) {
      t.advance(at - t.now().getTime());
      record(await t.app.scheduler.tick());
    }

    // Fired at the first tick at or after 00:30 UTC each Monday, never an hour early or late.
    expect(fired).toEqual(mondays.map((d) => ({ at: `${d}T00:30:00.000Z`, period: `${d}T07:30` })));
    const runs = await t.prisma.jobRun.findMany({ where: { job: 'council-digest', state: { not: 'SKIPPED' } }, orderBy: { dueAt: 'asc' } });
    expect(runs.map((r) => [r.period, r.dueAt.toISOString(), r.state])).toEqual(mondays.map((d) => [`${d}T07:30`, `${d}T00:30:00.000Z`, 'DONE']));
    const rows = (await t.outbox()).filter((r) => r.key.startsWith('digest:'));
    expect(rows.map((r) => r.key)).toEqual(mondays.map((d) => `digest:${d}T07:30:${member}`));
    // The digest covers the week up to the moment it is sent, dated in Vietnam: Monday to Monday.
    const day = (iso: string) => iso.split('-').map(Number).reverse().join('/');
    const [prev, last] = [mondays.at(-2)!, mondays.at(-1)!];
    expect(rows.at(-1)!.text).toMatch(new RegExp(`^Weekly digest of the Emulation and Commendation Council \\(${day(prev)} – ${day(last)}\\)`));
  });

  it('runs an occurrence once however often the dispatcher is woken within the minute', async () => {
    const t = await app({ start: new Date('2026-11-02T00:29:00Z') });
    const member = await t.grant('7002', 'COUNCIL');
    expect((await t.app.scheduler.tick()).filter((r) => r.job === 'council-digest')).toEqual([]);
    t.advance(MIN);
    const runs: { job: string; period: string }[] = [];
    // Ten wake-ups at once, then more every 10 seconds through the minute and the next one.
    for (const batch of await Promise.all(Array.from({ length: 10 }, () => t.app.scheduler.tick()))) runs.push(...batch);
    for (let i = 0; i < 12; i++) {
      t.advance(10_000);
      runs.push(...(await t.app.scheduler.tick()));
    }
    expect(runs.filter((r) => r.job === 'council-digest')).toEqual([{ job: 'council-digest', period: '2026-11-02T07:30', state: 'DONE' }]);
    expect((await t.outbox()).filter((r) => r.key.startsWith('digest:')).map((r) => r.key)).toEqual([`digest:2026-11-02T07:30:${member}`]);
    expect(await t.prisma.jobRun.count({ where: { job: 'council-digest', period: '2026-11-02T07:30' } })).toBe(1);
  });

  it('computes periods and occurrences in the people’s zone whatever the host’s', () => {
    expect(periodOf(new Date('2026-11-02T00:30:00Z'), VN)).toBe('2026-11-02T07:30');
    expect(occurrences('30 7 * * 1', VN, new Date('2026-10-31T00:00:00Z'), new Date('2026-11-03T00:00:00Z')).map((d) => d.toISOString())).toEqual([
      '2026-11-02T00:30:00.000Z',
    ]);
    // In a zone that repeats an hour (New York, 1 November 2026), 01:30 happens twice but is one
    // period: the (job, period) claim runs it once.
    const twice = occurrences('30 1 * * *', 'America/New_York', new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T12:00:00Z'));
    expect(twice.map((d) => d.toISOString())).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(new Set(twice.map((d) => periodOf(d, 'America/New_York')))).toEqual(new Set(['2026-11-01T01:30']));
  });
});

/** A sender that records what it would deliver on Telegram (chat → plain texts). */
function recorder(t: TestApp) {
  const sent: { chatId: string; text: string }[] = [];
  const sender = createOutboxSender({
    store: t.app.stores.outbox,
    channel: 'telegram',
    logger: silent,
    perChatMs: 0,
    now: () => t.now(),
    send: async (chatId: string, reply: Reply, locale) => {
      sent.push({ chatId, text: renderReply(t.app.translator, locale, reply, 'plain').text });
    },
  });
  return { sent, sender };
}

describe('runs missed while the bot was down', () => {
  it('sends a reminder that fell due during the downtime once, at start', async () => {
    // The yearly family review on 7 December: announced 7 days before, on Monday 30 November.
    const env = { FAMILY_REVIEW_DATE: '12-07', DEFAULT_LOCALE: 'en' };
    const first = await createTestApp({ env, start: new Date('2026-11-29T22:00:00Z') }); // 05:00 on 30/11 in Vietnam
    const member = await first.grant('7003', 'COUNCIL');
    await first.app.scheduler.catchUp();
    expect((await first.outbox()).filter((r) => r.key.startsWith('milestone:'))).toEqual([]);
    const file = first.file;
    if (file) dirs.push(dirname(file));
    await first.app.close(); // the process stops before 07:00 (the reminders' time) …

    // … and starts again at 09:00.
    const second = await app({ env, databaseUrl: first.databaseUrl, start: new Date('2026-11-30T02:00:00Z') });
    const runs = await second.app.scheduler.catchUp();
    expect(runs).toContainEqual({ job: 'reminders', period: '2026-11-30T07:00', state: 'DONE' });
    const { sent, sender } = recorder(second);
    await sender.deliverDue();
    const reminders = sent.filter((s) => /days? to the milestone/.test(s.text));
    expect(reminders).toEqual([{ chatId: '7003', text: expect.stringContaining('7 days to the milestone of 7/12/2026') }]);

    // Started again (a crash loop, a deploy): nothing is run or sent a second time.
    await second.app.close();
    open.splice(open.indexOf(second), 1);
    const third = await app({ env, databaseUrl: first.databaseUrl, start: new Date('2026-11-30T02:05:00Z') });
    expect(await third.app.scheduler.catchUp()).toEqual([]);
    const again = recorder(third);
    expect(await again.sender.deliverDue()).toBe(0);
    expect((await third.outbox()).filter((r) => r.key.startsWith('milestone:')).map((r) => r.key)).toEqual([
      `milestone:ia-bang-2021-2025:gdvh-2026:2026-12-07:7:${member}`,
    ]);
  });

  it('records an occurrence older than the maximum lateness as SKIPPED and does not run it', async () => {
    // Review on 6 December, announced 8 and 7 days before: on 28/11 (would be skipped) and 29/11.
    const env = { FAMILY_REVIEW_DATE: '12-06', REMINDER_DAYS_BEFORE: '8,7', JOBS_MAX_LATENESS_HOURS: '36', DEFAULT_LOCALE: 'en' };
    const first = await createTestApp({ env, start: new Date('2026-11-26T22:00:00Z') }); // 05:00 on 27/11
    const member = await first.grant('7004', 'COUNCIL');
    await first.app.scheduler.catchUp();
    const file = first.file;
    if (file) dirs.push(dirname(file));
    await first.app.close();
    // Down until Monday 30/11 09:00: the runs of 27/11 and 28/11 07:00 are 74 h and 50 h old.
    const second = await app({ env, databaseUrl: first.databaseUrl, start: new Date('2026-11-30T02:00:00Z') });
    const runs = await second.app.scheduler.catchUp();
    expect(runs.filter((r) => r.job === 'reminders')).toEqual([
      { job: 'reminders', period: '2026-11-29T07:00', state: 'DONE' },
      { job: 'reminders', period: '2026-11-30T07:00', state: 'DONE' },
    ]);
    const rows = await second.prisma.jobRun.findMany({
      where: { job: 'reminders', dueAt: { gte: new Date('2026-11-26T00:00:00Z') } },
      orderBy: { dueAt: 'asc' },
    });
    expect(rows.map((r) => [r.period, r.state])).toEqual([
      ['2026-11-26T07:00', 'DONE'],
      ['2026-11-27T07:00', 'SKIPPED'],
      ['2026-11-28T07:00', 'SKIPPED'],
      ['2026-11-29T07:00', 'DONE'],
      ['2026-11-30T07:00', 'DONE'],
    ]);
    expect(rows[1]!.result).toMatch(/maximum lateness/);
    // Only the late-but-not-too-late run queued its reminder ("7 days"); the skipped one ("8 days") did not.
    expect((await second.outbox()).filter((r) => r.key.startsWith('milestone:')).map((r) => r.key)).toEqual([
      `milestone:ia-bang-2021-2025:gdvh-2026:2026-12-06:7:${member}`,
    ]);
    // The skipped runs are not taken up later either.
    second.advance(HOUR);
    expect(await second.app.scheduler.catchUp()).toEqual([]);
    expect(await second.prisma.jobRun.count({ where: { job: 'reminders', period: '2026-11-28T07:00', state: 'SKIPPED' } })).toBe(1);
  });
});

describe('schedules are validated at start', () => {
  it.each(['30 7 * *', '61 7 * * 1', '30 7 * * 1 *', 'thứ hai 7h30', '30 25 * * 1'])('rejects SCHEDULE_DIGEST=%j with a ConfigError naming it', (bad) => {
    let error: unknown;
    try {
      loadConfig({ SCHEDULE_DIGEST: bad });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^SCHEDULE_DIGEST: .*cron/)]);
    expect((error as ConfigError).message).toMatch(/SCHEDULE_DIGEST/);
  });

  it('names every bad schedule at once (reminders too)', () => {
    expect(() => loadConfig({ SCHEDULE_DIGEST: 'x', SCHEDULE_REMINDERS: '0 7 * * * * *' })).toThrow(/SCHEDULE_DIGEST[\s\S]*SCHEDULE_REMINDERS/);
    expect(loadConfig({ SCHEDULE_DIGEST: ' ' }).schedule.digestCron).toBe('30 7 * * 1');
  });

  it('the dispatcher itself refuses a bad cron (ScheduleError listing each job)', async () => {
    expect(() =>
      validateJobs(
        [
          { name: 'a', cron: '30 7 * * 1' },
          { name: 'b', cron: '99 * * * *' },
          { name: 'c', cron: '* * * *' },
        ],
        VN,
      ),
    ).toThrow(ScheduleError);
    expect(() =>
      validateJobs(
        [
          { name: 'b', cron: '99 * * * *' },
          { name: 'c', cron: '* * * *' },
        ],
        VN,
      ),
    ).toThrow(/b: "99 \* \* \* \*"[\s\S]*c: "\* \* \* \*"/);
  });

  it('the real process stops at start with exit code 2 and says which setting is wrong', async () => {
    const bot = startBot({ SCHEDULE_DIGEST: '30 7 * * 9' });
    try {
      expect(await bot.exited).toBe(2);
      expect(bot.stderr()).toMatch(/Invalid configuration:[\s\S]*SCHEDULE_DIGEST: not a 5-field cron expression/);
    } finally {
      await bot.cleanup();
    }
  });
});

describe('a job that throws', () => {
  let db: TempDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('is recorded FAILED, not retried for that period, and the next period still runs', async () => {
    db = await createTempDatabase();
    let now = new Date('2026-11-30T03:00:00Z'); // 10:00 in Vietnam
    const calls: string[] = [];
    const job: JobDefinition = {
      name: 'hourly',
      cron: '0 * * * *',
      async run({ period }) {
        calls.push(period);
        if (calls.length === 1) throw new Error('database on fire');
        return 'ok';
      },
    };
    const scheduler = createScheduler({
      jobs: [job],
      store: createJobRunStore(db.prisma),
      timeZone: VN,
      maxLatenessMs: 30 * MIN,
      logger: silent,
      now: () => now,
    });
    expect(await scheduler.tick()).toEqual([{ job: 'hourly', period: '2026-11-30T10:00', state: 'FAILED' }]);
    const failed = await db.prisma.jobRun.findUniqueOrThrow({ where: { job_period: { job: 'hourly', period: '2026-11-30T10:00' } } });
    expect(failed).toMatchObject({ state: 'FAILED', result: 'database on fire' });
    expect(failed.finishedAt).not.toBeNull();

    // Later ticks within the lateness do not run the failed period again …
    now = new Date(now.getTime() + 20 * MIN);
    expect(await scheduler.tick()).toEqual([]);
    // … and the next period runs as usual.
    now = new Date('2026-11-30T04:00:00Z');
    expect(await scheduler.tick()).toEqual([{ job: 'hourly', period: '2026-11-30T11:00', state: 'DONE' }]);
    expect(calls).toEqual(['2026-11-30T10:00', '2026-11-30T11:00']);
    const [status] = await scheduler.status();
    expect(status).toMatchObject({ name: 'hourly', next: new Date('2026-11-30T05:00:00Z'), last: { period: '2026-11-30T11:00', state: 'DONE', result: 'ok' } });
  });
});
