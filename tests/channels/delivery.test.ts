/**
 * The outbox sender against a fake Bot API on localhost: rate limits per chat (429 with
 * `retry_after`), a recipient who blocked the bot (403), a bad request (400), server errors (500),
 * a reply split into parts, interactive replies (`deliverRows`), pacing, and rows interrupted
 * mid-send. Rows AND pacing use the test app's fake clock (the sender's `sleep` advances it): nothing
 * here waits in real time.
 */
import { Bot } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import {
  alertAdminsOfFailure,
  backoffMs,
  createOutboxSender,
  MAX_BACKOFF_MS,
  type ChannelSender,
  type OutboxSender,
  type SenderOptions,
} from '../../src/channels/delivery.ts';
import { createDeliveryApi, telegramSender } from '../../src/channels/telegram/telegram.ts';
import { msg, type Reply } from '../../src/core/channel.ts';
import { createLogger } from '../../src/logger.ts';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramResponse } from '../helpers/fake-telegram.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const silent = createLogger({ level: 'silent' });
const TOO_MANY = (seconds: number): FakeTelegramResponse => ({
  status: 429,
  body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } },
});
const BLOCKED: FakeTelegramResponse = { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } };
const BAD_REQUEST: FakeTelegramResponse = { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: text must be encoded in UTF-8' } };
const SERVER_ERROR: FakeTelegramResponse = { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
const REMINDER: Reply = { lines: [msg('reminder-review', { count: 1, days: 3 })] };

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

/** A sender on the Bot API without auto-retry (as in production), on the app's fake clock. */
function senderFor(app: TestApp, f: FakeTelegram, extra: Partial<SenderOptions> = {}): OutboxSender {
  const api = createDeliveryApi({ token: f.token, apiRoot: f.apiRoot });
  return createOutboxSender({
    store: app.app.stores.outbox,
    channel: 'telegram',
    send: telegramSender(api, app.app.translator),
    logger: silent,
    now: () => app.now(),
    sleep: async (ms) => app.advance(ms),
    ...extra,
  });
}

/** Queues one notice for each chat (people with telegram identities, created on first use). */
async function queue(app: TestApp, chats: number[], tag: string, reply: Reply = REMINDER): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const chat of chats) ids.set(chat, await app.personId(String(chat)));
  await app.app.services.notifier.notify(chats.map((chat) => ({ personId: ids.get(chat)!, key: `${tag}:${chat}`, reply })));
  return ids;
}

const pendingDue = (app: TestApp) => app.prisma.outboxMessage.count({ where: { state: 'PENDING', nextAttemptAt: { lte: app.now() } } });

/**
 * Delivery passes until nothing due is left (a chat sent to less than a second ago waits for a
 * later pass: the fake clock moves 250 ms between passes); fails after `maxPasses`. A paused
 * channel is not waited for (its passes send nothing).
 */
async function drain(app: TestApp, sender: OutboxSender, maxPasses = 100): Promise<number> {
  let sent = 0;
  let idle = 0;
  for (let pass = 0; ; pass++) {
    const n = await sender.deliverDue();
    sent += n;
    // Done when nothing is due, or when 5 passes (1.25 s, past the per-chat spacing) sent nothing:
    // what is left waits behind a deferred row of its chat.
    if (n === 0 && ((await pendingDue(app)) === 0 || ++idle >= 5)) return sent;
    if (n > 0) idle = 0;
    if (pass >= maxPasses) throw new Error(`outbox not drained within ${maxPasses} passes`);
    app.advance(250);
  }
}

const chatOf = (payload: Record<string, unknown>) => Number(payload.chat_id);
const sends = (f: FakeTelegram) => f.calls.filter((c) => c.method === 'sendMessage');

