/**
 * The registration dialog (/dangky) as an officer lives it: every step in order, back, cancel,
 * invalid input, a restart in the middle, expiry after 24 h, and the duplicate check.
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { ACH, appsPerTest, last, NAME, PLACE, PROMPTS, seed, sharedApp, STEPS, walkTo } from './fixtures.ts';

const open = appsPerTest();
const HOUR = 60 * 60 * 1000;

async function officerApp(opts: Parameters<typeof open>[0] = {}): Promise<TestApp> {
  const t = await open(opts);
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  return t;
}

const labels = (replies: { buttons: { label: string }[][] }[]) => replies.flatMap((r) => r.buttons.flat().map((b) => b.label));
const nominations = (t: TestApp) => t.prisma.nomination.findMany({ include: { evidence: true }, orderBy: { id: 'asc' } });
/** Officers of the health station, one per test of a shared app, so their dialogs never meet. */
const OFFICERS = (t: () => TestApp) => async (user: string) => {
  await t().grant(user, 'OFFICER', 'tram-y-te');
  return user;
};

describe('registration dialog: the happy path', () => {
  it('asks every question in order and submits what was answered', async () => {
    const t = await officerApp();
    await t.grant('c1', 'COUNCIL');

    let r = await t.say('o1', '/dangky');
    expect(last(r)).toContain(PROMPTS.type);
    expect(labels(r)).toEqual(['Tập thể', 'Cá nhân', 'Hộ gia đình', '✖ Hủy']); // first step: no "back"

    r = await t.tap('o1', button(r, 'Tập thể'));
    expect(last(r)).toContain('Chọn lĩnh vực phù hợp với tập thể');

    r = await t.tap('o1', button(r, '3.1.5'));
    expect(last(r)).toContain(PROMPTS.movement);
    const suggested = labels(r).filter((l) => l.includes('(gợi ý)'));
    expect(suggested).toEqual([expect.stringContaining('Lĩnh vực y tế')]);
    expect(labels(r)[0]).toBe(suggested[0]); // the suggestion comes first

    r = await t.tap('o1', button(r, '(gợi ý)'));
    expect(last(r)).toContain(PROMPTS.name);
    r = await t.say('o1', NAME);
    expect(last(r)).toContain(PROMPTS.place);
    r = await t.say('o1', PLACE);
    expect(last(r)).toContain(PROMPTS.achievements);
    r = await t.say('o1', ACH);
    expect(last(r)).toContain(PROMPTS.evidence);
    expect(labels(r)).toContain('Bỏ qua');

    r = await t.send('o1', [
      { kind: 'PHOTO', fileRef: 'photo-1' },
      { kind: 'PHOTO', fileRef: 'photo-2' },
    ]);
    expect(text(r)).toContain('Tổng cộng 2 minh chứng');
    r = await t.send('o1', [{ kind: 'DOCUMENT', fileRef: 'doc-1', fileName: 'bien-ban.pdf' }]);
    expect(text(r)).toContain('Tổng cộng 3 minh chứng');
    expect(last(r)).toContain(PROMPTS.evidence); // still asking for more

    r = await t.tap('o1', button(r, 'Xong (3 minh chứng)'));
    expect(last(r)).toContain(PROMPTS.check);
    expect(last(r)).not.toContain('Là các tập thể cơ quan'); // who may be chosen is not a box to tick
    expect(last(r)).toContain('☐ 1. Thực hiện tốt các Chương trình');
    r = await t.tap('o1', button(r, '☐ 1'));
    r = await t.tap('o1', button(r, '☐ 3'));
    expect(last(r)).toContain('☑ 1. Thực hiện tốt các Chương trình');
    expect(last(r)).toContain('☑ 3. Có phương pháp, giải pháp mới');
    expect(last(r)).toContain('☐ 2. Nâng cao hiệu quả');

    r = await t.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain('Còn 4/6 tiêu chí chưa đạt');
    expect(last(r)).toContain('Nâng cao hiệu quả công tác chăm sóc sức khỏe cho người dân');
    expect(last(r)).not.toContain('Thực hiện tốt các Chương trình'); // met ones are not listed as unmet

    r = await t.tap('o1', button(r, 'Tiếp tục'));
    const summary = last(r);
    expect(summary).toContain(PROMPTS.summary);
    for (const fragment of [
      `Tên: ${NAME} (tập thể)`,
      'Lĩnh vực: 3.1.5.',
      'Phong trào / lĩnh vực: Lĩnh vực y tế',
      'Đơn vị đề nghị: Trạm Y tế xã',
      `Nơi sinh sống, làm việc: ${PLACE}`,
      `Thành tích: ${ACH}`,
      'Tự đánh giá: đạt 2/6 tiêu chí',
      'Minh chứng: 3 tệp',
    ]) {
      expect(summary).toContain(fragment);
    }
    expect(await t.prisma.nomination.count()).toBe(0); // nothing saved before "submit"

    r = await t.tap('o1', button(r, 'Gửi đề nghị'));
    expect(text(r)).toMatch(/Đã gửi hồ sơ #\d+ \(Trạm Y tế xã\)/);

    const [saved, ...more] = await nominations(t);
    expect(more).toEqual([]);
    expect(saved).toMatchObject({
      nomineeName: NAME,
      place: PLACE,
      achievements: ACH,
      subjectType: 'COLLECTIVE',
      movementCode: 'y-te',
      state: 'SUBMITTED',
      proposerId: await t.personId('o1'),
    });
    expect(JSON.parse(saved!.selfCheck)).toEqual(['3.1.5.2', '3.1.5.4']);
    expect(saved!.evidence.map((e) => [e.kind, e.fileRef])).toEqual([
      ['PHOTO', 'photo-1'],
      ['PHOTO', 'photo-2'],
      ['DOCUMENT', 'doc-1'],
    ]);
    expect(text(await t.say('o1', '/tiep'))).toContain('Không có việc gì đang làm dở');
    // the council hears of it
    const notices = await t.outbox();
    expect(notices.map((n) => [n.personId, n.text.includes('Hồ sơ mới chờ Hội đồng xét')])).toEqual([[await t.personId('c1'), true]]);
  });

  it('goes straight from the self-check to the summary when every criterion is met', async () => {
    const t = await officerApp();
    let r = await walkTo(t, 'o1', 'check');
    r = await t.tap('o1', button(r, 'Đạt tất cả'));
    expect(last(r)).not.toContain('☐');
    r = await t.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain(PROMPTS.summary);
    expect(last(r)).toContain('Tự đánh giá: đạt 6/6 tiêu chí');
  });

  const shared = sharedApp(async () => {});
  const officer = OFFICERS(shared);

  it.each([
    ['Tập thể', ['3.1.1', '3.1.2', '3.1.3', '3.1.4', '3.1.5', '3.1.6', '3.1.7', '3.1.8', '3.1.9', '3.1.10']],
    ['Cá nhân', ['3.1.5', '3.1.6', '3.2.1', '3.2.2']], // 3.1.5 and 3.1.6 admit individuals too
    ['Hộ gia đình', ['3.1.10']],
  ])('offers only the categories of the subject type %s', async (type, codes) => {
    const t = shared();
    const u = await officer(`type-${codes.length}`);
    const r = await t.tap(u, button(await t.say(u, '/dangky'), type));
    const offered = r.flatMap((x) => x.buttons.flat()).filter((b) => b.action.startsWith('d:cat:'));
    expect(offered.map((b) => b.action.slice('d:cat:'.length))).toEqual(codes);
  });

  it('suggests no movement for a category without one, and "none" is saved as no movement', async () => {
    const t = await officerApp();
    let r = await t.tap('o1', button(await t.say('o1', '/dangky'), 'Cá nhân'));
    r = await t.tap('o1', button(r, '3.2.1'));
    expect(last(r)).toContain('Người được đề nghị thuộc đối tượng nào?');
    r = await t.tap('o1', button(r, /^Cán bộ, chiến sỹ/)); // not a leader
    expect(labels(r).some((l) => l.includes('(gợi ý)'))).toBe(false);
    r = await t.tap('o1', button(r, 'Không thuộc phong trào cụ thể'));
    expect(last(r)).toContain('Gõ tên cá nhân được đề nghị');
    r = await t.say('o1', 'Nguyễn Văn An');
    r = await t.say('o1', PLACE);
    r = await t.say('o1', ACH);
    r = await t.tap('o1', button(r, 'Bỏ qua'));
    expect(last(r)).not.toMatch(/người đứng đầu|tin yêu, mến phục/); // the leaders' items are not asked
    r = await t.tap('o1', button(r, 'Đạt tất cả'));
    r = await t.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain('Phong trào / lĩnh vực: Không thuộc phong trào cụ thể');
    expect(last(r)).toContain('Tự đánh giá: đạt 4/4 tiêu chí'); // not 4/8
    await t.tap('o1', button(r, 'Gửi đề nghị'));
    expect((await nominations(t)).map((n) => [n.nomineeName, n.subjectType, n.movementCode])).toEqual([['Nguyễn Văn An', 'INDIVIDUAL', null]]);
  });

  it('asks an officer of several units which unit first', async () => {
    const t = await officerApp();
    await t.grant('o1', 'OFFICER', 'cong-an');
    let r = await t.say('o1', '/dangky');
    expect(last(r)).toContain('Bạn đăng ký cho đơn vị nào?');
    expect(labels(r)).toEqual(expect.arrayContaining(['Công an xã', 'Trạm Y tế xã']));
    r = await t.tap('o1', button(r, 'Công an xã'));
    expect(last(r)).toContain(PROMPTS.type);
    r = await t.tap('o1', button(r, 'Tập thể'));
    r = await t.tap('o1', button(r, '3.1.6'));
    r = await t.tap('o1', button(r, '(gợi ý)'));
    r = await t.say('o1', 'Công an xã Ia Bang');
    r = await t.say('o1', PLACE);
    r = await t.say('o1', ACH);
    r = await t.tap('o1', button(r, 'Bỏ qua'));
    r = await t.tap('o1', button(r, 'Đạt tất cả'));
    r = await t.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain('Đơn vị đề nghị: Công an xã');
  });
});

describe('registration dialog: back and cancel', () => {
  it('"back" at each step asks the previous question again, with the earlier answers kept', async () => {
    const t = await officerApp();
    let r = await walkTo(t, 'o1', 'evidence');
    r = await t.send('o1', [{ kind: 'PHOTO', fileRef: 'p1' }]);
    r = await t.tap('o1', button(r, 'Xong (1 minh chứng)'));
    r = await t.tap('o1', button(r, '☐ 2'));
    r = await t.tap('o1', button(r, /^Xong$/));
    r = await t.tap('o1', button(r, 'Tiếp tục'));
    const summary = last(r);
    expect(summary).toContain(PROMPTS.summary);

    // summary → unmet → self-check → evidence → achievements → place → name → movement → category → type
    const expected: [string, string[]][] = [
      [PROMPTS.unmet, ['Còn 5/6']],
      [PROMPTS.check, ['☑ 2. Nâng cao hiệu quả', '☐ 1. Thực hiện tốt']],
      [PROMPTS.evidence, ['Đã có 1 minh chứng']],
      [PROMPTS.achievements, [`Hiện tại: ${ACH}`]],
      [PROMPTS.place, [`Hiện tại: ${PLACE}`]],
      [PROMPTS.name, [`Hiện tại: ${NAME}`]],
      [PROMPTS.movement, []],
      [PROMPTS.category, []],
      [PROMPTS.type, []],
    ];
    for (const [prompt, kept] of expected) {
      r = await t.tap('o1', button(r, 'Quay lại'));
      expect(last(r)).toContain(prompt);
      for (const k of kept) expect(last(r)).toContain(k);
      if (kept.some((k) => k.startsWith('Hiện tại'))) expect(labels(r)).toContain('Giữ nguyên');
    }
    expect(labels(r)).not.toContain('« Quay lại'); // nothing before the first question

    // forward again, keeping every answer: the same summary
    r = await t.tap('o1', button(r, 'Tập thể'));
    r = await t.tap('o1', button(r, '3.1.5'));
    r = await t.tap('o1', button(r, '(gợi ý)'));
    for (const prompt of [PROMPTS.place, PROMPTS.achievements, PROMPTS.evidence]) {
      r = await t.tap('o1', button(r, 'Giữ nguyên'));
      expect(last(r)).toContain(prompt);
    }
    r = await t.tap('o1', button(r, 'Xong (1 minh chứng)'));
    expect(last(r)).toContain('☑ 2.');
    r = await t.tap('o1', button(r, /^Xong$/));
    r = await t.tap('o1', button(r, 'Tiếp tục'));
    expect(last(r)).toBe(summary);
  });

  it('a changed answer after "back" replaces the old one', async () => {
    const t = await officerApp();
    let r = await walkTo(t, 'o1', 'achievements');
    r = await t.tap('o1', 'd:_:back');
    r = await t.say('o1', 'Làng Dơ Ka');
    expect(last(r)).toContain(PROMPTS.achievements);
    r = await t.say('o1', ACH);
    r = await t.tap('o1', button(r, 'Bỏ qua'));
    r = await t.tap('o1', button(r, 'Đạt tất cả'));
    r = await t.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain('Nơi sinh sống, làm việc: Làng Dơ Ka');
    expect(last(r)).not.toContain(PLACE);
  });
});

describe('registration dialog: cancel', () => {
  const shared = sharedApp(async () => {});
  const officer = OFFICERS(shared);

  it.each(STEPS)('"cancel" at the %s step saves nothing and ends the dialog', async (step) => {
    const t = shared();
    const u = await officer(`cancel-${step}`);
    const r = await walkTo(t, u, step);
    expect(text(await t.tap(u, button(r, 'Hủy')))).toContain('Đã hủy. Không có gì được lưu.');
    expect(await t.prisma.nomination.count()).toBe(0);
    expect(await t.prisma.dialogState.count({ where: { personId: await t.personId(u) } })).toBe(0);
    expect(text(await t.say(u, '/tiep'))).toContain('Không có việc gì đang làm dở');
    // a button of the cancelled dialog does nothing
    expect(text(await t.tap(u, 'd:sum:ok'))).toContain('Nút này đã cũ');
    expect(await t.prisma.nomination.count()).toBe(0);
  });

  it('/huy cancels too, and /dangky then starts afresh', async () => {
    const t = await officerApp();
    await walkTo(t, 'o1', 'achievements');
    expect(text(await t.say('o1', '/huy'))).toContain('Đã hủy');
    const r = await t.say('o1', '/dangky');
    expect(last(r)).toContain(PROMPTS.type);
    expect(await t.prisma.nomination.count()).toBe(0);
  });
});

describe('registration dialog: invalid input', () => {
  const shared = sharedApp(async () => {});
  const officer = OFFICERS(shared);

  it('too short, too long or letterless names get a clear message and the same question', async () => {
    const t = shared();
    const o1 = await officer('bad-1');
    await walkTo(t, o1, 'name');
    let r = await t.say(o1, 'A');
    expect(text(r)).toContain('ngắn quá (cần ít nhất 2 ký tự)');
    expect(last(r)).toContain(PROMPTS.name);
    r = await t.say(o1, 'Trạm '.repeat(40));
    expect(text(r)).toMatch(/dài quá \(\d+ ký tự, tối đa 150\)/);
    expect(last(r)).toContain(PROMPTS.name);
    r = await t.say(o1, '12345');
    expect(text(r)).toContain('cần có chữ');
    expect(last(r)).toContain(PROMPTS.name);
    r = await t.send(o1, [{ kind: 'PHOTO', fileRef: 'p1' }]);
    expect(text(r)).toContain('Ở bước này bạn hãy gõ chữ.');
    expect(last(r)).toContain(PROMPTS.name);
    r = await t.say(o1, NAME);
    expect(last(r)).toContain(PROMPTS.place);
  });

  it('achievements need at least 20 characters', async () => {
    const t = shared();
    const o1 = await officer('bad-2');
    await walkTo(t, o1, 'achievements');
    const r = await t.say(o1, 'Làm tốt');
    expect(text(r)).toContain('cần ít nhất 20 ký tự');
    expect(last(r)).toContain(PROMPTS.achievements);
  });

  it('a typed note is taken as evidence ("bản giấy lưu tại UBND xã"), counted, saved and shown to the Council', async () => {
    const t = await officerApp(); // its own app: the submitted record must not be a duplicate for the next test
    const o1 = 'o1';
    await walkTo(t, o1, 'evidence');
    let r = await t.say(o1, 'ok');
    expect(text(r)).toContain('cần ít nhất 5 ký tự'); // too short to be a note: said, and asked again
    expect(last(r)).toContain(PROMPTS.evidence);
    r = await t.send(o1, [{ kind: 'PHOTO' as const, fileRef: 'p-note-1' }]);
    r = await t.say(o1, 'Bản giấy lưu tại UBND xã');
    expect(text(r)).toContain('Đã ghi nhận minh chứng bằng văn bản. Tổng cộng 2 minh chứng.');
    r = await t.tap(o1, button(r, 'Xong (2 minh chứng)'));
    r = await t.tap(o1, button(r, 'Đạt tất cả'));
    r = await t.tap(o1, button(r, /^Xong$/));
    await t.tap(o1, button(r, 'Gửi đề nghị'));
    const proposerId = await t.personId(o1);
    const [saved] = (await nominations(t)).filter((n) => n.proposerId === proposerId);
    expect(saved!.evidence.map((e) => [e.kind, e.fileRef])).toEqual([
      ['PHOTO', 'p-note-1'],
      ['NOTE', 'Bản giấy lưu tại UBND xã'],
    ]);
    const view = await t.tap(o1, `nom:v:${saved!.id}`);
    expect(text(view)).toContain('Minh chứng (ghi chú): Bản giấy lưu tại UBND xã');
  });

  it('keeps at most 10 evidence files and says so', async () => {
    const t = shared();
    const o1 = await officer('bad-4');
    await walkTo(t, o1, 'evidence');
    const photos = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'PHOTO' as const, fileRef: `p${from + i}` }));
    let r = await t.send(o1, photos(1, 4));
    expect(text(r)).not.toContain('tối đa 10 minh chứng');
    r = await t.send(o1, photos(5, 7));
    expect(text(r)).toContain('Tổng cộng 10 minh chứng');
    expect(text(r)).toContain('Mỗi hồ sơ có tối đa 10 minh chứng; phần thừa không được lưu.');
    r = await t.tap(o1, button(r, 'Xong (10 minh chứng)'));
    r = await t.tap(o1, button(r, 'Đạt tất cả'));
    r = await t.tap(o1, button(r, /^Xong$/));
    await t.tap(o1, button(r, 'Gửi đề nghị'));
    const proposerId = await t.personId(o1);
    const [saved, ...more] = (await nominations(t)).filter((n) => n.proposerId === proposerId);
    expect(more).toEqual([]);
    expect(saved!.evidence.map((e) => e.fileRef)).toEqual(photos(1, 10).map((p) => p.fileRef));
  });

  it('a tap on a button of an earlier step is recognised as stale and changes nothing', async () => {
    const t = shared();
    const o1 = await officer('bad-5');
    const typeStep = await t.say(o1, '/dangky');
    const individual = button(typeStep, 'Cá nhân');
    await t.tap(o1, button(typeStep, 'Tập thể'));
    let r = await t.tap(o1, 'd:cat:3.1.5');
    r = await t.tap(o1, button(r, '(gợi ý)'));
    r = await t.say(o1, NAME);
    r = await t.tap(o1, individual); // the "Cá nhân" button of step 1
    expect(text(r)).toContain('Nút đó thuộc bước trước');
    expect(last(r)).toContain(PROMPTS.place);
    r = await t.say(o1, PLACE);
    r = await t.say(o1, ACH);
    r = await t.tap(o1, button(r, 'Bỏ qua'));
    r = await t.tap(o1, button(r, 'Đạt tất cả'));
    r = await t.tap(o1, button(r, /^Xong$/));
    expect(last(r)).toContain(`Tên: ${NAME} (tập thể)`);
  });

  it('typed text at a button step and a category of another subject type are refused', async () => {
    const t = shared();
    const o1 = await officer('bad-6');
    let r = await t.say(o1, '/dangky');
    r = await t.say(o1, 'tập thể');
    expect(text(r)).toContain('Bạn hãy chọn một nút bên dưới.');
    expect(last(r)).toContain(PROMPTS.type);
    r = await t.tap(o1, button(r, 'Hộ gia đình'));
    r = await t.tap(o1, 'd:cat:3.1.5'); // a collective-only category, forged
    expect(text(r)).toContain('Bạn hãy chọn một nút bên dưới.');
    expect(last(r)).toContain('Chọn lĩnh vực phù hợp với hộ gia đình');
  });
});

