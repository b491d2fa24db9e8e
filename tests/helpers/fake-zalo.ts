/**
 * A fake Zalo server for tests (zalo.md §9): plain `node:http` on 127.0.0.1, an ephemeral port, no
 * network access. This is our own code: no usable Zalo SDK exists on npm (so no SDK test double
 * either) and Zalo has no OA sandbox, so this stands in for both hosts — point
 * `ZALO_OA_API_BASE` and `ZALO_OAUTH_BASE` (the client's `apiBase` / `oauthBase`) at `fake.url`.
 *
 * Routes (answers use HTTP 200 for Zalo errors too, as Zalo does):
 * - `POST /v4/oa/access_token` (OAuth v4): checks the `secret_key` header, `app_id` and
 *   `grant_type=refresh_token` in the form body; **rotation**: each refresh token works once, then
 *   `{ error: -14014, error_name: "Invalid refresh token" }`; `expires_in` is the string `"90000"`.
 * - `POST /v3.0/oa/message/cs`: checks the `access_token` header (unknown → -216, expired → -220),
 *   text ≤ 2,000 characters after NFC (else -201), buttons well-formed, and the 7-day window per user
 *   (→ -230); records the message (see {@link FakeZalo.sentTo}).
 * - `POST /v2.0/oa/upload/file` (multipart, field `file`): PDF, DOC, DOCX up to 5 MB (else -201), answers
 *   `{ token }`; a cs message may then carry `attachment: { type: "file", payload: { token } }`
 *   without text (recorded with `file` set, see {@link FakeZalo.uploads}).
 * - `POST /v3.0/oa/quota/message`, `GET /v3.0/oa/user/detail?data=…`, `GET /v2.0/oa/getoa`: minimal.
 *
 * Fault injection: {@link FakeZalo.failNext} queues answers per route that replace the next requests'
 * normal handling (a queued fault consumes nothing: a refresh token survives a faulted refresh).
 *
 * Also {@link deliverOaEvent}: drives a webhook endpoint the way Zalo does (signed raw bytes).
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The routes of the fake. */
export type FakeZaloRoute =
  '/v4/oa/access_token' | '/v3.0/oa/message/cs' | '/v2.0/oa/upload/file' | '/v3.0/oa/quota/message' | '/v3.0/oa/user/detail' | '/v2.0/oa/getoa';

/**
 * A queued answer:
 * - `{ error, message? }`: a Zalo error, HTTP 200 (e.g. `{ error: -32 }`, `{ error: -216 }`);
 * - `{ status, body? }`: that HTTP status (e.g. `{ status: 502 }`), with `body` as JSON or a string;
 * - `{ body }`: HTTP 200 with that body, verbatim (e.g. a malformed answer);
 * - `{ hang: true }`: never answers (until {@link FakeZalo.close}), to test timeouts; with `accept: true`
 *   the request is handled first as usual (a message is accepted, as Zalo would deliver it) and only
 *   the answer never comes: a send that reached Zalo while its sender died;
 * - `{ delayMs, then? }`: waits, then answers with `then` (default: the normal handling, done after
 *   the wait), e.g. to make one of several concurrent requests arrive late.
 */
export type FakeZaloFault =
  | { error: number; message?: string; error_name?: string }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { body: unknown }
  | { hang: true; accept?: boolean }
  | { delayMs: number; then?: Exclude<FakeZaloFault, { delayMs: number }> };

/** One request as received. */
export interface FakeZaloCall {
  method: string;
  /** Path without the query string. */
  path: string;
  /** `access_token` header, if any. */
  accessToken: string | undefined;
  /** `secret_key` header, if any. */
  secretKey: string | undefined;
  /** Parsed body: JSON, or the form fields; `null` when empty or unparsable. */
  body: unknown;
  /** Query parameters. */
  query: Record<string, string>;
  /** What the fake answered (`undefined` for a hang). */
  status: number | undefined;
  answer: unknown;
  /** Whether the answer came from {@link FakeZalo.failNext}. */
  injected: boolean;
  /** The fake's clock when the request arrived. */
  at: Date;
  /** A multipart upload's `file` part. */
  file?: Omit<FakeZaloUpload, 'token'>;
}

/** A cs message the fake accepted. */
export interface FakeZaloMessage {
  messageId: string;
  userId: string;
  text: string;
  buttons: { type: string; title: string; payload: unknown }[];
  /** A file message: the uploaded file it carries. */
  file?: FakeZaloUpload;
  at: Date;
}

