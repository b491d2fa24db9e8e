/**
 * Zalo settings: all or nothing, every problem at once, defaults, and the port rule with Telegram.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';

const ZALO = {
  ZALO_APP_ID: '1111222233334444555',
  ZALO_APP_SECRET: 'app-secret-xyz',
  ZALO_OA_SECRET_KEY: 'oa-secret-key-xyz',
  ZALO_OA_ID: '9990008887776665554',
};
const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('Zalo configuration', () => {
  it('is off without any ZALO_* setting', () => {
    expect(loadConfig({}).zalo).toBeUndefined();
  });

  it('starts with the four required settings; defaults for the rest', () => {
    expect(loadConfig({ ...ZALO, HTTP_PORT: '9000' }).zalo).toEqual({
      appId: ZALO.ZALO_APP_ID,
      appSecret: ZALO.ZALO_APP_SECRET,
      oaSecretKey: ZALO.ZALO_OA_SECRET_KEY,
      oaId: ZALO.ZALO_OA_ID,
      refreshToken: undefined,
      oaApiBase: 'https://openapi.zalo.me',
      oauthBase: 'https://oauth.zaloapp.com',
      webhookPath: '/zalo/webhook',
      webhookMaxAgeMs: 13 * 3_600_000,
    });
    const custom = loadConfig({
      ...ZALO,
      ZALO_REFRESH_TOKEN: 'rt-0123456789',
      ZALO_OA_API_BASE: 'http://127.0.0.1:1/',
      ZALO_WEBHOOK_PATH: '/hooks/zalo',
      ZALO_WEBHOOK_MAX_AGE_HOURS: '24',
    }).zalo!;
    expect(custom).toMatchObject({
      refreshToken: 'rt-0123456789',
      oaApiBase: 'http://127.0.0.1:1',
      webhookPath: '/hooks/zalo',
      webhookMaxAgeMs: 24 * 3_600_000,
    });
  });

  it('a partial set is an error naming each missing setting, listed with every other problem', () => {
    const found = problems({ ZALO_APP_ID: '123', ZALO_REFRESH_TOKEN: 'rt-0123456789', BOT_TIME_ZONE: 'Mars/Base' });
    expect(found.some((p) => p.startsWith('BOT_TIME_ZONE:'))).toBe(true);
    for (const k of ['ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ID']) expect(found.some((p) => p.startsWith(`${k}: missing`))).toBe(true);
    expect(found.some((p) => p.startsWith('ZALO_APP_ID'))).toBe(false);
    // Values are never echoed.
    expect(found.join('\n')).not.toContain('rt-0123456789');
  });

  it('checks formats', () => {
    const found = problems({ ...ZALO, ZALO_APP_ID: 'abc', ZALO_WEBHOOK_PATH: 'zalo', ZALO_OAUTH_BASE: 'not a url' });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['ZALO_APP_ID', 'ZALO_OAUTH_BASE', 'ZALO_WEBHOOK_PATH']);
  });

  it('Telegram in webhook mode and Zalo share HTTP_PORT; the old ZALO_WEBHOOK_PORT is reported, not ignored', () => {
    const telegram = {
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram',
      TELEGRAM_WEBHOOK_SECRET: 'abcdefghijklmnop',
    };
    const both = loadConfig({ ...ZALO, ...telegram });
    expect(both.telegram?.mode).toBe('webhook');
    expect(both.zalo?.webhookPath).toBe('/zalo/webhook');
    expect(both.httpPort).toBe(8080);
    expect(problems({ ...ZALO, ...telegram, ZALO_WEBHOOK_PORT: '8081' })).toEqual([expect.stringMatching(/^ZALO_WEBHOOK_PORT: no longer used/)]);
  });
});
