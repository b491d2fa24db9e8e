/**
 * The outbox's Zalo sender against the fake Zalo server (real client, real token store, real outbox):
 * the 7-day window held as unreachable (never retried), the renew button on every proactive message,
 * and Zalo's answers mapped to the outbox's retry / unreachable handling.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient, type ZaloClient } from '../../../src/channels/zalo/client.ts';
import { alertAdminsLostGrant } from '../../../src/channels/zalo/run.ts';
import { zaloLastSeen, zaloSender, ZALO_WINDOW_MS } from '../../../src/channels/zalo/zalo.ts';
import { createOutboxSender, PermanentError, RetryLaterError, UnreachableError, type OutboxSender } from '../../../src/channels/delivery.ts';
import { msg } from '../../../src/core/channel.ts';
import { createAdminAlerts } from '../../../src/core/alerts.ts';
import { createOutbox } from '../../../src/db/outbox.ts';
import { createOutboxStore } from '../../../src/db/outbox-store.ts';
import { createRoleRepository } from '../../../src/db/role-repository.ts';
import { createPeopleRepository } from '../../../src/db/people-repository.ts';
import { createZaloTokenStore } from '../../../src/db/zalo-token-store.ts';
import { ZaloApiError } from '../../../src/channels/zalo/client.ts';
import { createLogger } from '../../../src/logger.ts';
import { testTranslator } from '../../helpers/core-fixtures.ts';
import { startFakeZalo, type FakeZalo } from '../../helpers/fake-zalo.ts';
import { createTempDatabase, type TempDatabase } from '../../helpers/temp-db.ts';

const t = testTranslator();
const logger = createLogger({ level: 'silent' });
const DAY = 86_400_000;
const USER = '5550001112223334445';

let db: TempDatabase;
let fake: FakeZalo;
let client: ZaloClient;
let sender: OutboxSender;

beforeEach(async () => {
  db = await createTempDatabase();
  fake = await startFakeZalo();
  const tokens = createZaloTokenStore(db.prisma);
  await tokens.seed({ oaId: fake.oaId, refreshToken: fake.issueTokens().refreshToken });
  client = createZaloClient({ apiBase: fake.url, oauthBase: fake.url, appId: fake.appId, appSecret: fake.appSecret, oaId: fake.oaId, tokens, logger });
  sender = createOutboxSender({
    store: createOutboxStore(db.prisma),
    channel: 'zalo',
    logger,
    perChatMs: 0,
    send: zaloSender(client, t, { lastSeen: zaloLastSeen(createPeopleRepository(db.prisma)) }),
  });
});

afterEach(async () => {
  await fake.close();
  await db.close();
});

/** A person known through Zalo who last wrote `ago` ms ago; returns their id. */
async function zaloPerson(userId: string, ago: number): Promise<number> {
  const identity = await db.prisma.identity.create({
    data: { channel: 'zalo', externalId: userId, lastSeenAt: new Date(Date.now() - ago), person: { create: { displayName: `Zalo ${userId}` } } },
  });
  return identity.personId;
}

async function queue(personId: number, key: string, text = 'Bản tin tuần của Hội đồng') {
  await createOutbox(db.prisma, { defaultLocale: 'vi' }).notify([{ personId, key, reply: { lines: [msg('plain', { text })] } }]);
}
const row = (key: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } });

