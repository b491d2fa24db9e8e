/**
 * A fake Telegram Bot API server for tests: plain `node:http` on 127.0.0.1,
 * an ephemeral port, no network access.
 *
 * Point grammY at it with `new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })`
 * (or `TELEGRAM_API_ROOT=fake.apiRoot`). Routes are `GET|POST /bot<token>/<method>`;
 * request bodies may be JSON, `application/x-www-form-urlencoded` or
 * `multipart/form-data` (what grammY uses when uploading an `InputFile`),
 * query-string parameters are merged in as well.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';

/** One API request as received by the fake. */
export interface FakeTelegramCall {
  /** Bot API method name as it appeared in the URL, e.g. `"sendMessage"`. */
  method: string;
  /**
   * Parsed parameters. JSON bodies keep their types; urlencoded and multipart
   * values stay strings (so `chat_id` may be `"123"`), except values that look
   * like JSON objects/arrays (`reply_markup`, `entities`, …), which are parsed.
   * Uploaded files become {@link FakeTelegramFile}s; a top-level
   * `"attach://<id>"` reference is replaced by the file it names.
   */
  payload: Record<string, unknown>;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** A file part of a multipart request. */
export interface FakeTelegramFile {
  filename: string;
  contentType: string | undefined;
  size: number;
  data: Buffer;
}

/** An overriding answer: HTTP status (default 200) and the full JSON body. */
export interface FakeTelegramResponse {
  status?: number;
  body: unknown;
}

/**
 * Overrides a method's answer. Return `undefined` to fall through to the
 * default answer. `body` is the whole envelope, e.g.
 * `{ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }`.
 */
export type FakeTelegramHandler = (payload: Record<string, unknown>, call: FakeTelegramCall) => FakeTelegramResponse | undefined;

export interface FakeTelegram {
  /** e.g. `"http://127.0.0.1:34567"` (no trailing slash) — grammY's `client.apiRoot`. */
  apiRoot: string;
  /** The only token accepted; other tokens get 401 `Unauthorized`. */
  token: string;
  /** The bot user `getMe` returns (id 42). */
  botInfo: UserFromGetMe;
  /** Every request made with the right token, in arrival order. */
  calls: FakeTelegramCall[];
  /** Requests made with a wrong token (answered 401); not in {@link calls}. */
  rejected: FakeTelegramCall[];
  /** Queues an update for `getUpdates`; `update_id` is assigned when absent. */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update;
  /**
   * Queues a text message from a user. `chatType` defaults to `private` for a
   * positive `chatId` and `supergroup` for a negative one; `userId` defaults to
   * `chatId` in private chats and to 1001 elsewhere; `firstName` to "Test".
   * A leading `/command` (optionally `@botname`) gets a `bot_command` entity.
   */
  sendText(opts: {
    chatId: number;
    userId?: number;
    text: string;
    firstName?: string;
    chatType?: 'private' | 'group' | 'supergroup';
    languageCode?: string;
  }): Update;
  /**
   * Queues a `callback_query` as if the user tapped an inline button with
   * `data`. `messageId` defaults to the last message the bot sent to the chat
   * (whose text and `reply_markup` are echoed back in `callback_query.message`).
   */
  tapButton(opts: { chatId: number; userId?: number; data: string; messageId?: number }): Update;
  /**
   * Resolves with the first call (already recorded or yet to come) matching
   * `predicate`; rejects after `timeoutMs` (default 10 000) with a message
   * listing the methods seen so far, or when the fake is closed.
   */
  waitFor(predicate: (call: FakeTelegramCall) => boolean, timeoutMs?: number): Promise<FakeTelegramCall>;
  /** `text` of every `sendMessage` / `editMessageText` call, in order, optionally for one chat. */
  sentMessages(chatId?: number): string[];
  /**
   * Holds every answer to `method` (calls are recorded at once), or only to the calls whose payload
   * `only` accepts, until the returned function is called: an update "in flight" for as long as a
   * test needs.
   */
  hold(method: string, only?: (payload: Record<string, unknown>) => boolean): () => void;
  /**
   * Makes a file a user sent available: `getFile` with `fileId` answers its `file_path`, and
   * `GET /file/bot<token>/<file_path>` serves `data` (what a bot downloads after `getFile`).
   */
  putFile(fileId: string, data: Uint8Array): void;
  /** Downloads of files (`/file/bot<token>/…`) made with the right token, by file path. */
  downloads: string[];
  /** Overrides `method`'s answers (replacing an earlier override of the same method). */
  respondWith(method: string, handler: FakeTelegramHandler): void;
  /** Releases pending long polls and waiters, drops all connections, stops listening. Idempotent. */
  close(): Promise<void>;
}

interface PendingPoll {
  offset: number | undefined;
  limit: number;
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

interface Waiter {
  predicate: (call: FakeTelegramCall) => boolean;
  resolve: (call: FakeTelegramCall) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** Long-poll hold time is capped so tests stay fast. */
const MAX_POLL_MS = 1000;
/**
 * Starts the fake on 127.0.0.1 with an ephemeral port.
 *
 * Default answers: `getMe` → the bot user (id 42, username `botUsername`,
 * default `"thidua_test_bot"`); `getUpdates` → honours `offset` (confirms
 * older updates), `limit` and `timeout` (held until an update arrives, at
 * most min(timeout, 1) s); `sendMessage` / `sendPhoto` / `sendDocument` /
 * `editMessageText` → a `Message` with an incrementing `message_id`, the
 * chat and the raw `text`/`caption` echoed (HTML is not parsed; edits of
 * unknown messages succeed); everything else → `{ ok: true, result: true }`.
 */
/** The bot the fakes and adapter tests present (id 42). */
export function testBotInfo(username = 'thidua_test_bot'): UserFromGetMe {
  return {
    id: 42,
    is_bot: true,
    first_name: 'Thi đua Test Bot',
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

export async function startFakeTelegram(opts: { token?: string; botUsername?: string } = {}): Promise<FakeTelegram> {
  const token = opts.token ?? '123456:TEST-fake-telegram-token';
  const botInfo = testBotInfo(opts.botUsername);
  const botUser: User = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };

  const calls: FakeTelegramCall[] = [];
  /** Files users sent, by file id, and their download paths. */
  const files = new Map<string, { path: string; data: Uint8Array }>();
  const downloads: string[] = [];
  const rejected: FakeTelegramCall[] = [];
  const handlers = new Map<string, FakeTelegramHandler>();
  const waiters = new Set<Waiter>();
  const polls = new Set<PendingPoll>();
  let queue: Update[] = [];
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  const gates = new Map<string, { promise: Promise<void>; release: () => void; only?: (payload: Record<string, unknown>) => boolean }>();
  /** The webhook URL set through `setWebhook` ('' when none), as `getWebhookInfo` reports it. */
  let webhookUrl = '';
  let nextCallbackId = 1;
  const chats = new Map<number, Chat>();
  const users = new Map<number, User>();
  const messages = new Map<number, Message>(); // bot messages by message_id
  const lastBotMessage = new Map<number, number>(); // chat id → message_id
  let closed = false;

  const now = () => Math.floor(Date.now() / 1000);

  function chatFor(chatId: unknown): Chat {
    if (typeof chatId === 'string' && chatId.startsWith('@')) {
      return { id: -1000000000001, type: 'channel', title: chatId.slice(1), username: chatId.slice(1) };
    }
    const id = Number(chatId);
    const known = chats.get(id);
    if (known) return known;
    return id > 0 ? { id, type: 'private', first_name: `User ${id}` } : { id, type: 'supergroup', title: `Group ${id}` };
  }

  // --- update queue ---------------------------------------------------------

  function deliverable(offset: number | undefined, limit: number): Update[] {
    if (offset !== undefined && offset < 0) return queue.slice(offset).slice(0, limit);
    return queue.filter((u) => offset === undefined || u.update_id >= offset).slice(0, limit);
  }

  function reply(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function flushPolls(): void {
    for (const poll of polls) {
      const updates = deliverable(poll.offset, poll.limit);
      if (updates.length > 0) {
        polls.delete(poll);
        clearTimeout(poll.timer);
        reply(poll.res, 200, { ok: true, result: updates });
      }
    }
  }

  function pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const update_id = update.update_id ?? nextUpdateId;
    nextUpdateId = Math.max(nextUpdateId, update_id + 1);
    const full = { ...update, update_id } as Update;
    queue.push(full);
    flushPolls();
    return full;
  }

  function userFor(id: number, firstName?: string, languageCode?: string): User {
    const known = users.get(id);
    const user: User = {
      id,
      is_bot: false,
      first_name: firstName ?? known?.first_name ?? 'Test',
      ...((languageCode ?? known?.language_code) !== undefined ? { language_code: languageCode ?? known?.language_code } : {}),
    };
    users.set(id, user);
    return user;
  }

  function sendText(o: {
    chatId: number;
    userId?: number;
    text: string;
    firstName?: string;
    chatType?: 'private' | 'group' | 'supergroup';
    languageCode?: string;
  }): Update {
    const chatType = o.chatType ?? (o.chatId < 0 ? 'supergroup' : 'private');
    const userId = o.userId ?? (chatType === 'private' ? o.chatId : 1001);
    const from = userFor(userId, o.firstName, o.languageCode);
    const chat: Chat =
      chatType === 'private'
        ? { id: o.chatId, type: 'private', first_name: from.first_name }
        : { id: o.chatId, type: chatType, title: `Test ${chatType} ${o.chatId}` };
    chats.set(o.chatId, chat);
    const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(o.text);
    const message = {
      message_id: nextMessageId++,
      date: now(),
      chat,
      from,
      text: o.text,
      ...(command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}),
    } as Message & Update.NonChannel;
    return pushUpdate({ message });
  }

  function tapButton(o: { chatId: number; userId?: number; data: string; messageId?: number }): Update {
    const chat = chatFor(o.chatId);
    const userId = o.userId ?? (chat.type === 'private' ? o.chatId : 1001);
    const from = userFor(userId);
    const messageId = o.messageId ?? lastBotMessage.get(o.chatId) ?? 1;
    const stored = messages.get(messageId);
    const message: Message = stored ?? ({ message_id: messageId, date: now(), chat, from: botUser, text: '' } as Message);
    return pushUpdate({
      callback_query: {
        id: String(nextCallbackId++),
        from,
        chat_instance: `ci${o.chatId}`,
        data: o.data,
        message,
      },
    });
  }

  // --- waiters --------------------------------------------------------------

  function safe(predicate: (call: FakeTelegramCall) => boolean, call: FakeTelegramCall): boolean {
    try {
      return predicate(call);
    } catch {
      return false;
    }
  }

  function summary(): string {
    const counts = new Map<string, number>();
    for (const c of calls) counts.set(c.method, (counts.get(c.method) ?? 0) + 1);
    const methods = [...counts].map(([m, n]) => (n > 1 ? `${m} ×${n}` : m)).join(', ') || '(none)';
    const texts = calls
      .filter((c) => isTextMethod(c.method))
      .slice(-5)
      .map((c) => `  ${c.method} → ${String(c.payload.chat_id ?? '?')}: ${JSON.stringify(String(c.payload.text ?? '')).slice(0, 120)}`);
    return (
      `calls seen (${calls.length}): ${methods}${texts.length ? `\nlast texts:\n${texts.join('\n')}` : ''}` +
      (rejected.length ? `\nrejected (wrong token): ${rejected.map((c) => c.method).join(', ')}` : '')
    );
  }

  function waitFor(predicate: (call: FakeTelegramCall) => boolean, timeoutMs = 10_000): Promise<FakeTelegramCall> {
    const found = calls.find((c) => safe(predicate, c));
    if (found) return Promise.resolve(found);
    if (closed) return Promise.reject(new Error(`fake Telegram: waitFor after close; ${summary()}`));
    return new Promise<FakeTelegramCall>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake Telegram: no call matching ${predicate.toString().slice(0, 200)} within ${timeoutMs} ms; ${summary()}`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  function record(call: FakeTelegramCall): void {
    calls.push(call);
    for (const w of waiters) {
      if (safe(w.predicate, call)) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(call);
      }
    }
  }

  function sentMessages(chatId?: number): string[] {
    return calls
      .filter((c) => isTextMethod(c.method))
      .filter((c) => chatId === undefined || String(c.payload.chat_id) === String(chatId))
      .map((c) => String(c.payload.text ?? ''));
  }

  // --- default answers ----------------------------------------------------------

  function storeBotMessage(payload: Record<string, unknown>, extra: Record<string, unknown>): Message {
    const chat = chatFor(payload.chat_id);
    const markup = payload.reply_markup;
    const message = {
      message_id: nextMessageId++,
      date: now(),
      chat,
      from: botUser,
      ...extra,
      ...(isInlineKeyboard(markup) ? { reply_markup: markup } : {}),
    } as Message;
    messages.set(message.message_id, message);
    lastBotMessage.set(chat.id, message.message_id);
    return message;
  }

  /** The result of `method`; `undefined` only for `getFile` of an unknown file (answered 400). */
  function defaultAnswer(method: string, payload: Record<string, unknown>): unknown {
    switch (method.toLowerCase()) {
      case 'getme':
        return botInfo;
      case 'sendmessage':
        return storeBotMessage(payload, { text: String(payload.text ?? '') });
      case 'sendphoto':
        return storeBotMessage(payload, {
          photo: [{ file_id: `photo${nextMessageId}`, file_unique_id: `uphoto${nextMessageId}`, width: 800, height: 600 }],
          ...(payload.caption !== undefined ? { caption: String(payload.caption) } : {}),
        });
      case 'senddocument': {
        const doc = payload.document;
        const fileName = isFile(doc) ? doc.filename : typeof doc === 'string' ? doc : 'document.dat';
        return storeBotMessage(payload, {
          document: { file_id: `doc${nextMessageId}`, file_unique_id: `udoc${nextMessageId}`, file_name: fileName },
          ...(payload.caption !== undefined ? { caption: String(payload.caption) } : {}),
        });
      }
      case 'editmessagetext': {
        if (payload.inline_message_id !== undefined) return true;
        const id = Number(payload.message_id);
        const chat = chatFor(payload.chat_id);
        const old = messages.get(id);
        const markup = payload.reply_markup;
        const edited = {
          ...(old ?? { message_id: id, date: now(), chat, from: botUser }),
          text: String(payload.text ?? ''),
          edit_date: now(),
          ...(isInlineKeyboard(markup) ? { reply_markup: markup } : {}),
        } as Message;
        if (!isInlineKeyboard(markup)) delete (edited as { reply_markup?: unknown }).reply_markup;
        messages.set(id, edited);
        return edited;
      }
      case 'getfile': {
        const file = files.get(String(payload.file_id ?? ''));
        if (!file) return undefined;
        return { file_id: String(payload.file_id), file_unique_id: `u${String(payload.file_id)}`, file_size: file.data.length, file_path: file.path };
      }
      case 'setwebhook':
        webhookUrl = String(payload.url ?? '');
        return true;
      case 'deletewebhook':
        webhookUrl = '';
        return true;
      case 'getwebhookinfo':
        return { url: webhookUrl, has_custom_certificate: false, pending_update_count: 0 };
      default:
        // answerCallbackQuery, setMyCommands,
        // deleteMyCommands, setChatMenuButton, sendChatAction, deleteMessage,
        // … and unknown methods alike (still recorded in `calls`).
        return true;
    }
  }

  // --- HTTP -----------------------------------------------------------------

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      const found = [...files.values()].find((f) => f.path === download[2]);
      if (decodeURIComponent(download[1]!) !== token || !found) {
        res.writeHead(404).end();
        return;
      }
      downloads.push(found.path);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': found.data.length }).end(Buffer.from(found.data));
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    let payload: Record<string, unknown>;
    try {
      payload = { ...Object.fromEntries([...url.searchParams].map(([k, v]) => [k, coerce(v)])), ...(await readBody(req)) };
    } catch (err) {
      reply(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(err as Error).message}` });
      return;
    }
    if (!m) {
      reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const method = m[2]!;
    const call: FakeTelegramCall = { method, payload, at: Date.now() };
    if (decodeURIComponent(m[1]!) !== token) {
      rejected.push(call);
      reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    record(call);
    // A held method answers only once released (the call is already recorded, so tests can await it).
    const gate = gates.get(method.toLowerCase());
    if (gate && (!gate.only || gate.only(payload))) await gate.promise;

    const handler = handlers.get(method) ?? handlers.get(method.toLowerCase());
    if (handler) {
      let answer: FakeTelegramResponse | undefined;
      try {
        answer = handler(payload, call);
      } catch (err) {
        reply(res, 500, { ok: false, error_code: 500, description: `fake handler threw: ${(err as Error).message}` });
        return;
      }
      if (answer !== undefined) {
        reply(res, answer.status ?? 200, answer.body);
        return;
      }
    }

    if (method.toLowerCase() === 'getupdates') {
      const offset = payload.offset === undefined ? undefined : Number(payload.offset);
      const limit = clamp(payload.limit === undefined ? 100 : Number(payload.limit), 1, 100);
      const timeoutMs = Math.min(Math.max(Number(payload.timeout ?? 0) || 0, 0) * 1000, MAX_POLL_MS);
      if (offset !== undefined && offset > 0) queue = queue.filter((u) => u.update_id >= offset); // confirm
      const updates = deliverable(offset, limit);
      if (updates.length > 0 || timeoutMs === 0 || closed) {
        reply(res, 200, { ok: true, result: updates });
        return;
      }
      const poll: PendingPoll = {
        offset,
        limit,
        res,
        timer: setTimeout(() => {
          polls.delete(poll);
          reply(res, 200, { ok: true, result: [] });
        }, timeoutMs),
      };
      polls.add(poll);
      res.on('close', () => {
        // client aborted (e.g. bot.stop()) or we answered
        polls.delete(poll);
        clearTimeout(poll.timer);
      });
      return;
    }

    const result = defaultAnswer(method, payload);
    if (result === undefined) {
      reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      return;
    }
    reply(res, 200, { ok: true, result });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      reply(res, 500, { ok: false, error_code: 500, description: String(err) });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    for (const g of gates.values()) g.release();
    gates.clear();
    closing ??= (async () => {
      closed = true;
      for (const poll of polls) {
        clearTimeout(poll.timer);
        reply(poll.res, 200, { ok: true, result: [] });
      }
      polls.clear();
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error(`fake Telegram closed while waiting; ${summary()}`));
      }
      waiters.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    })();
    return closing;
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    rejected,
    hold(method, only) {
      let release!: () => void;
      const promise = new Promise<void>((r) => (release = r));
      const key = method.toLowerCase();
      gates.set(key, { promise, release, ...(only ? { only } : {}) });
      return () => {
        gates.delete(key);
        release();
      };
    },
    pushUpdate,
    sendText,
    tapButton,
    waitFor,
    sentMessages,
    respondWith(method, handler) {
      handlers.set(method, handler);
    },
    putFile(fileId, data) {
      files.set(fileId, { path: `documents/file_${files.size + 1}`, data });
    },
    downloads,
    close,
  };
}

