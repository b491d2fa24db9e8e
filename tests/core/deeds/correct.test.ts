/**
 * A moderator corrects a good deed's spelling and diacritics before publishing (issue 13): the
 * public list and the bulletin read the corrected text, the resident's words stay in the record and
 * are shown to moderators, the resident is told it was published with edits, and the role is checked
 * when the correction is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/core/render.ts';
import { button, createTestApp, text, type TestApp } from '../../helpers/test-app.ts';
import { refIn, tellDeed } from './helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ start: new Date('2026-11-30T02:00:00Z') });
  await t.grant('o1', 'OFFICER', t.app.catalog().plan.units[0]!.code);
});
afterEach(async () => {
  await t.close();
});

const TYPED = { doer: 'ba Nam', what: 'ba Nam giup do ho ngheo o thon dong tam sua lai mai nha', place: 'thon dong tam' };
const CORRECTED = { doer: 'Bà Nam', what: 'Bà Nam giúp đỡ hộ nghèo ở thôn Đồng Tâm sửa lại mái nhà', place: 'Thôn Đồng Tâm' };
const row = async (ref: string) => (await t.prisma.goodDeed.findUnique({ where: { ref } }))!;
const residentNotices = async () => (await t.outbox()).filter((o) => !o.key.startsWith('deeds-arrived:'));

/** Opens the correction from the queue and answers the three steps (`undefined` = "Giữ nguyên"). */
async function correct(user: string, answers: { what?: string; doer?: string; place?: string }) {
  let r = await t.tap(user, button(await t.say(user, '/kiemduyet'), 'Sửa chính tả'));
  for (const step of ['what', 'doer', 'place'] as const) {
    const value = answers[step];
    r = value === undefined ? await t.tap(user, button(r, 'Giữ nguyên')) : await t.say(user, value);
  }
  return r;
}

