/**
 * Changing one answer from the registration summary (issue 13: "the summary lets the officer jump to
 * any field"): one "Sửa …" button per answer, the step asked again with its current answer, then back
 * to the summary with everything else kept; answers made void by the change are asked again.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../../src/channels/console/console.ts';
import { renderZalo } from '../../../src/channels/zalo/zalo.ts';
import { createLogger } from '../../../src/logger.ts';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { ACH, appsPerTest, last, NAME, PLACE, PROMPTS, walkTo } from './fixtures.ts';

const open = appsPerTest();
async function officerApp(): Promise<TestApp> {
  const t = await open();
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  return t;
}
const labels = (replies: { buttons: { label: string }[][] }[]) => replies.flatMap((r) => r.buttons.flat().map((b) => b.label));

/** To the summary of a 3.1.5 collective with one photo and every criterion ticked. */
async function summary(t: TestApp) {
  let r = await walkTo(t, 'o1', 'evidence');
  r = await t.send('o1', [{ kind: 'PHOTO', fileRef: 'p1' }]);
  r = await t.tap('o1', button(r, 'Xong (1 minh chứng)'));
  r = await t.tap('o1', button(r, 'Đạt tất cả'));
  r = await t.tap('o1', button(r, /^Xong$/));
  expect(last(r)).toContain(PROMPTS.summary);
  return r;
}

describe('registration summary: change one answer', () => {
  it('offers one "Sửa …" button per answer (unit and sub-profile only where there is a choice)', async () => {
    const t = await officerApp();
    const r = await summary(t);
    expect(last(r)).toContain('bấm “Sửa …” tương ứng; các mục khác được giữ nguyên');
    expect(labels(r).filter((l) => l.startsWith('✏️'))).toEqual([
      '✏️ Sửa đối tượng',
      '✏️ Sửa lĩnh vực',
      '✏️ Sửa phong trào / lĩnh vực',
      '✏️ Sửa tên',
      '✏️ Sửa nơi sinh sống, làm việc',
      '✏️ Sửa thành tích',
      '✏️ Sửa minh chứng',
      '✏️ Sửa tự đánh giá',
    ]);
  });

  it('a changed text answer returns straight to the summary with everything else kept, and is submitted', async () => {
    const t = await officerApp();
    const before = last(await summary(t));
    let r = await t.tap('o1', button(await t.say('o1', '/tiep'), 'Sửa thành tích'));
    expect(last(r)).toContain(PROMPTS.achievements);
    expect(last(r)).toContain(`Hiện tại: ${ACH}`);
    const newAch = 'Tiêm chủng đầy đủ cho 100% trẻ em trong độ tuổi, không để dịch sởi lây lan năm 2024.';
    r = await t.say('o1', newAch);
    const after = last(r);
    expect(after).toContain(PROMPTS.summary);
    expect(after).toContain(`Thành tích: ${newAch}`);
    expect(after.replace(newAch, ACH)).toBe(before); // nothing else changed: name, place, evidence, 6/6
    expect(after).toContain('Minh chứng: 1 tệp');
    r = await t.tap('o1', button(r, 'Gửi đề nghị'));
    expect(text(r)).toContain('Đã gửi hồ sơ');
    const [n] = await t.prisma.nomination.findMany({ include: { evidence: true } });
    expect(n).toMatchObject({ nomineeName: NAME, place: PLACE, achievements: newAch });
    expect(n!.evidence).toHaveLength(1);
  });

  it('"Giữ nguyên" and "Quay lại" both return to the same summary; "back" from it still leads to the self-check', async () => {
    const t = await officerApp();
    const first = await summary(t);
    let r = await t.tap('o1', button(first, 'Sửa tên'));
    expect(last(r)).toContain(PROMPTS.name);
    r = await t.tap('o1', button(r, 'Giữ nguyên'));
    expect(last(r)).toBe(last(first));
    r = await t.tap('o1', button(r, 'Sửa nơi sinh sống'));
    r = await t.tap('o1', button(r, 'Quay lại'));
    expect(last(r)).toBe(last(first));
    r = await t.say('o1', 'Làng Dơ Ka'); // typed at the summary: not an answer
    expect(text(r)).toContain('Bạn hãy chọn một nút bên dưới');
    r = await t.tap('o1', button(r, 'Sửa nơi sinh sống'));
    r = await t.say('o1', 'Làng Dơ Ka');
    expect(last(r)).toContain('Nơi sinh sống, làm việc: Làng Dơ Ka');
    r = await t.tap('o1', button(r, 'Quay lại'));
    expect(last(r)).toContain(PROMPTS.check);
    expect(last(r)).toContain('☑ 1.');
  });

  it('a new category asks the movement and the self-check again, then returns; name, place and achievements are kept', async () => {
    const t = await officerApp();
    let r = await t.tap('o1', button(await summary(t), 'Sửa lĩnh vực'));
    expect(last(r)).toContain(PROMPTS.category);
    r = await t.tap('o1', button(r, '3.1.1'));
    expect(last(r)).toContain(PROMPTS.movement);
    r = await t.tap('o1', button(r, 'Không thuộc phong trào'));
    expect(last(r)).toContain('Tự đánh giá tiêu chí (mục 3.1.1)');
    expect(last(r)).toContain('☐ 1.'); // the old self-check of 3.1.5 does not carry over
    r = await t.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain(PROMPTS.unmet);
    r = await t.tap('o1', button(r, 'Tiếp tục'));
    const s = last(r);
    expect(s).toContain(PROMPTS.summary);
    expect(s).toContain('Lĩnh vực: 3.1.1.');
    expect(s).toContain(`Tên: ${NAME}`);
    expect(s).toContain(`Nơi sinh sống, làm việc: ${PLACE}`);
    expect(s).toContain('Minh chứng: 1 tệp');
    expect(s).toContain('đạt 0/9');
  });

  it('a new subject type asks the category, the sub-profile, the movement and the self-check, in order', async () => {
    const t = await officerApp();
    let r = await t.tap('o1', button(await summary(t), 'Sửa đối tượng'));
    r = await t.tap('o1', button(r, 'Cá nhân'));
    expect(last(r)).toContain('Chọn lĩnh vực phù hợp với cá nhân');
    r = await t.tap('o1', button(r, '3.2.1'));
    r = await t.tap('o1', button(r, 'lãnh đạo, quản lý'));
    expect(last(r)).toContain(PROMPTS.movement);
    r = await t.tap('o1', button(r, 'Không thuộc phong trào'));
    expect(last(r)).toContain('Tự đánh giá tiêu chí (mục 3.2.1)');
    r = await t.tap('o1', button(r, 'Đạt tất cả'));
    r = await t.tap('o1', button(r, /^Xong$/));
    const s = last(r);
    expect(s).toContain(`Tên: ${NAME} (cá nhân)`);
    expect(s).toContain('Đối tượng: Cá nhân giữ chức vụ lãnh đạo, quản lý');
    expect(s).toContain('đạt 7/7');
    expect(labels(r)).toContain('✏️ Sửa nhóm đối tượng');
  });

  it('choosing the same category again changes nothing and returns at once', async () => {
    const t = await officerApp();
    const first = await summary(t);
    let r = await t.tap('o1', button(first, 'Sửa lĩnh vực'));
    r = await t.tap('o1', button(r, '3.1.5'));
    expect(last(r)).toBe(last(first));
  });
});

