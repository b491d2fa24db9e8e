import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramFile } from './fake-telegram.ts';

let fake: FakeTelegram;
const bots: Bot[] = [];

function makeBot(token = fake.token): Bot {
  const bot = new Bot(token, { client: { apiRoot: fake.apiRoot }, botInfo: undefined });
  bots.push(bot);
  return bot;
}

beforeEach(async () => {
  fake = await startFakeTelegram();
});

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  await fake.close();
});

describe('fake Telegram Bot API', () => {
  it('answers getMe with the configured bot and records sendMessage', async () => {
    const bot = makeBot();
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: 42, is_bot: true, username: 'thidua_test_bot' });

    const sent = await bot.api.sendMessage(5, '<b>Xin chào</b> A &amp; B', { parse_mode: 'HTML' });
    expect(sent).toMatchObject({ chat: { id: 5, type: 'private' }, text: '<b>Xin chào</b> A &amp; B', from: { id: 42 } });
    const second = await bot.api.sendMessage(-100, 'nhóm');
    expect(second.message_id).toBe(sent.message_id + 1);
    expect(second.chat).toMatchObject({ id: -100, type: 'supergroup' });

    const call = fake.calls.find((c) => c.method === 'sendMessage');
    expect(call?.payload).toMatchObject({ chat_id: 5, text: '<b>Xin chào</b> A &amp; B', parse_mode: 'HTML' });
    expect(typeof call?.at).toBe('number');
    expect(fake.calls.map((c) => c.method)).toEqual(['getMe', 'sendMessage', 'sendMessage']);
    expect(fake.sentMessages()).toEqual(['<b>Xin chào</b> A &amp; B', 'nhóm']);
    expect(fake.sentMessages(5)).toEqual(['<b>Xin chào</b> A &amp; B']);

    await bot.api.editMessageText(5, sent.message_id, 'đã sửa');
    expect(fake.sentMessages(5)).toEqual(['<b>Xin chào</b> A &amp; B', 'đã sửa']);
    expect(await bot.api.setMyCommands([{ command: 'start', description: 'Bắt đầu' }])).toBe(true);
    const raw = bot.api.raw as unknown as Record<string, (payload: object) => Promise<unknown>>;
    expect(await raw.someFutureMethod!({ x: 1 })).toBe(true);
    expect(fake.calls.at(-1)?.method).toBe('someFutureMethod');
  });

  it('delivers pushed updates to bot.start() long polling and confirms them on stop', async () => {
    const bot = makeBot();
    const seen: string[] = [];
    bot.command('start', (ctx) => ctx.reply(`Chào ${ctx.from?.first_name ?? ''}!`));
    bot.on('message:text', async (ctx) => {
      seen.push(ctx.message.text);
      await ctx.reply(`Bạn nói: ${ctx.message.text}`);
    });
    const started = new Promise<void>((resolve) => {
      void bot.start({ onStart: () => resolve() });
    });
    await started;

    const u1 = fake.sendText({ chatId: 7, text: '/start', firstName: 'Lan', languageCode: 'vi' });
    expect(u1.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    await fake.waitFor((c) => c.method === 'sendMessage' && c.payload.text === 'Chào Lan!');

    const u2 = fake.sendText({ chatId: 7, text: 'điểm thi đua tháng này?' });
    expect(u2.update_id).toBe(u1.update_id + 1);
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('Bạn nói'));
    expect(reply.payload).toMatchObject({ chat_id: 7, text: 'Bạn nói: điểm thi đua tháng này?' });
    expect(seen).toEqual(['điểm thi đua tháng này?']);

    await bot.stop();
    expect(bot.isRunning()).toBe(false);
    const polls = fake.calls.filter((c) => c.method === 'getUpdates');
    expect(polls.at(-1)?.payload.offset).toBe(u2.update_id + 1); // confirmed
    expect(fake.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
  });

  it('routes inline-button taps as callback queries for the last bot message', async () => {
    const bot = makeBot();
    bot.callbackQuery(/^vote:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Đã ghi nhận' });
      await ctx.editMessageText(`Bạn chọn ${ctx.match[1]}`);
    });
    await bot.init();
    const msg = await bot.api.sendMessage(9, 'Chọn:', {
      reply_markup: new InlineKeyboard().text('Tốt', 'vote:tot').text('Khá', 'vote:kha'),
    });
    void bot.start();
    const update = fake.tapButton({ chatId: 9, data: 'vote:kha' });
    expect(update.callback_query?.message?.message_id).toBe(msg.message_id);
    expect(update.callback_query?.message).toMatchObject({ text: 'Chọn:', reply_markup: { inline_keyboard: [[{}, {}]] } });

    const edit = await fake.waitFor((c) => c.method === 'editMessageText');
    expect(edit.payload).toMatchObject({ chat_id: 9, message_id: msg.message_id, text: 'Bạn chọn kha' });
    const answer = fake.calls.find((c) => c.method === 'answerCallbackQuery');
    expect(answer?.payload).toMatchObject({ callback_query_id: update.callback_query?.id, text: 'Đã ghi nhận' });
    await bot.stop();
  });

  it('answers 401 Unauthorized for a wrong token', async () => {
    const bot = makeBot('999:wrong');
    const err = await bot.api.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({ error_code: 401, description: 'Unauthorized' });
    expect(fake.calls).toEqual([]);
    expect(fake.rejected.map((c) => c.method)).toEqual(['getMe']);
  });

  it('surfaces a respondWith 429 as a GrammyError, and falls through on undefined', async () => {
    const bot = makeBot();
    fake.respondWith('sendMessage', (payload) =>
      payload.chat_id === 1
        ? {
            status: 429,
            body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
          }
        : payload.chat_id === 2
          ? { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } }
          : undefined,
    );
    const err = await bot.api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    await expect(bot.api.sendMessage(2, 'y')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    await expect(bot.api.sendMessage(3, 'z')).resolves.toMatchObject({ chat: { id: 3 }, text: 'z' });
    expect(fake.sentMessages()).toEqual(['x', 'y', 'z']); // every attempt is recorded
  });

  it('parses multipart uploads (sendPhoto / sendDocument with InputFile)', async () => {
    const bot = makeBot();
    const photo = await bot.api.sendPhoto(5, new InputFile(Buffer.from('PNGDATA'), 'bang-diem.png'), {
      caption: 'Bảng điểm',
      reply_markup: new InlineKeyboard().text('OK', 'ok'),
    });
    expect(photo).toMatchObject({ chat: { id: 5 }, caption: 'Bảng điểm' });
    expect(photo.photo?.length).toBeGreaterThan(0);
    const call = fake.calls.find((c) => c.method === 'sendPhoto')!;
    expect(call.payload).toMatchObject({ chat_id: '5', caption: 'Bảng điểm', reply_markup: { inline_keyboard: [[{ text: 'OK' }]] } });
    const file = call.payload.photo as FakeTelegramFile;
    expect(file).toMatchObject({ filename: 'bang-diem.png', size: 7 });
    expect(file.data.toString()).toBe('PNGDATA');

    const doc = await bot.api.sendDocument(5, new InputFile(new TextEncoder().encode('a;b\n1;2'), 'ket-qua.csv'));
    expect(doc.document?.file_name).toBe('ket-qua.csv');
    expect(fake.sentMessages()).toEqual([]); // no text methods
  });

  it('holds getUpdates until an update arrives (at most 1 s) and releases pending polls on close', async () => {
    const bot = makeBot();
    // An empty long poll is answered, empty, when the fake's hold (1 s at most) ends.
    await expect(bot.api.getUpdates({ timeout: 30 })).resolves.toEqual([]);

    // A poll is held while nothing is there, and an update arriving meanwhile ends it.
    const before = fake.calls.length;
    let answered = false;
    const poll = bot.api.getUpdates({ timeout: 30 }).finally(() => (answered = true));
    await fake.waitFor((c) => c.method === 'getUpdates' && fake.calls.indexOf(c) >= before);
    expect(answered).toBe(false);
    fake.sendText({ chatId: 3, text: 'hi' });
    const got = await poll;
    expect(got.map((u) => u.message?.text)).toEqual(['hi']);
    // not confirmed yet: a poll without offset sees it again; with offset it is gone
    expect(await bot.api.getUpdates()).toHaveLength(1);
    expect(await bot.api.getUpdates({ offset: got[0]!.update_id + 1 })).toEqual([]);
    expect(await bot.api.getUpdates()).toEqual([]);

    const beforeClose = fake.calls.length;
    const pending = bot.api.getUpdates({ timeout: 30 });
    await fake.waitFor((c) => c.method === 'getUpdates' && fake.calls.indexOf(c) >= beforeClose);
    const waiting = fake.waitFor(() => false, 60_000).catch((e: unknown) => e);
    await fake.close();
    await expect(pending).resolves.toEqual([]);
    expect(await waiting).toBeInstanceOf(Error);
    expect(String(await waiting)).toMatch(/closed while waiting/);
    await fake.close(); // idempotent
  });

  it('waitFor checks earlier calls first and explains a timeout', async () => {
    const bot = makeBot();
    await bot.api.sendMessage(5, 'đã gửi');
    await expect(fake.waitFor((c) => c.method === 'sendMessage')).resolves.toMatchObject({ payload: { text: 'đã gửi' } });
    const err = await fake.waitFor((c) => c.method === 'sendPhoto', 50).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/sendPhoto.*within 50 ms/s);
    expect((err as Error).message).toContain('calls seen (1): sendMessage');
    expect((err as Error).message).toContain('đã gửi');
  });

  it('uses the configured token and bot username', async () => {
    const custom = await startFakeTelegram({ token: '1:abc', botUsername: 'xa_bot' });
    try {
      const bot = new Bot('1:abc', { client: { apiRoot: custom.apiRoot } });
      await bot.init();
      expect(bot.botInfo.username).toBe('xa_bot');
      expect(custom.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await custom.close();
    }
  });
});
