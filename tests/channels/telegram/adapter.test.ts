/**
 * The Telegram adapter in-process: grammY with preset bot info over `createTestApp()`'s core, every
 * outgoing Bot API call captured by a transformer (which answers with fake results, so nothing leaves
 * the process), updates fed with `bot.handleUpdate`.
 */
import { Writable } from 'node:stream';
import type { Bot } from 'grammy';
import type { Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TELEGRAM_MESSAGE_LIMIT } from '../../../src/channels/telegram/html.ts';
import { createTelegramBot, sendOutcome, setCommandMenus } from '../../../src/channels/telegram/telegram.ts';
import { msg, type Reply } from '../../../src/core/channel.ts';
import { COMMANDS } from '../../../src/core/commands.ts';
import { testBotInfo } from '../../helpers/fake-telegram.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

const TOKEN = '123456:ADAPTER-test-token-abcdefghijkl';
const BOT_INFO: UserFromGetMe = testBotInfo();
const BOT_USER: User = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };

interface Call {
  method: string;
  payload: Record<string, unknown>;
  /** The message id the capture answered with (sent or edited messages). */
  messageId?: number;
}

/** An error envelope the fake answers instead of a result (once). */
type Failure = { ok: false; error_code: number; description: string };

interface Harness {
  t: TestApp;
  bot: Bot;
  calls: Call[];
  /** Structured log lines written by the adapter's logger. */
  logs: Record<string, unknown>[];
  /** The next call of `method` fails with `failure`. */
  failNext(method: string, failure: Failure): void;
  /** Feeds a text message from `from` in chat `chatId` (private by default). */
  text(chatId: number, text: string, opts?: { from?: Partial<User>; chatType?: 'private' | 'supergroup' }): Promise<void>;
  /** Feeds a non-text message (photo, sticker …) in a private chat. */
  message(chatId: number, fields: Partial<Message>): Promise<void>;
  /** Feeds a tap on `data` of the bot's message `messageId` (default: the last one sent to the chat). */
  tap(chatId: number, data: string, messageId?: number): Promise<string>;
  /** Calls made since `index`. */
  since(index: number): Call[];
  /** `sendMessage` calls (optionally since `index`). */
  sends(index?: number): Call[];
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.t.close();
  harness = undefined;
});

