/**
 * The bot's one HTTP server (src/http/server.ts): /healthz, the body limit, the error boundary, and
 * Telegram's webhook route with its secret — on a real socket on a free port, no network beyond it.
 */
import { Bot } from 'grammy';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { mountTelegramWebhook } from '../../src/channels/telegram/run.ts';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';
import { testBotInfo } from '../helpers/fake-telegram.ts';

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('the HTTP server', () => {
  it('answers /healthz, 404 elsewhere, 413 beyond the body limit, and 500 (logged) when a route throws', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const http = createHttpApp({ logger, maxBodyBytes: 1000 });
    http.post('/echo', async (c) => c.text(await c.req.text()));
    http.get('/boom', () => {
      throw new Error('kaput');
    });
    server = await startHttpServer({ app: http, port: 0, logger });
    const base = `http://127.0.0.1:${server.port}`;

    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect(await (await post(`${base}/echo`, 'x'.repeat(1000))).text()).toHaveLength(1000);
    expect((await post(`${base}/echo`, 'x'.repeat(1001))).status).toBe(413);
    const boom = await fetch(`${base}/boom`);
    expect([boom.status, await boom.text()]).toEqual([500, 'internal error']);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; path?: string; err?: { message: string } });
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'http request failed', path: '/boom', err: expect.objectContaining({ message: 'kaput' }) }));
  });

  it('Telegram’s webhook route: 401 without the secret (nothing handled), the update handled with it', async () => {
    const logger = createLogger({ level: 'silent' });
    const bot = new Bot('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', { botInfo: testBotInfo() });
    const seen: string[] = [];
    bot.on('message:text', (ctx) => void seen.push(ctx.message.text));
    const http = createHttpApp({ logger });
    mountTelegramWebhook(http, { bot, webhookUrl: 'https://bot.example.vn/tg/hook', webhookSecret: 'secret-secret-123' });
    server = await startHttpServer({ app: http, port: 0, logger });
    const url = `http://127.0.0.1:${server.port}/tg/hook`;
    const update = JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: 'private', first_name: 'Lan' },
        from: { id: 5, is_bot: false, first_name: 'Lan' },
        text: 'xin chào',
      },
    });

    expect((await post(url, update)).status).toBe(401);
    expect((await post(url, update, { 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
    expect(seen).toEqual([]);
    expect((await post(url, update, { 'x-telegram-bot-api-secret-token': 'secret-secret-123' })).status).toBe(200);
    expect(seen).toEqual(['xin chào']);
  });
});