// --- helpers ----------------------------------------------------------------

function isTextMethod(method: string): boolean {
  const m = method.toLowerCase();
  return m === 'sendmessage' || m === 'editmessagetext';
}

function isInlineKeyboard(markup: unknown): markup is { inline_keyboard: unknown[] } {
  return typeof markup === 'object' && markup !== null && Array.isArray((markup as { inline_keyboard?: unknown }).inline_keyboard);
}

function isFile(v: unknown): v is FakeTelegramFile {
  return typeof v === 'object' && v !== null && Buffer.isBuffer((v as { data?: unknown }).data);
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), lo), hi) : hi;
}

/** urlencoded / multipart values: JSON objects and arrays are parsed, the rest stays a string. */
function coerce(v: string): unknown {
  if (/^\s*[[{]/.test(v)) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const buf = Buffer.concat(chunks);
  if (buf.length === 0) return {};
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.headers['content-type'] ?? '');
    const boundary = b?.[1] ?? b?.[2];
    if (!boundary) throw new Error('multipart body without boundary');
    return parseMultipart(buf, boundary);
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries([...new URLSearchParams(buf.toString('utf8'))].map(([k, v]) => [k, coerce(v)]));
  }
  // JSON is grammY's default; also accept an unlabelled JSON body.
  const parsed = JSON.parse(buf.toString('utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('JSON body is not an object');
  return parsed as Record<string, unknown>;
}

/** Minimal multipart/form-data parser (accepts grammY's compact `name:value` part headers). */
function parseMultipart(buf: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const files = new Map<string, FakeTelegramFile>();
  const delim = Buffer.from(`--${boundary}`);
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    pos += delim.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break; // closing "--"
    if (buf[pos] === 0x0d && buf[pos + 1] === 0x0a) pos += 2;
    const next = buf.indexOf(delim, pos);
    if (next === -1) break;
    let part = buf.subarray(pos, next);
    if (part.length >= 2 && part[part.length - 2] === 0x0d && part[part.length - 1] === 0x0a) {
      part = part.subarray(0, part.length - 2);
    }
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = new Map<string, string>();
      for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const body = part.subarray(headerEnd + 4);
      const disposition = headers.get('content-disposition') ?? '';
      const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
      const filename = /(?:^|;)\s*filename=(?:"([^"]*)"|([^;]*))/i.exec(disposition);
      if (name !== undefined) {
        if (filename) {
          files.set(name, {
            filename: (filename[1] ?? filename[2] ?? '').trim(),
            contentType: headers.get('content-type'),
            size: body.length,
            data: Buffer.from(body),
          });
        } else {
          fields[name] = coerce(body.toString('utf8'));
        }
      }
    }
    pos = next;
  }
  // Resolve top-level attach:// references; unreferenced files keep their part name.
  for (const [key, value] of Object.entries(fields)) {
    const ref = typeof value === 'string' ? /^attach:\/\/(.+)$/.exec(value) : null;
    const file = ref ? files.get(ref[1]!) : undefined;
    if (ref && file) {
      fields[key] = file;
      files.delete(ref[1]!);
    }
  }
  for (const [name, file] of files) fields[name] = file;
  return fields;
}