async function setup(): Promise<Harness> {
  const t = await createTestApp();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const bot = createTelegramBot({ core: t.app.core, translator: t.app.translator, logger, token: TOKEN, apiRoot: 'http://127.0.0.1:9', botInfo: BOT_INFO });

  const calls: Call[] = [];
  const failures = new Map<string, Failure>();
  const lastSent = new Map<number, number>();
  let nextMessageId = 1000;
  // Installed last, so it is the outermost transformer: every call stops here.
  bot.api.config.use(async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    const call: Call = { method, payload: p };
    calls.push(call);
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return failure as never;
    }
    if (method === 'sendMessage' || method === 'editMessageText' || method === 'sendPhoto' || method === 'sendDocument') {
      const chatId = Number(p.chat_id);
      const messageId = method === 'editMessageText' ? Number(p.message_id) : nextMessageId++;
      if (method !== 'editMessageText') lastSent.set(chatId, messageId);
      call.messageId = messageId;
      const result = {
        message_id: messageId,
        date: 1_700_000_000,
        chat: { id: chatId, type: 'private', first_name: 'X' },
        from: BOT_USER,
        text: String(p.text ?? ''),
      };
      return { ok: true, result } as never;
    }
    return { ok: true, result: true } as never;
  });

  let updateId = 1;
  let incomingId = 1;
  const userOf = (id: number, extra: Partial<User> = {}): User => ({ id, is_bot: false, first_name: 'Test', ...extra });
  const chatOf = (chatId: number, from: User, type: 'private' | 'supergroup' = chatId > 0 ? 'private' : 'supergroup'): Chat =>
    type === 'private' ? { id: chatId, type: 'private', first_name: from.first_name } : { id: chatId, type: 'supergroup', title: 'Ban thi đua xã' };
  const feed = (update: Omit<Update, 'update_id'>) => bot.handleUpdate({ ...update, update_id: updateId++ } as Update);

  const h: Harness = {
    t,
    bot,
    calls,
    logs,
    failNext: (method, failure) => failures.set(method, failure),
    async text(chatId, text, opts = {}) {
      const from = userOf(opts.from?.id ?? (chatId > 0 ? chatId : 1001), opts.from);
      const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
      await feed({
        message: {
          message_id: incomingId++,
          date: 1_700_000_000,
          chat: chatOf(chatId, from, opts.chatType),
          from,
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
        } as Message & Update.NonChannel,
      });
    },
    async message(chatId, fields) {
      const from = userOf(chatId);
      await feed({ message: { message_id: incomingId++, date: 1_700_000_000, chat: chatOf(chatId, from), from, ...fields } as Message & Update.NonChannel });
    },
    async tap(chatId, data, messageId) {
      const from = userOf(chatId);
      const id = `cb${updateId}`;
      const message = {
        message_id: messageId ?? lastSent.get(chatId) ?? 1,
        date: 1_700_000_000,
        chat: chatOf(chatId, from),
        from: BOT_USER,
        text: '…',
      } as Message.TextMessage;
      await feed({ callback_query: { id, from, chat_instance: `ci${chatId}`, data, message } });
      return id;
    },
    since: (index) => calls.slice(index),
    sends: (index = 0) => calls.slice(index).filter((c) => c.method === 'sendMessage'),
  };
  harness = h;
  return h;
}

