/**
 * Long polling against the fake Bot API: a 409 from a second poller is waited out (logged once, no
 * exit), a webhook someone set is reported and left alone unless configured to replace it, and
 * fetch failures are pino lines, not the runner's plain text on stderr (issues 10 and 18).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollingGuard } from '../../../src/channels/telegram/polling.ts';
import { startTelegram, type RunningTelegram } from '../../../src/channels/telegram/run.ts';
import { createTelegramBot } from '../../../src/channels/telegram/telegram.ts';
import { msg, type BotCore } from '../../../src/core/channel.ts';
import { testTranslator } from '../../helpers/core-fixtures.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';

let fake: FakeTelegram | undefined;
let running: RunningTelegram | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await fake?.close();
  fake = undefined;
  vi.restoreAllMocks();
});

const echo: BotCore = { handle: async (m) => ({ locale: 'vi', replies: [{ lines: [msg('plain', { text: `echo ${m.text}` })] }] }) };

async function start(f: FakeTelegram, opts: { replaceWebhook?: boolean } = {}) {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const translator = testTranslator();
  const bot = createTelegramBot({ core: echo, translator, logger, token: f.token, apiRoot: f.apiRoot });
  const fatal: unknown[] = [];
  running = await startTelegram({
    bot,
    translator,
    logger,
    mode: 'polling',
    conflictPauseMs: 5,
    replaceWebhook: opts.replaceWebhook,
    onFatal: (e) => fatal.push(e),
  });
  return { logs, fatal };
}

const setWebhook = (f: FakeTelegram, url: string) =>
  fetch(`${f.apiRoot}/bot${f.token}/setWebhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) });

describe('long polling', () => {
  it('a 409 from a second poller is waited out and logged once; updates flow when it ends', async () => {
    fake = await startFakeTelegram();
    const f = fake;
    let conflicts = 0;
    f.respondWith('getUpdates', () =>
      conflicts++ < 4
        ? {
            status: 409,
            body: {
              ok: false,
              error_code: 409,
              description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
            },
          }
        : undefined,
    );
    const stderr = vi.spyOn(console, 'error');
    const { logs, fatal } = await start(f);
    f.sendText({ chatId: 31, text: 'xin chào' });
    await f.waitFor((c) => c.method === 'sendMessage');
    expect(f.sentMessages(31)).toEqual(['echo xin chào']);
    expect(conflicts).toBeGreaterThan(4);
    expect(fatal).toEqual([]);
    expect(logs.filter((l) => String(l.msg).includes('conflict (409)'))).toHaveLength(1);
    expect(logs.filter((l) => l.msg === 'telegram polling resumed')).toHaveLength(1);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('fetch failures (5xx, network) are one pino line per streak (the runner itself is silent)', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({ write: (c: Buffer, _e, done) => (lines.push(...c.toString().split('\n').filter(Boolean)), done()) }),
    );
    const guard = pollingGuard({ logger, conflictPauseMs: 1 });
    const answers: unknown[] = [
      { ok: false, error_code: 502, description: 'Bad Gateway' },
      new Error('ECONNRESET'),
      { ok: false, error_code: 502, description: 'Bad Gateway' },
      { ok: true, result: [] },
    ];
    const prev = (async () => {
      const a = answers.shift();
      if (a instanceof Error) throw a;
      return a;
    }) as unknown as Parameters<typeof guard>[0];
    for (let i = 0; i < 4; i++) await guard(prev, 'getUpdates', { offset: 0 } as never).catch(() => undefined);
    const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(['telegram polling failed; retrying', 'telegram polling resumed']);
  });

  it('a webhook someone set is reported and left alone; with TELEGRAM_REPLACE_WEBHOOK it is replaced', async () => {
    fake = await startFakeTelegram();
    const f = fake;
    await setWebhook(f, 'https://other.example.vn/hook');
    const { logs } = await start(f);
    await f.waitFor((c) => c.method === 'getUpdates');
    expect(f.calls.some((c) => c.method === 'deleteWebhook')).toBe(false);
    expect(logs.some((l) => l.level === 50 && String(l.msg).includes('a webhook is set') && l.webhook === 'https://other.example.vn/hook')).toBe(true);
    await running!.stop();
    running = undefined;

    const replaced = await start(f, { replaceWebhook: true });
    await f.waitFor((c) => c.method === 'deleteWebhook');
    expect(replaced.logs.some((l) => String(l.msg).includes('deleting it to poll'))).toBe(true);
  });
});
