import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import type { Ctx } from '../../../src/core/context.ts';
import { deedDialog, type DeedData } from '../../../src/core/deeds/submit.ts';
import { button, createTestApp, text, type TestApp } from '../../helpers/test-app.ts';
import { DEFAULTS, refIn, tellDeed } from './helpers.ts';

let apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.map((a) => a.close()));
  apps = [];
});

/** 2026-11-30 09:00 in Vietnam. */
async function app(env: Record<string, string> = {}) {
  const t = await createTestApp({ env, start: new Date('2026-11-30T02:00:00Z') });
  apps.push(t);
  return t;
}

const deeds = (t: TestApp) => t.prisma.goodDeed.findMany({ include: { photos: true, additions: true }, orderBy: { id: 'asc' } });

describe('/viectot: telling a good deed', () => {
  it('asks who, what, where, when, photos and credit, shows a summary saying who sees what, and gives a reference code', async () => {
    const t = await app();
    const start = text(await t.say('u1', '/viectot'));
    expect(start).toContain('Bước 1/6');
    expect(start).toContain('không hỏi số điện thoại');
    expect(text(await t.say('u1', DEFAULTS.doer))).toContain('Bước 2/6');
    expect(text(await t.say('u1', DEFAULTS.what))).toContain('Bước 3/6 — Việc tốt diễn ra ở đâu? Gõ tên thôn');
    const when = await t.say('u1', DEFAULTS.place);
    expect(text(when)).toContain('Bước 4/6');
    const photo = await t.tap('u1', button(when, 'Hôm qua'));
    expect(text(photo)).toContain('Bước 5/6');
    const got = await t.send('u1', [{ kind: 'PHOTO', fileRef: 'photo-1' }]);
    expect(text(got)).toContain('Tổng cộng 1 ảnh');
    const credit = await t.tap('u1', button(got, 'Xong (1 ảnh)'));
    expect(text(credit)).toContain('cán bộ xã vẫn biết ai gửi');
    expect(button(credit, 'Ghi tên tôi: User u1')).toBe('d:credit:yes');
    const summary = text(await t.tap('u1', 'd:credit:no'));
    expect(summary).toContain('Người làm việc tốt: Anh Nguyễn Văn An');
    expect(summary).toContain(`Việc đã làm: ${DEFAULTS.what}`);
    expect(summary).toContain('Ở đâu: Thôn Đồng Tâm');
    expect(summary).toContain('Khi nào: 29/11/2026');
    expect(summary).toContain('Ảnh: 1');
    expect(summary).toContain('bà con chỉ thấy nội dung, không thấy tên bạn');
    const done = await t.tap('u1', 'd:sum:ok');
    expect(text(done)).toMatch(/Đã nhận việc tốt, mã VT-[A-HJ-NP-Z2-9]{4}\./);
    expect(text(done)).toContain('cán bộ xã thấy tên bạn (User u1)');
    const [row] = await deeds(t);
    expect(row).toMatchObject({
      ref: refIn(done),
      submitterId: await t.personId('u1'),
      doerName: DEFAULTS.doer,
      doerKey: 'nguyen van an',
      place: 'Thôn Đồng Tâm',
      placeKey: 'thon dong tam',
      whenText: '29/11/2026',
      creditName: false,
      state: 'NEW',
    });
    expect(row!.photos.map((p) => [p.channel, p.fileRef])).toEqual([['telegram', 'photo-1']]);
    expect(await t.app.services.dialogs.current(await t.personId('u1'))).toBeNull();
  });

  it('"back" returns to the previous answer, offers to keep it, and a changed answer is used', async () => {
    const t = await app();
    await t.say('u1', '/viectot');
    await t.say('u1', 'Chị Lan');
    const back = await t.tap('u1', 'd:_:back');
    expect(text(back)).toContain('Bước 1/6');
    expect(text(back)).toContain('Hiện tại: Chị Lan');
    expect(text(await t.tap('u1', button(back, 'Giữ nguyên')))).toContain('Bước 2/6');
    await t.tap('u1', 'd:_:back');
    await t.say('u1', 'Chị Kpă Lan');
    await t.say('u1', DEFAULTS.what);
    await t.say('u1', DEFAULTS.place);
    await t.tap('u1', 'd:when:today');
    await t.tap('u1', 'd:photo:ok');
    await t.tap('u1', 'd:credit:yes');
    // from the summary back to the credit choice, and change it
    expect(text(await t.tap('u1', 'd:_:back'))).toContain('Bước 6/6');
    const summary = text(await t.tap('u1', 'd:credit:no'));
    expect(summary).toContain('Người làm việc tốt: Chị Kpă Lan');
    expect(summary).toContain('Khi nào: 30/11/2026');
    expect(summary).toContain('không thấy tên bạn');
    await t.tap('u1', 'd:sum:ok');
    expect((await deeds(t))[0]).toMatchObject({ doerName: 'Chị Kpă Lan', creditName: false, whenText: '30/11/2026' });
  });

  it('cancel (button or /huy) stores nothing', async () => {
    const t = await app();
    await t.say('u1', '/viectot');
    await t.say('u1', DEFAULTS.doer);
    expect(text(await t.tap('u1', 'd:_:cancel'))).toContain('Đã hủy');
    await t.say('u1', '/viectot');
    await t.say('u1', DEFAULTS.doer);
    await t.say('u1', DEFAULTS.what);
    expect(text(await t.say('u1', '/huy'))).toContain('Đã hủy');
    expect(await deeds(t)).toEqual([]);
    // a typed line after cancelling is a question again, not an answer
    expect(text(await t.say('u1', 'Thôn Đồng Tâm'))).not.toContain('Bước 4/6');
  });

  it('/viectot again in the middle resumes the open dialog', async () => {
    const t = await app();
    await t.say('u1', '/viectot');
    await t.say('u1', DEFAULTS.doer);
    expect(text(await t.say('u1', '/viectot'))).toContain('Bước 2/6');
  });

  it('invalid answers are explained and asked again', async () => {
    const t = await app();
    await t.say('u1', '/viectot');
    expect(text(await t.say('u1', 'A'))).toMatch(/ngắn quá[\s\S]*Bước 1\/6/);
    expect(text(await t.say('u1', '12345'))).toContain('cần có chữ');
    expect(text(await t.send('u1', [{ kind: 'PHOTO', fileRef: 'p' }]))).toContain('hãy gõ chữ');
    await t.say('u1', DEFAULTS.doer);
    expect(text(await t.say('u1', 'Tốt lắm'))).toContain('ít nhất 20 ký tự');
    expect(text(await t.say('u1', 'x'.repeat(1001)))).toContain('1.001 ký tự, tối đa 1.000');
    expect(text(await t.tap('u1', 'd:doer:keep'))).toContain('Nút đó thuộc bước trước');
    await t.say('u1', DEFAULTS.what);
    await t.say('u1', DEFAULTS.place);
    await t.say('u1', 'hôm qua');
    expect(text(await t.say('u1', 'đây là ảnh'))).toContain('hãy gửi ảnh');
    expect(text(await t.send('u1', [{ kind: 'DOCUMENT', fileRef: 'd1', fileName: 'x.pdf' }]))).toContain('chỉ nhận ảnh');
    expect(text(await t.tap('u1', 'd:photo:ok'))).toContain('Bước 6/6');
    expect(text(await t.say('u1', 'có'))).toContain('chọn một nút');
  });

  it.each([
    ['https://ban-hang.vn/khuyen-mai giúp bà con', 'what'],
    ['Xem thêm ở www.facebook.com/nguoitot nhé', 'what'],
    ['Nhắn t.me/nguoitot để biết thêm chi tiết', 'what'],
    ['Liên hệ zalo.me/0912345678 để biết chi tiết', 'what'],
  ])('a link is refused politely: %j', async (answer) => {
    const t = await app();
    await t.say('u1', '/viectot');
    await t.say('u1', DEFAULTS.doer);
    const reply = text(await t.say('u1', answer));
    expect(reply).toContain('không nhận đường dẫn');
    expect(reply).toContain('Bước 2/6');
  });

  it('a link in the doer or place is refused too', async () => {
    const t = await app();
    await t.say('u1', '/viectot');
    expect(text(await t.say('u1', 'shop.vn'))).toContain('không nhận đường dẫn');
    await t.say('u1', DEFAULTS.doer);
    await t.say('u1', DEFAULTS.what);
    expect(text(await t.say('u1', 'www.thon.vn'))).toContain('không nhận đường dẫn');
  });

  it.each(['tốt tốt tốt tốt tốt tốt tốt tốt', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'Hay quááááááááááááá luôn mọi người'])(
    'repeated text is refused: %j',
    async (answer) => {
      const t = await app();
      await t.say('u1', '/viectot');
      await t.say('u1', DEFAULTS.doer);
      expect(text(await t.say('u1', answer))).toContain('lặp lại một chữ hoặc một ký tự');
    },
  );

  it('up to three photos are kept; more are dropped with a notice', async () => {
    const t = await app();
    await t.say('u1', '/viectot');
    await t.say('u1', DEFAULTS.doer);
    await t.say('u1', DEFAULTS.what);
    await t.say('u1', DEFAULTS.place);
    await t.say('u1', DEFAULTS.when);
    await t.send('u1', [
      { kind: 'PHOTO', fileRef: 'a' },
      { kind: 'PHOTO', fileRef: 'b' },
    ]);
    const third = text(
      await t.send('u1', [
        { kind: 'PHOTO', fileRef: 'c' },
        { kind: 'PHOTO', fileRef: 'd' },
      ]),
    );
    expect(third).toContain('Tổng cộng 3 ảnh');
    expect(third).toContain('tối đa 3 ảnh');
    await t.tap('u1', 'd:photo:ok');
    expect(text(await t.tap('u1', 'd:credit:yes'))).toContain('Ảnh: 3');
    await t.tap('u1', 'd:sum:ok');
    expect((await deeds(t))[0]!.photos.map((p) => p.fileRef)).toEqual(['a', 'b', 'c']);
  });

  it('the credit choice is stored and the confirmation says who will see the name', async () => {
    const t = await app();
    const named = text(await tellDeed(t, 'u1', { credit: true }));
    expect(named).toContain('bà con thấy nội dung và tên bạn là người kể');
    const anonymous = text(
      await tellDeed(t, 'u2', { doer: 'Chị Hoa', what: 'Nhặt được ví tiền và trả lại cho người đánh rơi', place: 'Làng Bi', credit: false }),
    );
    expect(anonymous).toContain('bà con chỉ thấy nội dung, không thấy tên bạn');
    expect((await deeds(t)).map((d) => d.creditName)).toEqual([true, false]);
  });
});