/** What Telegram shows after parsing HTML: tags removed, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?>/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** Only the tags Telegram's HTML mode knows, properly nested; every `&` starts an entity. */
function expectValidTelegramHtml(html: string): void {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)(?:\s[^>]*)?>/gi)) {
    const name = m[2]!.toLowerCase();
    expect(['b', 'i', 'u', 'code', 'pre', 's', 'a', 'blockquote', 'tg-spoiler']).toContain(name);
    if (m[1] === '/') expect(stack.pop(), `</${name}> in ${html.slice(0, 200)}`).toBe(name);
    else stack.push(name);
  }
  expect(stack, `unclosed tags in ${html.slice(0, 200)}`).toEqual([]);
  expect(html.replace(/&(?:amp|lt|gt|quot|#\d+);/g, '')).not.toContain('&');
}

const textOf = (c: Call) => String(c.payload.text ?? '');
type Markup = { inline_keyboard: { text: string; callback_data?: string }[][] } | undefined;
const markupOf = (c: Call) => c.payload.reply_markup as Markup;
const buttonsOf = (c: Call) => (markupOf(c)?.inline_keyboard ?? []).flat();

describe('Telegram adapter: sending', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await setup();
  });

  it('sends every message in HTML parse mode with valid markup, Vietnamese by default', async () => {
    await h.text(501, '/start');
    await h.text(501, '/tieuchi');
    await h.tap(501, 'cat:3.1.5');
    await h.text(501, 'tieu chi y te');
    await h.text(501, '/chitieu');
    await h.text(501, '/moc');
    await h.text(501, '/khongco');
    const sends = h.sends();
    expect(sends.length).toBeGreaterThanOrEqual(7);
    for (const s of sends) {
      expect(s.payload.parse_mode).toBe('HTML');
      expect(String(s.payload.chat_id)).toBe('501');
      expectValidTelegramHtml(textOf(s));
      expect(visible(textOf(s)).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    }
    const all = sends.map(textOf).join('\n');
    expect(all).toContain('<b>Xin chào!</b>');
    expect(all).toContain('<b>3.1.5. Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân</b>');
    expect(all).toContain('Tôi chưa hiểu lệnh /khongco');
  });

  it('answers a question with markup in it honestly, in valid HTML, with a way on', async () => {
    const before = h.calls.length;
    await h.text(501, '<b>qwz</b> & zzq');
    const [answer] = h.sends(before);
    expect(answer).toBeDefined();
    const html = textOf(answer!);
    expect(html).not.toContain('<b>qwz</b>');
    expectValidTelegramHtml(html);
    expect(visible(html)).toContain('nằm ngoài nội dung tôi nắm được');
    // Buttons to the list of categories and the targets, so the person is never left without a way on.
    expect(buttonsOf(answer!).map((b) => b.callback_data)).toContain('criteria:list');
  });

  it("escapes people's names (Lan <lan@x.vn>, A & B) in text but shows them as typed on buttons", async () => {
    // The names come from Telegram (first_name) with the people's first message.
    await h.text(601, '/start', { from: { first_name: 'Lan <lan@x.vn>' } });
    await h.text(602, '/start', { from: { first_name: 'A & B', last_name: '"Quỳnh"' } });
    await h.t.grant('601', 'OFFICER', 'dc-nn-xd-mt');
    await h.t.grant('602', 'COUNCIL');
    await h.t.grant('600', 'ADMIN');
    const before = h.calls.length;
    await h.text(600, '/nguoi');
    const [list] = h.sends(before);
    const html = textOf(list!);
    expect(html).toContain('Lan &lt;lan@x.vn&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).not.toContain('<lan@x.vn>');
    expect(html).not.toMatch(/A & B/);
    expectValidTelegramHtml(html);
    // Button labels are plain text for Telegram: shown as typed, not escaped.
    const labels = buttonsOf(list!).map((b) => b.text);
    expect(labels.some((l) => l.includes('Lan <lan@x.vn>'))).toBe(true);
    expect(labels.some((l) => l.includes('A & B'))).toBe(true);
    expect(labels.join(' ')).not.toContain('&lt;');
  });

  it('splits a reply longer than 4096 characters into messages of at most 4096, keyboard on the last only', async () => {
    const longName = `${'Rất dài <b>không phải thẻ</b> & '.repeat(160)}kết thúc`;
    const reply: Reply = {
      lines: [
        msg('criteria-detail-title', { code: '9.9.9', name: longName, section: 'IX' }),
        ...Array.from({ length: 120 }, (_v, i) =>
          msg('criteria-item', { n: i + 1, text: `Tiêu chí số ${i + 1}: Lan <lan@x.vn> & “A & B” — ${'ệ'.normalize('NFD')}🇻🇳 hoàn thành` }),
        ),
      ],
      buttons: [[{ label: msg('criteria-back-to-list'), action: 'criteria:list' }]],
    };
    const expected = visible(
      h.t.app.translator.format('vi', reply.lines[0]!, 'html') +
        reply.lines
          .slice(1)
          .map((l) => `\n${h.t.app.translator.format('vi', l, 'html')}`)
          .join(''),
    );
    expect(expected.length).toBeGreaterThan(2 * TELEGRAM_MESSAGE_LIMIT);

    await sendOutcome(h.bot.api, 777, { locale: 'vi', replies: [reply] }, h.t.app.translator);
    const sends = h.sends();
    expect(sends.length).toBeGreaterThanOrEqual(3);
    for (const [i, s] of sends.entries()) {
      const html = textOf(s);
      expect(s.payload.parse_mode).toBe('HTML');
      expect(visible(html).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expectValidTelegramHtml(html);
      expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no broken emoji
      expect(html).not.toMatch(/^\u0323|^\u0302/u); // no dangling combining mark at a part's start
      if (i < sends.length - 1) expect(s.payload.reply_markup).toBeUndefined();
    }
    expect(buttonsOf(sends.at(-1)!).map((b) => b.callback_data)).toEqual(['criteria:list']);
    // The long bold title spans a cut: it is closed and reopened, never broken.
    expect(textOf(sends[0]!).startsWith('<b>9.9.9. Rất dài')).toBe(true);
    expect(textOf(sends[1]!).startsWith('<b>')).toBe(true);
    // Nothing lost but the whitespace at the cuts.
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(sends.map((s) => visible(textOf(s))).join(''))).toBe(squash(expected));
  });

  it('registers the command menus in Vietnamese (default and vi) and English', async () => {
    await setCommandMenus(h.bot.api, h.t.app.translator);
    const menus = h.calls.filter((c) => c.method === 'setMyCommands');
    expect(menus).toHaveLength(3);
    type Menu = { command: string; description: string }[];
    const byLang = new Map(menus.map((c) => [c.payload.language_code as string | undefined, c.payload.commands as Menu]));
    const vi = byLang.get(undefined)!;
    expect(vi).toBeDefined();
    expect(byLang.get('vi')).toEqual(vi);
    const en = byLang.get('en')!;
    expect(vi.map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'tieuchi', 'chitieu', 'moc', 'lang', 'help']));
    expect(en.map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'criteria', 'targets', 'timeline', 'lang', 'help']));
    expect(vi.find((c) => c.command === 'tieuchi')?.description).toBe('Tiêu chí lựa chọn điển hình tiên tiến');
    expect(en.find((c) => c.command === 'criteria')?.description).toMatch(/criteria/i);
    expect(en.find((c) => c.command === 'criteria')?.description).not.toBe(vi.find((c) => c.command === 'tieuchi')?.description);
    // Public commands only: staff commands (/dangky, /duyet, /moi …) stay out of everyone's menu.
    expect(vi.map((c) => c.command)).toEqual(COMMANDS.filter((c) => c.menu).map((c) => c.name));
    expect(en.map((c) => c.command)).toEqual(COMMANDS.filter((c) => c.menu).map((c) => c.english));
    expect(vi.map((c) => c.command)).not.toContain('moi');
    expect(en.map((c) => c.command)).not.toContain('review');
    for (const menu of [vi, en]) {
      for (const c of menu) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThan(2);
        expect(c.description.length).toBeLessThanOrEqual(256);
        expect(c.description).not.toMatch(/[<>]/);
      }
    }
  });
});

