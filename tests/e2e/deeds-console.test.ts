/**
 * "Việc tốt quanh ta" end to end: the real bot process (console channel) through a pipe. One console
 * person becomes administrator (bootstrap code on stderr) and officer (an invite), tells a good deed
 * without being named, publishes it, gets the notice, and reads the public list and the bulletin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../helpers/process.ts';

/** Drives the console: writes a line and resolves with the new output once it matches `until`. */
function conversation(bot: BotProcess) {
  let seen = 0;
  const waitFor = (read: () => string, pattern: RegExp, from: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const out = read().slice(from);
        if (pattern.test(out)) {
          cleanup();
          resolve(out);
        }
      };
      const stream = read === bot.stdout ? bot.child.stdout : bot.child.stderr;
      const onExit = () => {
        cleanup();
        reject(new Error(`bot exited before ${pattern}; stdout:\n${bot.stdout().slice(from)}\nstderr:\n${bot.stderr()}`));
      };
      const cleanup = () => {
        stream.off('data', check);
        bot.child.off('close', onExit);
      };
      stream.on('data', check);
      bot.child.on('close', onExit);
      check();
    });
  let last = '';
  return {
    stderr: (pattern: RegExp) => waitFor(bot.stderr, pattern, 0),
    /** Sends `line`; resolves with the reply text once it matches `until` (replies end with a blank line). */
    async say(line: string, until: RegExp): Promise<string> {
      const from = seen;
      bot.child.stdin.write(`${line}\n`);
      last = await waitFor(bot.stdout, until, from);
      seen = bot.stdout().length;
      return last;
    },
    /** The number of the choice labelled `label` in the latest reply. */
    choice(label: string): string {
      const m = new RegExp(`\\[(\\d+)\\] ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(last);
      if (!m) throw new Error(`no choice "${label}" in:\n${last}`);
      return m[1]!;
    },
  };
}

describe('good deeds through the console process', () => {
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.cleanup();
  });

  it('tell → moderate → publish → notice → public list and bulletin, never naming an unnamed teller', async () => {
    bot = startBot({ CONSOLE_USER: 'tester' });
    const c = conversation(bot);
    const code = /\/thamgia (\S+)/.exec(await c.stderr(/\/thamgia \S+ /))![1]!;
    await c.say(`/thamgia ${code}`, /Bạn đã nhận vai trò[^\n]*\n\n/);
    await c.say('/moi', /Chọn bằng cách gõ số[\s\S]*\n\n/);
    await c.say(c.choice('Cán bộ đơn vị'), /Cán bộ của đơn vị nào\?[\s\S]*\n\n/);
    const invite = await c.say('1', /Mã dùng một lần[^\n]*\n\n/);
    await c.say(`/thamgia ${/\/thamgia (\S+)/.exec(invite)![1]}`, /Bạn đã nhận vai trò[^\n]*\n\n/);

    await c.say('/viectot', /Bước 1\/6[\s\S]*\n\n/);
    await c.say('Anh Nguyễn Văn An', /Bước 2\/6[\s\S]*\n\n/);
    await c.say('Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to', /Bước 3\/6[\s\S]*\n\n/);
    await c.say('Thôn Đồng Tâm', /Bước 4\/6[\s\S]*\n\n/);
    await c.say(c.choice('Hôm qua'), /Bước 5\/6[\s\S]*\n\n/);
    await c.say(c.choice('Bỏ qua, không có ảnh'), /Bước 6\/6[\s\S]*\n\n/);
    const summary = await c.say(c.choice('Không ghi tên tôi'), /Kiểm tra lại trước khi gửi[\s\S]*\n\n/);
    expect(summary).toContain('bà con chỉ thấy nội dung, không thấy tên bạn');
    const sent = await c.say(c.choice('✅ Gửi'), /Đã nhận việc tốt, mã (VT-\S{4})\.[\s\S]*\n\n/);
    const ref = /VT-[A-Z0-9]{4}/.exec(sent)![0];

    const queue = await c.say('/kiemduyet', /Chọn bằng cách gõ số[\s\S]*\n\n/);
    expect(queue).toContain(`Việc tốt ${ref} (chờ kiểm duyệt)`);
    expect(queue).toContain('Người gửi: tester — không muốn ghi tên khi đăng');
    const published = await c.say(c.choice('✅ Đăng'), /🔔 [^\n]*đã được đăng[^\n]*\n\n/);
    expect(published).toContain(`Đã đăng việc tốt ${ref}`);
    expect(published).toContain(`🔔 🌼 Việc tốt ${ref} bạn kể về Anh Nguyễn Văn An đã được đăng`);

    const list = await c.say('/viectotmoi', /Gõ \/viectot để kể\.\n\n/);
    expect(list).toContain('Anh Nguyễn Văn An (Thôn Đồng Tâm,');
    expect(list).not.toContain('tester');
    const bulletin = await c.say('/bantin', /để cùng lan tỏa\.\n\n/);
    expect(bulletin).toContain('Tuần qua, trên địa bàn xã Ia Bang, bà con đã kể lại 1 việc tốt.');
    expect(bulletin).toContain('Thứ nhất, ở Thôn Đồng Tâm, Anh Nguyễn Văn An đã có việc làm tốt: Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to.');
    expect(bulletin).not.toContain('tester');

    bot.child.stdin.end();
    expect(await bot.exited, bot.stderr()).toBe(0);
  }, 60_000);
});
