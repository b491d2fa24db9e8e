/**
 * The real bot process (`src/main.ts`) against a fake Bot API server on localhost: long polling and
 * webhook mode, as a person on Telegram would see it. Waits for events, never for fixed times.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramCall } from '../helpers/fake-telegram.ts';
import { resolve } from 'node:path';
import { loadPlanFile } from '../../src/core/plan/load.ts';
import { writePlanXlsx } from '../../src/plan-xlsx/workbook.ts';
import { freePort, ROOT, startBot, type BotProcess } from '../helpers/process.ts';

/**
 * Start-up (tsx, migrations, plan import) takes about a second; on a loaded machine much longer, so
 * the first event gets a generous wait. Each step after that is answered in milliseconds.
 */
const STARTUP_MS = 30_000;
const STEP_MS = 10_000;
const TEST_MS = 60_000;

/** A test's own fake and bot process (stopped after each test). */
let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
/** The bot process several tests share (see the long-polling tests). */
let shared: BotProcess | undefined;

/** SIGTERM first (a clean stop); SIGKILL if it has not exited within 5 s. */
async function stop(proc: BotProcess): Promise<void> {
  const kill = setTimeout(() => proc.child.kill('SIGKILL'), 5000);
  await proc.cleanup();
  clearTimeout(kill);
}

afterEach(async () => {
  if (bot) {
    const proc = bot;
    bot = undefined;
    await stop(proc);
  }
  await fake?.close();
  fake = undefined;
});

/** Adds the bot process's stderr to a failed wait, so a timeout tells what the bot was doing. */
async function explained<T>(p: Promise<T>, proc: BotProcess | undefined = bot ?? shared): Promise<T> {
  try {
    return await p;
  } catch (error) {
    const exit =
      proc && (proc.child.exitCode !== null || proc.child.signalCode !== null) ? ` (bot exited: ${proc.child.exitCode ?? proc.child.signalCode})` : '';
    throw new Error(`${(error as Error).message}\n--- bot stderr${exit} ---\n${proc?.stderr() ?? ''}`, { cause: error });
  }
}

/** The first `sendMessage` to `chatId` after call number `from` whose text matches. */
function nextMessage(f: FakeTelegram, from: number, chatId: number, match: (text: string) => boolean = () => true): Promise<FakeTelegramCall> {
  return explained(
    f.waitFor(
      (c) => f.calls.indexOf(c) >= from && c.method === 'sendMessage' && String(c.payload.chat_id) === String(chatId) && match(String(c.payload.text ?? '')),
      STEP_MS,
    ),
  );
}