/** A file uploaded to `/v2.0/oa/upload/file`. */
export interface FakeZaloUpload {
  token: string;
  fileName: string;
  contentType: string;
  /** The file's bytes as received. */
  bytes: Buffer;
}

export interface FakeZaloTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSec: number;
}

export interface FakeZalo {
  /** Base URL, e.g. `http://127.0.0.1:34567` (no trailing slash): use for `apiBase` and `oauthBase`. */
  url: string;
  appId: string;
  appSecret: string;
  oaId: string;
  /** Every request, in order. */
  calls: FakeZaloCall[];
  /** The calls to one route. */
  callsTo(route: FakeZaloRoute): FakeZaloCall[];
  /** Files uploaded, in order. */
  uploads: FakeZaloUpload[];
  /** Messages accepted for `userId`, in order. */
  sentTo(userId: string): FakeZaloMessage[];
  /**
   * The first message to `userId` matching `predicate` (default: any), already accepted or accepted
   * later; rejects after `timeoutMs` (default 10 s) naming what was received, or when closed.
   */
  waitForMessage(userId: string, predicate?: (m: FakeZaloMessage) => boolean, timeoutMs?: number): Promise<FakeZaloMessage>;
  /** Mints a valid pair (as the developer console's API Explorer does), e.g. to seed the store. */
  issueTokens(opts?: { accessTtlSec?: number }): FakeZaloTokens;
  /** The user's last interaction with the OA (default for unknown users: "just now"). */
  setLastInteraction(userId: string, at: Date): void;
  /** Queues answers for the next requests to `route` (one fault per request, in order). */
  failNext(route: FakeZaloRoute, ...faults: FakeZaloFault[]): void;
  /** Makes every access token issued so far unknown (→ -216). */
  revokeAccessTokens(): void;
  /** Makes every access token issued so far expired (→ -220). */
  expireAccessTokens(): void;
  /** Refresh tokens that still work (a refresh consumes one). */
  liveRefreshTokens(): string[];
  close(): Promise<void>;
}

export interface FakeZaloOptions {
  appId?: string;
  appSecret?: string;
  oaId?: string;
  /** The fake's clock (token expiry, 7-day window); default the real one. */
  now?: () => Date;
  /** Access-token lifetime of refreshes, in seconds; default 90,000 (25 h), sent as a string. */
  accessTtlSec?: number;
}

export const FAKE_ZALO_TEXT_LIMIT = 2000;
export const FAKE_ZALO_WINDOW_MS = 7 * 24 * 60 * 60_000;

const token = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The `file` part of a multipart body: its file name, content type and bytes; undefined if absent. */
function multipartFile(raw: Buffer, contentType: string | undefined): Omit<FakeZaloUpload, 'token'> | undefined {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType ?? '')?.[1];
  if (!contentType?.includes('multipart/form-data') || !boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString('utf8');
    if (/name="file"/.test(head)) {
      return {
        fileName: /filename="([^"]*)"/.exec(head)?.[1] ?? '',
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? '',
        bytes: Buffer.from(part.subarray(headEnd + 4)),
      };
    }
    start = next;
  }
  return undefined;
}