describe('/kiemduyet: correcting spelling and diacritics before publishing', () => {
  it('shows each current text, stores the correction, keeps the original, and publishes the corrected text', async () => {
    const ref = refIn(await tellDeed(t, 'u1', TYPED));
    const first = text(await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Sửa chính tả')));
    expect(first).toContain(`Sửa chính tả, dấu tiếng Việt — việc tốt ${ref} (bước 1/3): việc đã làm.`);
    expect(first).toContain(`Hiện tại: ${TYPED.what}`);
    expect(text(await t.say('o1', CORRECTED.what))).toContain('(bước 2/3): người làm việc tốt.');
    expect(text(await t.say('o1', CORRECTED.doer))).toContain('Hiện tại: thon dong tam');
    const done = text(await t.say('o1', CORRECTED.place));
    expect(done).toContain(`Đã sửa chính tả việc tốt ${ref}`);
    // the deed is shown again, corrected, with the sender's words below for the moderator
    expect(done).toContain(`Việc đã làm: ${CORRECTED.what}`);
    expect(done).toContain('Nguyên văn người gửi (trước khi sửa chính tả):');
    expect(done).toContain(`• Việc đã làm: ${TYPED.what}`);
    expect(done).toContain('• Người làm việc tốt: ba Nam');
    expect(done).toContain('• Ở đâu: thon dong tam');
    expect(await row(ref)).toMatchObject({
      state: 'NEW',
      doerName: CORRECTED.doer,
      description: CORRECTED.what,
      place: CORRECTED.place,
      originalDoerName: TYPED.doer,
      originalDescription: TYPED.what,
      originalPlace: TYPED.place,
      correctedById: await t.personId('o1'),
    });

    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
    const list = text(await t.say('u3', '/viectotmoi'));
    expect(list).toContain(CORRECTED.what);
    expect(list).toContain('Bà Nam');
    expect(list).not.toContain(TYPED.what);
    const bulletin = text(await t.say('o1', '/bantin'));
    expect(bulletin).toContain(`ở Thôn Đồng Tâm, Bà Nam đã có việc làm tốt: ${CORRECTED.what}`);
    const [notice] = await residentNotices();
    expect(notice!.personId).toBe(await t.personId('u1'));
    expect(notice!.text).toContain(`Việc tốt ${ref} bạn kể về Bà Nam đã được đăng. Cán bộ xã đã sửa chính tả, dấu tiếng Việt trước khi đăng`);
    expect(notice!.text).toContain('lời bạn kể vẫn được lưu nguyên văn');
  });

  it('a second correction keeps the words the resident first sent; an unchanged pass writes nothing', async () => {
    const ref = refIn(await tellDeed(t, 'u1', TYPED));
    expect(text(await correct('o1', {}))).toContain(`Việc tốt ${ref} không có gì thay đổi`);
    expect((await row(ref)).originalDescription).toBeNull();
    await correct('o1', { what: 'Ba Nam giúp đỡ hộ nghèo ở thôn dong tam sửa lại mái nhà' });
    await correct('o1', { what: CORRECTED.what, doer: CORRECTED.doer });
    expect(await row(ref)).toMatchObject({
      description: CORRECTED.what,
      doerName: CORRECTED.doer,
      place: TYPED.place,
      originalDescription: TYPED.what,
      originalDoerName: TYPED.doer,
    });
  });

  it('a deed published without corrections tells the resident nothing about edits', async () => {
    refIn(await tellDeed(t, 'u1', TYPED));
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
    const [notice] = await residentNotices();
    expect(notice!.text).not.toContain('sửa chính tả');
  });

  it('on Telegram the current text is in <code>, so a tap copies it for editing', async () => {
    const ref = refIn(await tellDeed(t, 'u1', TYPED));
    const id = (await row(ref)).id;
    const outcome = await t.app.core.handle({ channel: 'telegram', userId: 'o1', chatId: 'o1', chatType: 'private', action: `vt:ed:${id}` });
    const html = outcome.replies.map((r) => renderReply(t.app.translator, 'vi', r, 'html').text).join('\n');
    expect(html).toContain(`Hiện tại: <code>${TYPED.what}</code>`);
  });

  it('the corrected text is checked like a resident answer', async () => {
    refIn(await tellDeed(t, 'u1', TYPED));
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Sửa chính tả'));
    expect(text(await t.say('o1', 'ngắn'))).toContain('ngắn quá');
    expect(text(await t.say('o1', 'Bà Nam giúp hộ nghèo, xem www.example.com để biết thêm'))).toContain('không nhận đường dẫn');
  });
});

describe('/kiemduyet: the correction is authorised when it is written', () => {
  it('an officer whose role is revoked before the last step writes nothing', async () => {
    const ref = refIn(await tellDeed(t, 'u1', TYPED));
    let r = await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Sửa chính tả'));
    r = await t.say('o1', CORRECTED.what);
    r = await t.say('o1', CORRECTED.doer);
    const grant = await t.prisma.roleGrant.findFirstOrThrow({ where: { personId: await t.personId('o1'), role: 'OFFICER' } });
    await t.app.services.roles.revoke({ grantId: grant.id });
    const after = text(await t.tap('o1', button(r, 'Giữ nguyên')));
    expect(after).toContain('không còn vai trò cần cho việc này; chưa có gì được lưu');
    expect(await row(ref)).toMatchObject({ description: TYPED.what, doerName: TYPED.doer, originalDescription: null });
  });

  it('residents cannot open it, and a deed published meanwhile is never changed', async () => {
    const ref = refIn(await tellDeed(t, 'u1', TYPED));
    const id = (await row(ref)).id;
    expect(text(await t.tap('u2', `vt:ed:${id}`))).toContain('dành cho cán bộ');
    await t.grant('o2', 'OFFICER', t.app.catalog().plan.units[0]!.code);
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Sửa chính tả'));
    await t.say('o1', CORRECTED.what);
    await t.tap('o2', button(await t.say('o2', '/kiemduyet'), 'Đăng'));
    await t.say('o1', CORRECTED.doer);
    expect(text(await t.tap('o1', 'd:place:keep'))).toContain(`Việc tốt ${ref} đã được xử lý rồi`);
    expect(await row(ref)).toMatchObject({ state: 'PUBLISHED', description: TYPED.what, originalDescription: null });
    expect(text(await t.tap('o1', `vt:ed:${id}`))).toContain(`Việc tốt ${ref} đã được xử lý rồi`);
  });
});