/** Resolves once the process's stderr matches, or rejects when it exits first or `timeoutMs` passes. */
function stderrMatching(p: BotProcess, re: RegExp, timeoutMs = STEP_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (re.test(p.stderr())) {
        cleanup();
        resolve(p.stderr());
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`stderr never matched ${re}:\n${p.stderr()}`));
    }, timeoutMs);
    const onExit = () => {
      cleanup();
      reject(new Error(`bot exited before stderr matched ${re}:\n${p.stderr()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      p.child.stderr.off('data', check);
      p.child.off('exit', onExit);
    };
    p.child.stderr.on('data', check);
    p.child.once('exit', onExit);
    check();
  });
}

type Keyboard = { inline_keyboard: { text: string; callback_data?: string }[][] };
const textOf = (c: FakeTelegramCall) => String(c.payload.text ?? '');
const buttonsOf = (c: FakeTelegramCall) => ((c.payload.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();

/** Neither the token nor its secret half, nor the webhook secret, may appear in the logs. */
function expectNoSecrets(p: BotProcess, secrets: string[]): void {
  const err = p.stderr();
  const out = p.stdout();
  for (const s of secrets) {
    expect(err, 'stderr leaks a secret').not.toContain(s);
    expect(out, 'stdout leaks a secret').not.toContain(s);
  }
}

/**
 * One long-polling bot process serves these tests in order (a start costs seconds of CPU): each talks
 * in its own chat, and the last one makes polling fail for good. At `debug`, so that every test's
 * check that no secret reaches the log covers the most verbose log.
 */
describe('Telegram end to end, long polling: the real bot process against a fake Bot API', () => {
  const ADMIN_CHAT = 5002;
  let polling: { fake: FakeTelegram; bot: BotProcess } | undefined;
  beforeAll(async () => {
    const f = await startFakeTelegram();
    shared = startBot({ TELEGRAM_BOT_TOKEN: f.token, TELEGRAM_API_ROOT: f.apiRoot, LOG_LEVEL: 'debug', ADMIN_TELEGRAM_IDS: String(ADMIN_CHAT) });
    polling = { fake: f, bot: shared };
    // Start-up: the command menus in both languages, a look for a webhook, then polling.
    await explained(f.waitFor((c) => c.method === 'getUpdates', STARTUP_MS));
  }, STARTUP_MS + STEP_MS);
  afterAll(async () => {
    if (shared) await stop(shared);
    await polling?.fake.close();
    polling = shared = undefined;
  });

  it(
    'long polling: /start, /tieuchi, a tap on a category and a question without diacritics',
    async () => {
      const { fake: f, bot } = polling!;
      const chat = 5001;

      // Start-up: the command menus in both languages, a look for a webhook (none: nothing deleted), then polling.
      expect(f.calls.some((c) => c.method === 'getWebhookInfo')).toBe(true);
      expect(f.calls.some((c) => c.method === 'deleteWebhook')).toBe(false);
      const menus = f.calls.filter((c) => c.method === 'setMyCommands');
      expect(menus.map((c) => c.payload.language_code ?? 'default').sort()).toEqual(['default', 'en', 'vi']);
      const en = menus.find((c) => c.payload.language_code === 'en')!.payload.commands as { command: string }[];
      expect(en.map((c) => c.command)).toContain('criteria');
      const polls = f.calls.filter((c) => c.method === 'getUpdates');
      expect(polls[0]!.payload.allowed_updates).toEqual(['message', 'callback_query']);

      // /start
      let from = f.calls.length;
      f.sendText({ chatId: chat, text: '/start', firstName: 'Lan <lan@x.vn>' });
      const welcome = await nextMessage(f, from, chat, (t) => t.includes('Xin chào'));
      expect(welcome.payload.parse_mode).toBe('HTML');
      expect(textOf(welcome)).toContain('<b>Xin chào!</b> Đây là trợ lý thi đua – khen thưởng của');
      expect(textOf(welcome)).toContain('Ia Bang');
      await nextMessage(f, from, chat, (t) => t.includes('/tieuchi'));

      // /tieuchi: the categories as buttons
      from = f.calls.length;
      f.sendText({ chatId: chat, text: '/tieuchi' });
      const list = await nextMessage(f, from, chat, (t) => t.includes('Tiêu chí lựa chọn điển hình tiên tiến'));
      expect(textOf(list)).toContain('<b>Đối với tập thể</b> (mục 3.1.1 – 3.1.10)');
      expect(textOf(list)).toContain('<b>Đối với cá nhân</b> (mục 3.2.1 – 3.2.2)');
      const health = buttonsOf(list).find((b) => b.text.startsWith('3.1.5'));
      expect(health, JSON.stringify(list.payload.reply_markup)).toBeDefined();
      expect(buttonsOf(list)).toHaveLength(12);

      // A tap on 3.1.5 (the callback_data of that button): answered at once, then the criteria.
      from = f.calls.length;
      f.tapButton({ chatId: chat, data: health!.callback_data! });
      const detail = await nextMessage(f, from, chat, (t) => t.includes('3.1.5.'));
      const answered = f.calls.findIndex((c, i) => i >= from && c.method === 'answerCallbackQuery');
      expect(answered).toBeGreaterThanOrEqual(from);
      expect(answered).toBeLessThan(f.calls.indexOf(detail));
      const shown = textOf(detail);
      expect(shown).toContain('<b>3.1.5. Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân</b> (mục III.3.1.5)');
      // Who may be chosen is said above the list, not ticked as a criterion (domain-corrections §1).
      expect(shown).toContain('Đối tượng: <i>Là các tập thể cơ quan, đơn vị, các y, bác sĩ, cán bộ và nhân viên ngành y tế xã</i>');
      expect(shown).toContain('<b>Tiêu chí (6):</b>');
      expect(shown).toContain('\n1. Thực hiện tốt các Chương trình, mục tiêu quốc gia về lĩnh vực y tế');
      expect(shown).toContain('\n5. Thực hiện tốt các quy định của ngành y');
      expect(shown).toContain('<b>Và các tiêu chí chung</b> (mục III.2)');
      expect(buttonsOf(detail).map((b) => b.callback_data)).toContain('criteria:list');

      // A free-text question without diacritics finds the same category.
      from = f.calls.length;
      f.sendText({ chatId: chat, text: 'tieu chi y te' });
      const found = await nextMessage(f, from, chat, (t) => t.includes('3.1.5.'));
      expect(textOf(found)).toContain('Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân');
      expect(textOf(found)).toContain('Thực hiện tốt các Chương trình, mục tiêu quốc gia về lĩnh vực y tế');

      // Every message in HTML mode; nothing failed; nothing sent with a wrong token.
      for (const c of f.calls.filter((x) => x.method === 'sendMessage')) expect(c.payload.parse_mode).toBe('HTML');
      expect(f.rejected).toEqual([]);
      expect(bot.stderr()).not.toMatch(/"level":"(error|fatal)"/);
      expectNoSecrets(bot, [f.token, f.token.split(':')[1]!]);
    },
    TEST_MS,
  );

  it(
    'an administrator sends the plan workbook: the bot fetches it (getFile), summarises it and applies it on the tap',
    async () => {
      const { fake: f, bot } = polling!;
      const chat = ADMIN_CHAT;
      const plan = structuredClone(loadPlanFile(resolve(ROOT, 'plans/sample-2026-2030.yaml')));
      plan.id = 'xa-ia-bang-2026-2030';
      plan.sample = false;
      plan.title = { vi: 'Kế hoạch điển hình tiên tiến xã Ia Bang 2026 – 2030', en: 'Ia Bang exemplars plan 2026 – 2030' };
      f.putFile('plan-doc', await writePlanXlsx(plan));

      let from = f.calls.length;
      f.pushUpdate({
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chat, type: 'private', first_name: 'Hoa' },
          from: { id: chat, is_bot: false, first_name: 'Hoa' },
          document: { file_id: 'plan-doc', file_unique_id: 'u-plan-doc', file_name: 'ke-hoach-2026.xlsx' },
        },
      });
      const summary = await nextMessage(f, from, chat, (t) => t.includes('Đã kiểm tra tệp'));
      expect(f.calls.some((c, i) => i >= from && c.method === 'getFile' && c.payload.file_id === 'plan-doc')).toBe(true);
      expect(f.downloads).toHaveLength(1);
      expect(textOf(summary)).toContain('Kế hoạch: Kế hoạch điển hình tiên tiến xã Ia Bang 2026 – 2030');
      const apply = buttonsOf(summary).find((b) => b.text.includes('Áp dụng'));
      expect(apply, JSON.stringify(summary.payload.reply_markup)).toBeDefined();

      from = f.calls.length;
      f.tapButton({ chatId: chat, data: apply!.callback_data! });
      await nextMessage(f, from, chat, (t) => t.includes('Đã áp dụng kế hoạch: Kế hoạch điển hình tiên tiến xã Ia Bang 2026 – 2030'));
      from = f.calls.length;
      f.sendText({ chatId: chat, text: '/chitieu' });
      await nextMessage(f, from, chat, (t) => t.includes('2026 – 2030'));
      expect(bot.stderr()).not.toMatch(/"level":"(error|fatal)"/);
      expectNoSecrets(bot, [f.token, f.token.split(':')[1]!]);
    },
    TEST_MS,
  );

  // Last: the bot stops polling for good.
  it(
    'never logs the token when polling fails (409 Conflict: another instance polls with the same token)',
    async () => {
      const { fake: f, bot } = polling!;
      f.respondWith('getUpdates', () => ({
        status: 409,
        body: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' },
      }));
      await stderrMatching(bot, /Conflict/);
      expectNoSecrets(bot, [f.token, f.token.split(':')[1]!]);
    },
    TEST_MS,
  );
});

describe('Telegram end to end: the real bot process against a fake Bot API', () => {
  it(
    'never logs the token when Telegram refuses it at start (401 on getMe): stops with the reason',
    async () => {
      fake = await startFakeTelegram();
      const f = fake;
      const wrongToken = '987654:WRONG-token-abcdefghijklmnopq';
      bot = startBot({ TELEGRAM_BOT_TOKEN: wrongToken, TELEGRAM_API_ROOT: f.apiRoot, LOG_LEVEL: 'debug' });
      const code = await bot.exited;
      expect(code).not.toBe(0);
      expect(f.rejected.map((c) => c.method)).toContain('getMe');
      expect(bot.stderr()).toMatch(/getMe/);
      expect(bot.stderr()).toMatch(/401/);
      expectNoSecrets(bot, [wrongToken, wrongToken.split(':')[1]!, f.token]);
    },
    TEST_MS,
  );

  it(
    'webhook: setWebhook with the secret; requests without the right secret get 401 and change nothing',
    async () => {
      fake = await startFakeTelegram();
      const f = fake;
      const port = await freePort();
      const secret = 'Sec_ret-0123456789abcdEF'; // 24 characters
      expect(secret).toHaveLength(24);
      bot = startBot({
        TELEGRAM_BOT_TOKEN: f.token,
        TELEGRAM_API_ROOT: f.apiRoot,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_URL: 'https://example.invalid/tg/hook',
        TELEGRAM_WEBHOOK_SECRET: secret,
        HTTP_PORT: String(port),
        LOG_LEVEL: 'debug',
      });

      const setWebhook = await explained(f.waitFor((c) => c.method === 'setWebhook', STARTUP_MS));
      expect(setWebhook.payload.url).toBe('https://example.invalid/tg/hook');
      expect(setWebhook.payload.secret_token).toBe(secret);
      // The server listens before setWebhook is called.
      const hook = `http://127.0.0.1:${port}/tg/hook`;
      const update = (id: number, chatId: number, text: string) => ({
        update_id: id,
        message: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private', first_name: 'Hoa' },
          from: { id: chatId, is_bot: false, first_name: 'Hoa' },
          text,
          ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
        },
      });
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

      const forgedChat = 6660;
      const noHeader = await post(update(1, forgedChat, '/tieuchi'));
      expect(noHeader.status).toBe(401);
      await noHeader.body?.cancel();
      const wrong = await post(update(2, forgedChat, '/start'), { 'X-Telegram-Bot-Api-Secret-Token': 'Wrong_secret-0123456789ab' });
      expect(wrong.status).toBe(401);
      await wrong.body?.cancel();

      const chat = 7770;
      const ok = await post(update(3, chat, 'tieu chi y te'), { 'X-Telegram-Bot-Api-Secret-Token': secret });
      expect(ok.status).toBe(200);
      await ok.body?.cancel();
      const answer = await nextMessage(f, 0, chat, (t) => t.includes('3.1.5.'));
      expect(textOf(answer)).toContain('Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân');

      // The forged updates were refused before the answered one was sent: nothing went to their chat.
      expect(f.calls.filter((c) => String(c.payload.chat_id) === String(forgedChat))).toEqual([]);
      expect(f.calls.some((c) => c.method === 'getUpdates')).toBe(false);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      await health.body?.cancel();
      expectNoSecrets(bot, [f.token, f.token.split(':')[1]!, secret]);
    },
    TEST_MS,
  );
});
