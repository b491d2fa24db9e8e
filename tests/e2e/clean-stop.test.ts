/**
 * Issue 10, clean stops: SIGTERM while an update is in flight lets it finish — its reply goes
 * out — and the process exits 0. The real bot process against the fake Bot API.
 *
 * Also the production start (README "Production", deploy/thidua-bot.service): `node [its flags]
 * dist/main.js`, the bundle `npm run build` makes, answers an update and stops cleanly. No other
 * test runs the bundle production runs: a module left out of it, or a path that only resolves from
 * `src/`, fails here. It needs the build (`.ci/run` builds before `npm test`); where `dist/main.js`
 * is missing or older than the sources, that test is skipped and says so.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { DIST_MAIN, ROOT, startBot, type BotProcess } from '../helpers/process.ts';

/** Why the bundle cannot be tested now, or `null` when it is there and newer than every source. */
function staleBuild(): string | null {
  if (!existsSync(DIST_MAIN)) return 'dist/main.js is missing (run `npm run build`)';
  const built = statSync(DIST_MAIN).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  return newest(resolve(ROOT, 'src')) > built ? 'dist/main.js is older than src/ (run `npm run build`)' : null;
}

const skip = staleBuild();
if (skip) console.warn(`Production-start test (tests/e2e/clean-stop.test.ts) skipped: ${skip}`);

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

describe('the production start (built bundle)', () => {
  it.skipIf(skip !== null)(
    'answers an update, then exits 0 on SIGTERM',
    async () => {
      fake = await startFakeTelegram();
      const f = fake;
      bot = startBot({ TELEGRAM_BOT_TOKEN: f.token, TELEGRAM_API_ROOT: f.apiRoot, LOG_LEVEL: 'info' }, { compiled: true });
      f.sendText({ chatId: 7001, text: '/help' });
      await f.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 7001, 90_000);
      expect(f.sentMessages(7001).join('\n')).toMatch(/\/tieuchi/);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    },
    180_000,
  );
});
