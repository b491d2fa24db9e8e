import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryApp, type MemoryApp } from '../helpers/memory-app.ts';
import { text } from '../helpers/replies.ts';

let apps: MemoryApp[] = [];
afterEach(async () => {
  const missing = apps.flatMap((a) => a.missing);
  await Promise.all(apps.map((a) => a.close()));
  apps = [];
  // Every text the bot rendered in the test exists in the locale files.
  expect(missing).toEqual([]);
});

/** The bot in-process for user "u1" (a private Telegram chat), with a fixed clock. */
async function testCore(opts: { now?: Date } = {}) {
  const t = createMemoryApp({ start: opts.now ?? new Date('2026-11-29T03:00:00Z') });
  apps.push(t);
  return {
    core: t.app.core,
    translator: t.app.translator,
    /** Texts the app's translator did not find (`locale:key`), as the app reports them. */
    missing: t.missing,
    say: (message: string, extra: { userId?: string; chatId?: string; chatType?: 'private' | 'group' } = {}) => t.say(extra.userId ?? 'u1', message, extra),
    tap: (action: string) => t.tap('u1', action),
  };
}

describe('bot core: criteria explanations', () => {
  it('/tieuchi lists the collectives and individuals groups with one button per category', async () => {
    const t = await testCore();
    const [list] = await t.say('/tieuchi');
    expect(list!.text).toContain('Đối với tập thể (mục 3.1.1 – 3.1.10)');
    expect(list!.text).toContain('Đối với cá nhân (mục 3.2.1 – 3.2.2)');
    const actions = list!.buttons.flat().map((b) => b.action);
    expect(actions).toHaveLength(12);
    expect(actions).toContain('cat:3.1.5');
    expect(actions).toContain('cat:3.2.2');
    expect(t.missing).toEqual([]);
  });

  it('a text missing from the locale files is noticed (so the checks on `missing` can fail)', async () => {
    const t = await testCore();
    expect(t.translator.format('en', { key: 'no-such-text' }, 'plain')).toBe('no-such-text');
    expect(t.missing).toEqual(['en:no-such-text']);
    t.missing.length = 0; // seen; the afterEach check is for texts the bot itself renders
  });

  it('/criteria is an alias of /tieuchi', async () => {
    const t = await testCore();
    expect(text(await t.say('/criteria'))).toBe(text(await t.say('/tieuchi')));
  });

  it('tapping a category shows its criteria one per line, the general criteria of §2 and the subjects of §1', async () => {
    const t = await testCore();
    const [detail] = await t.tap('cat:3.1.7');
    expect(detail!.text).toContain('3.1.7. Mô hình trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');
    expect(detail!.text).toMatch(/trên 70% cán bộ, đảng viên/);
    expect(detail!.text).toMatch(/^1\. /m);
    expect(detail!.text).toContain('Và các tiêu chí chung (mục III.2)');
    expect(detail!.text).toContain('Đối tượng lựa chọn (mục III.1)');
    expect(detail!.buttons.flat().map((b) => b.action)).toContain('criteria:list');
  });

  it.each([
    ['tiêu chí y tế', '3.1.5'],
    ['tieu chi y te', '3.1.5'],
    ['TRẠM Y TẾ cần gì', '3.1.5'],
    ['trạm y tế'.normalize('NFD'), '3.1.5'],
    ['doanh nghiep', '3.1.8'],
    ['gia đình nghèo vượt khó', '3.1.10'],
    ['giao vien', '3.1.4'],
    ['cong an', '3.1.6'],
  ])('free text %j shows category %s first, short, the rest behind buttons', async (question, code) => {
    const t = await testCore();
    const replies = await t.say(question);
    const detail = replies.at(-1)!;
    expect(detail.text.split('\n')[0]).toMatch(new RegExp(`^${code.replace(/\./g, '\\.')}\\. `));
    // the first criteria only, the whole list and the general criteria behind buttons
    expect(detail.text.split('\n').filter((l) => /^\d+\. /.test(l)).length).toBeLessThanOrEqual(3);
    expect(detail.text).not.toContain('tiêu chí chung');
    const actions = detail.buttons.flat().map((b) => b.action);
    expect(actions).toContain(`cat:${code}`);
    expect(actions).toContain('qa:criteria.general');
    // the others found are offered as buttons (top 3 at most)
    expect(actions.filter((a) => a.startsWith('cat:') && a !== `cat:${code}`).length).toBeLessThanOrEqual(2);
  });

  it('a question that matches nothing gets a short honest answer and what the bot can do, never the list', async () => {
    const t = await testCore();
    const [reply] = await t.say('xyzzy plugh');
    expect(reply!.text).toContain('nằm ngoài nội dung tôi nắm được');
    expect(reply!.text).not.toMatch(/^• 3\.1\.\d+\. /m);
    expect(reply!.buttons.flat().map((b) => b.action)).toEqual(['criteria:list', 'qa:targets', 'qa:process.nominate']);
  });

  it('/tieuchi with words searches directly', async () => {
    const t = await testCore();
    const replies = await t.say('/tieuchi y te');
    expect(replies.at(-1)!.text.startsWith('3.1.5.')).toBe(true);
  });
});

