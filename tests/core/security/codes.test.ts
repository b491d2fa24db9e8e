/**
 * Codes that cannot be guessed or misused (issue [3/9]): wrong codes are limited per account and
 * per code with back-off, every wrong code gets one answer, a link needs both accounts' consent,
 * administrators see and cancel unused invites.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/core/channel.ts';
import { createAttemptLimiter } from '../../../src/limits/rate-limits.ts';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest } from '../nominations/fixtures.ts';

const app = appsPerTest();
const onZalo: Partial<InboundMessage> = { channel: 'zalo' };
const WRONG = 'Mã không đúng hoặc không còn dùng được';
const WAIT = 'xin thử lại sau';

async function linkCode(t: TestApp, tg: string): Promise<string> {
  return /\/lienket ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text(await t.say(tg, '/lienket')))![1]!;
}
/** A different wrong 10-character code for each `i`. */
const guess = (i: number) => `ABCDE-${String(i).padStart(5, '2').replace(/[01]/g, '9')}`;

describe('link codes under attack', () => {
  it('100 wrong codes from one account: refused after the limit, even the right one; the owner still confirms', async () => {
    const t = await app();
    await t.grant('1', 'ADMIN');
    const admin = await t.grant('100', 'ADMIN');
    const code = await linkCode(t, '100');

    const answers: string[] = [];
    // Every try past the limit meets the same wait: 100 show it as well as 1,000 did, in a tenth of the time.
    for (let i = 0; i < 100; i++) answers.push(text(await t.say('z-evil', `/lienket ${guess(i)}`, onZalo)));
    // Five wrong tries are answered as wrong, the sixth starts the wait, every later one only waits.
    expect(
      answers.slice(0, 5).every((a) => a === `${WRONG}. Xin kiểm tra lại mã (không phân biệt chữ hoa, chữ thường) hoặc đề nghị người cấp mã cấp mã mới.`),
    ).toBe(true);
    expect(answers[5]).toContain(WAIT);
    expect(answers.slice(6).every((a) => a.includes(WAIT) && !a.includes(WRONG))).toBe(true);
    // Blocked means not even looked at: the right code gets the wait too, and nothing is held for it.
    expect(text(await t.say('z-evil', `/lienket ${code}`, onZalo))).toContain(WAIT);
    expect((await t.prisma.linkCode.findFirstOrThrow({ where: { personId: admin, usedAt: null } })).claimChannel).toBeNull();

    // The administrators hear of it once.
    const notices = (await t.outbox()).filter((o) => o.text.includes('Cảnh báo an toàn'));
    expect(notices.map((n) => n.personId).sort()).toEqual([await t.personId('1'), admin].sort());
    expect(notices[0]!.text).toContain('/lienket');

    // The right code from the owner's own Zalo account still needs both confirmations.
    const claimed = await t.say('z-100', `/lienket ${code}`, onZalo);
    expect(text(claimed)).toContain('Mã này là của tài khoản User 100 (Telegram)');
    const yes = button(claimed, 'Đồng ý gộp');
    expect(await t.prisma.identity.count({ where: { personId: admin } })).toBe(1);
    expect(text(await t.say('z-100', '', { ...onZalo, action: yes, text: undefined }))).toContain('gửi câu hỏi xác nhận');
    expect(await t.prisma.identity.count({ where: { personId: admin } })).toBe(1);
    const ask = (await t.outbox()).find((o) => o.personId === admin && o.text.includes('xin gộp vào tài khoản này'));
    expect(ask?.text).toContain('Sau khi gộp, tài khoản có các vai trò: Quản trị viên');
    // Only the owner's own tap joins; someone else tapping the owner's button does not.
    expect(text(await t.tap('555', yes.replace('lk:y:', 'lk:o:')))).toContain('không còn hiệu lực');
    expect(text(await t.tap('100', yes.replace('lk:y:', 'lk:o:')))).toContain('Đã liên kết!');
    expect(await t.prisma.identity.count({ where: { personId: admin } })).toBe(2);
  }, 180_000);

  it('a staff account typing a resident’s code is told its roles go to the resident, and either side can refuse', async () => {
    const t = await app();
    await t.say('z-council', 'xin chào', onZalo);
    const member = (await t.prisma.identity.findFirstOrThrow({ where: { externalId: 'z-council' } })).personId;
    await t.app.services.roles.grant({ personId: member, role: 'COUNCIL', planSlug: t.app.catalog().plan.id });
    const code = await linkCode(t, '300'); // a resident's code
    const claimed = await t.say('z-council', `/lienket ${code}`, onZalo);
    expect(text(claimed)).toContain('Lưu ý: tài khoản User 300 sẽ nhận các vai trò Thành viên Hội đồng');
    expect(text(await t.say('z-council', '', { ...onZalo, action: button(claimed, 'Không đồng ý'), text: undefined }))).toContain('Đã hủy yêu cầu liên kết');
    expect(await t.app.services.roles.rolesOf({ personId: await t.personId('300'), planSlug: t.app.catalog().plan.id })).toMatchObject({ council: false });
    // The refused code is gone for good.
    expect(text(await t.say('z-council', `/lienket ${code}`, onZalo))).toContain(WRONG);
  });
});

