/**
 * Run as its own process (`tests/e2e/host-time-zone.test.ts` sets its `TZ`): the whole app, given
 * this process's environment as the host would, on a fake clock at Monday 30/11/2026 06:00 in
 * Vietnam. It runs the dispatcher at 07:30 Vietnam time and prints, as one JSON line on stdout: the
 * digest an English-reading council member got, `/lich` as an administrator reads it, and the job
 * runs' due instants (UTC). The parent asserts these are the same whatever the host's zone.
 *
 * `PROBE_BOT_TIME_ZONES` (comma-separated) runs one app after the other in this process, each on its
 * own database, with `BOT_TIME_ZONE` set to each entry in turn (an empty entry: as the environment
 * says), one line each: a process start costs seconds of CPU.
 */
import { createTestApp, text } from './test-app.ts';

const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
for (const botZone of (process.env.PROBE_BOT_TIME_ZONES ?? '').split(',')) {
  const t = await createTestApp({
    start: new Date('2026-11-29T23:00:00Z'),
    env: { ...env, DEFAULT_LOCALE: 'en', JOBS_MAX_LATENESS_HOURS: '1', ...(botZone ? { BOT_TIME_ZONE: botZone } : {}) },
  });
  try {
    await t.grant('tz-admin', 'ADMIN');
    await t.grant('tz-council', 'COUNCIL');
    t.advance(90 * 60_000); // 00:30 UTC = 07:30 in Vietnam: the digest's (and, since 07:00, the reminders') time
    await t.app.scheduler.tick();
    const digest = (await t.outbox()).find((r) => r.key.startsWith('digest:'));
    const runs = await t.prisma.jobRun.findMany({ orderBy: [{ job: 'asc' }, { dueAt: 'asc' }], select: { job: true, period: true, dueAt: true } });
    const lich = text(await t.say('tz-admin', '/lich'));
    process.stdout.write(
      `${JSON.stringify({ hostZone: Intl.DateTimeFormat().resolvedOptions().timeZone, digest: digest?.text ?? null, digestKey: digest?.key ?? null, lich, runs })}\n`,
    );
  } finally {
    await t.close();
  }
}
