import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicDeed } from '../../../src/core/deeds/model.ts';
import { bulletinReply, sentence } from '../../../src/core/deeds/read.ts';
import { renderReply } from '../../../src/core/render.ts';
import { shippedCatalog, testTranslator } from '../../helpers/core-fixtures.ts';
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

const deeds = [
  { user: 'u1', doer: 'Anh Nguyễn Văn An', what: 'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to', place: 'Thôn Đồng Tâm', credit: true },
  { user: 'u2', doer: 'Chị Rơ Mah Hờ Bia', what: 'Nhặt được ví tiền và trả lại cho người đánh rơi ở chợ', place: 'Làng Bi', credit: false },
  { user: 'u3', doer: 'Các cháu học sinh lớp 5', what: 'Dọn rác ở bờ suối sau nhà văn hóa thôn vào chủ nhật', place: 'Làng Mới', credit: false },
];

/** Tells and publishes the deeds above, a minute apart; returns their references. */
async function publishAll(): Promise<string[]> {
  const refs: string[] = [];
  for (const d of deeds) {
    refs.push(refIn(await tellDeed(t, d.user, d)));
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
    t.advance(60_000);
  }
  return refs;
}

describe('/viectotmoi: the latest published deeds', () => {
  it('lists published deeds newest first, with the teller named only when they agreed', async () => {
    await publishAll();
    await tellDeed(t, 'u4', { doer: 'Ông Ksor Y', what: 'Sửa cầu tre bắc qua suối cho bà con đi lại', place: 'Làng Tơ', credit: true }); // NEW: not public
    const list = text(await t.say('u9', '/viectotmoi'));
    expect(list).toContain('Việc tốt quanh ta — xã Ia Bang (1–3 / 3)');
    const order = ['Các cháu học sinh', 'Chị Rơ Mah Hờ Bia', 'Anh Nguyễn Văn An'].map((n) => list.indexOf(n));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(list).toContain('Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to — người kể: User u1');
    expect(list).not.toContain('User u2');
    expect(list).not.toContain('User u3');
    expect(list).not.toContain('Ông Ksor Y');
    // the English rendering names nobody else either
    await t.say('u9', '/lang en');
    const en = text(await t.say('u9', '/recentdeeds'));
    expect(en).toContain('told by User u1');
    expect(en).not.toMatch(/User u[23]/);
  });

  it('a deed promoted after publication stays listed; a rejected or merged one is not', async () => {
    const [first] = await publishAll();
    const id = (await t.prisma.goodDeed.findUnique({ where: { ref: first! } }))!.id;
    expect(await t.app.services.deeds.markPromoted({ id, nominationId: 1, moderatorId: 1, now: t.now() })).toBe(true);
    const rejected = refIn(await tellDeed(t, 'u5', { doer: 'Anh Hùng', what: 'Một việc chưa xác minh được ở thôn xa', place: 'Thôn Xa', credit: true }));
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Không đăng'));
    await t.say('o1', 'Chưa xác minh được');
    const list = text(await t.say('u9', '/viectotmoi'));
    expect(list).toContain('Anh Nguyễn Văn An');
    expect(list).not.toContain('Anh Hùng');
    expect(list).not.toContain(rejected);
  });

  it('pages five at a time', async () => {
    for (let i = 1; i <= 6; i++) {
      await tellDeed(t, `p${i}`, { doer: `Người tốt số ${i}`, what: `Việc tốt thứ ${i}: sửa cây cầu số ${i} qua suối`, place: `Làng ${i}` });
      await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
      t.advance(60_000);
    }
    const first = await t.say('u9', '/viectotmoi');
    expect(text(first)).toContain('(1–5 / 6)');
    expect(text(first)).not.toContain('Người tốt số 1');
    const second = await t.tap('u9', button(first, 'Trang sau'));
    expect(text(second)).toContain('(6–6 / 6)');
    expect(text(second)).toContain('Người tốt số 1');
  });

  it('says so when nothing is published yet', async () => {
    expect(text(await t.say('u9', '/viectotmoi'))).toContain('Chưa có việc tốt nào được đăng');
  });
});