describe('registration dialog: restart and expiry', () => {
  it('a restart in the middle resumes with /tiep where the officer was, answers kept', async () => {
    const before = await officerApp();
    await walkTo(before, 'o1', 'achievements');
    await before.app.close(); // the process stops

    const after = await open({ databaseUrl: before.databaseUrl, start: new Date(before.now().getTime() + HOUR) });
    let r = await after.say('o1', '/tiep');
    expect(last(r)).toContain(PROMPTS.achievements);
    r = await after.tap('o1', button(r, 'Quay lại'));
    expect(last(r)).toContain(`Hiện tại: ${PLACE}`);
    r = await after.tap('o1', button(r, 'Giữ nguyên'));
    r = await after.say('o1', ACH);
    r = await after.tap('o1', button(r, 'Bỏ qua'));
    r = await after.tap('o1', button(r, 'Đạt tất cả'));
    r = await after.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain(`Tên: ${NAME}`);
    await after.tap('o1', button(r, 'Gửi đề nghị'));
    expect((await nominations(after)).map((n) => [n.nomineeName, n.place])).toEqual([[NAME, PLACE]]);
  });

  it('/dangky during an open registration resumes it instead of starting over', async () => {
    const t = await officerApp();
    await walkTo(t, 'o1', 'place');
    const r = await t.say('o1', '/dangky');
    expect(text(r)).toContain(PROMPTS.place);
    expect(text(r)).not.toContain(PROMPTS.type);
  });

  it('after 24 h untouched the dialog is closed, kept as a draft, and the officer writing is told', async () => {
    const t = await officerApp();
    await walkTo(t, 'o1', 'place');
    t.advance(23 * HOUR);
    let r = await t.say('o1', PLACE); // still alive: the answer is taken, and the clock restarts
    expect(last(r)).toContain(PROMPTS.achievements);
    t.advance(23 * HOUR);
    r = await t.say('o1', ACH);
    expect(last(r)).toContain(PROMPTS.evidence);

    t.advance(24 * HOUR);
    r = await t.tap('o1', 'd:evid:ok');
    expect(text(r)).toContain(`Hồ sơ đăng ký đang làm dở “${NAME}” đã được lưu thành bản nháp`); // nothing typed is lost
    expect(last(r)).not.toContain(PROMPTS.check);
    expect(text(await t.say('o1', '/tiep'))).toContain('Không có việc gì đang làm dở');
    expect(await t.prisma.nomination.count()).toBe(0);
  });

  it('typing after expiry is told too (not taken as an answer)', async () => {
    const t = await officerApp();
    await walkTo(t, 'o1', 'name');
    t.advance(24 * HOUR + 60_000);
    const r = await t.say('o1', NAME);
    expect(text(r)).toContain('đã được lưu thành bản nháp'); // the category and movement were answered
    expect(text(r)).not.toContain(PROMPTS.place);
  });

  it('expireDialogs() queues one notice for an abandoned dialog, even when run twice', async () => {
    const t = await officerApp();
    await walkTo(t, 'o1', 'place');
    t.advance(23 * HOUR);
    expect(await t.app.expireDialogs()).toBe(0);
    expect(await t.outbox()).toEqual([]);

    t.advance(HOUR + 1);
    expect(await t.app.expireDialogs()).toBe(1);
    expect(await t.app.expireDialogs()).toBe(0);
    const notices = await t.outbox();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.personId).toBe(await t.personId('o1'));
    expect(notices[0]!.text).toContain(`Hồ sơ đăng ký đang làm dở “${NAME}” đã được lưu thành bản nháp`);
    expect(await t.prisma.registrationDraft.count()).toBe(1);
    expect(text(await t.say('o1', '/tiep'))).toContain('Không có việc gì đang làm dở');
  });
});

