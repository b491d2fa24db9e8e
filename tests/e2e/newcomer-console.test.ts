/**
 * What a newcomer meets in the console chat (`npm start`, scripted through a pipe): a first start
 * whose standard error is only the Telegram hint and the first-admin code; a resident who greets and
 * thanks the bot without diacritics and gets a greeting and a "you're welcome" rather than criteria
 * of unrelated categories; polite answers to junk and to over-long lines that do not misname them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../helpers/process.ts';

/** The replies to the scripted lines, split on the blank line that ends each one. */
const replies = (out: string) => out.split('\n\n').filter((r) => r.trim() !== '');

describe('console chat for a newcomer', () => {
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.cleanup();
  });

  it('first start on a fresh database: stderr shows the Telegram hint and the admin code, not weeks of "missed" runs', async () => {
    bot = startBot({}, { freshDatabase: true }); // no database file yet: the bot creates and migrates it
    bot.child.stdin.end('');
    expect(await bot.exited).toBe(0);
    const err = bot.stderr();
    expect(err).toMatch(/Gõ \/thamgia [A-Z0-9]{4}-[A-Z0-9]{4} để trở thành quản trị viên đầu tiên/);
    expect(err).not.toContain('missed run skipped');
    expect(err.trim().split('\n')).toHaveLength(2);
  });

  it('greetings and thanks typed without diacritics get a greeting and a "you are welcome", not criteria', async () => {
    bot = startBot();
    bot.child.stdin.end(['chao ban', 'cam on', 'Cảm ơn bạn rất nhiều ạ', 'tieu chi y te', ''].join('\n'));
    expect(await bot.exited).toBe(0);
    // The greeting is /start's answer: the welcome, then the commands.
    const [hello, help, thanks, thanksAgain, question] = replies(bot.stdout());
    expect(hello).toContain('Xin chào! Đây là trợ lý thi đua – khen thưởng của xã Ia Bang.');
    expect(help).toContain('Các lệnh:');
    expect(thanks).toBe('Dạ, không có gì! Khi cần, bạn cứ gõ câu hỏi (ví dụ: tieu chi y te) hoặc /help để xem các lệnh.');
    expect(thanksAgain).toBe(thanks);
    expect(bot.stdout()).not.toContain('lĩnh vực phù hợp');
    // A real question is still a question.
    expect(question).toContain('3.1.5. Mô hình trong lĩnh vực y tế');
  });

  it('answers junk and over-long lines without calling them lowercase or a question, and recalls the open dialog', async () => {
    bot = startBot();
    const junk = '\u0001\u0002\u0003\uFFFD\uFFFD\uFFFDab';
    bot.child.stdin.end(['/viectot', 'x'.repeat(5000), junk, ''].join('\n'));
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    expect(out).toContain('Tin nhắn dài quá (tối đa 4.000 ký tự). Bạn hãy gõ ngắn gọn hơn nhé.');
    expect(out).toContain('Tôi không đọc được nội dung này. Bạn hãy gõ lại bằng chữ (có dấu hay không dấu đều được).');
    expect(out).not.toContain('chữ thường');
    // Both came in the middle of /viectot: the person is told the good deed is still waiting.
    expect(out.match(/Bạn còn một việc đang làm dở: gõ \/tiep để tiếp tục hoặc \/huy để hủy\./g)).toHaveLength(2);
    expect(out).not.toContain('ngắn gọn câu hỏi');
  });
});
