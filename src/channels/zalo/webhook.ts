/**
 * The Zalo OA webhook: a handler working on the raw request bytes, mounted on the bot's HTTP server
 * by {@link mountZaloWebhook}.
 *
 * For every POST (zalo.md §2.2, §6):
 * 1. The body is read as bytes, at most {@link DEFAULT_MAX_BODY_BYTES} (413 beyond, by Hono's body limit).
 * 2. `X-ZEvent-Signature: mac=<hex>` is checked: hex SHA-256 (plain, not HMAC) of app id + the exact
 *    raw body + the body's `timestamp` + the OA secret key ("Khóa bí mật OA", not the app secret),
 *    compared in constant time. Missing or wrong: 401, nothing processed.
 * 3. The body's `timestamp` must be recent: older than `maxAgeMs` (default 13 h) or more than a few
 *    minutes in the future: 401, nothing processed. Why 13 h and not minutes: Zalo redelivers an
 *    event it could not hand over for up to 12 h (30 s, 5 min, 15 min, 30 min, 1 h …) with the
 *    original timestamp, so a short window would refuse genuine redeliveries. Replays within the
 *    window are stopped by the `msg_id` record below; the window bounds how long that record must be
 *    kept (rows older than the window are pruned).
 * 4. Our own messages echoed back (`oa_send_*`, sender = the OA) and events we don't read are
 *    answered 200 and dropped.
 * 5. The event, as core will see it, is recorded in the persisted inbox (core's `Inbox`, unique per
 *    channel + key: `msg:<msg_id>`, or `<event_name>:<timestamp>:<user>` for events without one
 *    (follow, unfollow)) BEFORE the answer: a kill -9 after the 200 loses nothing (the next start
 *    handles what is still RECEIVED, see {@link ZaloWebhook.replay}). A redelivery of a handled event
 *    is answered 200 and dropped, also after a restart. If the database fails, 500, so Zalo delivers
 *    again.
 * 6. 200 is answered at once (Zalo allows 2 s and disables a webhook failing for 12 h); the work
 *    runs after, one event at a time per person so a conversation keeps its order.
 *
 * Mapping into core: `user_send_text` (NFC-normalised; a text starting with `#a:` is the payload of
 * one of our buttons and becomes `{ action }`), `user_send_image` (photos, the image URL as file
 * reference), `user_send_file` (documents), `follow` (greeted like /start), `unfollow` (the person is
 * marked unreachable, see `onUnfollow`), stickers, GIFs, voice, video, locations, links and business
 * cards as `unsupported`.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { bodyLimit } from 'hono/body-limit';
import type { Attachment, InboundMessage } from '../../core/channel.ts';
import { normalizeInbound } from '../../core/text/fold.ts';
import type { Inbox, InboxEntry } from '../../core/inbox.ts';
import { replayPending } from '../inbound.ts';
import type { HttpApp } from '../../http/server.ts';
import type { Logger } from '../../logger.ts';
import { cleanName } from '../../core/text/name.ts';
import { crashPoint } from '../../crash-point.ts';

/** Default: events older than 13 h are refused (Zalo redelivers for up to 12 h). */
export const DEFAULT_MAX_AGE_MS = 13 * 3_600_000;
/** Events stamped further in the future than this are refused (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 10 * 60_000;
/** Largest body read; Zalo's events are a few KB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** Prefix of our buttons' payloads: the rest is a core action (e.g. `#a:d:type:COLLECTIVE`). */
export const ACTION_PREFIX = '#a:';
/** The channel name in the inbound-event log. */
const CHANNEL = 'zalo';

/** What an accepted event asks of the channel. */
export type ZaloInbound = { kind: 'message'; message: InboundMessage } | { kind: 'unfollow'; userId: string };

export interface ZaloWebhookOptions {
  appId: string;
  /** "Khóa bí mật OA": signs the events. */
  oaSecretKey: string;
  /** Our OA's id: events sent by it are echoes of our own messages. */
  oaId: string;
  /** The persisted inbox (core port; `createInbox` in src/db). */
  inbox: Inbox;
  logger: Logger;
  /** The work for one recorded event, run after the 200 (it completes the entry). Errors are logged. */
  onEvent(entry: InboxEntry, event: ZaloInbound): Promise<void>;
  /** Events whose timestamp is older than this are refused (ms); default {@link DEFAULT_MAX_AGE_MS}. */
  maxAgeMs?: number;
  now?: () => Date;
}

