/**
 * The Zalo webhook over real HTTP on localhost, driven by `deliverOaEvent` (signed raw bytes, as Zalo
 * sends them): signature, timestamp window, dedupe across a restart, echoes, the mapping into core,
 * and the 200 answered before the work is done.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotCore, InboundMessage } from '../../../src/core/channel.ts';
import type { ZaloClient } from '../../../src/channels/zalo/client.ts';
import {
  createZaloWebhook,
  mountZaloWebhook,
  eventKeyOf,
  verifyZaloSignature,
  zaloSignature,
  type ZaloInbound,
  type ZaloWebhook,
} from '../../../src/channels/zalo/webhook.ts';
import { testZaloConversation } from '../../helpers/memory-inbox.ts';
import { createDatabase } from '../../../src/db/client.ts';
import { createInbox } from '../../../src/db/inbox-store.ts';
import type { InboxEntry } from '../../../src/core/inbox.ts';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '../../../src/http/server.ts';
import { createLogger } from '../../../src/logger.ts';
import { deliverOaEvent, signOaEvent } from '../../helpers/fake-zalo.ts';
import { testTranslator } from '../../helpers/core-fixtures.ts';
import { createTempDatabase, type TempDatabase } from '../../helpers/temp-db.ts';
import { gate } from '../../helpers/gate.ts';

const APP_ID = '1111222233334444555';
const OA_ID = '9990008887776665554';
const KEY = 'oa-secret-key-for-tests';
const USER = '5550001112223334445';
const logger = createLogger({ level: 'silent' });

let db: TempDatabase;
const servers: RunningHttpServer[] = [];
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  db = await createTempDatabase();
});

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const c of closers.splice(0).reverse()) await c();
  await db.close();
});

/** Serves a webhook on the bot's HTTP app, on a free port; returns its URL. */
async function serve(webhook: ZaloWebhook): Promise<string> {
  const http = createHttpApp({ logger });
  mountZaloWebhook(http, '/zalo/webhook', webhook);
  const server = await startHttpServer({ app: http, port: 0, logger });
  servers.push(server);
  return `http://127.0.0.1:${server.port}/zalo/webhook`;
}

/** A webhook recording the events it accepted (and completing their inbox entries, as handling does). */
async function recorder(opts: { prisma?: TempDatabase['prisma']; now?: () => Date; onEvent?: (entry: InboxEntry, e: ZaloInbound) => Promise<void> } = {}) {
  const events: ZaloInbound[] = [];
  const inbox = createInbox(opts.prisma ?? db.prisma);
  const webhook = createZaloWebhook({
    appId: APP_ID,
    oaSecretKey: KEY,
    oaId: OA_ID,
    inbox,
    logger,
    ...(opts.now ? { now: opts.now } : {}),
    onEvent:
      opts.onEvent ??
      (async (entry, e) => {
        await inbox.complete(entry.id, new Date());
        events.push(e);
      }),
  });
  return { webhook, events, url: await serve(webhook) };
}

const sign = { appId: APP_ID, oaSecretKey: KEY };
let seq = 0;
function textEvent(text: string, o: { msgId?: string; timestamp?: number; sender?: string; name?: string } = {}) {
  return {
    app_id: APP_ID,
    user_id_by_app: '7000000000000000001',
    event_name: o.name ?? 'user_send_text',
    timestamp: String(o.timestamp ?? Date.now()),
    sender: { id: o.sender ?? USER },
    recipient: { id: OA_ID },
    message: { msg_id: o.msgId ?? `msg-${++seq}-${Math.random().toString(36).slice(2)}`, text },
  };
}
const messages = (events: ZaloInbound[]): InboundMessage[] => events.flatMap((e) => (e.kind === 'message' ? [e.message] : []));
const processed = () => db.prisma.inboxEntry.count();

describe('signature (zalo.md §2.2): plain SHA-256 of app id + raw body + timestamp + OA secret key', () => {
  it('matches the formula of the fake server and is compared in constant time', () => {
    const raw = JSON.stringify(textEvent('xin chào', { timestamp: 1764400000123 }));
    const header = zaloSignature(APP_ID, raw, '1764400000123', KEY);
    expect(header).toBe(signOaEvent(raw, { ...sign, timestamp: '1764400000123' }));
    expect(header).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(verifyZaloSignature(header, APP_ID, Buffer.from(raw), '1764400000123', KEY)).toBe(true);
    expect(verifyZaloSignature(header.toUpperCase().replace('MAC=', 'mac='), APP_ID, Buffer.from(raw), '1764400000123', KEY)).toBe(true);
    expect(verifyZaloSignature(header.slice(0, -1), APP_ID, Buffer.from(raw), '1764400000123', KEY)).toBe(false);
    expect(verifyZaloSignature(undefined, APP_ID, Buffer.from(raw), '1764400000123', KEY)).toBe(false);
    expect(verifyZaloSignature(header, APP_ID, Buffer.from(raw), '1764400000124', KEY)).toBe(false);
  });
});