describe('registration summary on Zalo: numbered choices', () => {
  it('the summary has more choices than Zalo buttons: each "Sửa …" is a numbered choice tapping its step', async () => {
    const t = await officerApp();
    await summary(t);
    const [reply] = (await t.app.core.handle({ channel: 'telegram', userId: 'o1', chatId: 'o1', chatType: 'private', text: '/tiep' })).replies;
    const z = renderZalo(t.app.translator, 'vi', reply!);
    expect(z.buttons).toEqual([]);
    const text = z.parts.join('\n');
    expect(text).toContain('Gõ số để chọn:');
    expect(text).toContain('5. ✏️ Sửa tên');
    expect(z.choices[4]).toBe('d:sum:e:name');
    // the numbered choice taps like the button
    const r = await t.tap('o1', z.choices[4]!);
    expect(last(r)).toContain(PROMPTS.name);
  });
});

describe('registration summary on the console: numbered choices', () => {
  it('"Sửa tên" is a numbered choice; typing its number and the new name returns to the summary', async () => {
    const t = await open();
    const person = (await t.app.services.people.ensure({ channel: 'console', externalId: 'tester', displayName: 'tester' })).id;
    await t.app.services.roles.grant({ personId: person, role: 'OFFICER', planSlug: t.app.catalog().plan.id, unitCode: 'tram-y-te' });
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    // type, category 3.1.5, suggested movement, name, place, achievements, skip evidence, all met, done → summary;
    // then [5] "Sửa tên" and the new name.
    const lines = ['/dangky', '1', '5', '1', NAME, PLACE, ACH, '1', '7', '8', '5', 'Trạm Y tế xã Ia Bang'];
    await runConsole({
      core: t.app.core,
      translator: t.app.translator,
      logger: createLogger({ level: 'silent' }),
      input: Readable.from(lines.map((l) => `${l}\n`)),
      output: sink,
      notices: new Writable({ write: (_c, _e, done) => done() }),
      user: 'tester',
      interactive: false,
      telegramHint: false,
    });
    expect(out).toMatch(/\[5\] ✏️ Sửa tên/);
    const lastSummary = out.slice(out.lastIndexOf('Kiểm tra lại hồ sơ trước khi gửi'));
    expect(lastSummary).toContain('Tên: Trạm Y tế xã Ia Bang (tập thể)');
    expect(lastSummary).toContain(`Thành tích: ${ACH}`);
    expect((await t.app.services.dialogs.current(person))?.step).toBe('sum');
  });
});