describe('invite codes', () => {
  it('unknown, used and expired codes get one answer; 100 wrong tries stop after the limit', async () => {
    const t = await app();
    await t.grant('1', 'ADMIN');
    const used = await t.app.services.roles.createInvite({
      role: 'COUNCIL',
      planSlug: t.app.catalog().plan.id,
      byId: null,
      expiresAt: new Date(t.now().getTime() + 60_000),
    });
    const expired = await t.app.services.roles.createInvite({
      role: 'COUNCIL',
      planSlug: t.app.catalog().plan.id,
      byId: null,
      expiresAt: new Date(t.now().getTime() + 1),
    });
    t.advance(1000);
    expect(text(await t.say('10', `/thamgia ${used}`))).toContain('Thành viên Hội đồng');
    const answers = [await t.say('11', `/thamgia ${used}`), await t.say('12', `/thamgia ${expired}`), await t.say('13', '/thamgia ZZZZ-ZZZZ')].map(text);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain(WRONG);

    const tries: string[] = [];
    for (let i = 0; i < 100; i++) tries.push(text(await t.say('66', `/thamgia ${guess(i).slice(0, 9)}`)));
    expect(tries.filter((a) => a.includes(WRONG))).toHaveLength(6);
    expect(tries.slice(6).every((a) => a.includes(WAIT))).toBe(true);
  }, 180_000);

  it('one code tried wrongly by many accounts is blocked for every account (per-code limit)', async () => {
    const t = await app();
    for (let i = 0; i < 6; i++) await t.say(`7${i}`, '/thamgia QQQQ-QQQQ');
    expect(text(await t.say('79', '/thamgia qqqq qqqq'))).toContain(WAIT);
    expect(text(await t.say('79', '/thamgia RRRR-RRRR'))).toContain(WRONG);
  });

  it('an administrator lists the unused invites and cancels one; the cancelled code no longer works', async () => {
    const t = await app();
    await t.grant('1', 'ADMIN');
    const created = text(await t.tap('1', 'inv:r:COUNCIL'));
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(created)![1]!;
    const menu = await t.say('1', '/moi');
    const list = await t.tap('1', button(menu, 'Mã mời chưa dùng'));
    expect(text(list)).toContain(`…${code.slice(-4)}: Thành viên Hội đồng, do User 1 tạo`);
    expect(text(list)).not.toContain(code);
    const after = await t.tap('1', button(list, `Hủy mã …${code.slice(-4)}`));
    expect(text(after)).toContain('Đã hủy mã mời');
    expect(text(after)).toContain('Không có mã mời nào chưa dùng');
    expect(text(await t.say('20', `/thamgia ${code}`))).toContain(WRONG);
    // Only administrators.
    expect(text(await t.tap('20', 'inv:l'))).toContain('quản trị viên');
  });
});

describe('the attempt limiter', () => {
  it('logs one line when a key hits its limit, and backs off with a longer tier', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (c: Buffer, _e, done) => (lines.push(JSON.parse(c.toString())), done()) }));
    const limiter = createAttemptLimiter({
      logger,
      tiers: [
        { points: 2, seconds: 60 },
        { points: 3, seconds: 3600 },
      ],
    });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.fail(['id:zalo:1']));
    expect(results.map((r) => r.started)).toEqual([false, false, true, true, false]);
    expect(results[3]!.waitMs).toBeGreaterThan(60_000); // the day-long tier took over
    expect(lines.map((l) => l.limit)).toEqual([2, 3]);
    expect(lines[0]).toMatchObject({ key: 'id:zalo:1', msg: 'too many wrong codes: attempts blocked' });
    expect(await limiter.waitMs(['id:zalo:1'])).toBeGreaterThan(60_000);
    expect(await limiter.waitMs(['id:zalo:2'])).toBe(0);
  });
});
