/**
 * The outbox sender against a fake Bot API on localhost: rate limits (429 with `retry_after`),
 * a recipient who blocked the bot (403), a server error (500), pacing per chat and overall, and
 * rows interrupted mid-send. The outbox's clock is the test app's fake clock; pacing uses real time.
 */
import { Bot } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxSender, MAX_ATTEMPTS, backoffMs, type ChannelSender, type OutboxSender } from '../../src/channels/delivery.ts';
import { createTelegramBot, telegramSender } from '../../src/channels/telegram/telegram.ts';
import { msg } from '../../src/core/channel.ts';
import { createLogger } from '../../src/logger.ts';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramResponse } from '../helpers/fake-telegram.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const silent = createLogger({ level: 'silent' });
const TOO_MANY = (seconds: number): FakeTelegramResponse => ({
  status: 429,
  body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } },
});
const BLOCKED: FakeTelegramResponse = { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } };
const SERVER_ERROR: FakeTelegramResponse = { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };

let fake: FakeTelegram | undefined;
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = fake = undefined;
});

async function setup(): Promise<{ fake: FakeTelegram; t: TestApp }> {
  fake = await startFakeTelegram();
  t = await createTestApp({ env: { DEFAULT_LOCALE: 'en' } });
  return { fake, t };
}

/** Queues one notice for each chat (people with telegram identities, created on first use). */
async function queue(app: TestApp, chats: number[], tag: string): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const chat of chats) ids.set(chat, await app.personId(String(chat)));
  await app.app.services.notifier.notify(chats.map((chat) => ({ personId: ids.get(chat)!, key: `${tag}:${chat}`, reply: { lines: [msg('reminder-review', { count: 1, days: 3 })] } })));
  return ids;
}

const pendingDue = (app: TestApp) => app.prisma.outboxMessage.count({ where: { state: 'PENDING', nextAttemptAt: { lte: app.now() } } });

/**
 * Delivery passes until nothing due is left (a chat sent to less than a second ago waits for a
 * later pass: the fake clock moves 250 ms between passes), polling every 20 ms; fails after `timeoutMs`.
 */