/** What to answer Zalo: the HTTP status and a short plain-text body. */
export interface ZaloAnswer {
  status: 200 | 400 | 401 | 500;
  body: string;
}

export interface ZaloWebhook {
  /**
   * Handles one POST: `raw` is the exact body, `signature` the `X-ZEvent-Signature` header. Accepted
   * events are worked on after the answer. Never throws (a failure is answered 500).
   */
  handle(raw: Buffer, signature: string | undefined): Promise<ZaloAnswer>;
  /** Resolves when every accepted event has been worked on (tests, shutdown). */
  idle(): Promise<void>;
  /**
   * Queues the events an earlier run recorded before `before` and did not finish (it was killed
   * between the 200 and the commit); returns how many.
   */
  replay(before: Date): Promise<number>;
}

/** `mac=` + hex SHA-256 of app id + raw body + timestamp + OA secret key (zalo.md §2.2). */
export function zaloSignature(appId: string, rawBody: Buffer | string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash('sha256').update(appId, 'utf8').update(rawBody).update(timestamp, 'utf8').update(oaSecretKey, 'utf8').digest('hex')}`;
}

/** Checks a `X-ZEvent-Signature` header value in constant time (case of the hex and `mac=` ignored). */
export function verifyZaloSignature(header: string | undefined, appId: string, rawBody: Buffer, timestamp: string, oaSecretKey: string): boolean {
  if (!header) return false;
  const got = Buffer.from(header.trim().replace(/^mac=/i, '').toLowerCase(), 'utf8');
  const want = Buffer.from(zaloSignature(appId, rawBody, timestamp, oaSecretKey).slice(4), 'utf8');
  return got.length === want.length && timingSafeEqual(got, want);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
/** A Zalo id: decimal digits only, kept as the exact string (see {@link parseZaloJson}). */
const idOf = (v: unknown): string | undefined => {
  const id = isObject(v) ? str(v.id) : undefined;
  return id !== undefined && /^[0-9]{1,32}$/.test(id) ? id : undefined;
};

/** Integer literals of 16 digits or more (beyond exact doubles), outside strings. */
const LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

/**
 * Parses a webhook body keeping long integers exact: Zalo ids are 18–19 digits and sometimes arrive
 * as JSON numbers, which `JSON.parse` would round (`1234567890123456789` → `…800`), so such literals
 * are read as strings. Strings in the body are left untouched.
 * @throws SyntaxError when the body is not JSON.
 */
export function parseZaloJson(text: string): unknown {
  return JSON.parse(text.replace(LONG_INTEGER, (token) => (token.startsWith('"') ? token : `"${token}"`)));
}

/** Only `https:` URLs are kept from an event (a `javascript:`, `file:` or plain `http:` one is dropped). */
export function httpsUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return new URL(raw).protocol === 'https:' ? raw : undefined;
  } catch {
    return undefined;
  }
}

/** Events from a person that core cannot read: answered politely. */
const UNSUPPORTED = new Set([
  'user_send_sticker',
  'user_send_gif',
  'user_send_audio',
  'user_send_video',
  'user_send_location',
  'user_send_link',
  'user_send_business_card',
]);

/** The person an event is about (sender, or follower for follow/unfollow). */
export function subjectOf(event: Json): string | undefined {
  return idOf(event.sender) ?? idOf(event.follower);
}

/** Whether the event is our own message echoed back (or otherwise sent by the OA). */
export function isEcho(event: Json, oaId: string): boolean {
  const name = str(event.event_name) ?? '';
  return name.startsWith('oa_') || idOf(event.sender) === oaId;
}

/** The dedupe key of an event: its `msg_id`, else event name + timestamp + person. */
export function eventKeyOf(event: Json): string {
  const message = isObject(event.message) ? event.message : undefined;
  const msgId = str(message?.msg_id);
  if (msgId) return `msg:${msgId}`;
  return `${str(event.event_name) ?? '?'}:${str(event.timestamp) ?? '?'}:${subjectOf(event) ?? '?'}`;
}

/** Attachments of one type with a URL payload, as core attachments. */
function attachmentsOf(message: Json | undefined, type: string, kind: Attachment['kind']): Attachment[] {
  const list = Array.isArray(message?.attachments) ? message.attachments : [];
  const out: Attachment[] = [];
  for (const a of list) {
    if (!isObject(a) || a.type !== type || !isObject(a.payload)) continue;
    const url = httpsUrl(str(a.payload.url));
    if (!url) continue;
    const name = str(a.payload.name);
    out.push({ kind, channel: 'zalo', fileRef: url, ...(name ? { fileName: normalizeInbound(name).slice(0, 200) } : {}) });
  }
  return out;
}

/**
 * Maps a verified event into what core should see; `undefined` for events we drop (echoes, receipts,
 * anything not from a person to the OA).
 */
export function toZaloInbound(event: Json, oaId: string): ZaloInbound | undefined {
  if (isEcho(event, oaId)) return undefined;
  const name = str(event.event_name) ?? '';
  const userId = subjectOf(event);
  if (!userId) return undefined;
  if (name === 'unfollow') return { kind: 'unfollow', userId };
  const base: InboundMessage = { channel: 'zalo', userId, chatId: userId, chatType: 'private', displayName: cleanName(`Zalo …${userId.slice(-6)}`) };
  if (name === 'follow') return { kind: 'message', message: { ...base, text: '/start' } };
  const message = isObject(event.message) ? event.message : undefined;
  const caption = str(message?.text);
  const text = caption !== undefined && caption.trim() !== '' ? normalizeInbound(caption) : undefined;
  if (name === 'user_send_text') {
    const typed = text ?? '';
    if (typed.startsWith(ACTION_PREFIX) && typed.length > ACTION_PREFIX.length)
      return { kind: 'message', message: { ...base, action: typed.slice(ACTION_PREFIX.length).trim() } };
    return { kind: 'message', message: { ...base, text: typed } };
  }
  if (name === 'user_send_image' || name === 'user_send_file') {
    const attachments = name === 'user_send_image' ? attachmentsOf(message, 'image', 'PHOTO') : attachmentsOf(message, 'file', 'DOCUMENT');
    if (attachments.length === 0) return { kind: 'message', message: { ...base, unsupported: true } };
    return { kind: 'message', message: { ...base, attachments, ...(text ? { text } : {}) } };
  }
  if (UNSUPPORTED.has(name)) return { kind: 'message', message: { ...base, unsupported: true } };
  return undefined;
}

export function createZaloWebhook(opts: ZaloWebhookOptions): ZaloWebhook {
  const { inbox, logger } = opts;
  const log = logger.child({ channel: 'zalo' });
  const clock = opts.now ?? (() => new Date());
  const maxAgeMs = opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  /** The tail of each person's queue of events (one at a time per person). */
  const queues = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  /**
   * Event keys taken by this process and not finished: a redelivery meanwhile is not queued twice. A
   * key is taken before the inbox is read and given back after the handling ended (its entry DONE),
   * so a redelivery sees one or the other: never a stale RECEIVED entry of an event just handled.
   */
  const pending = new Set<string>();
  let lastPrune = 0;

  const answer = (status: ZaloAnswer['status']): ZaloAnswer => ({ status, body: status === 200 ? 'ok' : '' });

  function enqueue(entry: InboxEntry, event: ZaloInbound): void {
    const user = event.kind === 'message' ? event.message.userId : event.userId;
    const run = (queues.get(user) ?? Promise.resolve()).then(() =>
      opts
        .onEvent(entry, event)
        .catch((error: unknown) => log.error({ err: error, kind: event.kind, eventKey: entry.eventKey }, 'zalo event failed'))
        .finally(() => pending.delete(entry.eventKey)),
    );
    queues.set(user, run);
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      if (queues.get(user) === run) queues.delete(user);
    });
  }

  /** Removes dedupe records older than the window (no older event is accepted anyway), hourly. */
  async function prune(now: Date): Promise<void> {
    if (now.getTime() - lastPrune < 3_600_000) return;
    lastPrune = now.getTime();
    const before = new Date(now.getTime() - maxAgeMs - 3_600_000);
    await inbox.prune(CHANNEL, before).catch((error: unknown) => log.warn({ err: error }, 'pruning processed zalo events failed'));
  }

  async function accept(raw: Buffer, signature: string | undefined): Promise<ZaloAnswer> {
    let event: unknown;
    try {
      event = parseZaloJson(raw.toString('utf8'));
    } catch {
      log.warn('zalo webhook: body is not JSON');
      return answer(400);
    }
    const timestamp = isObject(event) ? str(event.timestamp) : undefined;
    if (!isObject(event) || timestamp === undefined || !verifyZaloSignature(signature, opts.appId, raw, timestamp, opts.oaSecretKey)) {
      log.warn({ signed: Boolean(signature) }, 'zalo webhook: missing or wrong signature, refused');
      return answer(401);
    }
    const now = clock();
    const at = /^[0-9]{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!Number.isFinite(at) || at < now.getTime() - maxAgeMs || at > now.getTime() + MAX_FUTURE_SKEW_MS) {
      log.warn({ event: str(event.event_name), timestamp }, 'zalo webhook: timestamp outside the accepted window, refused');
      return answer(401);
    }
    const inbound = toZaloInbound(event, opts.oaId);
    if (!inbound) {
      log.debug({ event: str(event.event_name) }, 'zalo webhook: event ignored');
      return answer(200);
    }
    const eventKey = eventKeyOf(event);
    if (pending.has(eventKey)) {
      log.info({ eventKey }, 'zalo webhook: event being handled (redelivery), ignored');
      return answer(200);
    }
    pending.add(eventKey);
    let entry: InboxEntry;
    try {
      [entry] = (await inbox.record(CHANNEL, [{ eventKey, payload: JSON.stringify(inbound) }], now)) as [InboxEntry];
    } catch (error) {
      pending.delete(eventKey);
      log.error({ err: error }, 'zalo webhook: could not record the event; Zalo will deliver it again');
      return answer(500);
    }
    crashPoint('inbox:recorded', eventKey);
    if (entry.state !== 'RECEIVED') {
      pending.delete(eventKey);
      log.info({ eventKey, state: entry.state }, 'zalo webhook: event already handled (redelivery), ignored');
      return answer(200);
    }
    enqueue(entry, inbound);
    void prune(now);
    return answer(200);
  }

  return {
    async handle(raw, signature) {
      try {
        return await accept(raw, signature);
      } catch (error) {
        log.error({ err: error }, 'zalo webhook failed');
        return answer(500);
      }
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async replay(before) {
      // Queued page by page (one at a time per person, as live events), then waited for.
      const count = await replayPending(inbox, CHANNEL, before, async (entry) => {
        if (pending.has(entry.eventKey)) return;
        let event: ZaloInbound;
        try {
          event = JSON.parse(entry.payload) as ZaloInbound;
        } catch {
          await inbox.fail(entry.id, 'payload is not JSON', before);
          return;
        }
        pending.add(entry.eventKey);
        enqueue(entry, event);
      });
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      if (count > 0) log.warn({ count }, 'zalo events recorded by an earlier run and not finished were handled again');
      return count;
    },
  };
}

/**
 * Mounts `POST <path>` on the bot's HTTP app: at most {@link DEFAULT_MAX_BODY_BYTES} read (413
 * beyond), then {@link ZaloWebhook.handle} on the raw bytes.
 */
export function mountZaloWebhook(http: HttpApp, path: string, webhook: ZaloWebhook, maxBodyBytes = DEFAULT_MAX_BODY_BYTES): void {
  http.post(path, bodyLimit({ maxSize: maxBodyBytes, onError: (c) => c.text('', 413, { connection: 'close' }) }), async (c) => {
    const answer = await webhook.handle(Buffer.from(await c.req.arrayBuffer()), c.req.header('x-zevent-signature'));
    return c.text(answer.body, answer.status);
  });
}
