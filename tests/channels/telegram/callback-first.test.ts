/**
 * Issue 18: a tap's spinner stops at once, even while the same chat's previous update is still
 * being handled (updates of one chat are handled one at a time, in order).
 */
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createTelegramBot, createTelegramChannel } from '../../../src/channels/telegram/telegram.ts';
import type { OutboxStore } from '../../../src/core/outbox.ts';
import { noTransaction } from '../../../src/core/unit-of-work.ts';
import { createMemoryInbox } from '../../helpers/memory-inbox.ts';
import { msg, type BotCore, type InboundMessage, type Outcome } from '../../../src/core/channel.ts';
import { testBotInfo } from '../../helpers/fake-telegram.ts';
import { testTranslator } from '../../helpers/core-fixtures.ts';

const CHAT = 777;
const from = { id: CHAT, is_bot: false, first_name: 'Lan' };
const chat = { id: CHAT, type: 'private' as const, first_name: 'Lan' };

describe('callback queries are answered before the chat queue', () => {
  it("a tap is acknowledged while the chat's previous update is held; its work still runs after it", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const handled: string[] = [];
    const core: BotCore = {
      async handle(m: InboundMessage): Promise<Outcome> {
        if (m.text === 'slow') await held;
        handled.push(m.text ?? m.action ?? '');
        return { locale: 'vi', replies: [{ lines: [msg('plain', { text: `ok ${m.text ?? m.action}` })] }] };
      },
    };
    const bot = createTelegramBot({
      core,
      translator: testTranslator(),
      logger: pino({ level: 'silent' }),
      token: '1:x',
      apiRoot: 'http://127.0.0.1:9',
      botInfo: testBotInfo(),
    });
    const methods: string[] = [];
    let answered!: () => void;
    const tapAnswered = new Promise<void>((r) => (answered = r));
    bot.api.config.use(async (_prev, method) => {
      methods.push(method);
      if (method === 'answerCallbackQuery') answered();
      return { ok: true, result: method === 'sendMessage' ? { message_id: methods.length, date: 0, chat, text: '' } : true } as never;
    });

    const slow: Update = { update_id: 1, message: { message_id: 1, date: 0, chat, from, text: 'slow' } };
    const tap: Update = {
      update_id: 2,
      callback_query: { id: 'cb1', from, chat_instance: 'i', data: 'go', message: { message_id: 5, date: 0, chat, from, text: 'x' } },
    };
    const first = bot.handleUpdate(slow);
    const second = bot.handleUpdate(tap);

    await tapAnswered; // the previous update is still held here
    expect(handled).toEqual([]);
    expect(methods).toEqual(['answerCallbackQuery']);

    release();
    await Promise.all([first, second]);
    expect(handled).toEqual(['slow', 'go']); // order within the chat is kept
  });

  it('the same update_id twice (one batch, or a redelivered webhook POST during the first) is handled once', async () => {
    const handled: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const core: BotCore = {
      async handle(m: InboundMessage): Promise<Outcome> {
        handled.push(m.text ?? '');
        await held;
        return { locale: 'vi', replies: [{ lines: [msg('plain', { text: 'ok' })] }] };
      },
    };
    // The core answers without a person, so nothing is queued: the outbox is never written.
    const outbox = { enqueueReplies: () => Promise.reject(new Error('not queued')) } as unknown as OutboxStore;
    const channel = createTelegramChannel({
      core,
      translator: testTranslator(),
      logger: pino({ level: 'silent' }),
      token: '1:x',
      apiRoot: 'http://127.0.0.1:9',
      botInfo: testBotInfo(),
      exactlyOnce: { inbox: createMemoryInbox(), unitOfWork: noTransaction, outbox, localeOf: async () => 'vi' },
    });
    const { bot } = channel;
    const sent: string[] = [];
    bot.api.config.use(async (_prev, method, payload) => {
      if (method === 'sendMessage') sent.push((payload as { text: string }).text);
      return { ok: true, result: { message_id: 1, date: 0, chat, text: '' } } as never;
    });
    const update: Update = { update_id: 41, message: { message_id: 1, date: 0, chat, from, text: '/dangky' } };
    // Received as polling or the webhook receives: recorded first, then handled.
    const receive = async (...updates: Update[]) => {
      await channel.record(updates);
      await Promise.all(updates.map((u) => bot.handleUpdate(u)));
    };
    const batch = receive(update, structuredClone(update)); // twice in one batch
    const again = receive(structuredClone(update)); // and redelivered while the first is still running
    release();
    await Promise.all([batch, again]);
    await receive(structuredClone(update)); // and after it
    expect(handled).toEqual(['/dangky']);
    expect(sent).toEqual(['ok']);
  });
});
