/**
 * Two bot instances (two apps, each with its own database connection and dispatcher) on ONE database
 * file, woken at the same moments: each digest period is claimed once, and each council member gets
 * exactly one message per period, also when the outbox is delivered by both instances at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxSender } from '../../src/channels/delivery.ts';
import { STALE_RUN_MS } from '../../src/db/job-store.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const MIN = 60_000;
const MEMBERS = 12;
const silent = createLogger({ level: 'silent' });

let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.reverse()) await a.close();
  apps = [];
});

/** Two instances on one database file, their clocks at `start`. */
async function twoInstances(start: Date): Promise<[TestApp, TestApp, number[]]> {
  const a = await createTestApp({ start });
  apps.push(a);
  const members: number[] = [];
  for (let i = 0; i < MEMBERS; i++) members.push(await a.grant(String(8100 + i), 'COUNCIL'));
  const b = await createTestApp({ start, databaseUrl: a.databaseUrl });
  apps.push(b);
  // b is closed first (reverse order) and leaves the file; a removes its directory.
  expect(b.databaseUrl).toBe(a.databaseUrl);
  return [a, b, members];
}

/** Moves both clocks to `at` and wakes both dispatchers at once, `times` times. */
async function tickBoth(a: TestApp, b: TestApp, at: Date, times = 3) {
  a.advance(at.getTime() - a.now().getTime());
  b.advance(at.getTime() - b.now().getTime());
  const runs = [];
  for (let i = 0; i < times; i++) {
    const [ra, rb] = await Promise.all([a.app.scheduler.tick(), b.app.scheduler.tick()]);
    runs.push(...ra.map((r) => ({ ...r, by: 'a' })), ...rb.map((r) => ({ ...r, by: 'b' })));
  }
  return runs;
}

describe('two schedulers on one database', () => {
  it('claim each digest period once; each member gets one message per period', async () => {
    const [a, b, members] = await twoInstances(new Date('2026-11-01T12:00:00Z'));
    await Promise.all([a.app.scheduler.catchUp(), b.app.scheduler.catchUp()]);
    const mondays = ['2026-11-02', '2026-11-09', '2026-11-16'];
    const digestRuns = [];
    for (const d of mondays) {
      const due = new Date(`${d}T00:30:00Z`);
      digestRuns.push(...(await tickBoth(a, b, due)).filter((r) => r.job === 'council-digest'));
      // A few seconds later (clocks never agree exactly), both again.
      digestRuns.push(...(await tickBoth(a, b, new Date(due.getTime() + 7_000))).filter((r) => r.job === 'council-digest'));
    }
    expect(digestRuns.map((r) => r.period).sort()).toEqual(mondays.map((d) => `${d}T07:30`));

    const rows = await a.prisma.jobRun.findMany({ where: { job: 'council-digest', state: 'DONE' }, orderBy: { dueAt: 'asc' } });
    expect(rows.map((r) => r.period)).toEqual(mondays.map((d) => `${d}T07:30`));
    const outbox = await a.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'digest:' } } });
    for (const d of mondays) {
      const ofPeriod = outbox.filter((r) => r.key.startsWith(`digest:${d}T07:30:`));
      expect(ofPeriod.map((r) => r.personId).sort((x, y) => x - y)).toEqual(members);
    }
    expect(outbox).toHaveLength(MEMBERS * mondays.length);
  });

  it('a run left RUNNING by a dead instance is taken over once, queuing only what is missing', async () => {
    const due = new Date('2026-11-02T00:30:00Z');
    const [a, b, members] = await twoInstances(new Date(due.getTime() - MIN));
    await Promise.all([a.app.scheduler.catchUp(), b.app.scheduler.catchUp()]);
    // An instance claimed the period and died after queuing the digest for the first 5 members.
    await a.prisma.jobRun.create({ data: { job: 'council-digest', period: '2026-11-02T07:30', dueAt: due, state: 'RUNNING', startedAt: due } });
    await a.prisma.outboxMessage.createMany({
      data: members
        .slice(0, 5)
        .map((personId) => ({ key: `digest:2026-11-02T07:30:${personId}`, personId, channel: 'telegram', chatId: 'x', locale: 'vi', payload: '{"lines":[]}' })),
    });
    // While the claim is fresh, nobody takes it over …
    expect((await tickBoth(a, b, new Date(due.getTime() + 5 * MIN))).filter((r) => r.job === 'council-digest')).toEqual([]);
    // … once it is stale, exactly one of the two instances does.
    const taken = (await tickBoth(a, b, new Date(due.getTime() + STALE_RUN_MS + MIN))).filter((r) => r.job === 'council-digest');
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ period: '2026-11-02T07:30', state: 'DONE' });
    const run = await a.prisma.jobRun.findUniqueOrThrow({ where: { job_period: { job: 'council-digest', period: '2026-11-02T07:30' } } });
    expect(run).toMatchObject({ state: 'DONE' });
    expect(JSON.parse(run!.result!)).toEqual({ key: 'job-result-digest', args: { queued: MEMBERS - 5, total: MEMBERS } });
    const outbox = await a.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'digest:2026-11-02T07:30:' } } });
    expect(outbox.map((r) => r.personId).sort((x, y) => x - y)).toEqual(members);
  });

  it('two senders delivering the same outbox at once send each message once', async () => {
    const [a, b, members] = await twoInstances(new Date('2026-11-02T00:30:00Z'));
    await tickBoth(a, b, a.now(), 1);
    const received: { by: string; chatId: string }[] = [];
    const sender = (t: TestApp, by: string) =>
      createOutboxSender({
        store: t.app.stores.outbox,
        channel: 'telegram',
        logger: silent,
        perSecond: 1000,
        now: () => t.now(),
        send: async (chatId) => {
          received.push({ by, chatId });
          await new Promise((r) => setImmediate(r));
        },
      });
    const [sa, sb] = [sender(a, 'a'), sender(b, 'b')];
    const [na, nb] = await Promise.all([sa.deliverDue(), sb.deliverDue()]);
    expect(na + nb).toBe(MEMBERS);
    expect(received.map((r) => r.chatId).sort()).toEqual(members.map((_, i) => String(8100 + i)).sort());
    expect(await a.prisma.outboxMessage.count({ where: { state: 'SENT' } })).toBe(MEMBERS);
    // Nothing is left for either of them.
    expect(await Promise.all([sa.deliverDue(), sb.deliverDue()])).toEqual([0, 0]);
  });
});
