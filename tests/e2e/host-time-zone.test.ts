/**
 * The bot's own zone (`BOT_TIME_ZONE`, default Asia/Ho_Chi_Minh) decides every people-facing date
 * and every schedule; the host's `TZ` (Node's zone: Etc/UTC on most servers) changes nothing. Each
 * case runs the app in a child process whose `TZ` is set (see tests/helpers/tz-probe.ts), on a fake
 * clock at Monday 30/11/2026 07:30 in Vietnam; the two cases of a UTC host share one process.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { productionNodeFlags, ROOT } from '../helpers/process.ts';

const run = promisify(execFile);

interface Probe {
  hostZone: string;
  digest: string | null;
  digestKey: string | null;
  lich: string;
  runs: { job: string; period: string; dueAt: string }[];
}

/**
 * Runs tests/helpers/tz-probe.ts in a child process with `env`: one app per entry of `botZones`
 * (`BOT_TIME_ZONE`; '' leaves it as `env` says), one after the other in that process.
 */
async function probes(env: Record<string, string>, botZones: string[] = ['']): Promise<Probe[]> {
  // tsx as the loader of this one process (the tsx CLI would start a second Node process to run it
  // in), with the production command's node flags, as the bot runs.
  const { stdout } = await run(process.execPath, [...productionNodeFlags(), '--import', 'tsx', resolve(ROOT, 'tests/helpers/tz-probe.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT, ...env, PROBE_BOT_TIME_ZONES: botZones.join(',') },
  });
  const lines = stdout.trim().split('\n').slice(-botZones.length);
  return lines.map((line) => JSON.parse(line) as Probe);
}

/** The host in UTC: the bot in its default zone, then in Tokyo (one process for both tests). */
let utcHost: Promise<Probe[]> | undefined;
const onUtcHost = () => (utcHost ??= probes({ TZ: 'Etc/UTC' }, ['', 'Asia/Tokyo']));

describe('the host time zone', () => {
  it('moves neither the digest’s dates nor the schedules’ times (TZ=Etc/UTC, TZ=America/New_York)', async () => {
    const [utc, newYork] = await Promise.all([onUtcHost().then((p) => p[0]!), probes({ TZ: 'America/New_York' }).then((p) => p[0]!)]);
    expect([utc.hostZone, newYork.hostZone]).toEqual(['UTC', 'America/New_York']); // the children really ran in those zones
    for (const p of [utc, newYork]) {
      // The digest ran at 07:30 in Vietnam (00:30 UTC), the reminders and the council-rounds check at 07:00 (00:00 UTC).
      expect(p.runs).toEqual([
        { job: 'council-digest', period: '2026-11-30T07:30', dueAt: '2026-11-30T00:30:00.000Z' },
        { job: 'council-rounds', period: '2026-11-30T07:00', dueAt: '2026-11-30T00:00:00.000Z' },
        { job: 'reminders', period: '2026-11-30T07:00', dueAt: '2026-11-30T00:00:00.000Z' },
      ]);
      expect(p.digestKey).toMatch(/^digest:2026-11-30T07:30:/);
      expect(p.digest!.split('\n')[0]).toBe('Weekly digest of the Emulation and Commendation Council (23/11/2026 – 30/11/2026)');
      expect(p.lich).toContain('time zone Asia/Ho_Chi_Minh');
      expect(p.lich).toContain('Council weekly digest (30 7 * * 1) — next: 7/12/2026 07:30');
      expect(p.lich).toContain('Last 30/11/2026 07:30: done');
      expect(p.lich).toContain('Daily reminders (0 7 * * *) — next: 1/12/2026 07:00');
      expect(p.lich).toContain('bulletin (0 17 * * 5) — next: 4/12/2026 17:00');
    }
    expect({ ...utc, hostZone: '' }).toEqual({ ...newYork, hostZone: '' });
  }, 180_000);

  it('BOT_TIME_ZONE moves them: the same crons read in Tokyo (UTC+9) did not fall due at 00:30 UTC', async () => {
    const tokyo = (await onUtcHost())[1]!; // TZ=Etc/UTC, BOT_TIME_ZONE=Asia/Tokyo
    // 00:30 UTC is 09:30 in Tokyo: the 07:30 digest and 07:00 reminders were due before the fake clock started.
    expect(tokyo.runs).toEqual([]);
    expect(tokyo.digestKey).toBeNull();
    expect(tokyo.lich).toContain('time zone Asia/Tokyo');
    expect(tokyo.lich).toContain('Daily reminders (0 7 * * *) — next: 1/12/2026 07:00');
  }, 180_000);
});