describe('/viectot: similar deeds already known', () => {
  it('shows a known deed by the same doer typed without diacritics, and adds to it instead', async () => {
    const t = await app();
    const ref = refIn(await tellDeed(t, 'u1', { photos: ['p1'] }));
    const similar = await tellDeed(t, 'u2', {
      doer: 'anh nguyen van an',
      what: 'Anh An đưa cụ bà sang đường rồi che ô cho cụ về nhà',
      place: 'Chợ xã',
      photos: ['p2'],
      credit: true,
    });
    expect(text(similar)).toContain('Có 1 việc tốt đã biết giống việc bạn kể');
    expect(text(similar)).toContain(`${ref} — Anh Nguyễn Văn An, Thôn Đồng Tâm`);
    // neither the other resident's name nor their text, not yet verified, is shown
    expect(text(similar)).toContain('(sáng 28/11; đang chờ cán bộ xác minh)');
    expect(text(similar)).not.toContain('Giúp cụ bà');
    expect(text(similar)).not.toContain('User u1');
    const added = text(await t.tap('u2', button(similar, `Bổ sung vào ${ref}`)));
    expect(added).toContain(`bổ sung vào việc tốt ${ref}`);
    const rows = await deeds(t);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.additions).toMatchObject([{ submitterId: await t.personId('u2'), creditName: true }]);
    expect(rows[0]!.additions[0]!.text).toContain('Anh An đưa cụ bà sang đường');
    expect(rows[0]!.photos.map((p) => p.fileRef)).toEqual(['p1', 'p2']);
  });

  it('shows the description of a known deed once it is published', async () => {
    const t = await app();
    const ref = refIn(await tellDeed(t, 'u1'));
    await t.grant('o1', 'OFFICER', t.app.catalog().plan.units[0]!.code);
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
    const similar = text(await tellDeed(t, 'u2', { doer: 'Anh Nguyen Van An', what: 'Anh An đưa cụ bà sang đường rồi che ô cho cụ về nhà' }));
    expect(similar).toContain(`${ref} — Anh Nguyễn Văn An, Thôn Đồng Tâm: ${DEFAULTS.what}`);
    expect(similar).not.toContain('User u1');
  });

  it('matches the same place and similar words typed in NFD; "send as new" creates a deed', async () => {
    const t = await app();
    await tellDeed(t, 'u1');
    const nfd = (s: string) => s.normalize('NFD');
    const similar = await tellDeed(t, 'u2', { doer: 'Một người', what: nfd('Giúp bà cụ qua đường gần chợ khi trời mưa to'), place: nfd('thôn đồng tâm') });
    expect(text(similar)).toContain('Có 1 việc tốt đã biết giống');
    const done = await t.tap('u2', button(similar, 'gửi việc mới'));
    expect(text(done)).toContain('Đã nhận việc tốt');
    const rows = await deeds(t);
    expect(rows).toHaveLength(2);
    // stored in NFC, whatever the keyboard sent
    expect(rows[1]!.place).toBe('thôn đồng tâm'.normalize('NFC'));
  });

  it('"back" from the similar deeds returns to the summary', async () => {
    const t = await app();
    await tellDeed(t, 'u1');
    await tellDeed(t, 'u2', { doer: 'ANH NGUYEN VAN AN' });
    expect(text(await t.tap('u2', 'd:_:back'))).toContain('Kiểm tra lại trước khi gửi');
  });

  it('a different deed at another place is sent without the similar step', async () => {
    const t = await app();
    await tellDeed(t, 'u1');
    expect(text(await tellDeed(t, 'u2', { doer: 'Chị Hoa', what: 'Nhặt được ví tiền và trả lại cho người đánh rơi', place: 'Làng Bi' }))).toContain(
      'Đã nhận việc tốt',
    );
  });
});

