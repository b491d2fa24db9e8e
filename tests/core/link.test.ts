/**
 * One person, two channels: `/lienket` gives a short single-use code on one channel, `/lienket CODE`
 * on the other joins that account to the code's owner; roles and records follow.
 */
import { describe, expect, it } from 'vitest';
import { LINK_CODE_TTL_MS } from '../../src/core/features/link.ts';
import { normalizeLinkCode } from '../../src/db/link-repository.ts';
import type { InboundMessage } from '../../src/core/channel.ts';
import { text, type TestApp } from '../helpers/test-app.ts';
import { appsPerTest, walkTo } from './nominations/fixtures.ts';

const app = appsPerTest();
const onZalo: Partial<InboundMessage> = { channel: 'zalo' };

/** Asks for a code as Telegram user `tg`; returns it as shown (e.g. `K7M2Q-X4PRT`). */
async function codeFor(t: TestApp, tg: string): Promise<string> {
  const replies = await t.say(tg, '/lienket');
  const m = /\/lienket ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text(replies));
  if (!m) throw new Error(`no code in: ${text(replies)}`);
  return m[1]!;
}

/**
 * Zalo user `zaloUser` types `code`, confirms, and the code's owner (Telegram user `owner`) confirms:
 * returns the three answers (claim, claimant's confirmation, owner's confirmation).
 */