describe('Zalo webhook deliveries', () => {
  it('a correctly signed text reaches core as a private Zalo message', async () => {
    const r = await recorder();
    const res = await deliverOaEvent(r.url, textEvent('tiêu chí y tế'), sign);
    expect(res.status).toBe(200);
    await r.webhook.idle();
    expect(messages(r.events)).toEqual([expect.objectContaining({ channel: 'zalo', userId: USER, chatId: USER, chatType: 'private', text: 'tiêu chí y tế' })]);
    expect(await processed()).toBe(1);
  });

  it('a tampered body, a wrong key, a missing or malformed signature: 401 and nothing processed', async () => {
    const r = await recorder();
    expect((await deliverOaEvent(r.url, textEvent('a'), { ...sign, tamper: true })).status).toBe(401);
    expect((await deliverOaEvent(r.url, textEvent('b'), { ...sign, tamper: (raw) => raw.replace('"b"', '"c"') })).status).toBe(401);
    expect((await deliverOaEvent(r.url, textEvent('d'), { appId: APP_ID, oaSecretKey: 'not-the-oa-key' })).status).toBe(401);
    // The app secret is not the key that signs events.
    expect((await deliverOaEvent(r.url, textEvent('e'), { appId: '1111222233334444556', oaSecretKey: KEY })).status).toBe(401);
    expect((await deliverOaEvent(r.url, textEvent('f'), { ...sign, signature: null })).status).toBe(401);
    expect((await deliverOaEvent(r.url, textEvent('g'), { ...sign, signature: 'mac=zz' })).status).toBe(401);
    expect((await deliverOaEvent(r.url, '{not json', sign)).status).toBe(400);
    await r.webhook.idle();
    expect(r.events).toEqual([]);
    expect(await processed()).toBe(0);
  });

  it('refuses a stale timestamp (older than 13 h) or one far in the future, accepts a 12-hour-old redelivery', async () => {
    const r = await recorder();
    const hour = 3_600_000;
    expect((await deliverOaEvent(r.url, textEvent('old', { timestamp: Date.now() - 14 * hour }), sign)).status).toBe(401);
    expect((await deliverOaEvent(r.url, textEvent('future', { timestamp: Date.now() + 2 * hour }), sign)).status).toBe(401);
    expect((await deliverOaEvent(r.url, textEvent('late but genuine', { timestamp: Date.now() - 12 * hour }), sign)).status).toBe(200);
    await r.webhook.idle();
    expect(messages(r.events).map((m) => m.text)).toEqual(['late but genuine']);
    expect(await processed()).toBe(1);
  });

  it('the window is configurable', async () => {
    const events: ZaloInbound[] = [];
    const webhook = createZaloWebhook({
      appId: APP_ID,
      oaSecretKey: KEY,
      oaId: OA_ID,
      inbox: createInbox(db.prisma),
      logger,
      maxAgeMs: 60_000,
      onEvent: async (_entry, e) => void events.push(e),
    });
    const url = await serve(webhook);
    expect((await deliverOaEvent(url, textEvent('2 min old', { timestamp: Date.now() - 120_000 }), sign)).status).toBe(401);
  });

  it('a replayed msg_id is processed once, also after the handler is re-created over the same database', async () => {
    const first = await recorder();
    const event = textEvent('một lần thôi', { msgId: 'a1b2c3d4e5f60718293a' });
    expect((await deliverOaEvent(first.url, event, sign)).status).toBe(200);
    expect((await deliverOaEvent(first.url, event, sign)).status).toBe(200);
    await first.webhook.idle();
    expect(first.events).toHaveLength(1);

    // "Restart": a new database client on the same file, a new handler and server.
    const reopened = await createDatabase({ databaseUrl: db.databaseUrl });
    closers.push(reopened.close);
    const second = await recorder({ prisma: reopened.prisma });
    expect((await deliverOaEvent(second.url, event, sign)).status).toBe(200);
    await second.webhook.idle();
    expect(second.events).toHaveLength(0);
    expect(await processed()).toBe(1);
    expect(eventKeyOf(event)).toBe('msg:a1b2c3d4e5f60718293a');
  });

  it('an event answered 200 and never finished (the process was killed) is handled at the next start, once', async () => {
    // First run: recorded and answered, then "killed" before its handling committed.
    const killed = await recorder({ onEvent: async () => undefined });
    const event = textEvent('đừng mất tin này', { msgId: 'killed-after-200' });
    expect((await deliverOaEvent(killed.url, event, sign)).status).toBe(200);
    await killed.webhook.idle();
    // Next start: the leftover is queued again; Zalo's own redelivery of it meanwhile is not doubled.
    const next = await recorder();
    expect(await next.webhook.replay(new Date(Date.now() + 1000))).toBe(1);
    expect(messages(next.events).map((m) => m.text)).toEqual(['đừng mất tin này']);
    expect((await deliverOaEvent(next.url, event, sign)).status).toBe(200);
    await next.webhook.idle();
    expect(next.events).toHaveLength(1);
    expect(await next.webhook.replay(new Date(Date.now() + 1000))).toBe(0);
  });

  it('a redelivery whose inbox read saw the event still RECEIVED, then the handling end, is not handled again', async () => {
    // The first delivery's handling waits at a gate; the redelivery's inbox read answers (the entry
    // RECEIVED) and then waits too, while the first handling finishes. Seen once under load in CI.
    const inbox = createInbox(db.prisma);
    const handling = gate();
    const readDone = gate();
    const readHeld = gate();
    let records = 0;
    const slowInbox: typeof inbox = {
      ...inbox,
      async record(...args) {
        const entries = await inbox.record(...args);
        if (++records === 2) {
          readDone.open();
          await readHeld.opened;
        }
        return entries;
      },
    };
    const events: ZaloInbound[] = [];
    const finished = gate();
    const webhook = createZaloWebhook({
      appId: APP_ID,
      oaSecretKey: KEY,
      oaId: OA_ID,
      inbox: slowInbox,
      logger,
      onEvent: async (entry, e) => {
        await handling.opened;
        await inbox.complete(entry.id, new Date());
        events.push(e);
        finished.open();
      },
    });
    const url = await serve(webhook);
    const event = textEvent('một lần', { msgId: 'race-1' });
    expect((await deliverOaEvent(url, event, sign)).status).toBe(200);
    const redelivery = deliverOaEvent(url, event, sign);
    // Old order: the redelivery reads the inbox first. New order: it is refused before reading.
    await Promise.race([readDone.opened, redelivery]);
    handling.open();
    await finished.opened;
    readHeld.open();
    expect((await redelivery).status).toBe(200);
    await webhook.idle();
    expect(events).toHaveLength(1);
  });

  it('Vietnamese text in NFD form reaches core in NFC', async () => {
    const r = await recorder();
    const nfd = 'Trạm Y tế xã đạt tiêu chí'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    // The NFD bytes are what is signed and sent.
    const res = await deliverOaEvent(r.url, JSON.stringify(textEvent(nfd)), sign);
    expect(res.raw).toContain(nfd);
    expect(res.status).toBe(200);
    await r.webhook.idle();
    expect(messages(r.events)[0]!.text).toBe('Trạm Y tế xã đạt tiêu chí'.normalize('NFC'));
  });

  it('ignores the OA’s own echoes (oa_send_*, sender = OA) and receipts', async () => {
    const r = await recorder();
    expect((await deliverOaEvent(r.url, textEvent('echo', { name: 'oa_send_text', sender: OA_ID }), sign)).status).toBe(200);
    expect((await deliverOaEvent(r.url, textEvent('echo 2', { sender: OA_ID }), sign)).status).toBe(200);
    expect(
      (await deliverOaEvent(r.url, { ...textEvent('x'), event_name: 'user_seen_message', sender: { id: OA_ID }, recipient: { id: USER } }, sign)).status,
    ).toBe(200);
    expect((await deliverOaEvent(r.url, { ...textEvent('x'), event_name: 'user_received_message' }, sign)).status).toBe(200);
    await r.webhook.idle();
    expect(r.events).toEqual([]);
    expect(await processed()).toBe(0);
  });

  it('maps images, files, stickers, follow, unfollow and our button payloads', async () => {
    const r = await recorder();
    const ts = () => String(Date.now());
    const base = { app_id: APP_ID, sender: { id: USER }, recipient: { id: OA_ID } };
    await deliverOaEvent(
      r.url,
      {
        ...base,
        event_name: 'user_send_image',
        timestamp: ts(),
        message: {
          msg_id: 'img1',
          text: 'ảnh minh chứng',
          attachments: [{ type: 'image', payload: { url: 'https://zalo.example/a.jpg', thumbnail: 'https://zalo.example/t.jpg' } }],
        },
      },
      sign,
    );
    await deliverOaEvent(
      r.url,
      {
        ...base,
        event_name: 'user_send_file',
        timestamp: ts(),
        message: {
          msg_id: 'file1',
          attachments: [{ type: 'file', payload: { url: 'https://zalo.example/b.pdf', name: 'bien-ban.pdf', size: '1024', type: 'pdf' } }],
        },
      },
      sign,
    );
    await deliverOaEvent(
      r.url,
      { ...base, event_name: 'user_send_sticker', timestamp: ts(), message: { msg_id: 'st1', attachments: [{ type: 'sticker', payload: { id: '1' } }] } },
      sign,
    );
    await deliverOaEvent(r.url, textEvent('#a:d:type:COLLECTIVE'), sign);
    const followTs = ts();
    const follow = { app_id: APP_ID, event_name: 'follow', oa_id: OA_ID, follower: { id: USER }, source: 'oa_profile', timestamp: followTs };
    await deliverOaEvent(r.url, follow, sign);
    await deliverOaEvent(r.url, follow, sign); // redelivered: keyed by event + timestamp + person
    await deliverOaEvent(r.url, { ...follow, event_name: 'unfollow', timestamp: String(Number(followTs) + 1) }, sign);
    await r.webhook.idle();
    const [image, file, sticker, tap, start] = messages(r.events);
    expect(image).toMatchObject({ text: 'ảnh minh chứng', attachments: [{ kind: 'PHOTO', channel: 'zalo', fileRef: 'https://zalo.example/a.jpg' }] });
    expect(file).toMatchObject({ attachments: [{ kind: 'DOCUMENT', channel: 'zalo', fileRef: 'https://zalo.example/b.pdf', fileName: 'bien-ban.pdf' }] });
    expect(sticker).toMatchObject({ unsupported: true });
    expect(tap).toMatchObject({ action: 'd:type:COLLECTIVE' });
    expect(tap!.text).toBeUndefined();
    expect(start).toMatchObject({ text: '/start', userId: USER });
    expect(r.events.at(-1)).toEqual({ kind: 'unfollow', userId: USER });
    expect(r.events).toHaveLength(6);
  });

  it('refuses a body over the size limit', async () => {
    const r = await recorder();
    const res = await deliverOaEvent(r.url, textEvent('x'.repeat(70_000)), sign);
    expect(res.status).toBe(413);
    expect(await processed()).toBe(0);
  });

  it('answers 200 before the work is done (Zalo allows 2 s): a core still working does not hold the answer', async () => {
    // The core blocks until the test releases it: the 200 must come back while it is still blocked.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const reached = new Promise<void>((r) => (entered = r));
    const handled: InboundMessage[] = [];
    const core: BotCore = {
      async handle(m) {
        entered();
        await gate;
        handled.push(m);
        return { locale: 'vi', replies: [{ lines: [{ key: 'empty-input' }] }] };
      },
    };
    const sent: string[] = [];
    const client: ZaloClient = { sendText: async (m) => (sent.push(m.text), { messageId: 'm1' }), refreshNow: async () => undefined };
    const talk = testZaloConversation({ core, client, translator: testTranslator() });
    const webhook = createZaloWebhook({
      appId: APP_ID,
      oaSecretKey: KEY,
      oaId: OA_ID,
      inbox: createInbox(db.prisma),
      logger,
      onEvent: (_entry, event) => talk(event),
    });
    const url = await serve(webhook);
    const res = await deliverOaEvent(url, textEvent('chậm'), sign);
    expect(res.status).toBe(200);
    await reached; // the core has the message…
    expect(handled).toHaveLength(0); // …and had not finished when 200 came back
    release();
    await webhook.idle();
    expect(handled).toHaveLength(1);
    expect(sent).toEqual(['Bạn hãy gõ câu hỏi hoặc một lệnh.']);
  });

  it('a database failure while recording the event answers 500, so Zalo delivers again', async () => {
    const other = await createTempDatabase();
    await other.close(); // a closed client: every query fails
    const r = await recorder({ prisma: other.prisma });
    const res = await deliverOaEvent(r.url, textEvent('x'), sign);
    expect(res.status).toBe(500);
    expect(r.events).toEqual([]);
  });
});