describe('/viectot: abuse limits', () => {
  const other = (i: number) => ({ doer: `Người thứ ${i}`, what: `Việc tốt số ${i}: sửa cái cầu tre thứ ${i} bắc qua suối`, place: `Làng số ${i}` });

  it('three deeds a day per person by default; the limit resets at midnight in Vietnam, not UTC', async () => {
    const t = await app();
    for (let i = 1; i <= 3; i++) expect(text(await tellDeed(t, 'u1', other(i)))).toContain('Đã nhận việc tốt');
    expect(text(await t.say('u1', '/viectot'))).toContain('Hôm nay bạn đã gửi 3 việc tốt');
    // someone else is not limited by u1's deeds
    expect(text(await t.say('u2', '/viectot'))).toContain('Bước 1/6');
    t.advance(new Date('2026-11-30T16:59:59Z').getTime() - t.now().getTime()); // 23:59:59 in Vietnam
    expect(text(await t.say('u1', '/viectot'))).toContain('mức tối đa mỗi ngày');
    t.advance(1000); // 00:00 on 1 December in Vietnam, still 30 November in UTC
    expect(text(await tellDeed(t, 'u1', other(4)))).toContain('Đã nhận việc tốt');
  });

  it('DEED_DAILY_LIMIT sets the limit; additions to known deeds count too', async () => {
    const t = await app({ DEED_DAILY_LIMIT: '2' });
    await tellDeed(t, 'u1', other(1));
    const similar = await tellDeed(t, 'u1', { ...other(2), doer: other(1).doer });
    await t.tap('u1', button(similar, 'Bổ sung vào'));
    expect(text(await t.say('u1', '/viectot'))).toContain('Hôm nay bạn đã gửi 2 việc tốt');
  });

  it('DEED_DAILY_LIMIT is a whole number from 1, 3 when unset', () => {
    expect(loadConfig({}).deedDailyLimit).toBe(3);
    expect(loadConfig({ DEED_DAILY_LIMIT: ' 5 ' }).deedDailyLimit).toBe(5);
    for (const bad of ['0', 'ba', '2.5']) expect(() => loadConfig({ DEED_DAILY_LIMIT: bad })).toThrow(ConfigError);
  });

  it('the same description as one of my deeds of the last 7 days is refused, even without diacritics', async () => {
    const t = await app();
    await tellDeed(t, 'u1');
    t.advance(6 * 24 * 3600_000);
    await t.say('u1', '/viectot');
    await t.say('u1', 'Chị Hoa');
    const reply = text(await t.say('u1', 'giup cu ba qua duong o nga ba cho luc troi mua to'));
    expect(reply).toContain('đã gửi đúng nội dung này trong 7 ngày qua');
    await t.say('u1', '/huy');
    // another resident may tell the same deed
    await t.say('u2', '/viectot');
    await t.say('u2', 'Chị Hoa');
    expect(text(await t.say('u2', DEFAULTS.what))).toContain('Bước 3/6');
    // and after 7 days it is no longer a repeat
    t.advance(2 * 24 * 3600_000);
    await t.say('u1', '/viectot');
    await t.say('u1', 'Chị Hoa');
    expect(text(await t.say('u1', DEFAULTS.what))).toContain('Bước 3/6');
  });

  it('a blocked person is refused politely, at the start and on sending; unblocked, they may send again', async () => {
    const t = await app();
    const admin = await t.grant('admin', 'ADMIN');
    const u1 = await t.personId('u1');
    await t.app.services.deeds.block({ personId: u1, byId: admin, now: t.now() });
    expect(text(await t.say('u1', '/viectot'))).toContain('hiện bạn không gửi được việc tốt');
    await t.app.services.deeds.unblock({ personId: u1 });
    await t.say('u1', '/viectot');
    await t.say('u1', DEFAULTS.doer);
    await t.say('u1', DEFAULTS.what);
    await t.say('u1', DEFAULTS.place);
    await t.say('u1', DEFAULTS.when);
    await t.tap('u1', 'd:photo:ok');
    await t.tap('u1', 'd:credit:no');
    // blocked while the dialog was open
    await t.app.services.deeds.block({ personId: u1, byId: admin, now: t.now() });
    expect(text(await t.tap('u1', 'd:sum:ok'))).toContain('hiện bạn không gửi được việc tốt');
    expect(await deeds(t)).toEqual([]);
  });
});

