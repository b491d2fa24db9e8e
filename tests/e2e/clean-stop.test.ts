/**
 * Issue 10, clean stops: SIGTERM while an update is in flight lets it finish — its reply goes
 * out — and the process exits 0. The real bot process against the fake Bot API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { startBot, type BotProcess } from '../helpers/process.ts';

let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  const kill = setTimeout(() => bot?.child.kill('SIGKILL'), 15_000);
  await bot?.cleanup();
  clearTimeout(kill);
  bot = undefined;
  await fake?.close();
  fake = undefined;
});

describe('SIGTERM', () => {
  it('mid-update: the reply is sent, then the process exits 0', async () => {
    fake = await startFakeTelegram();
    const f = fake;
    bot = startBot({ TELEGRAM_BOT_TOKEN: f.token, TELEGRAM_API_ROOT: f.apiRoot, LOG_LEVEL: 'info' });
    await f.waitFor((c) => c.method === 'getUpdates', 90_000);

    const release = f.hold('sendMessage');
    f.sendText({ chatId: 6001, text: '/help' });
    await f.waitFor((c) => c.method === 'sendMessage', 20_000); // the reply is on its way, held

    bot.child.kill('SIGTERM');
    await bot.waitForStderr(/waiting for updates in flight/);
    expect(bot.child.exitCode).toBeNull(); // still running: it waits for the held reply
    release();

    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toMatch(/updates in flight finished/);
    expect(f.sentMessages(6001).join('\n')).toMatch(/\/tieuchi/);
  }, 180_000);
});