describe('bot core: targets and timeline', () => {
  it('/chitieu lists the eleven target rows of section IV.1 with their counts', async () => {
    const t = await testCore();
    const [reply] = await t.say('/chitieu');
    const rows = reply!.text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(rows).toHaveLength(11);
    expect(reply!.text).toContain('Trạm Y tế xã');
    expect(reply!.text).toContain('ít nhất 2 hộ gia đình');
    expect(reply!.text).toContain('ít nhất 2 tập thể, 2 cá nhân');
    expect(reply!.text).toContain('ít nhất 1 gương điển hình');
  });

  it('/moc marks milestones before today as past, judged in Vietnam time', async () => {
    // 2023-06-10T17:30Z is already 11/6/2023 00:30 in Vietnam: the interim review day is not past yet.
    const during = await testCore({ now: new Date('2023-06-10T17:30:00Z') });
    const [mid] = await during.say('/moc');
    const line = (s: string, needle: string) => s.split('\n').find((l) => l.includes(needle))!;
    expect(line(mid!.text, 'trước ngày 25/8/2021:')).toContain('(đã qua)');
    expect(line(mid!.text, '11/6/2023):')).not.toContain('(đã qua)');
    expect(mid!.text).toContain('Mốc tiếp theo: nhân dịp Kỷ niệm 75 năm');
    expect(line(mid!.text, 'Giai đoạn 1')).toContain('(đang thực hiện)');

    const after = await testCore({ now: new Date('2026-11-29T03:00:00Z') });
    const [late] = await after.say('/timeline');
    expect(line(late!.text, '11/6/2023):')).toContain('(đã qua)');
    expect(late!.text).toContain('Mọi mốc của kế hoạch này đã qua.');
  });
});

describe('bot core: conversation basics', () => {
  it('/start greets in Vietnamese and lists the commands', async () => {
    const t = await testCore();
    const all = text(await t.say('/start'));
    expect(all).toContain('Xin chào!');
    expect(all).toContain('/tieuchi (/criteria)');
    expect(all).toContain('/moc (/timeline)');
  });

  it('/lang en switches this person to English, and it sticks', async () => {
    const t = await testCore();
    expect(text(await t.say('/lang en'))).toBe('Switched to English.');
    expect(text(await t.say('/tieuchi'))).toContain('Criteria for selecting exemplars');
    // another person still gets Vietnamese
    expect(text(await t.say('/tieuchi', { userId: 'u2', chatId: 'u2' }))).toContain('Tiêu chí lựa chọn');
  });

  it('/lang without a choice offers buttons, and a tap switches', async () => {
    const t = await testCore();
    const [reply] = await t.say('/lang');
    expect(reply!.buttons.flat().map((b) => b.action)).toEqual(['lang:vi', 'lang:en']);
    expect(text(await t.tap('lang:en'))).toBe('Switched to English.');
  });

  it('an unknown command gets a short help, not silence', async () => {
    const t = await testCore();
    const all = text(await t.say('/xoa_het'));
    expect(all).toContain('Tôi chưa hiểu lệnh /xoa_het');
    expect(all).toContain('/tieuchi');
  });

  it('in groups only commands are answered', async () => {
    const t = await testCore();
    expect(await t.say('tieu chi y te', { chatType: 'group' })).toEqual([]);
    expect((await t.say('/tieuchi@thidua_bot', { chatType: 'group' })).length).toBe(1);
  });

  it('very long, binary-looking and non-text input get a polite answer', async () => {
    const t = await testCore();
    expect(text(await t.say('y tế '.repeat(1000)))).toContain('Tin nhắn dài quá');
    expect(text(await t.say('y tế '.repeat(120)))).toContain('tối đa 500 ký tự');
    expect(text(await t.say('\u0000\u0001\u0002\uFFFD\uFFFD\u0003abc'))).toContain('không đọc được');
    const t2 = await testCore();
    const [r] = (await t2.core.handle({ channel: 'telegram', userId: '1', chatId: '1', chatType: 'private', unsupported: true })).replies;
    expect(r).toBeDefined();
    expect(t2.translator.format('vi', r!.lines[0]!, 'plain')).toContain('tin nhắn chữ');
  });

  it('a stale or forged button payload is answered, not crashed on', async () => {
    const t = await testCore();
    expect(text(await t.tap('cat:9.9.9'))).toContain('Không còn lĩnh vực này');
    expect(text(await t.tap('drop table'))).toContain('Nút này đã cũ');
  });
});