describe('/bantin: the weekly "Việc tốt quanh ta" bulletin', () => {
  it('is read on demand by staff; a resident is told how to subscribe instead', async () => {
    await t.grant('c1', 'COUNCIL');
    const resident = text(await t.say('u1', '/bantin'));
    expect(resident).toContain('/bantin dangky');
    expect(resident).not.toContain('Việc tốt quanh ta — bản tin');
    expect(text(await t.say('c1', '/bulletin'))).toContain('Việc tốt quanh ta — bản tin từ 23/11/2026 đến 30/11/2026');
  });

  it("reads the week's published deeds in plain sentences, naming only tellers who agreed", async () => {
    await publishAll();
    const old = refIn(
      await tellDeed(t, 'u6', { doer: 'Bà Nay Hlinh', what: 'Nấu cháo miễn phí cho bệnh nhân ở trạm y tế', place: 'Trạm y tế xã', credit: true }),
    );
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
    t.advance(8 * 24 * 3600_000);
    const recent = await tellDeed(t, 'u7', {
      doer: 'Anh Đinh Văn Tư',
      what: 'Cứu hai em nhỏ bị nước cuốn ở suối Ia Bang!',
      place: 'Làng Mới',
      when: 'chiều chủ nhật',
      credit: false,
    });
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
    t.advance(60_000);
    const bulletin = text(await t.say('o1', '/bantin'));
    expect(bulletin.split('\n')).toEqual([
      'Việc tốt quanh ta — bản tin từ 1/12/2026 đến 8/12/2026',
      'Tuần qua, trên địa bàn xã Ia Bang, bà con đã kể lại 1 việc tốt.',
      'Thứ nhất, ở Làng Mới, Anh Đinh Văn Tư đã có việc làm tốt: Cứu hai em nhỏ bị nước cuốn ở suối Ia Bang! Thời gian: chiều chủ nhật.',
      'Xin cảm ơn những tấm lòng tốt. Bà con biết việc tốt nào quanh mình, xin kể cho trợ lý thi đua của xã để cùng lan tỏa.',
    ]);
    expect(bulletin).not.toContain('User u7');
    expect(bulletin).not.toContain(old);
    expect(refIn(recent)).toMatch(/^VT-/);
  });

  it('numbers several deeds and credits only those who agreed; no markup but the bold title', async () => {
    await publishAll();
    const outcome = await t.app.core.handle({ channel: 'telegram', userId: 'o1', chatId: 'o1', chatType: 'private', text: '/bantin' });
    const html = renderReply(t.app.translator, 'vi', outcome.replies[0]!, 'html').text;
    const lines = html.split('\n');
    expect(lines[0]).toMatch(/^<b>Việc tốt quanh ta<\/b> — bản tin từ/);
    expect(lines.slice(1).join('\n')).not.toMatch(/<[a-z/]/i);
    expect(html.match(/<[^>]+>/g)).toEqual(['<b>', '</b>']);
    expect(lines[1]).toBe('Tuần qua, trên địa bàn xã Ia Bang, bà con đã kể lại 3 việc tốt.');
    expect(lines[2]).toBe(
      'Thứ nhất, ở Thôn Đồng Tâm, Anh Nguyễn Văn An đã có việc làm tốt: Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to. Thời gian: sáng 28/11. Cảm ơn User u1 đã kể lại việc tốt này.',
    );
    expect(lines[3]).toMatch(/^Thứ hai, ở Làng Bi, Chị Rơ Mah Hờ Bia đã có việc làm tốt: .*\. Thời gian: sáng 28\/11\.$/);
    expect(lines[4]).toMatch(/^Thứ ba, ở Làng Mới, /);
    expect(html).not.toMatch(/User u[23]/);
  });

  it('says when the week had no published deed', async () => {
    expect(text(await t.say('o1', '/bantin'))).toContain('Tuần qua, xã Ia Bang chưa có việc tốt nào được đăng');
  });
});

describe('bulletin text (pure)', () => {
  const deed = (over: Partial<PublicDeed>): PublicDeed => ({
    id: 1,
    ref: 'VT-AAAA',
    doerName: 'An',
    description: 'Giúp đỡ hàng xóm',
    place: 'Thôn 1',
    whenText: 'hôm qua',
    publishedAt: new Date('2026-11-29T00:00:00Z'),
    creditedName: null,
    ...over,
  });

  it('ends every told text as a sentence', () => {
    expect(sentence('Giúp đỡ hàng xóm')).toBe('Giúp đỡ hàng xóm.');
    expect(sentence('Thật tuyệt vời!')).toBe('Thật tuyệt vời!');
    expect(sentence('Ai cũng khen…')).toBe('Ai cũng khen…');
    expect(sentence('Nói “cảm ơn.”')).toBe('Nói “cảm ơn.”');
  });

  it('escapes what residents typed in the HTML rendering, and goes on with "Tiếp theo" after ten', () => {
    const many = Array.from({ length: 11 }, (_, i) => deed({ id: i, doerName: i === 0 ? 'Anh <b>Tèo</b> & bạn' : `Người ${i}` }));
    const reply = bulletinReply({
      catalog: shippedCatalog(),
      locale: 'vi',
      deeds: many,
      from: new Date('2026-11-23T02:00:00Z'),
      to: new Date('2026-11-30T02:00:00Z'),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const html = renderReply(testTranslator(), 'vi', reply, 'html').text;
    expect(html).toContain('ở Thôn 1, Anh &lt;b&gt;Tèo&lt;/b&gt; &amp; bạn đã có việc làm tốt: Giúp đỡ hàng xóm. Thời gian: hôm qua.');
    expect(html).toContain('\nThứ mười, ');
    expect(html).toContain('\nTiếp theo, ở Thôn 1, Người 10');
    const en = renderReply(
      testTranslator(),
      'en',
      bulletinReply({
        catalog: shippedCatalog(),
        locale: 'en',
        deeds: many,
        from: new Date('2026-11-23T02:00:00Z'),
        to: new Date('2026-11-30T02:00:00Z'),
        timeZone: 'Asia/Ho_Chi_Minh',
      }),
      'plain',
    ).text;
    expect(en).toContain('Last week, in Ia Bang commune, residents told 11 good deeds.');
    expect(en).toContain('First, in Thôn 1, Anh <b>Tèo</b> & bạn did a good deed: Giúp đỡ hàng xóm. When: hôm qua.');
  });
});

describe('/bantin dangky | huy: the weekly bulletin subscription', () => {
  it('anyone subscribes and unsubscribes, without diacritics or in English', async () => {
    const t = await createTestApp();
    try {
      expect(text(await t.say('u1', '/bantin dangky'))).toContain('Đã đăng ký');
      expect(await t.app.services.preferences.subscribers('bulletin')).toEqual([await t.personId('u1')]);
      expect(text(await t.say('u1', '/bulletin unsubscribe'))).toContain('Đã hủy đăng ký');
      expect(await t.app.services.preferences.subscribers('bulletin')).toEqual([]);
      expect(text(await t.say('u1', '/bantin Đăng Ký'))).toContain('Đã đăng ký');
    } finally {
      await t.close();
    }
  });
});