describe('outbox sender with telegramSender against the Bot API', () => {
  it('429 for one chat, 403 for one recipient, 500 once: everyone else gets exactly one message; the blocked one is held', async () => {
    const { fake, t } = await setup();
    const chats = Array.from({ length: 20 }, (_, i) => 2000 + i);
    const ids = await queue(t, chats, 'round1');
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
    const sender = senderFor(t, fake);
    const start = t.now();

    // One pass: the 429 defers chat 2002 only; everyone else is tried in the same pass.
    expect(await sender.deliverDue()).toBe(17);
    expect(sender.pausedUntil()).toBeNull();
    expect(attempts).toHaveLength(20);
    expect(attempts[2]).toEqual({ chat: 2002, answer: 429 });
    const limited = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'round1:2002' } });
    expect(limited.state).toBe('PENDING');
    expect(limited.attempts).toBe(0);
    expect(limited.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start.getTime() + 3000);
    const failedOnce = attempts.find((a) => a.answer === 500)!;
    const retried = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: `round1:${failedOnce.chat}` } });
    expect(retried).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(retried.lastError).toMatch(/Internal Server Error/);
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'round1:2005' } })).toMatchObject({
      state: 'UNREACHABLE',
      lastError: 'Forbidden: bot was blocked by the user',
    });

    t.advance(backoffMs(1));
    await drain(t, sender);
    expect([...delivered.keys()].sort()).toEqual(chats.filter((c) => c !== 2005));
    expect([...delivered.values()].every((v) => v === 1)).toBe(true);
    expect(attempts.filter((a) => a.chat === 2005)).toEqual([{ chat: 2005, answer: 403 }]);
    const rows = await t.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'round1:' } } });
    expect(rows.filter((r) => r.state === 'SENT')).toHaveLength(19);
    expect(rows.find((r) => r.key === 'round1:2002')).toMatchObject({ state: 'SENT', attempts: 1 });

    // Later sends go to everyone else; the blocked person gets nothing and is not even tried.
    const before = attempts.length;
    await t.app.services.notifier.notify(chats.map((chat) => ({ personId: ids.get(chat)!, key: `round2:${chat}`, reply: REMINDER })));
    await drain(t, sender);
    const later = attempts.slice(before);
    expect(later.map((a) => a.chat).sort()).toEqual(chats.filter((c) => c !== 2005));
    expect(later.every((a) => a.answer === 200)).toBe(true);
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'round2:2005' } })).toMatchObject({ state: 'UNREACHABLE' });
  });

  it('one chat flooded (retry_after 18053) while 40 others get the digest at full pace', async () => {
    const { fake, t } = await setup();
    const flooded = 3000;
    const others = Array.from({ length: 40 }, (_, i) => 3001 + i);
    await queue(t, [flooded, ...others], 'digest:2026-12-03');
    await queue(t, [flooded], 'reminder:2026-12-03');
    const at = new Map<number, number>();
    const start = t.now().getTime();
    fake.respondWith('sendMessage', (payload) => {
      const chat = chatOf(payload);
      if (chat === flooded && t.now().getTime() < start + 18_053_000) return TOO_MANY(18_053);
      at.set(chat, t.now().getTime() - start);
      return undefined;
    });
    const sender = senderFor(t, fake);
    expect(await sender.deliverDue()).toBe(40);
    expect(sender.pausedUntil()).toBeNull();
    // All 40 in one pass at the overall pace (30/s): the last one within 1.4 s of the first (fake clock).
    expect([...at.keys()].sort()).toEqual(others);
    expect(Math.max(...at.values())).toBeLessThanOrEqual(Math.ceil((40 * 1000) / 30));
    // The flooded chat was tried once; both its rows wait the full retry_after, in their order.
    expect(sends(fake).filter((c) => chatOf(c.payload) === flooded)).toHaveLength(1);
    const floodedRows = await t.prisma.outboxMessage.findMany({ where: { chatId: String(flooded) }, orderBy: { id: 'asc' } });
    expect(floodedRows.map((r) => r.state)).toEqual(['PENDING', 'PENDING']);
    expect(floodedRows[0]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start + 18_053_000);
    // Nothing counts as due that cannot be sent (the backlog /readyz reports stays empty), and a
    // notice queued for that chat meanwhile waits behind them too.
    expect(await pendingDue(t)).toBe(0);
    expect(await t.app.stores.ops.outboxBacklog({ now: t.now() })).toEqual({ pending: 0, oldestDueAt: null });
    await t.app.services.notifier.notify([{ personId: await t.personId(String(flooded)), key: `late:${flooded}`, reply: REMINDER }]);
    expect((await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: `late:${flooded}` } })).nextAttemptAt.getTime()).toBeGreaterThanOrEqual(
      start + 18_053_000,
    );
    // Meanwhile a pass calls nobody for that chat.
    t.advance(3_600_000);
    await drain(t, sender);
    expect(sends(fake).filter((c) => chatOf(c.payload) === flooded)).toHaveLength(1);
    // After the wait: the digest, then the reminder, once each.
    t.advance(18_053_000 - 3_600_000);
    await drain(t, sender);
    const toFlooded = sends(fake).filter((c) => chatOf(c.payload) === flooded);
    expect(toFlooded).toHaveLength(4);
    expect(await t.prisma.outboxMessage.count({ where: { chatId: String(flooded), state: 'SENT' } })).toBe(3);
    expect(floodedRows.map((r) => r.key)).toEqual([`digest:2026-12-03:${flooded}`, `reminder:2026-12-03:${flooded}`]);
  });

  it('400 (bad request): FAILED at once, one admin notice, never retried', async () => {
    const { fake, t } = await setup();
    const admin = await t.grant('4100', 'ADMIN');
    await queue(t, [4200], 'rejection');
    fake.respondWith('sendMessage', (payload) => (chatOf(payload) === 4200 ? BAD_REQUEST : undefined));
    const sender = senderFor(t, fake, { onFailed: alertAdminsOfFailure(t.app.alerts, 'telegram') });
    await drain(t, sender);
    const row = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'rejection:4200' } });
    expect(row).toMatchObject({ state: 'FAILED', attempts: 1, lastError: 'Bad Request: text must be encoded in UTF-8' });
    // The administrator is told, once (the notice goes through the outbox too).
    const notice = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: `outbox:failed:telegram:${row.id}:${admin}` } });
    expect(notice.state).toBe('SENT');
    expect(fake.sentMessages(4100)).toEqual([expect.stringContaining('rejection:4200')]);
    t.advance(7 * 86_400_000);
    await drain(t, sender);
    expect(sends(fake).filter((c) => chatOf(c.payload) === 4200)).toHaveLength(1);
    expect(fake.sentMessages(4100)).toHaveLength(1);
  });

  it('persistent 500: stays PENDING with growing backoff up to 1 h, never FAILED, never left SENDING', async () => {
    const { fake, t } = await setup();
    fake.respondWith('sendMessage', () => SERVER_ERROR);
    await queue(t, [2300], 'doomed');
    const sender = senderFor(t, fake);
    const waits: number[] = [];
    for (let i = 1; i <= 9; i++) {
      expect(await sender.deliverDue()).toBe(0);
      const row = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'doomed:2300' } });
      expect(row).toMatchObject({ attempts: i, state: 'PENDING' });
      waits.push(row.nextAttemptAt.getTime() - t.now().getTime());
      // Not retried before its backoff is over.
      t.advance(waits.at(-1)! - 1);
      expect(await sender.deliverDue()).toBe(0);
      expect(sends(fake)).toHaveLength(i);
      t.advance(1);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(await t.prisma.outboxMessage.count({ where: { state: 'SENDING' } })).toBe(0);
  });

  it('a reply split into parts (a file, then three texts): when a part fails, the retry sends only the rest', async () => {
    const { fake, t } = await setup();
    const long = Array.from({ length: 300 }, (_, i) => `Dòng ${i + 1}: khen thưởng đột xuất cho tập thể Ấp Bình Thạnh 🎖️`).join('\n');
    const reply: Reply = {
      lines: [msg('plain', { text: long })],
      files: [{ name: 'to-trinh.docx', mime: 'application/octet-stream', bytes: new Uint8Array([1, 2, 3]) }],
    };
    await queue(t, [2500], 'split', reply);
    let textCalls = 0;
    fake.respondWith('sendMessage', () => (++textCalls === 2 ? SERVER_ERROR : undefined));
    const sender = senderFor(t, fake);
    await sender.deliverDue();
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'split:2500' } })).toMatchObject({ state: 'PENDING', partsSent: 2 });
    t.advance(backoffMs(1));
    await drain(t, sender);
    // The file once; the texts: 1 ok, 2 refused, then 2, 3 …: each part received once.
    expect(fake.calls.filter((c) => c.method === 'sendDocument')).toHaveLength(1);
    const texts = sends(fake).map((c) => String(c.payload.text));
    const parts = new Set(texts).size;
    expect(parts).toBeGreaterThanOrEqual(3);
    expect(texts).toHaveLength(parts + 1); // only the refused one twice
    expect(texts[1]).toBe(texts[2]);
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'split:2500' } })).toMatchObject({ state: 'SENT', partsSent: parts }); // the last part is recorded by SENT itself
    // Every line arrived exactly once.
    const lines = [...new Set(texts)].join('\n').match(/Dòng \d+:/g)!;
    expect(lines).toHaveLength(300);
    expect(new Set(lines).size).toBe(300);
  });

  it('deliverRows: an interactive reply goes at once in order; a 429 defers it for the loop, no error text', async () => {
    const { fake, t } = await setup();
    const personId = await t.personId('2600');
    const rows = [0, 1, 2].map((n) => ({
      key: `reply:telegram:77:${n}`,
      personId,
      channel: 'telegram',
      chatId: '2600',
      locale: 'en',
      reply: { lines: [msg('plain', { text: `phần ${n}` })] },
      notBefore: new Date(t.now().getTime() + 30_000),
    }));
    const ids = await t.app.stores.outbox.enqueueReplies(rows);
    const items = rows.map((r, i) => ({
      id: ids[i]!,
      personId,
      chatId: r.chatId,
      reply: r.reply,
      locale: 'en' as const,
      attempts: 0,
      key: r.key,
      partsSent: 0,
    }));
    let n = 0;
    const received: string[] = [];
    fake.respondWith('sendMessage', (payload) => {
      if (++n === 2) return TOO_MANY(2);
      received.push(String(payload.text));
      return undefined;
    });
    const sender = senderFor(t, fake);
    await sender.deliverRows(items);
    expect(received).toEqual(['phần 0']);
    expect(n).toBe(2); // the third was not tried: it waits behind the second
    const states = await t.prisma.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, select: { state: true, attempts: true } });
    expect(states).toEqual([
      { state: 'SENT', attempts: 1 },
      { state: 'PENDING', attempts: 0 },
      { state: 'PENDING', attempts: 0 },
    ]);
    // The loop delivers the rest once allowed (2 s), in order; nothing else reaches the person.
    expect(await sender.deliverDue()).toBe(0);
    t.advance(2000);
    await drain(t, sender);
    expect(received).toEqual(['phần 0', 'phần 1', 'phần 2']);
    expect(n).toBe(4);
  });

  it('without auto-retry: a 1 s 429 is not waited inside the sender (the row is deferred, others go on)', async () => {
    const { fake, t } = await setup();
    let n = 0;
    fake.respondWith('sendMessage', () => (++n === 1 ? TOO_MANY(1) : undefined));
    await queue(t, [2700, 2701], 'short');
    const sender = senderFor(t, fake);
    expect(await sender.deliverDue()).toBe(1);
    expect(sends(fake).map((c) => chatOf(c.payload))).toEqual([2700, 2701]);
    t.advance(1000);
    await drain(t, sender);
    expect(sends(fake).map((c) => chatOf(c.payload))).toEqual([2700, 2701, 2700]);
  });

  it('paces: two messages to one chat at least 1 s apart, and at most `perSecond` overall (fake clock)', async () => {
    const { fake, t } = await setup();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    const starts: { chat: string; at: number }[] = [];
    const base = telegramSender(bot.api, t.app.translator);
    const send: ChannelSender = (chatId, reply, locale, progress) => {
      starts.push({ chat: chatId, at: t.now().getTime() });
      return base(chatId, reply, locale, progress);
    };
    await queue(t, [2100], 'first');
    await queue(t, [2100, 2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108, 2109], 'second');
    await queue(t, [2100], 'third');
    const sender = createOutboxSender({
      store: t.app.stores.outbox,
      channel: 'telegram',
      send,
      logger: silent,
      perSecond: 10,
      now: () => t.now(),
      sleep: async (ms) => t.advance(ms),
    });
    await drain(t, sender);
    expect(starts.map((s) => Number(s.chat))).toEqual([2100, 2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108, 2109, 2100, 2100]);
    const toChat = starts.filter((s) => s.chat === '2100').map((s) => s.at);
    for (let i = 1; i < toChat.length; i++) expect(toChat[i]! - toChat[i - 1]!).toBeGreaterThanOrEqual(1000);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!.at - starts[i - 1]!.at).toBeGreaterThanOrEqual(100);
    expect(fake.sentMessages(2100)).toEqual(Array(3).fill('⏰ 1 nomination has waited for your review for more than 3 days.'));
  });

  it('a row left SENDING by a dead process becomes UNCERTAIN at start and is never sent again', async () => {
    const { fake, t } = await setup();
    await queue(t, [2400, 2401], 'crash');
    await t.prisma.outboxMessage.update({ where: { key: 'crash:2400' }, data: { state: 'SENDING', attempts: 1 } });
    const sender = senderFor(t, fake);
    expect(await sender.recoverInterrupted()).toBe(1);
    await drain(t, sender);
    expect(sends(fake).map((c) => chatOf(c.payload))).toEqual([2401]);
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'crash:2400' } })).toMatchObject({ state: 'UNCERTAIN' });
  });
});