describe('Telegram adapter: receiving', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await setup();
  });

  it('answers a callback query before sending the reply', async () => {
    await h.text(501, '/tieuchi');
    const [list] = h.sends();
    const data = buttonsOf(list!).find((b) => b.text.startsWith('3.1.5'))?.callback_data;
    expect(data).toBe('cat:3.1.5');
    const before = h.calls.length;
    const id = await h.tap(501, data!);
    const after = h.since(before);
    const answered = after.findIndex((c) => c.method === 'answerCallbackQuery');
    const sent = after.findIndex((c) => c.method === 'sendMessage');
    expect(answered).toBe(0);
    expect(after[answered]!.payload.callback_query_id).toBe(id);
    expect(sent).toBeGreaterThan(answered);
    expect(textOf(after[sent]!)).toContain('3.1.5. Mô hình trong lĩnh vực y tế');
  });

  it('answers (and acknowledges) a stale button too', async () => {
    const before = h.calls.length;
    await h.tap(501, 'nonsense:1');
    const after = h.since(before);
    expect(after[0]!.method).toBe('answerCallbackQuery');
    expect(
      after
        .filter((c) => c.method === 'sendMessage')
        .map(textOf)
        .join('\n'),
    ).toContain('Nút này đã cũ');
  });

  it('in a group answers only commands, and only those addressed to this bot', async () => {
    const group = -100500;
    await h.text(group, 'tieu chi y te', { chatType: 'supergroup' });
    await h.text(group, 'xin chào mọi người', { chatType: 'supergroup' });
    await h.message(group, {
      sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false },
    } as Partial<Message>);
    await h.text(group, '/tieuchi@otherbot', { chatType: 'supergroup' });
    expect(h.sends()).toEqual([]);

    await h.text(group, '/tieuchi@thidua_test_bot', { chatType: 'supergroup' });
    const sends = h.sends();
    expect(sends).toHaveLength(1);
    expect(String(sends[0]!.payload.chat_id)).toBe(String(group));
    expect(textOf(sends[0]!)).toContain('Tiêu chí lựa chọn điển hình tiên tiến');

    const before = h.calls.length;
    await h.text(group, '/TieuChi@THIDUA_TEST_BOT y te', { chatType: 'supergroup' });
    expect(h.sends(before).map(textOf).join('\n')).toContain('3.1.5');
  });

  it('in a group ignores other bots’ bare commands and sends a dialog command to the private chat with a deep link', async () => {
    const group = -100600;
    await h.text(group, '/ban', { chatType: 'supergroup' });
    await h.text(group, '/warn@otherbot', { chatType: 'supergroup' });
    expect(h.sends()).toEqual([]);

    await h.text(group, '/viectot', { chatType: 'supergroup', from: { id: 4242 } });
    const sends = h.sends();
    expect(sends).toHaveLength(1);
    expect(String(sends[0]!.payload.chat_id)).toBe(String(group));
    expect(textOf(sends[0]!)).toContain('chỉ dùng trong tin nhắn riêng');
    const keyboard = sends[0]!.payload.reply_markup as { inline_keyboard: { text: string; url?: string }[][] };
    expect(keyboard.inline_keyboard.flat()).toEqual([{ text: 'Mở tin nhắn riêng với trợ lý', url: 'https://t.me/thidua_test_bot?start=viectot' }]);

    // Tapping the link sends /start viectot in the private chat: the dialog starts there.
    const before = h.calls.length;
    await h.text(4242, '/start viectot');
    expect(h.sends(before).map(textOf).join('\n')).toMatch(/Ai đã làm việc tốt|việc tốt/i);
    expect(h.sends(before).every((c) => String(c.payload.chat_id) === '4242')).toBe(true);
  });

  it('answers a sticker politely that it reads text messages', async () => {
    await h.message(501, {
      sticker: { file_id: 'stk', file_unique_id: 'ustk', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
    } as Partial<Message>);
    const sends = h.sends();
    expect(sends).toHaveLength(1);
    expect(textOf(sends[0]!)).toContain('Hiện tôi chỉ đọc được tin nhắn chữ');
  });

  it('normalises NFD text to NFC at the edge (a decomposed question still finds its category)', async () => {
    await h.text(501, 'trạm y tế cần gì'.normalize('NFD'));
    expect(h.sends().map(textOf).join('\n')).toContain('3.1.5. Mô hình trong lĩnh vực y tế');
  });

  it('logs a 403 "bot was blocked by the user" without crashing; the next update still works', async () => {
    h.failNext('sendMessage', { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(h.text(501, '/tieuchi')).resolves.toBeUndefined();
    const warning = h.logs.find((l) => l.msg === 'recipient unreachable (blocked the bot or left)');
    expect(warning, JSON.stringify(h.logs)).toBeDefined();
    expect(warning!.chatId).toBe('501');
    expect(JSON.stringify(h.logs)).not.toContain(TOKEN);
    expect(h.logs.some((l) => l.msg === 'update failed')).toBe(false);

    const before = h.calls.length;
    await h.text(501, '/tieuchi');
    expect(h.sends(before)).toHaveLength(1);
    expect(textOf(h.sends(before)[0]!)).toContain('Tiêu chí lựa chọn điển hình tiên tiến');
  });
});

describe('Telegram adapter: the registration dialog', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await setup();
  });

  /** Walks /dangky as officer 701 up to the evidence step. */
  async function toEvidenceStep(): Promise<void> {
    await h.t.grant('701', 'OFFICER', 'dc-nn-xd-mt');
    await h.text(701, '/dangky');
    // The plan of the test clock has ended: a note comes first, then the question with its buttons.
    const typePrompt = h.sends().find((m) => buttonsOf(m).length > 0);
    expect(buttonsOf(typePrompt!).map((b) => b.callback_data)).toContain('d:type:COLLECTIVE');
    await h.tap(701, 'd:type:COLLECTIVE');
    await h.tap(701, 'd:cat:3.1.5');
    await h.tap(701, 'd:mov:-');
    await h.text(701, 'Trạm Y tế xã Ia Bang');
    await h.text(701, 'Thôn Bàng Gia');
    await h.text(701, 'Hoàn thành xuất sắc công tác khám, chữa bệnh và tiêm chủng mở rộng năm 2024.');
    const last = h.sends().at(-1)!;
    expect(textOf(last)).toContain('Gửi ảnh hoặc tài liệu minh chứng');
  }

  it('accepts a photo as evidence (the largest size is kept)', async () => {
    await toEvidenceStep();
    const before = h.calls.length;
    await h.message(701, {
      photo: [
        { file_id: 'photo-small', file_unique_id: 'u-small', width: 90, height: 67 },
        { file_id: 'photo-large', file_unique_id: 'u-large', width: 1280, height: 960 },
      ],
      caption: 'Ảnh buổi tiêm chủng',
    } as Partial<Message>);
    const answer = h.sends(before).map(textOf).join('\n');
    expect(answer).toContain('Đã nhận. Tổng cộng 1 minh chứng.');
    const dialog = await h.t.app.services.dialogs.current(await h.t.personId('701'));
    expect(dialog?.step).toBe('evid');
    expect((dialog?.data as { evidence: { kind: string; fileRef: string }[] }).evidence).toEqual([
      expect.objectContaining({ kind: 'PHOTO', channel: 'telegram', fileRef: 'photo-large' }),
    ]);
    // A document is accepted too.
    await h.message(701, { document: { file_id: 'doc-1', file_unique_id: 'u-doc', file_name: 'bien-ban.pdf' } } as Partial<Message>);
    expect(h.sends().map(textOf).join('\n')).toContain('Tổng cộng 2 minh chứng');
  });

  it('redraws the self-check checklist in place (editMessageText) when a box is tapped', async () => {
    await toEvidenceStep();
    await h.tap(701, 'd:evid:ok');
    const checklist = h.sends().at(-1)!;
    expect(textOf(checklist)).toContain('Tự đánh giá tiêu chí');
    expect(textOf(checklist)).toContain('☐ 1. ');
    const checklistId = checklist.messageId!;
    await h.text(701, '/tieuchi'); // another message in between: the tap names the checklist's own id
    const before = h.calls.length;
    await h.tap(701, 'd:check:t0', checklistId);
    const after = h.since(before);
    expect(after.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    const edit = after[1]!;
    expect(edit.payload.message_id).toBe(checklistId);
    expect(String(edit.payload.chat_id)).toBe('701');
    expect(edit.payload.parse_mode).toBe('HTML');
    expect(textOf(edit)).toContain('☑ 1. ');
    expect(buttonsOf(edit).map((b) => b.text)).toContain('☑ 1');

    // "Message is not modified" (a double tap) is fine: nothing else is sent.
    h.failNext('editMessageText', { ok: false, error_code: 400, description: 'Bad Request: message is not modified' });
    const again = h.calls.length;
    await h.tap(701, 'd:check:t0', checklistId);
    expect(h.since(again).map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    // An edit Telegram refuses otherwise (too old) falls back to a new message.
    h.failNext('editMessageText', { ok: false, error_code: 400, description: "Bad Request: message can't be edited" });
    const third = h.calls.length;
    await h.tap(701, 'd:check:t1', checklistId);
    expect(h.since(third).map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText', 'sendMessage']);
  });
});