async function drain(app: TestApp, sender: OutboxSender, timeoutMs = 8000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let sent = 0;
  for (;;) {
    sent += await sender.deliverDue();
    if ((await pendingDue(app)) === 0) return sent;
    if (sender.pausedUntil() && sender.pausedUntil()!.getTime() > app.now().getTime()) return sent;
    if (Date.now() > until) throw new Error(`outbox not drained within ${timeoutMs} ms`);
    app.advance(250);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const chatOf = (payload: Record<string, unknown>) => Number(payload.chat_id);

describe('outbox sender with telegramSender against the Bot API', () => {
  it('429 once, 403 for one recipient, 500 once: everyone else gets exactly one message; the blocked one is held', async () => {
    const { fake, t } = await setup();
    const chats = Array.from({ length: 20 }, (_, i) => 2000 + i);
    const ids = await queue(t, chats, 'round1');
    // The Bot API as the outbox sender sees it (no auto-retry plugin: the sender's own handling).
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    const delivered = new Map<number, number>();
    const attempts: { chat: number; answer: number }[] = [];
    let n = 0;
    fake.respondWith('sendMessage', (payload) => {
      n++;
      const chat = chatOf(payload);
      const answer = chat === 2005 ? BLOCKED : n === 3 ? TOO_MANY(3) : n === 8 ? SERVER_ERROR : undefined;
      attempts.push({ chat, answer: answer?.status ?? 200 });
      if (!answer) delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
      return answer;
    });
    const sender = createOutboxSender({ store: t.app.stores.outbox, channel: 'telegram', send: telegramSender(bot.api, t.app.translator), logger: silent, now: () => t.now() });

    // First pass: two sent, the third answered 429 → the channel is deferred by retry_after, the pass returns.
    expect(await sender.deliverDue()).toBe(2);
    // Exactly three calls: nothing waited out the 3 s and retried 2002 within the pass.
    expect(attempts).toEqual([{ chat: 2000, answer: 200 }, { chat: 2001, answer: 200 }, { chat: 2002, answer: 429 }]);
    expect(sender.pausedUntil()).toEqual(new Date(t.now().getTime() + 3000));
    const limited = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'round1:2002' } });
    expect(limited).toMatchObject({ state: 'PENDING', attempts: 0, nextAttemptAt: new Date(t.now().getTime() + 3000) });
    // While deferred, a pass sends nothing and calls nobody.
    expect(await sender.deliverDue()).toBe(0);
    expect(attempts).toHaveLength(3);

    // 3 s later (fake clock) the rest goes out; one row meets a 500 and is retried after its backoff.
    t.advance(3000);
    const blockedAt = t.now();
    await drain(t, sender);
    expect(sender.pausedUntil()).toBeNull();
    const failedOnce = attempts.find((a) => a.answer === 500)!;
    const retried = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: `round1:${failedOnce.chat}` } });
    expect(retried).toMatchObject({ state: 'PENDING', attempts: 1, nextAttemptAt: new Date(t.now().getTime() + backoffMs(1)) });
    expect(retried.lastError).toMatch(/Internal Server Error/);
    t.advance(backoffMs(1));
    await drain(t, sender);

    // Exactly one message for each of the 19; the blocked one was tried once and is marked unreachable.
    expect([...delivered.keys()].sort()).toEqual(chats.filter((c) => c !== 2005));
    expect([...delivered.values()].every((v) => v === 1)).toBe(true);
    expect(attempts.filter((a) => a.chat === 2005)).toEqual([{ chat: 2005, answer: 403 }]);
    const rows = await t.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'round1:' } } });
    expect(rows.filter((r) => r.state === 'SENT')).toHaveLength(19);
    expect(rows.find((r) => r.chatId === '2005')).toMatchObject({ state: 'UNREACHABLE', lastError: 'Forbidden: bot was blocked by the user' });
    expect((await t.prisma.person.findUniqueOrThrow({ where: { id: ids.get(2005)! } })).unreachableAt).toEqual(blockedAt);
    expect(rows.find((r) => r.key === 'round1:2002')).toMatchObject({ state: 'SENT', attempts: 1 });

    // Later sends go to everyone else; the blocked person gets nothing and is not even tried.
    const before = attempts.length;
    await t.app.services.notifier.notify(chats.map((chat) => ({ personId: ids.get(chat)!, key: `round2:${chat}`, reply: { lines: [msg('reminder-review', { count: 1, days: 3 })] } })));
    await drain(t, sender);
    const later = attempts.slice(before);
    expect(later.map((a) => a.chat).sort()).toEqual(chats.filter((c) => c !== 2005));
    expect(later.every((a) => a.answer === 200)).toBe(true);
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'round2:2005' } })).toMatchObject({ state: 'UNREACHABLE' });
  });

  it('paces: two messages to one chat at least 1 s apart, and at most `perSecond` overall', async () => {
    const { fake, t } = await setup();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    const starts: { chat: string; at: number }[] = [];
    const base = telegramSender(bot.api, t.app.translator);
    const send: ChannelSender = (chatId, reply, locale) => {
      starts.push({ chat: chatId, at: Date.now() });
      return base(chatId, reply, locale);
    };
    await queue(t, [2100], 'first');
    await queue(t, [2100, 2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108, 2109], 'second');
    await queue(t, [2100], 'third');
    // Pacing in real time here (the sender's default clock): what the Bot API sees is the point.
    const sender = createOutboxSender({ store: t.app.stores.outbox, channel: 'telegram', send, logger: silent, perSecond: 10 });
    await drain(t, sender);

    // As the Bot API received them: the first to 2100, the other chats, then 2100's next two,
    // each at least a second after the previous one to that chat.
    const arrivals = fake.calls.filter((c) => c.method === 'sendMessage');
    expect(arrivals.map((c) => chatOf(c.payload))).toEqual([2100, 2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108, 2109, 2100, 2100]);
    const toChat = arrivals.filter((c) => chatOf(c.payload) === 2100).map((c) => c.at);
    for (let i = 1; i < toChat.length; i++) expect(toChat[i]! - toChat[i - 1]!).toBeGreaterThanOrEqual(1000);
    // Overall: 10 per second at most: one started every 100 ms, never 11 received within a second.
    for (let i = 1; i < starts.length; i++) expect(starts[i]!.at - starts[i - 1]!.at).toBeGreaterThanOrEqual(99);
    for (let i = 10; i < arrivals.length; i++) expect(arrivals[i]!.at - arrivals[i - 10]!.at).toBeGreaterThanOrEqual(1000);
    expect(fake.sentMessages(2100)).toEqual(Array(3).fill('⏰ 1 nomination has waited for your review for more than 3 days.'));
  });

  it('in the bot’s own wiring (auto-retry): a short 429 is waited out, a long one defers the channel', async () => {
    const { fake, t } = await setup();
    const bot = createTelegramBot({ core: t.app.core, translator: t.app.translator, logger: silent, token: fake.token, apiRoot: fake.apiRoot, botInfo: fake.botInfo });
    let n = 0;
    fake.respondWith('sendMessage', () => {
      n++;
      return n === 1 ? TOO_MANY(1) : n === 3 ? TOO_MANY(30) : undefined;
    });
    await queue(t, [2200, 2201, 2202], 'wired');
    const sender = createOutboxSender({ store: t.app.stores.outbox, channel: 'telegram', send: telegramSender(bot.api, t.app.translator), logger: silent, now: () => t.now() });
    // 2200: 429 "retry after 1" is waited by the plugin and retried → sent. 2201: 429 "retry after 30" → deferred.
    expect(await sender.deliverDue()).toBe(1);
    const [first, retry] = fake.calls.filter((c) => c.method === 'sendMessage');
    expect(retry!.at - first!.at).toBeGreaterThanOrEqual(990);
    expect(sender.pausedUntil()).toEqual(new Date(t.now().getTime() + 30_000));
    expect(await t.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'wired:' } }, orderBy: { id: 'asc' }, select: { state: true } })).toEqual([{ state: 'SENT' }, { state: 'PENDING' }, { state: 'PENDING' }]);
    t.advance(30_000);
    await drain(t, sender);
    expect(fake.sentMessages().length).toBe(5); // 2200 twice (429, then sent), 2201 twice (429, then sent), 2202 once
    expect(fake.calls.filter((c) => c.method === 'sendMessage').map((c) => chatOf(c.payload)).sort()).toEqual([2200, 2200, 2201, 2201, 2202]);
    expect(await t.prisma.outboxMessage.count({ where: { key: { startsWith: 'wired:' }, state: 'SENT' } })).toBe(3);
  });

  it('gives up after the maximum number of attempts (FAILED), with growing backoff', async () => {
    const { fake, t } = await setup();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    fake.respondWith('sendMessage', () => SERVER_ERROR);
    await queue(t, [2300], 'doomed');
    // Per-chat pacing (real time) is not the point here: off.
    const sender = createOutboxSender({ store: t.app.stores.outbox, channel: 'telegram', send: telegramSender(bot.api, t.app.translator), logger: silent, perChatMs: 0, now: () => t.now() });
    const waits: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await sender.deliverDue()).toBe(0);
      const row = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'doomed:2300' } });
      expect(row).toMatchObject({ attempts: i, state: i < MAX_ATTEMPTS ? 'PENDING' : 'FAILED' });
      waits.push(row.nextAttemptAt.getTime() - t.now().getTime());
      // Not retried before its backoff is over.
      t.advance(backoffMs(i) - 1);
      expect(await sender.deliverDue()).toBe(0);
      expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(i);
      t.advance(1);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(await sender.deliverDue()).toBe(0);
    expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(MAX_ATTEMPTS);
  });

  it('a row left SENDING by a dead process becomes UNCERTAIN at start and is never sent again', async () => {
    const { fake, t } = await setup();
    await queue(t, [2400, 2401], 'crash');
    await t.prisma.outboxMessage.update({ where: { key: 'crash:2400' }, data: { state: 'SENDING', attempts: 1 } });
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    const sender = createOutboxSender({ store: t.app.stores.outbox, channel: 'telegram', send: telegramSender(bot.api, t.app.translator), logger: silent, now: () => t.now() });
    expect(await sender.recoverInterrupted()).toBe(1);
    await drain(t, sender);
    expect(fake.calls.filter((c) => c.method === 'sendMessage').map((c) => chatOf(c.payload))).toEqual([2401]);
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'crash:2400' } })).toMatchObject({ state: 'UNCERTAIN' });
  });
});