describe('registration dialog: possible duplicate', () => {
  async function toSummaryNamed(t: TestApp, name: string) {
    let r = await walkTo(t, 'o1', 'name');
    r = await t.say('o1', name);
    r = await t.say('o1', PLACE);
    r = await t.say('o1', ACH);
    r = await t.tap('o1', button(r, 'Bỏ qua'));
    r = await t.tap('o1', button(r, 'Đạt tất cả'));
    return t.tap('o1', button(r, /^Xong$/));
  }

  it('the same nominee written without diacritics or capitals is shown and must be confirmed', async () => {
    const t = await officerApp();
    await t.grant('o2', 'OFFICER', 'cong-an');
    const first = await seed(t, {
      proposer: 'o2',
      unitCode: 'cong-an',
      categoryCode: '3.1.6',
      movementCode: 'quoc-phong-an-ninh',
      nomineeName: 'Trạm Y tế xã',
    });

    let r = await toSummaryNamed(t, 'tram y te XA');
    r = await t.tap('o1', button(r, 'Gửi đề nghị'));
    expect(last(r)).toContain('Đã có 1 hồ sơ cùng tên trong kế hoạch này');
    expect(last(r)).toContain(`#${first.id} Trạm Y tế xã — mục 3.1.6 — Công an xã — Hội đồng đang xét`);
    expect(labels(r)).toContain('Vẫn gửi');
    expect(await t.prisma.nomination.count()).toBe(1); // not submitted yet

    r = await t.tap('o1', button(r, 'Quay lại'));
    expect(last(r)).toContain(PROMPTS.summary);
    r = await t.tap('o1', button(r, 'Gửi đề nghị'));
    expect(last(r)).toContain('cùng tên');
    r = await t.tap('o1', button(r, 'Vẫn gửi'));
    expect(text(r)).toContain('Đã gửi hồ sơ');
    expect((await nominations(t)).map((n) => n.nomineeName)).toEqual(['Trạm Y tế xã', 'tram y te XA']);
  });

  it('a different nominee is submitted without the duplicate question', async () => {
    const t = await officerApp();
    await seed(t, { proposer: 'o1', nomineeName: 'Trạm Y tế xã' });
    let r = await toSummaryNamed(t, 'Trạm Y tế xã Ia Bang');
    r = await t.tap('o1', button(r, 'Gửi đề nghị'));
    expect(text(r)).toContain('Đã gửi hồ sơ');
    expect(await t.prisma.nomination.count()).toBe(2);
  });
});
