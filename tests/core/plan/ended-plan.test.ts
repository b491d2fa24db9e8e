import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, text, type TestApp } from '../../helpers/test-app.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('registering under a plan that has ended', () => {
  it('tells the officer the plan ended, and still lets them register', async () => {
    t = await createTestApp({ start: new Date('2026-11-30T02:00:00Z') }); // the 2021–2025 plan
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    const replies = await t.say('o1', '/dangky');
    expect(text(replies)).toContain('đã kết thúc ngày 31/12/2025');
    expect(
      replies
        .at(-1)!
        .buttons.flat()
        .map((b) => b.action),
    ).toContain('d:type:COLLECTIVE');
  });

  it('says nothing of the kind while the plan runs', async () => {
    t = await createTestApp({ start: new Date('2026-11-30T02:00:00Z'), env: { PLAN_FILE: resolve(ROOT, 'plans/sample-2026-2030.yaml') } });
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    expect(text(await t.say('o1', '/dangky'))).not.toContain('đã kết thúc');
  });
});

describe('/lich: the scheduled jobs in the reader’s language', () => {
  it('shows the last result of each job as a sentence, not a log line', async () => {
    t = await createTestApp({ start: new Date('2026-11-30T00:31:00Z'), env: { SCHEDULE_DIGEST: '30 7 * * 1' } }); // Monday 07:31 in Vietnam
    await t.grant('a1', 'ADMIN');
    await t.grant('c1', 'COUNCIL');
    await t.app.scheduler.tick();
    const shown = text(await t.say('a1', '/lich'));
    expect(shown).toContain('Bản tin tuần của Hội đồng');
    expect(shown).toContain('đã xếp gửi cho 1/1 thành viên Hội đồng');
    expect(shown).not.toMatch(/queued|job-result/);
  });
});