/** Zalo's file upload accepts these, up to 5 MB (zalo.md §2.3). */
const FAKE_ZALO_FILE_TYPES = /\.(pdf|docx?)$/i;
export const FAKE_ZALO_FILE_LIMIT = 5 * 1024 * 1024;

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return null;
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export async function startFakeZalo(opts: FakeZaloOptions = {}): Promise<FakeZalo> {
  const appId = opts.appId ?? '1111222233334444555';
  const appSecret = opts.appSecret ?? 'fake-app-secret';
  const oaId = opts.oaId ?? '9990008887776665554';
  const now = opts.now ?? (() => new Date());
  const accessTtlSec = opts.accessTtlSec ?? 90_000;

  const calls: FakeZaloCall[] = [];
  const messages: FakeZaloMessage[] = [];
  const uploads: FakeZaloUpload[] = [];
  const faults = new Map<string, FakeZaloFault[]>();
  /** access token → expiry (ms). */
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  const lastInteraction = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const waiters = new Set<{
    userId: string;
    predicate: (m: FakeZaloMessage) => boolean;
    resolve: (m: FakeZaloMessage) => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout;
  }>();

  /** Records an accepted message and wakes the waiters it matches. */
  function accept(msg: FakeZaloMessage): void {
    messages.push(msg);
    for (const w of waiters) {
      if (w.userId === msg.userId && w.predicate(msg)) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(msg);
      }
    }
  }

  function waitForMessage(userId: string, predicate: (m: FakeZaloMessage) => boolean = () => true, timeoutMs = 10_000): Promise<FakeZaloMessage> {
    const found = messages.find((m) => m.userId === userId && predicate(m));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        userId,
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          const got = messages.filter((m) => m.userId === userId).map((m) => `  ${JSON.stringify(m.text.slice(0, 120))}`);
          reject(
            new Error(
              `fake Zalo: no message to ${userId} matching ${predicate.toString().slice(0, 200)} within ${timeoutMs} ms; received:\n${got.join('\n') || '  (none)'}`,
            ),
          );
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  function mint(ttlSec: number): FakeZaloTokens {
    const pair = { accessToken: token('at'), refreshToken: token('rt'), expiresInSec: ttlSec };
    accessTokens.set(pair.accessToken, now().getTime() + ttlSec * 1000);
    refreshTokens.add(pair.refreshToken);
    return pair;
  }

  /** `null` when the token is fine, else the Zalo error. */
  function checkAccess(accessToken: string | undefined): { error: number; message: string } | null {
    const expires = accessToken === undefined ? undefined : accessTokens.get(accessToken);
    if (expires === undefined) return { error: -216, message: 'Access token is invalid' };
    if (expires <= now().getTime()) return { error: -220, message: 'access_token is expired or removed' };
    return null;
  }

  function route(method: string, path: string, call: FakeZaloCall): { status: number; body: unknown } {
    const body = (call.body ?? {}) as Record<string, unknown>;
    const ok = (data: unknown) => ({ status: 200, body: { error: 0, message: 'Success', data } });
    const fail = (error: number, message: string) => ({ status: 200, body: { error, message } });

    if (method === 'POST' && path === '/v4/oa/access_token') {
      if (call.secretKey !== appSecret) return { status: 200, body: { error: -14012, error_name: 'Invalid secret key (fake)' } };
      if (body.app_id !== appId) return { status: 200, body: { error: -14001, error_name: 'Invalid app_id (fake)' } };
      if (body.grant_type !== 'refresh_token') return { status: 200, body: { error: -14007, error_name: 'Invalid grant_type (fake)' } };
      const presented = typeof body.refresh_token === 'string' ? body.refresh_token : '';
      if (!refreshTokens.delete(presented)) {
        return { status: 200, body: { error: -14014, error_name: 'Invalid refresh token', error_reason: 'Refresh token is invalid or has been used' } };
      }
      const pair = mint(accessTtlSec);
      return { status: 200, body: { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: String(accessTtlSec) } };
    }

    if (path.startsWith('/v3.0/') || path.startsWith('/v2.0/')) {
      const denied = checkAccess(call.accessToken);
      if (denied) return fail(denied.error, denied.message);
    }

    if (method === 'POST' && path === '/v2.0/oa/upload/file') {
      const file = call.file;
      if (!file || !FAKE_ZALO_FILE_TYPES.test(file.fileName) || file.bytes.length > FAKE_ZALO_FILE_LIMIT) return fail(-201, 'file is invalid');
      const upload = { ...file, token: token('file') };
      uploads.push(upload);
      return ok({ token: upload.token });
    }

    if (method === 'POST' && path === '/v3.0/oa/message/cs') {
      const recipient = body.recipient as { user_id?: unknown } | undefined;
      const message = body.message as { text?: unknown; attachment?: unknown } | undefined;
      const userId = recipient?.user_id;
      if (typeof userId !== 'string' || !/^\d+$/.test(userId)) return fail(-201, 'user_id is invalid');
      const fileAtt = message?.attachment as { type?: unknown; payload?: { token?: unknown } } | undefined;
      if (fileAtt?.type === 'file') {
        const upload = uploads.find((u) => u.token === fileAtt.payload?.token);
        if (!upload) return fail(-201, 'attachment token is invalid');
        const msg: FakeZaloMessage = { messageId: randomBytes(10).toString('hex'), userId, text: '', buttons: [], file: upload, at: now() };
        accept(msg);
        return ok({ message_id: msg.messageId, user_id: userId, sent_time: String(msg.at.getTime()) });
      }
      if (typeof message?.text !== 'string' || message.text.length === 0) return fail(-201, 'text is invalid');
      if ([...message.text.normalize('NFC')].length > FAKE_ZALO_TEXT_LIMIT) return fail(-201, 'text is invalid');
      let buttons: FakeZaloMessage['buttons'] = [];
      if (message.attachment !== undefined) {
        const att = message.attachment as { type?: unknown; payload?: { buttons?: unknown } };
        const list = att.payload?.buttons;
        if (att.type !== 'template' || !Array.isArray(list)) return fail(-201, 'attachment is invalid');
        for (const b of list as { type?: unknown; title?: unknown; payload?: unknown }[]) {
          if (typeof b.type !== 'string' || !b.type.startsWith('oa.') || typeof b.title !== 'string' || b.title === '') {
            return fail(-201, 'buttons is invalid');
          }
        }
        buttons = list as FakeZaloMessage['buttons'];
      }
      const last = lastInteraction.get(userId) ?? now().getTime();
      if (now().getTime() - last > FAKE_ZALO_WINDOW_MS) return fail(-230, 'User has not interacted with the OA in the past 7 days');
      const msg: FakeZaloMessage = { messageId: randomBytes(10).toString('hex'), userId, text: message.text, buttons, at: now() };
      accept(msg);
      return ok({ message_id: msg.messageId, user_id: userId, sent_time: String(msg.at.getTime()) });
    }

    if (method === 'POST' && path === '/v3.0/oa/quota/message') {
      const userId = typeof body.user_id === 'string' ? body.user_id : undefined;
      if (!userId) return fail(-201, 'user_id is invalid');
      return ok({ last_interaction: String(lastInteraction.get(userId) ?? now().getTime()), cs_reply: { total: 8, remain: 8 } });
    }

    if (method === 'GET' && path === '/v3.0/oa/user/detail') {
      let userId: unknown;
      try {
        userId = (JSON.parse(call.query.data ?? '{}') as { user_id?: unknown }).user_id;
      } catch {
        return fail(-201, 'data is invalid');
      }
      if (typeof userId !== 'string') return fail(-201, 'user_id is invalid');
      return ok({ user_id: userId, display_name: `Người dùng ${userId.slice(-4)}`, user_is_follower: true });
    }

    if (method === 'GET' && path === '/v2.0/oa/getoa') {
      return ok({ oa_id: oaId, name: 'OA giả (fake)', is_verified: false });
    }

    return { status: 404, body: { error: 404, message: 'Not found (fake Zalo)' } };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const bytes = await readBody(req);
      const raw = bytes.toString('utf8');
      const file = multipartFile(bytes, header(req, 'content-type'));
      const call: FakeZaloCall = {
        ...(file ? { file } : {}),
        method: req.method ?? 'GET',
        path: url.pathname,
        accessToken: header(req, 'access_token'),
        secretKey: header(req, 'secret_key'),
        body: parseBody(raw, header(req, 'content-type')),
        query: Object.fromEntries(url.searchParams),
        status: undefined,
        answer: undefined,
        injected: false,
        at: now(),
      };
      calls.push(call);
      let fault = faults.get(call.path)?.shift();
      if (fault && 'delayMs' in fault) {
        const { delayMs, then } = fault;
        await new Promise((r) => setTimeout(r, delayMs));
        fault = then;
        if (!fault) call.injected = true;
      }
      let status: number;
      let answer: unknown;
      let extraHeaders: Record<string, string> = {};
      if (fault) {
        call.injected = true;
        if ('hang' in fault) {
          if (fault.accept) route(call.method, call.path, call);
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        if ('error' in fault) {
          status = 200;
          answer =
            call.path === '/v4/oa/access_token'
              ? { error: fault.error, error_name: fault.error_name ?? fault.message ?? 'Injected error' }
              : { error: fault.error, message: fault.message ?? 'Injected error' };
        } else if ('status' in fault) {
          status = fault.status;
          answer = fault.body ?? `HTTP ${fault.status} (injected)`;
          extraHeaders = fault.headers ?? {};
        } else {
          status = 200;
          answer = fault.body;
        }
      } else {
        ({ status, body: answer } = route(call.method, call.path, call));
      }
      call.status = status;
      call.answer = answer;
      const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
      res.writeHead(status, {
        'content-type': typeof answer === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        'x-ratelimit-limit': '4000',
        'x-ratelimit-remain': '3999',
        ...extraHeaders,
      });
      res.end(text);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    oaId,
    calls,
    callsTo: (r) => calls.filter((c) => c.path === r),
    uploads,
    sentTo: (userId) => messages.filter((m) => m.userId === userId),
    waitForMessage,
    issueTokens: (o = {}) => mint(o.accessTtlSec ?? accessTtlSec),
    setLastInteraction: (userId, at) => void lastInteraction.set(userId, at.getTime()),
    failNext(r, ...queued) {
      faults.set(r, [...(faults.get(r) ?? []), ...queued]);
    },
    revokeAccessTokens: () => accessTokens.clear(),
    expireAccessTokens() {
      const past = now().getTime() - 1;
      for (const key of accessTokens.keys()) accessTokens.set(key, past);
    },
    liveRefreshTokens: () => [...refreshTokens],
    async close() {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error(`fake Zalo: closed while waiting for a message to ${w.userId}`));
      }
      waiters.clear();
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ——— Webhook driver ———————————————————————————————————————————————————————————————

/**
 * `mac=` + hex(SHA-256(appId + rawBody + timestamp + oaSecretKey)): a plain SHA-256 of the joined
 * string, not an HMAC (zalo.md §2.2). `timestamp` is the body's `timestamp` field, as a string.
 */
export function signOaEvent(raw: string, opts: { appId: string; oaSecretKey: string; timestamp: string }): string {
  return `mac=${createHash('sha256')
    .update(opts.appId + raw + opts.timestamp + opts.oaSecretKey, 'utf8')
    .digest('hex')}`;
}

export interface DeliverOaEventOptions {
  appId: string;
  /** The OA secret key ("Khóa bí mật OA") the signature is made with; a wrong one makes a wrong signature. */
  oaSecretKey: string;
  /**
   * Changes the body AFTER signing (the signature stays that of the original): `true` changes the
   * first character of the message text (else of the body); a function returns the body to send instead.
   */
  tamper?: boolean | ((raw: string) => string);
  /** The `X-ZEvent-Signature` header to send instead of the computed one; `null` sends none. */
  signature?: string | null;
  /** Extra headers (e.g. `num_retry`). */
  headers?: Record<string, string>;
}

export interface DeliverOaEventResult {
  status: number;
  /** The response body as text. */
  text: string;
  /** The bytes sent (after any tamper). */
  raw: string;
  /** The signature header sent, if any. */
  signature: string | undefined;
}

/**
 * POSTs one OA event to a webhook the way Zalo does: serialises `event` once (a string is sent
 * verbatim, e.g. an NFD fixture), signs the exact bytes with {@link signOaEvent} (timestamp taken
 * from the body) and sends them with `X-ZEvent-Signature`. Call it twice with the same event to
 * replay a delivery.
 */
export async function deliverOaEvent(url: string, event: unknown, opts: DeliverOaEventOptions): Promise<DeliverOaEventResult> {
  const signedRaw = typeof event === 'string' ? event : JSON.stringify(event);
  let timestamp = '';
  try {
    const ts = (JSON.parse(signedRaw) as { timestamp?: unknown }).timestamp;
    timestamp = ts === undefined || ts === null ? '' : String(ts);
  } catch {
    // not JSON: sign with an empty timestamp
  }
  const computed = signOaEvent(signedRaw, { appId: opts.appId, oaSecretKey: opts.oaSecretKey, timestamp });
  const signature = opts.signature === null ? undefined : (opts.signature ?? computed);
  let raw = signedRaw;
  if (opts.tamper === true) {
    // Change one character of the message text (what an attacker would alter), else of the body.
    const text = /"text":"/.exec(raw);
    const i = text ? text.index + text[0].length : raw.search(/[0-9A-Za-z]/);
    if (i >= 0 && i < raw.length && raw[i] !== '"') {
      raw = raw.slice(0, i) + (raw[i] === 'X' ? 'Y' : 'X') + raw.slice(i + 1);
    } else {
      raw = `${raw} `;
    }
  } else if (typeof opts.tamper === 'function') {
    raw = opts.tamper(raw);
  }
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === undefined ? {} : { 'x-zevent-signature': signature }),
      ...opts.headers,
    },
    body: raw,
  });
  return { status: res.status, text: await res.text(), raw, signature };
}
