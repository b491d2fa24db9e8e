import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('runs with nothing set: console chat on the embedded database, Vietnamese, Vietnam time', () => {
    const c = loadConfig({});
    expect(c.telegram).toBeUndefined();
    expect(c.databaseUrl).toBe('file:./data/thidua.db');
    expect(c.planFile).toBe('plans/ia-bang-2021-2025.yaml');
    expect(c.defaultLocale).toBe('vi');
    expect(c.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(c.httpPort).toBe(8080);
  });

  it('a token turns Telegram on, with polling by default', () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345' });
    expect(c.telegram).toMatchObject({ mode: 'polling', apiRoot: 'https://api.telegram.org' });
  });

  it('lists every problem at once, without echoing the token', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        TELEGRAM_BOT_TOKEN: 'secret-but-wrong',
        TELEGRAM_MODE: 'push',
        HTTP_PORT: 'eighty',
        DEFAULT_LOCALE: 'fr',
        BOT_TIME_ZONE: 'Mars/Olympus',
        DATABASE_URL: 'mysql://x',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = error!.problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_MODE', 'HTTP_PORT', 'DEFAULT_LOCALE', 'BOT_TIME_ZONE', 'DATABASE_URL']));
    expect(error!.message).not.toContain('secret-but-wrong');
  });

  it('webhook mode needs a URL and a secret', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345', TELEGRAM_MODE: 'webhook' })).toThrow(
      /TELEGRAM_WEBHOOK_URL[\s\S]*TELEGRAM_WEBHOOK_SECRET/,
    );
  });

  it("refuses a webhook secret that is the token's part after ':' (issue 18), without echoing it", () => {
    const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345';
    const env = { TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg' };
    let error: ConfigError | undefined;
    try {
      loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: 'ABCdefGHIjklMNOpqrSTUvwxYZ012345' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.join('\n')).toMatch(/TELEGRAM_WEBHOOK_SECRET: must not be the bot token/);
    expect(error!.message).not.toContain('ABCdefGHI');
    expect(loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: 'a-separate-random-secret-123' }).telegram?.webhookSecret).toBe('a-separate-random-secret-123');
  });

  it('blank values count as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', LOG_LEVEL: ' ' }).telegram).toBeUndefined();
  });
});
