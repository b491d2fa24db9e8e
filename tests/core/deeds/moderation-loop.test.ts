/**
 * The moderation loop (issue 13): officers and administrators who moderate are told when good deeds
 * arrive — one batched notice per window, not one per deed — and every day how many wait and for how
 * long; each can turn it off in /nhacnho. The weekly digest counts them too.
 */
import { describe, expect, it } from 'vitest';
import { text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest } from '../nominations/fixtures.ts';
import { tellDeed } from './helpers.ts';

const open = appsPerTest();
const HOUR = 60 * 60 * 1000;

async function world(): Promise<{ t: TestApp; officer: number; admin: number; council: number }> {
  const t = await open({ start: new Date('2026-12-01T01:00:00Z') });
  return { t, officer: await t.grant('o1', 'OFFICER', 'tram-y-te'), admin: await t.grant('a1', 'ADMIN'), council: await t.grant('c1', 'COUNCIL') };
}

const arrivals = async (t: TestApp) => (await t.outbox()).filter((r) => r.key.startsWith('deeds-arrived:'));

describe('moderators hear of good deeds', () => {
  it('three deeds arriving in one window make one notice per moderator, none to the senders or the council', async () => {
    const { t, officer, admin } = await world();
    await tellDeed(t, 'r1');
    await tellDeed(t, 'r2', { doer: 'Chị Lan', what: 'Dọn sạch rác ở bờ suối đầu làng suốt cả buổi sáng' });
    t.advance(HOUR);
    await tellDeed(t, 'r3', { doer: 'Ông Ksor Y', what: 'Sửa lại cây cầu tre bắc qua suối cho học sinh đi học' });
    const first = await arrivals(t);
    expect(first.map((r) => r.personId).sort((a, b) => a - b)).toEqual([officer, admin].sort((a, b) => a - b));
    expect(first[0]!.text).toContain('Có việc tốt mới bà con gửi, chờ cán bộ xác minh và kiểm duyệt: hiện có 1 việc chờ');
    expect(JSON.parse((await t.prisma.outboxMessage.findFirstOrThrow({ where: { key: first[0]!.key } })).payload).buttons.flat()[0].action).toBe('kd:');

    t.advance(3 * HOUR); // the next window
    await tellDeed(t, 'r4', { doer: 'Em Hà', what: 'Nhặt được ví tiền và trả lại cho người đánh rơi ở chợ' });
    expect(await arrivals(t)).toHaveLength(4);
    expect((await arrivals(t)).filter((r) => r.text.includes('hiện có 4 việc chờ'))).toHaveLength(2);
  });

  it('/nhacnho offers the switch to moderators; turned off, no notice comes', async () => {
    const { t, officer } = await world();
    expect(text(await t.say('o1', '/nhacnho'))).toContain('báo việc tốt chờ kiểm duyệt');
    expect(text(await t.say('c1', '/nhacnho'))).not.toContain('báo việc tốt chờ kiểm duyệt');
    await t.tap('o1', 'pf:reminder:deeds');
    await tellDeed(t, 'r1');
    expect((await arrivals(t)).map((r) => r.personId)).not.toContain(officer);
    expect(await arrivals(t)).toHaveLength(1); // the administrator
  });

  it('the daily reminders and the weekly digest give the number waiting and the oldest’s age', async () => {
    const { t, officer } = await world();
    await tellDeed(t, 'r1');
    t.advance(2 * 24 * HOUR);
    await tellDeed(t, 'r2', { doer: 'Chị Lan', what: 'Dọn sạch rác ở bờ suối đầu làng suốt cả buổi sáng' });
    t.advance(Date.parse('2026-12-04T00:00:00Z') - t.now().getTime()); // 07:00 in Vietnam, 3 days after the first
    await t.app.scheduler.tick();
    const daily = (await t.outbox()).filter((r) => r.key.startsWith('deeds-reminder:'));
    const today = daily.find((r) => r.key === `deeds-reminder:2026-12-04:${officer}`);
    expect(today?.text).toContain('Còn 2 việc tốt chờ kiểm duyệt; việc chờ lâu nhất đã 2 ngày');
    expect(daily.filter((r) => r.key.startsWith('deeds-reminder:2026-12-04:'))).toHaveLength(2); // the officer and the administrator, once each

    t.advance(Date.parse('2026-12-07T00:30:00Z') - t.now().getTime()); // Monday's digest
    await t.app.scheduler.tick();
    const digest = (await t.outbox()).find((r) => r.key.startsWith('digest:'));
    expect(digest?.text).toContain('Việc tốt chờ kiểm duyệt: 2 (lâu nhất 5 ngày)');
  });
});
