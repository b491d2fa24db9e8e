import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../helpers/process.ts';

describe('console chat through a pipe (the README transcript)', () => {
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.cleanup();
  });

  it('answers each line on stdout, taps numbered choices, and exits 0 at end of input', async () => {
    bot = startBot();
    bot.child.stdin.end(['/tieuchi', '5', 'tieu chi y te', '/chitieu', '/moc', '/lang en', 'doanh nghiep', '/foo', ''].join('\n'));
    const code = await bot.exited;
    const out = bot.stdout();
    expect(code, bot.stderr()).toBe(0);
    // /tieuchi: the list with numbered choices
    expect(out).toContain('Đối với tập thể (mục 3.1.1 – 3.1.10)');
    expect(out).toMatch(/\[5\] 3\.1\.5 /);
    // "5" tapped the health category
    expect(out).toContain('3.1.5. Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân (mục III.3.1.5)');
    // targets and timeline
    expect(out).toContain('Chỉ tiêu giai đoạn 2021 – 2025');
    expect(out).toContain('25/8/2021');
    // English after /lang en
    expect(out).toContain('Switched to English.');
    expect(out).toContain('3.1.8. Model in production and business');
    expect(out).toContain("I don't know the command /foo");
    // stdout is the conversation only; the Telegram hint is a notice on stderr
    expect(out).not.toContain('TELEGRAM_BOT_TOKEN');
    expect(bot.stderr()).toContain('TELEGRAM_BOT_TOKEN');
  });

  it('stops with every configuration problem listed', async () => {
    bot = startBot({ TELEGRAM_MODE: 'push', DEFAULT_LOCALE: 'fr' });
    bot.child.stdin.end('');
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toContain('TELEGRAM_MODE');
    expect(bot.stderr()).toContain('DEFAULT_LOCALE');
  });

  it('stops with the field named when the plan file is broken', async () => {
    bot = startBot({ PLAN_FILE: 'package.json' });
    bot.child.stdin.end('');
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toMatch(/Plan file .*package\.json is invalid/);
    expect(bot.stderr()).toMatch(/- id: /);
  });
});

/**
 * A restart on the database of a first run that only switched to English. The first run is shared by
 * the tests (a bot start costs seconds of CPU); each restarts the bot on it once, reading only.
 */
describe('console restarts after /lang en', () => {
  let first: BotProcess | undefined;
  let again: BotProcess | undefined;
  beforeAll(async () => {
    first = startBot();
    first.child.stdin.end('/lang en\n');
    expect(await first.exited, first.stderr()).toBe(0);
  });
  afterEach(async () => {
    await again?.cleanup();
    again = undefined;
  });
  afterAll(async () => {
    await first?.cleanup();
  });

  it('keeps the plan and the chosen language across restarts on the same database', async () => {
    again = startBot({ DATABASE_URL: `file:${first!.dir}/thidua.db` });
    again.child.stdin.end('/tieuchi\n');
    expect(await again.exited).toBe(0);
    expect(again.stdout()).toContain('Criteria for selecting exemplars');
  });

  it('after /lang en, the next start prints its notices in English', async () => {
    expect(first!.stderr()).toContain('Muốn dùng trên Telegram');
    again = startBot({ DATABASE_URL: `file:${first!.dir}/thidua.db` });
    again.child.stdin.end('');
    expect(await again.exited).toBe(0);
    expect(again.stderr()).toContain('To use it on Telegram');
  });
});