describe('/viectot: the place step with a village list', () => {
  const ctx = {
    locale: 'en',
    catalog: {
      plan: {
        villages: [
          { vi: 'Thôn Đồng Tâm', en: 'Dong Tam village' },
          { vi: 'Làng Bi', en: 'Bi hamlet' },
        ],
      },
    },
  } as unknown as Ctx;
  const data: DeedData = { doerName: 'An', description: 'x'.repeat(20), photos: [] };
  const place = deedDialog.steps.place!;

  it('offers the villages as buttons and stores the chosen one by its Vietnamese name', async () => {
    const prompt = await place.prompt(ctx, data);
    expect(prompt.lines[0]).toEqual({ key: 'deed-ask-place', args: { choices: 2 } });
    expect(prompt.buttons!.flat().map((b) => [b.label.args?.text, b.action])).toEqual([
      ['Dong Tam village', 'd:place:v0'],
      ['Bi hamlet', 'd:place:v1'],
    ]);
    expect(await place.handle(ctx, data, { value: 'v1' })).toEqual({ next: 'when', data: { ...data, place: 'Làng Bi' } });
    expect(await place.handle(ctx, data, { value: 'v7' })).toMatchObject({ stay: true });
  });

  it('still takes a typed place', async () => {
    expect(await place.handle(ctx, data, { text: '  Nhà văn hóa   thôn 3 ' })).toEqual({ next: 'when', data: { ...data, place: 'Nhà văn hóa thôn 3' } });
  });

  it('a plan without villages (Ia Bang) asks for free text only', async () => {
    const none = { ...ctx, catalog: { plan: { villages: [] } } } as unknown as Ctx;
    const prompt = await place.prompt(none, data);
    expect(prompt.lines[0]).toEqual({ key: 'deed-ask-place', args: { choices: 0 } });
    expect(prompt.buttons).toEqual([]);
  });
});