async function linkBoth(t: TestApp, zaloUser: string, code: string, owner: string): Promise<string[]> {
  const claimed = await t.say(zaloUser, `/lienket ${code}`, onZalo);
  const yes = claimed.flatMap((r) => r.buttons.flat()).find((b) => b.action.startsWith('lk:y:'));
  if (!yes) return [text(claimed)];
  const confirmed = await t.say(zaloUser, '', { ...onZalo, action: yes.action, text: undefined });
  const done = await t.tap(owner, yes.action.replace('lk:y:', 'lk:o:'));
  return [text(claimed), text(confirmed), text(done)];
}
const zaloPersonId = async (t: TestApp, zaloUser: string) =>
  (await t.prisma.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalo', externalId: zaloUser } } })).personId;

describe('/lienket', () => {
  it('gives a code valid 10 minutes, then the other channel joins the code owner: roles follow', async () => {
    const t = await app();
    const officer = await t.grant('100', 'OFFICER', 'tram-y-te');
    const replies = await t.say('100', '/lienket');
    expect(text(replies)).toMatch(/Mã liên kết của bạn: [A-Z0-9]{5}-[A-Z0-9]{5} \(dùng một lần, hết hạn lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)/);
    const code = await codeFor(t, '100');

    // On Zalo, before linking: a resident, /dangky is not for them.
    expect(text(await t.say('z-100', '/dangky', onZalo))).not.toContain(walkToPrompt);
    const loner = await zaloPersonId(t, 'z-100');
    expect(loner).not.toBe(officer);

    const [claimed, confirmed, linked] = await linkBoth(t, 'z-100', code.toLowerCase(), '100');
    expect(claimed).toContain('Mã này là của tài khoản User 100 (Telegram)');
    expect(claimed).toContain('Sau khi gộp, tài khoản có các vai trò: Cán bộ đơn vị — Trạm Y tế');
    expect(confirmed).toContain('gửi câu hỏi xác nhận tới tài khoản User 100');
    expect(linked).toContain('Đã liên kết! Tài khoản Zalo nay là của User 100');
    expect(await zaloPersonId(t, 'z-100')).toBe(officer);
    expect(await t.prisma.person.findUnique({ where: { id: loner } })).toBeNull();
    // Now the officer's commands work on Zalo.
    expect(text(await t.say('z-100', '/dangky', onZalo))).toContain(walkToPrompt);

    // Single use: the same answer as for any wrong code.
    expect(text(await t.say('z-200', `/lienket ${code}`, onZalo))).toContain('Mã không đúng hoặc không còn dùng được');
  });

  it('re-points the second account’s records to the surviving person in one go', async () => {
    const t = await app();
    const survivor = await t.personId('300');
    await t.app.services.preferences.set(survivor, 'digest', false);
    // The Zalo account has a history of its own: a role, a preference, a nomination, a deed, a dialog.
    await t.say('z-300', 'xin chào', onZalo);
    const other = await zaloPersonId(t, 'z-300');
    const catalog = t.app.catalog();
    await t.app.services.roles.grant({ personId: other, role: 'OFFICER', planSlug: catalog.plan.id, unitCode: 'tram-y-te' });
    await t.app.services.roles.grant({ personId: other, role: 'COUNCIL', planSlug: catalog.plan.id });
    await t.app.services.preferences.set(other, 'digest', true);
    await t.app.services.preferences.set(other, 'bulletin', true);
    const nomination = await t.app.services.nominations.submit({
      draft: {
        planSlug: catalog.plan.id,
        categoryCode: '3.1.5',
        movementCode: 'y-te',
        unitCode: 'tram-y-te',
        subjectType: 'COLLECTIVE',
        nomineeName: 'Trạm Y tế xã',
        place: 'Thôn Plei Ó',
        achievements: 'Tiêm chủng đầy đủ cho trẻ em trong năm 2024.',
        selfCheck: [],
        evidence: [],
      },
      proposerId: other,
      now: t.now(),
    });
    const deed = await t.prisma.goodDeed.create({
      data: {
        ref: 'VT-TEST',
        submitterId: other,
        doerName: 'Anh Ba',
        doerKey: 'anh ba',
        description: 'Sửa cầu',
        descriptionKey: 'sua cau',
        place: 'Thôn 1',
        placeKey: 'thon 1',
        whenText: 'hôm qua',
        creditName: false,
      },
    });
    // An open dialog on Zalo (the registration), which the survivor doesn't have.
    await walkTo(zaloSide(t, 'z-300'), 'z-300', 'name');
    expect(await t.prisma.dialogState.findUnique({ where: { personId: other } })).not.toBeNull();

    const code = await codeFor(t, '300');
    const answers = await linkBoth(t, 'z-300', code, '300');
    // The Zalo account holds roles: its confirmation says they go to the code's owner.
    expect(answers[0]).toContain('Lưu ý: tài khoản User 300 sẽ nhận các vai trò');
    expect(answers[2]).toContain('Đã liên kết!');

    const p = t.prisma;
    expect(await p.person.findUnique({ where: { id: other } })).toBeNull();
    expect((await p.identity.findMany({ where: { personId: survivor } })).map((i) => i.channel).sort()).toEqual(['telegram', 'zalo']);
    const roles = await t.app.services.roles.rolesOf({ personId: survivor, planSlug: catalog.plan.id });
    expect(roles).toMatchObject({ council: true, officerUnits: ['tram-y-te'] });
    expect((await p.nomination.findUniqueOrThrow({ where: { id: nomination.id } })).proposerId).toBe(survivor);
    expect((await p.goodDeed.findUniqueOrThrow({ where: { id: deed.id } })).submitterId).toBe(survivor);
    // The survivor's own choice wins where both chose; the other's choices fill the gaps.
    expect(await t.app.services.preferences.of(survivor)).toEqual({ digest: false, bulletin: true });
    expect((await p.dialogState.findUniqueOrThrow({ where: { personId: survivor } })).kind).toBeTruthy();
    // The dialog goes on from Telegram too (same person).
    expect(text(await t.say('300', '/tiep'))).toContain('Gõ tên tập thể được đề nghị');
  });

  it('refuses unknown, expired and own codes with one answer, another account on the same channel, and groups', async () => {
    const t = await app();
    expect(text(await t.say('z-1', '/lienket ABC-DEF', onZalo))).toContain('Mã không đúng hoặc không còn dùng được');

    const expired = await codeFor(t, '400');
    t.advance(LINK_CODE_TTL_MS + 1000);
    expect(text(await t.say('z-400', `/lienket ${expired}`, onZalo))).toContain('Mã không đúng hoặc không còn dùng được');

    const own = await codeFor(t, '400');
    expect(text(await t.say('400', `/lienket ${own}`))).toContain('Hai tài khoản này đã là một');

    // 400 links Zalo account z-400; a second Zalo account can't join the same person.
    expect((await linkBoth(t, 'z-400', own, '400'))[2]).toContain('Đã liên kết!');
    const again = await codeFor(t, '400');
    expect(text(await t.say('z-401', `/lienket ${again}`, onZalo))).toContain('đã có một tài khoản Zalo khác');
    // Nor a second Telegram account.
    expect(text(await t.say('401', `/lienket ${again}`))).toContain('đã có một tài khoản Telegram khác');

    expect(text(await t.say('400', '/lienket', { chatType: 'group', chatId: '-100' }))).toContain('trong tin nhắn riêng');
    // A new code replaces the person's unused one.
    const first = await codeFor(t, '500');
    const second = await codeFor(t, '500');
    expect(text(await t.say('z-500', `/lienket ${first}`, onZalo))).toContain('Mã không đúng');
    expect((await linkBoth(t, 'z-500', second, '500'))[2]).toContain('Đã liên kết!');
  });

  it('English: /link; a code typed by one account is held for it: a second account gets the wrong-code answer', async () => {
    const t = await app();
    await t.say('600', '/lang en');
    const replies = await t.say('600', '/link');
    const code = /\/link ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text(replies))![1]!;
    expect(text(replies)).toContain('Your link code');
    const [a, b] = await Promise.all([t.say('z-601', `/link ${code}`, onZalo), t.say('z-602', `/link ${code}`, onZalo)]);
    const outcomes = [text(a), text(b)];
    expect(outcomes.filter((o) => o.includes('Mã này là của tài khoản User 600'))).toHaveLength(1);
    expect(outcomes.filter((o) => o.includes('Mã không đúng'))).toHaveLength(1);
  });

  it('normalises typed codes and answers the "keep receiving" tap', async () => {
    expect(normalizeLinkCode(' k7m2q – x4prt ')).toBe('K7M2QX4PRT');
    expect(normalizeLinkCode('K7M2QX4PR0')).toBeNull(); // 0 is not in the alphabet
    expect(normalizeLinkCode('K7M-2QX')).toBeNull(); // the old 6-character codes are too weak
    const t = await app();
    expect(text(await t.tap('700', 'noop'))).toContain('Bạn sẽ tiếp tục nhận tin');
  });
});

const walkToPrompt = 'bước 1: đối tượng là';

/** The same test app, but every message as Zalo user `user` (for the dialog walk). */
function zaloSide(t: TestApp, user: string): TestApp {
  return {
    ...t,
    say: (_u, s, extra = {}) => t.say(user, s, { ...onZalo, ...extra }),
    tap: (_u, action) => t.say(user, '', { ...onZalo, action, text: undefined }),
  };
}