describe('Zalo outbox sender', () => {
  it('sends within the window, with the "keep receiving" button on the proactive message', async () => {
    const id = await zaloPerson(USER, 2 * DAY);
    await queue(id, 'digest:1');
    expect(await sender.deliverDue()).toBe(1);
    expect((await row('digest:1')).state).toBe('SENT');
    const [sent] = fake.sentTo(USER);
    expect(sent!.text).toBe('Bản tin tuần của Hội đồng');
    expect(sent!.buttons).toEqual([{ type: 'oa.query.hide', title: 'Tiếp tục nhận tin', payload: '#a:noop' }]);
  });

  it('outside the 7-day window: held as unreachable, not retried, nothing sent; writing again releases what was held', async () => {
    const id = await zaloPerson(USER, 8 * DAY);
    await queue(id, 'digest:2');
    expect(await sender.deliverDue()).toBe(0);
    const held = await row('digest:2');
    expect(held.state).toBe('UNREACHABLE');
    expect(held.attempts).toBe(1);
    expect(held.lastError).toContain('7-day window');
    expect((await db.prisma.identity.findFirstOrThrow({ where: { personId: id } })).unreachableAt).not.toBeNull();
    expect(fake.callsTo('/v3.0/oa/message/cs')).toHaveLength(0);
    // Later passes don't try again.
    expect(await sender.deliverDue()).toBe(0);
    expect(fake.callsTo('/v3.0/oa/message/cs')).toHaveLength(0);
    // While held, new notices are queued as unreachable too.
    await queue(id, 'reminder:1');
    expect((await row('reminder:1')).state).toBe('UNREACHABLE');

    // They write again (any message): reachable, and the next notice goes out.
    await createPeopleRepository(db.prisma).ensure({ channel: 'zalo', externalId: USER, displayName: 'x' });
    expect((await db.prisma.identity.findFirstOrThrow({ where: { personId: id } })).unreachableAt).toBeNull();
    // What was held for them goes out now (still relevant), with the next notice.
    expect((await row('digest:2')).state).toBe('PENDING');
    await queue(id, 'reminder:2');
    expect(await sender.deliverDue()).toBe(3);
    expect(fake.sentTo(USER)).toHaveLength(3);
  });

  it('just inside the window is sent; the edge keeps a safety margin', async () => {
    const near = await zaloPerson('111', ZALO_WINDOW_MS - 2 * 3_600_000);
    const edge = await zaloPerson('222', ZALO_WINDOW_MS - 60_000);
    await queue(near, 'a');
    await queue(edge, 'b');
    await sender.deliverDue();
    expect((await row('a')).state).toBe('SENT');
    expect((await row('b')).state).toBe('UNREACHABLE');
  });

  it('Zalo’s own window answer (-230) is unreachable too, not retried', async () => {
    const id = await zaloPerson(USER, DAY);
    fake.setLastInteraction(USER, new Date(Date.now() - 8 * DAY)); // Zalo knows better than our record
    await queue(id, 'digest:3');
    await sender.deliverDue();
    expect((await row('digest:3')).state).toBe('UNREACHABLE');
    await sender.deliverDue();
    expect(fake.callsTo('/v3.0/oa/message/cs')).toHaveLength(1);
  });

  it('a rate limit (-32) defers the channel and gives the attempt back', async () => {
    const id = await zaloPerson(USER, DAY);
    fake.failNext('/v3.0/oa/message/cs', { error: -32, message: 'Your OA reached limit call api' });
    await queue(id, 'digest:4');
    expect(await sender.deliverDue()).toBe(0);
    const deferred = await row('digest:4');
    expect(deferred.state).toBe('PENDING');
    expect(deferred.attempts).toBe(0);
    expect(sender.pausedUntil()).not.toBeNull();
  });

  it('a 502 from Zalo backs off and stays PENDING (no channel pause)', async () => {
    const id = await zaloPerson(USER, DAY);
    fake.failNext('/v3.0/oa/message/cs', { status: 502 });
    await queue(id, 'digest:5');
    expect(await sender.deliverDue()).toBe(0);
    expect(sender.pausedUntil()).toBeNull();
    const deferred = await row('digest:5');
    expect(deferred).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(deferred.lastError).toContain('502');
  });

  it('a long message in parts: a 502 on the second part, then the retry sends only the parts not yet delivered', async () => {
    const id = await zaloPerson(USER, DAY);
    const texts: string[] = [];
    let calls = 0;
    const flaky: ZaloClient = {
      sendText: async ({ text }) => {
        if (++calls === 2) throw new ZaloApiError({ message: 'Zalo send: HTTP 502', code: 502, kind: 'retry', operation: 'send', httpStatus: 502 });
        texts.push(text);
        return { messageId: String(calls) };
      },
      refreshNow: async () => undefined,
    };
    let now = Date.now() + 1000; // after the row is queued (by the system clock)
    const parted = createOutboxSender({
      store: createOutboxStore(db.prisma),
      channel: 'zalo',
      logger,
      perChatMs: 0,
      now: () => new Date(now),
      sleep: async (ms) => void (now += ms),
      send: zaloSender(flaky, t, { lastSeen: async () => new Date(now), now: () => new Date(now) }),
    });
    const long = Array.from({ length: 120 }, (_, i) => `Dòng ${i + 1}: thành tích xuất sắc của Ấp Bình Thạnh 🎖️`).join('\n');
    await queue(id, 'long:1', long);
    expect(await parted.deliverDue()).toBe(0);
    expect(await row('long:1')).toMatchObject({ state: 'PENDING', partsSent: 1 });
    now += 60_000;
    expect(await parted.deliverDue()).toBe(1);
    const done = await row('long:1');
    expect(done.state).toBe('SENT');
    expect(done.partsSent).toBe(texts.length - 1); // the last part is recorded by SENT itself
    expect(texts.length).toBeGreaterThanOrEqual(3);
    const lines = texts.join('\n').match(/Dòng \d+:/g)!;
    expect(lines).toHaveLength(120); // every line once: nothing sent twice
  });

  it('maps client errors: -32/429 → RetryLaterError (channel), unreachable/window → UnreachableError, a refused send → PermanentError, the rest transient', async () => {
    const err = (kind: ZaloApiError['kind'], code = -1, extra: Partial<ConstructorParameters<typeof ZaloApiError>[0]> = {}) =>
      new ZaloApiError({ message: kind, code, kind, operation: 'send', retryAfterMs: 1234, ...extra });
    const failing = (e: ZaloApiError): ZaloClient => ({ sendText: async () => Promise.reject(e), refreshNow: async () => undefined });
    const lastSeen = async () => new Date();
    const send = (e: ZaloApiError) => zaloSender(failing(e), t, { lastSeen })(USER, { lines: [msg('plain', { text: 'x' })] }, 'vi');
    await expect(send(err('retry', -32))).rejects.toBeInstanceOf(RetryLaterError);
    await expect(send(err('retry', -32))).rejects.toMatchObject({ retryAfterMs: 1234, scope: 'channel' });
    await expect(send(err('retry', 429, { httpStatus: 429 }))).rejects.toMatchObject({ name: 'RetryLaterError', scope: 'channel' });
    // Network, 502, an expired attachment (-100): transient (backoff, PENDING), not a rate limit.
    for (const e of [err('retry', 0), err('retry', 502, { httpStatus: 502 }), err('retry', -100)]) await expect(send(e)).rejects.toBeInstanceOf(ZaloApiError);
    await expect(send(err('unreachable', -213))).rejects.toBeInstanceOf(UnreachableError);
    await expect(send(err('window', -230))).rejects.toBeInstanceOf(UnreachableError);
    await expect(send(err('refresh', -216))).rejects.toBeInstanceOf(ZaloApiError);
    // A failed token refresh (the grant lost, too) is transient: the row waits for the new grant.
    await expect(send(err('give-up', -14014, { operation: 'refresh' }))).rejects.toBeInstanceOf(ZaloApiError);
    await expect(send(err('give-up', -201))).rejects.toBeInstanceOf(PermanentError);
    // A person never seen on Zalo: unreachable.
    await expect(zaloSender(client, t, { lastSeen: async () => null })(USER, { lines: [msg('plain', { text: 'x' })] }, 'vi')).rejects.toBeInstanceOf(
      UnreachableError,
    );
  });

  it('a lost grant alerts every administrator on their Telegram account, once a day', async () => {
    const admin = await db.prisma.identity.create({
      data: { channel: 'telegram', externalId: '777', person: { create: { displayName: 'Admin', locale: 'en' } } },
    });
    await db.prisma.identity.create({ data: { channel: 'zalo', externalId: '888', personId: admin.personId } });
    await db.prisma.roleGrant.create({ data: { personId: admin.personId, role: 'ADMIN' } });
    const zaloOnlyAdmin = await zaloPerson('999', 0);
    await db.prisma.roleGrant.create({ data: { personId: zaloOnlyAdmin, role: 'ADMIN' } });
    const error = new ZaloApiError({ message: 'lost', code: -14014, kind: 'give-up', operation: 'refresh' });
    const alerts = createAdminAlerts({ roles: createRoleRepository(db.prisma), notifier: createOutbox(db.prisma, { defaultLocale: 'vi' }) });
    expect(await alertAdminsLostGrant({ alerts, logger, error })).toBe(1);
    expect(await alertAdminsLostGrant({ alerts, logger, error })).toBe(0);
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'telegram', chatId: '777', locale: 'en', state: 'PENDING' });
    expect(t.format('en', JSON.parse(rows[0]!.payload).lines[0], 'plain')).toContain('lost its permission');
  });
});
