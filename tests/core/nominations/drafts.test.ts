/**
 * No lost work (issue 13): every way of leaving /dangky half-done without cancelling keeps what was
 * typed as a draft — another dialog (/viectot, /moi, promoting a deed), the time to live — and the
 * draft is listed in /hoso, resumed where the officer was, and kept past 24 hours.
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { ACH, appsPerTest, last, NAME, PLACE, PROMPTS, walkTo } from './fixtures.ts';

const open = appsPerTest();
const DAY = 24 * 60 * 60 * 1000;

async function officerApp(): Promise<TestApp> {
  const t = await open();
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  return t;
}

async function halfDone(t: TestApp): Promise<void> {
  await walkTo(t, 'o1', 'achievements'); // name and place typed
}

const kept = `Hồ sơ đăng ký đang làm dở “${NAME}” đã được lưu thành bản nháp`;
const asked = `Đồng chí đang đăng ký dở hồ sơ “${NAME}”. Bỏ hồ sơ đó để làm việc khác?`;
const LEAVE = 'Để lại bản nháp, làm việc khác';

describe('registration drafts', () => {
  it('/viectot in the middle of /dangky asks first; “continue” goes back to the step, nothing saved', async () => {
    const t = await officerApp();
    await halfDone(t);
    let r = await t.say('o1', '/viectot');
    expect(text(r)).toContain(asked);
    expect(text(r)).not.toContain(kept);
    expect(await t.prisma.registrationDraft.count()).toBe(0);
    expect(last(await t.say('o1', 'chữ gõ nhầm lúc đang hỏi'))).toContain(asked); // asked again, not taken as an answer
    expect(last(await t.say('o1', '/tiep'))).toContain(asked);
    r = await t.tap('o1', button(r, 'Tiếp tục hồ sơ đang làm'));
    expect(last(r)).toContain(PROMPTS.achievements);
    expect(await t.prisma.registrationDraft.count()).toBe(0);
    r = await t.say('o1', ACH);
    expect(last(r)).toContain('minh chứng'); // the registration goes on where it was
  });

  it('the question left unanswered past the time to live still keeps the registration as a draft', async () => {
    const t = await officerApp();
    await halfDone(t);
    await t.say('o1', '/viectot');
    t.advance(DAY + 60_000);
    expect(text(await t.say('o1', 'xin chào'))).toContain(kept);
    expect((await t.prisma.registrationDraft.findMany()).map((d) => d.nomineeName)).toEqual([NAME]);
  });

  it('/viectot in the middle of /dangky, “leave” keeps the registration; /hoso lists it and resumes it where it was', async () => {
    const t = await officerApp();
    await halfDone(t);
    const r = await t.tap('o1', button(await t.say('o1', '/viectot'), LEAVE));
    expect(text(r)).toContain(kept);
    await t.say('o1', '/huy'); // leaves the good-deed dialog

    const list = await t.say('o1', '/hoso');
    expect(text(list)).toContain('Bản nháp đăng ký dở (1)');
    expect(text(list)).toContain(`• ${NAME} — sửa lần cuối`);
    let resumed = await t.tap('o1', button(list, `▶ Tiếp tục: ${NAME}`));
    expect(last(resumed)).toContain(PROMPTS.achievements);
    resumed = await t.tap('o1', button(resumed, 'Quay lại'));
    expect(last(resumed)).toContain(`Hiện tại: ${PLACE}`);
    expect(text(await t.say('o1', '/hoso'))).not.toContain('Bản nháp đăng ký dở'); // resumed: no longer a draft

    resumed = await t.tap('o1', button(resumed, 'Giữ nguyên'));
    resumed = await t.say('o1', ACH);
    resumed = await t.tap('o1', button(resumed, 'Bỏ qua'));
    resumed = await t.tap('o1', button(resumed, 'Đạt tất cả'));
    resumed = await t.tap('o1', button(resumed, /^Xong$/));
    await t.tap('o1', button(resumed, 'Gửi đề nghị'));
    expect((await t.prisma.nomination.findMany()).map((n) => [n.nomineeName, n.place, n.achievements])).toEqual([[NAME, PLACE, ACH]]);
  });

  it('/moi (an administrator who is also an officer) leaves the registration open and says so', async () => {
    const t = await officerApp();
    await t.grant('o1', 'ADMIN');
    await halfDone(t);
    const r = await t.say('o1', '/moi');
    expect(text(r)).toContain('Bạn còn một việc đang làm dở');
    expect(last(await t.say('o1', '/tiep'))).toContain(PROMPTS.achievements);
  });

  it('promoting a good deed keeps the registration that was open', async () => {
    const t = await officerApp();
    await t.grant('o1', 'ADMIN');
    const resident = await t.personId('r1');
    await t.prisma.goodDeed.create({
      data: {
        ref: 'VT-DR01',
        submitterId: resident,
        doerName: 'Bà Hoa',
        doerKey: 'ba hoa',
        description: 'Giúp người già qua đường mỗi sáng',
        descriptionKey: 'giup nguoi gia qua duong moi sang',
        place: 'Thôn 2',
        placeKey: 'thon 2',
        whenText: 'hôm qua',
        creditName: true,
      },
    });
    await halfDone(t);
    const queue = await t.say('o1', '/kiemduyet');
    const q = await t.tap('o1', button(queue, 'Đề nghị xét điển hình'));
    expect(text(q)).toContain(asked);
    const r = await t.tap('o1', button(q, LEAVE));
    expect(text(r)).toContain(kept);
    expect((await t.prisma.registrationDraft.findMany()).map((d) => d.nomineeName)).toEqual([NAME]);
  });

  it('a draft is kept long after the dialog’s 24 hours; cancelling on purpose keeps nothing', async () => {
    const t = await officerApp();
    await halfDone(t);
    t.advance(DAY + 60_000);
    expect(text(await t.say('o1', 'xin chào'))).toContain(kept);
    t.advance(30 * DAY);
    const list = await t.say('o1', '/hoso');
    expect(text(list)).toContain(`• ${NAME}`);
    expect(last(await t.tap('o1', button(list, `▶ Tiếp tục: ${NAME}`)))).toContain(PROMPTS.achievements);

    await t.say('o1', '/huy');
    expect(await t.prisma.registrationDraft.count()).toBe(0);
    expect(text(await t.say('o1', '/hoso'))).not.toContain('Bản nháp');
  });

  it('a draft can be deleted, and nobody else can open it', async () => {
    const t = await officerApp();
    await t.grant('o2', 'OFFICER', 'tram-y-te');
    await halfDone(t);
    await t.tap('o1', button(await t.say('o1', '/viectot'), LEAVE));
    const id = (await t.prisma.registrationDraft.findFirstOrThrow()).id;
    expect(text(await t.tap('o2', `dr:r:${id}`))).toContain('Không còn bản nháp này');
    expect(text(await t.tap('o1', `dr:x:${id}`))).toContain('Đã xóa bản nháp');
    expect(await t.prisma.registrationDraft.count()).toBe(0);
  });
});
