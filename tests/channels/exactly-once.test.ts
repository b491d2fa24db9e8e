/**
 * Exactly once (issue 10), in-process, on the real database and a fake Bot API on localhost: the
 * Telegram channel records each update before handling it, commits the state change, the inbox
 * entry and the replies together, and a "restart" (a second channel over the same database) either
 * replays what was not committed or delivers what was committed and not sent — never half, never twice.
 *
 * A crash is simulated where the process would stop: the first channel's unit of work throws after
 * the work ran (nothing committed; the dead process marks nothing and sends nothing), or its sender
 * dies before claiming the committed replies.
 */
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { drainInFlight } from '../../src/channels/telegram/in-flight.ts';
import { mountTelegramWebhook } from '../../src/channels/telegram/run.ts';
import { createTelegramChannel, type TelegramExactlyOnce } from '../../src/channels/telegram/telegram.ts';
import { createHttpApp, startHttpServer } from '../../src/http/server.ts';
import type { UnitOfWork } from '../../src/core/unit-of-work.ts';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const logger = pino({ level: 'silent' });
const CHAT = 4242;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The process was killed here. */
class Killed extends Error {}

async function setup(): Promise<{
  t: TestApp;
  fake: FakeTelegram;
  channel: (o?: Partial<TelegramExactlyOnce> & { dead?: boolean }) => ReturnType<typeof createTelegramChannel>;
}> {
  const t = await createTestApp();
  const fake = await startFakeTelegram();
  cleanups.push(
    () => t.close(),
    () => fake.close(),
  );
  const channel = (o: Partial<TelegramExactlyOnce> & { dead?: boolean } = {}) => {
    const c = createTelegramChannel({
      core: t.app.core,
      translator: t.app.translator,
      logger,
      token: fake.token,
      apiRoot: fake.apiRoot,
      botInfo: fake.botInfo,
      exactlyOnce: {
        inbox: t.app.stores.inbox,
        unitOfWork: t.app.stores.unitOfWork,
        outbox: t.app.stores.outbox,
        localeOf: async () => 'vi',
        now: () => t.now(),
        ...o,
      },
    });
    // A dead process sends nothing.
    if (o.dead) c.bot.api.config.use(async () => Promise.reject(new Killed('the process is dead')));
    return c;
  };
  return { t, fake, channel };
}

let nextId = 500;
const text = (body: string): Update => ({
  update_id: nextId++,
  message: {
    message_id: nextId,
    date: 0,
    chat: { id: CHAT, type: 'private', first_name: 'Lan' },
    from: { id: CHAT, is_bot: false, first_name: 'Lan' },
    text: body,
  },
});

/** Receives updates as polling does: the batch recorded first, then each handled. */
async function receive(c: ReturnType<typeof createTelegramChannel>, ...updates: Update[]): Promise<void> {
  await c.record(updates);
  for (const u of updates) await c.bot.handleUpdate(u);
}

describe('exactly once across a crash (Telegram channel, real database)', () => {
  it('killed between the state change and the commit: nothing of it is kept, and the next start handles it once', async () => {
    const { t, fake, channel } = await setup();
    const dying: UnitOfWork = (work) =>
      t.app.stores.unitOfWork(async () => {
        await work();
        throw new Killed('killed before COMMIT');
      });
    const first = channel({ unitOfWork: dying, dead: true, inbox: { ...t.app.stores.inbox, fail: async () => false } });
    const start = text('/viectot');
    await receive(first, start);
    expect(await t.prisma.dialogState.count()).toBe(0); // the dialog step was rolled back with the unit
    expect(await t.prisma.inboxEntry.findFirst({ where: { eventKey: `update:${start.update_id}` } })).toMatchObject({ state: 'RECEIVED' });
    expect(fake.sentMessages(CHAT)).toEqual([]);

    const second = channel(); // the next start
    expect(await second.replay(new Date(t.now().getTime() + 1))).toBe(1);
    expect(await t.prisma.dialogState.count()).toBe(1);
    const answers = fake.sentMessages(CHAT);
    expect(answers).toHaveLength(2); // the welcome and the first question
    expect(answers[1]).toContain('Bước 1/6');
    // Telegram sending it again (the offset was never confirmed) changes nothing.
    await receive(second, structuredClone(start));
    expect(await second.replay(new Date(t.now().getTime() + 1))).toBe(0);
    expect(fake.sentMessages(CHAT)).toHaveLength(2);
  });

  it('killed after the commit, before the reply went out: the next start delivers it at once, once', async () => {
    const { t, fake, channel } = await setup();
    // The sender dies before it can claim the committed replies.
    const outbox = { ...t.app.stores.outbox, claim: () => Promise.reject(new Killed('killed before sending')) };
    const first = channel({ outbox, dead: true });
    await receive(first, text('/viectot'));
    expect(await t.prisma.dialogState.count()).toBe(1); // committed
    const queued = await t.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'reply:telegram:' } } });
    expect(queued.map((r) => r.state)).toEqual(['PENDING', 'PENDING']);
    expect(fake.sentMessages(CHAT)).toEqual([]);

    const second = channel();
    expect(await second.sender!.recoverInterrupted()).toBe(0);
    // Due at once: the grace that kept the loop off them was for the handler, which died.
    let sent = 0;
    for (let pass = 0; pass < 5; pass++) {
      sent += await second.sender!.deliverDue();
      t.advance(1_000); // the loop's per-chat spacing
    }
    expect(sent).toBe(2);
    expect(fake.sentMessages(CHAT)).toHaveLength(2);
    expect(fake.sentMessages(CHAT)[1]).toContain('Bước 1/6');
  });

  it('the same update twice in one batch, and again after a restart, moves the dialog one step and answers once', async () => {
    const { t, fake, channel } = await setup();
    const first = channel();
    const start = text('/viectot');
    await receive(first, start, structuredClone(start));
    expect(fake.sentMessages(CHAT)).toHaveLength(2);
    const step = (await t.prisma.dialogState.findFirstOrThrow()).step;
    await receive(channel(), structuredClone(start)); // after a restart
    expect((await t.prisma.dialogState.findFirstOrThrow()).step).toBe(step);
    expect(fake.sentMessages(CHAT)).toHaveLength(2);
  });

  it('a failure inside the handling keeps nothing of it, is answered once in the private chat, and is not replayed', async () => {
    const { t, fake, channel } = await setup();
    const failing: UnitOfWork = (work) =>
      t.app.stores.unitOfWork(async () => {
        await work();
        throw new Error('constraint broken');
      });
    const c = channel({ unitOfWork: failing });
    const start = text('/viectot');
    await receive(c, start);
    expect(await t.prisma.dialogState.count()).toBe(0);
    expect(fake.sentMessages(CHAT)).toEqual(['Xin lỗi, đã có lỗi khi xử lý. Bạn hãy thử lại sau ít phút.']);
    expect(await t.prisma.inboxEntry.findFirst({ where: { eventKey: `update:${start.update_id}` } })).toMatchObject({ state: 'FAILED' });
    expect(await channel().replay(new Date(t.now().getTime() + 1))).toBe(0);
  });

  it('webhook: the same POST twice at once is handled once; a body that is no update gets 200 and nothing; a wrong secret 401', async () => {
    const { t, fake, channel } = await setup();
    const c = channel();
    const http = createHttpApp({ logger });
    const secret = 'webhook-secret-0123456789';
    mountTelegramWebhook(http, { bot: c.bot, channel: c, webhookUrl: 'https://bot.example/tg/hook', webhookSecret: secret, logger });
    const server = await startHttpServer({ app: http, port: 0, logger });
    cleanups.push(() => server.close());
    const post = (body: string, key = secret) =>
      fetch(`http://127.0.0.1:${server.port}/tg/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': key },
        body,
      });
    const update = JSON.stringify(text('/viectot'));
    const answers = await Promise.all([post(update), post(update)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await fake.waitFor((call) => call.method === 'sendMessage' && String(call.payload.text).includes('Bước 1/6'));
    await drainInFlight(c.bot, logger);
    expect(fake.sentMessages(CHAT)).toHaveLength(2);
    expect(await t.prisma.dialogState.count()).toBe(1);

    expect((await post('{"update_id": 7, "message": ')).status).toBe(200); // malformed: never retried
    expect((await post('[1,2]')).status).toBe(200);
    expect((await post(update, 'wrong-secret')).status).toBe(401);
    await drainInFlight(c.bot, logger);
    expect(fake.sentMessages(CHAT)).toHaveLength(2);
  });
});
