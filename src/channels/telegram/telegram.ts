/**
 * The Telegram channel (grammY): parse an update → core → render (HTML, inline keyboard) → send.
 * Platform quirks live here: HTML escaping and the 4096-character split (see `html.ts`), callback
 * queries answered at once, commands only in groups, 403 from a person who blocked the bot.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Api, Bot, Context, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { COMMANDS } from '../../core/commands.ts';
import type { Attachment, BotCore, InboundMessage, Locale, Outcome, Reply } from '../../core/channel.ts';
import type { Translator } from '../../core/i18n.ts';
import { renderReply } from '../../core/render.ts';
import { messageKeyOf } from '../../core/errors.ts';
import type { Inbox, InboxEntry } from '../../core/inbox.ts';
import type { OutboxStore } from '../../core/outbox.ts';
import type { SendPace } from '../../core/pace.ts';
import type { UnitOfWork } from '../../core/unit-of-work.ts';
import { normalizeInbound } from '../../core/text/fold.ts';
import type { Logger } from '../../logger.ts';
import {
  createOutboxSender,
  PermanentError,
  RetryLaterError,
  UnreachableError,
  type ChannelSender,
  type OutboxSender,
  type PartProgress,
  type SenderOptions,
} from '../delivery.ts';
import { createInboundHandling, replayPending, type InboundHandling } from '../inbound.ts';
import { splitHtml } from '../html.ts';
import { cleanName } from '../../core/text/name.ts';
import { trackInFlight } from './in-flight.ts';
import { crashPoint } from '../../crash-point.ts';
import { directJsonCalls } from './json-transport.ts';

export interface TelegramBotOptions {
  core: BotCore;
  translator: Translator;
  logger: Logger;
  token: string;
  /** Bot API root, e.g. `https://api.telegram.org`; tests point it at a local fake. */
  apiRoot: string;
  /** Preset bot info (tests), skipping `getMe`. */
  botInfo?: UserFromGetMe;
  /**
   * Exactly-once handling (issue 10): updates recorded in the persisted inbox, handled in one unit of
   * work with their replies written to the outbox, then delivered. Without it (adapter tests), each
   * update is handled and answered directly.
   */
  exactlyOnce?: TelegramExactlyOnce;
}

/** The stores of {@link TelegramBotOptions.exactlyOnce} (core ports, implemented in src/db). */
export interface TelegramExactlyOnce {
  inbox: Inbox;
  unitOfWork: UnitOfWork;
  outbox: OutboxStore;
  /** The send pace shared with other instances on the token (see `createOutboxSender`). */
  pace?: SendPace;
  /** The Bot API client the outbox sends with ({@link createDeliveryApi}); default the bot's own. */
  deliveryApi?: Api;
  /** Told of each row Telegram refused for good (FAILED), e.g. `alertAdminsOfFailure` (delivery.ts). */
  onFailed?: SenderOptions['onFailed'];
  /** The language a failure is answered in. */
  localeOf(message: InboundMessage): Promise<Locale>;
  now?: () => Date;
}

/** The channel name in the inbox and the outbox. */
const CHANNEL = 'telegram';
/** The inbox key of a Telegram update. */
export const updateKey = (update: Pick<Update, 'update_id'>): string => `update:${update.update_id}`;

/**
 * Whether an update can change anything, so it must be recorded before it is handled: a message in
 * a private chat, a tap, or a command in a group. A group's chatter (and what core ignores: service
 * messages, other bots' commands) is handled without a record: it is answered by nothing.
 */
export function needsRecord(update: Update, me: UserFromGetMe | undefined, api: Api): boolean {
  return recordable(toInbound(new Context(update, api, me as UserFromGetMe)));
}

/** {@link needsRecord} of an update already mapped for core. */
const recordable = (inbound: InboundMessage | undefined): boolean =>
  inbound !== undefined && (inbound.chatType === 'private' || inbound.action !== undefined || (inbound.text ?? '').startsWith('/'));

/** Telegram's limit on callback data, in bytes. */
const CALLBACK_DATA_MAX_BYTES = 64;

/** Converts a Telegram update into core's inbound message; `undefined` for updates core ignores. */
export function toInbound(ctx: Context): InboundMessage | undefined {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot) return undefined;
  const base = {
    channel: 'telegram' as const,
    userId: String(from.id),
    chatId: String(chat.id),
    chatType: chat.type === 'private' ? ('private' as const) : ('group' as const),
    // A name is chosen by its owner and shown to others: plain text only (no bidi, zero-width, controls).
    displayName: cleanName([from.first_name, from.last_name].filter(Boolean).join(' ')),
    languageHint: from.language_code,
  };
  if (ctx.callbackQuery?.data !== undefined) return { ...base, action: ctx.callbackQuery.data };
  const message = ctx.message;
  if (!message) return undefined;
  const attachments = attachmentsOf(message);
  if (attachments.length > 0) return { ...base, attachments, text: message.caption ? normalizeInbound(message.caption) : undefined };
  if (message.text !== undefined) {
    const text = normalizeInbound(message.text);
    // In groups, a command addressed to another bot is not ours.
    const addressed = /^\/[A-Za-z0-9_]+@([A-Za-z0-9_]+)/.exec(text);
    if (addressed && ctx.me && addressed[1]!.toLowerCase() !== ctx.me.username.toLowerCase()) return undefined;
    return { ...base, text };
  }
  // Service messages (members joining, pinned messages …) are not addressed to the bot.
  if (message.new_chat_members || message.left_chat_member || message.pinned_message) return undefined;
  return { ...base, unsupported: true };
}

/** Photos (the largest size) and documents of a message, as channel file references. */
function attachmentsOf(message: NonNullable<Context['message']>): Attachment[] {
  if (message.photo && message.photo.length > 0) {
    return [{ kind: 'PHOTO', channel: 'telegram', fileRef: message.photo.at(-1)!.file_id }];
  }
  if (message.document) {
    return [{ kind: 'DOCUMENT', channel: 'telegram', fileRef: message.document.file_id, fileName: message.document.file_name }];
  }
  return [];
}

/**
 * Renders and sends an outcome: HTML parse mode, long replies split at line breaks, the keyboard
 * on the last part.
 */
export async function sendOutcome(
  api: Api,
  chatId: number | string,
  outcome: Outcome,
  translator: Translator,
  tappedMessageId?: number,
  botUsername?: string,
): Promise<void> {
  for (const reply of outcome.replies) {
    if (reply.replacesTapped && tappedMessageId !== undefined && (await editInPlace(api, chatId, tappedMessageId, reply, outcome.locale, translator))) continue;
    await sendReply(api, chatId, reply, outcome.locale, translator, botUsername);
  }
}

/** `https://t.me/<bot>?start=<payload>` for a {@link Reply.deepLink}; undefined when it cannot be made. */
export function deepLinkUrl(botUsername: string | undefined, payload: string | undefined): string | undefined {
  if (!botUsername || !payload || !/^[A-Za-z0-9_-]{1,64}$/.test(payload)) return undefined;
  return `https://t.me/${botUsername}?start=${payload}`;
}

/** Redraws the tapped message; false when it can't be (too long, too old): then a new one is sent. */
async function editInPlace(api: Api, chatId: number | string, messageId: number, reply: Reply, locale: Locale, translator: Translator): Promise<boolean> {
  const rendered = renderReply(translator, locale, reply, 'html');
  const parts = splitHtml(rendered.text);
  if (parts.length !== 1 || (reply.attachments?.length ?? 0) > 0) return false;
  try {
    await api.editMessageText(chatId, messageId, parts[0]!, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: keyboardOf(rendered.buttons),
    });
    return true;
  } catch (error) {
    // "message is not modified" means it already shows this state: nothing more to do.
    if (error instanceof GrammyError && /not modified/i.test(error.description)) return true;
    if (error instanceof GrammyError && error.error_code === 400) return false;
    throw error;
  }
}

function keyboardOf(buttons: { label: string; action: string }[][]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const row of buttons) {
    for (const b of row) {
      if (Buffer.byteLength(b.action) <= CALLBACK_DATA_MAX_BYTES) keyboard.text(b.label, b.action);
    }
    keyboard.row();
  }
  return keyboard;
}

/**
 * Sends one reply: its Telegram attachments first (photos, documents), then the files made for the
 * person (uploaded as documents), then the text in parts (split at 4096 characters, the keyboard on
 * the last). With `progress`, the parts before `progress.from` (in that same order) are skipped and
 * each part delivered is reported, so a retry after a failed part resumes where it stopped.
 */
export async function sendReply(
  api: Api,
  chatId: number | string,
  reply: Reply,
  locale: Locale,
  translator: Translator,
  botUsername?: string,
  progress?: PartProgress,
): Promise<void> {
  const from = progress?.from ?? 0;
  let index = 0;
  /** Sends part number `index` unless an earlier attempt did; reports it. */
  const part = async (send: () => Promise<unknown>) => {
    index += 1;
    if (index <= from) return;
    // The parts before this one are recorded as sent first; the last part is recorded by the row
    // turning SENT, so a reply of one message costs no extra write.
    if (index - 1 > from) await progress?.sent(index - 1);
    await send();
  };
  for (const a of reply.attachments ?? []) {
    if (a.channel !== 'telegram') continue;
    await part(() => (a.kind === 'PHOTO' ? api.sendPhoto(chatId, a.fileRef) : api.sendDocument(chatId, a.fileRef)));
  }
  for (const f of reply.files ?? []) await part(() => api.sendDocument(chatId, new InputFile(f.bytes, f.name)));
  const rendered = renderReply(translator, locale, reply, 'html');
  const keyboard = keyboardOf(rendered.buttons);
  const link = deepLinkUrl(botUsername, reply.deepLink);
  if (link) keyboard.url(translator.format(locale, { key: 'group-open-private' }, 'plain'), link);
  const hasKeyboard = rendered.buttons.length > 0 || link !== undefined;
  const parts = splitHtml(rendered.text);
  // A reply of buttons only still needs a message to carry them.
  if (parts.length === 0 && hasKeyboard) parts.push('…');
  for (const [i, text] of parts.entries()) {
    const last = i === parts.length - 1;
    await part(() =>
      api.sendMessage(chatId, text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(last && hasKeyboard ? { reply_markup: keyboard } : {}),
      }),
    );
  }
}

/**
 * A 403 (blocked by the user, user deactivated, kicked) or a 400 "chat not found" means the person
 * can't be reached: nothing to answer, nothing to retry.
 */
export const isUnreachable = (error: unknown): boolean =>
  error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found|user not found/i.test(error.description)));

/**
 * The Bot API client the outbox sends with: the same token and root as the bot's, but without
 * auto-retry, so no request ever sleeps inside the sender (a 429 defers that row in the outbox, a
 * 5xx backs it off) and one chat's limit never holds up the others. Its JSON calls (every message
 * without a file to upload) go out on `node:http` directly ({@link directJsonCalls}): the sender's
 * largest cost through grammY's own transport. `transformers`: e.g. metrics.
 */
export function createDeliveryApi(opts: { token: string; apiRoot: string; transformers?: Parameters<Api['config']['use']>[0][] }): Api {
  const api = new Api(opts.token, { apiRoot: opts.apiRoot });
  // First, so that the given transformers see its calls too: JSON calls without grammY's transport.
  api.config.use(directJsonCalls(opts));
  for (const t of opts.transformers ?? []) api.config.use(t);
  return api;
}

/**
 * The outbox's sender for Telegram, mapping the Bot API's answers to the outbox's rules:
 * 429 (`parameters.retry_after`, seconds) → {@link RetryLaterError} for that chat (5 s when absent);
 * 403, 400 "chat not found" → {@link UnreachableError}; any other 400 (bad request: it cannot succeed
 * as it is) → {@link PermanentError}; everything else (5xx, 401, network) is rethrown as transient.
 * Parts of a split reply are reported through `progress` (see {@link sendReply}).
 */
export function telegramSender(api: Api, translator: Translator, botUsername?: () => string | undefined): ChannelSender {
  return async (chatId, reply, locale, progress) => {
    try {
      // A reply to a tap redraws the tapped message when it can (a checklist), else comes as a new one.
      const tapped = reply.replacesTapped && reply.queued?.tappedMessageId !== undefined ? Number(reply.queued.tappedMessageId) : undefined;
      if (
        tapped !== undefined &&
        Number.isSafeInteger(tapped) &&
        (progress?.from ?? 0) === 0 &&
        (await editInPlace(api, chatId, tapped, reply, locale, translator))
      )
        return;
      await sendReply(api, chatId, reply, locale, translator, botUsername?.(), progress);
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 429) {
        throw new RetryLaterError(error.description, (error.parameters.retry_after ?? 5) * 1000);
      }
      if (isUnreachable(error)) throw new UnreachableError((error as GrammyError).description);
      if (error instanceof GrammyError && error.error_code === 400) throw new PermanentError(error.description);
      throw error;
    }
  };
}

/** The grammY bot with every handler, and what exactly-once handling adds around it. */
export interface TelegramChannel {
  bot: Bot;
  /**
   * Records in the inbox the updates that can change anything ({@link needsRecord}), before their
   * offset is confirmed (polling) or before the webhook answers 200. Nothing without `exactlyOnce`.
   * @throws when the store fails: the updates must then come again (not confirmed, or a 500).
   */
  record(updates: Update[]): Promise<void>;
  /** The outbox sender of this bot (`null` without `exactlyOnce`): replies at once, the rest by its loop. */
  sender: OutboxSender | null;
  /**
   * Handles what an earlier run recorded before `before` and did not finish (it crashed, or was
   * killed, between recording and committing); returns how many. Call after `bot.init()`.
   */
  replay(before: Date): Promise<number>;
}

/** Builds the grammY bot with every handler; start it with polling or a webhook (see `run.ts`). */
export function createTelegramBot(opts: TelegramBotOptions): Bot {
  return createTelegramChannel(opts).bot;
}

/** {@link createTelegramBot} with the inbox recording, the outbox sender and the replay. */
export function createTelegramChannel(opts: TelegramBotOptions): TelegramChannel {
  const { core, translator, logger } = opts;
  const bot = new Bot(opts.token, { client: { apiRoot: opts.apiRoot }, botInfo: opts.botInfo });
  // Waits out short 429s and retries 5xx/network errors a few times; a long wait fails fast instead,
  // so the outbox defers the message rather than blocking every other send.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5 }));
  const once = opts.exactlyOnce;
  const botUsername = () => (bot.isInited() ? bot.botInfo.username : opts.botInfo?.username);
  const sender = once
    ? createOutboxSender({
        store: once.outbox,
        channel: CHANNEL,
        send: telegramSender(once.deliveryApi ?? bot.api, translator, botUsername),
        logger,
        ...(once.pace ? { pace: once.pace } : {}),
        ...(once.now ? { now: once.now } : {}),
        ...(once.onFailed ? { onFailed: once.onFailed } : {}),
      })
    : null;
  const handling: InboundHandling | null =
    once && sender
      ? createInboundHandling({
          channel: CHANNEL,
          core,
          inbox: once.inbox,
          unitOfWork: once.unitOfWork,
          outbox: once.outbox,
          deliver: (rows) => sender.deliverRows(rows),
          sendNow: (chatId, outcome) => sendOutcome(bot.api, chatId, outcome, translator, undefined, botUsername()),
          localeOf: once.localeOf,
          defaultLocale: translator.defaultLocale,
          logger,
          ...(once.now ? { now: once.now } : {}),
        })
      : null;
  /** Entries recorded by this process and not handled yet, by update id (the middleware's lookup). */
  const recorded = new Map<number, InboxEntry>();

  // First: counts updates in flight, so a stop lets them finish (see in-flight.ts).
  trackInFlight(bot);
  // A tap is acknowledged before it waits its turn in the chat: the button's spinner stops at once
  // even while the chat's previous update is still being handled (issue 18). Not awaited, so the
  // work is queued at once too; a failed acknowledgement only costs the spinner.
  bot.on('callback_query', async (ctx, next) => {
    void ctx.answerCallbackQuery().catch((error: unknown) => logger.warn({ err: error }, 'answerCallbackQuery failed'));
    await next();
  });
  // One update at a time per chat, so a conversation's replies keep their order under the runner.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));

  bot.use(async (ctx) => {
    const inbound = toInbound(ctx);
    const id = ctx.update.update_id;
    if (handling && once) {
      // Recorded by this process (polling, the webhook, the replay) in the map; the store is asked only
      // for an update that should have been recorded and was handed over some other way.
      const entry = recorded.get(id) ?? (recordable(inbound) ? await once.inbox.find(CHANNEL, updateKey(ctx.update)) : null);
      try {
        if (!inbound) return;
        if (!entry) return await handling.handleUnrecorded(inbound);
        const tapped = ctx.callbackQuery?.message?.message_id;
        // The tapped message's id goes with a reply that redraws it (the sender edits it in place).
        await handling.handle(entry, inbound, (outcome) =>
          outcome.replies.map((r) => ({
            ...r,
            queued: { answer: true, ...(r.replacesTapped && tapped !== undefined ? { tappedMessageId: String(tapped) } : {}) },
          })),
        );
      } finally {
        if (recorded.get(id) === entry) recorded.delete(id);
      }
      return;
    }
    if (!inbound) return;
    const outcome = await core.handle(inbound);
    try {
      await sendOutcome(ctx.api, inbound.chatId, outcome, translator, ctx.callbackQuery?.message?.message_id, ctx.me.username);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      logger.warn({ chatId: inbound.chatId, err: error }, 'recipient unreachable (blocked the bot or left)');
    }
  });

  // The last resort: the exactly-once path answers its own failures (src/channels/inbound.ts).
  bot.catch(async (err) => {
    const ctx = err.ctx;
    logger.error({ updateId: ctx.update.update_id, err: err.error }, 'update failed');
    if (!ctx.chat || ctx.chat.type !== 'private') return;
    const text = translator.format(translator.defaultLocale, { key: messageKeyOf(err.error) }, 'html');
    await ctx.api.sendMessage(ctx.chat.id, text, { parse_mode: 'HTML' }).catch(() => undefined);
  });

  return {
    bot,
    sender,
    async record(updates) {
      if (!once || updates.length === 0) return;
      const me = bot.isInited() ? bot.botInfo : opts.botInfo;
      const wanted = updates.filter((u) => needsRecord(u, me, bot.api));
      if (wanted.length === 0) return;
      const at = (once.now ?? (() => new Date()))();
      const entries = await once.inbox.record(
        CHANNEL,
        wanted.map((u) => ({ eventKey: updateKey(u), payload: JSON.stringify(u) })),
        at,
      );
      for (const [i, u] of wanted.entries()) recorded.set(u.update_id, entries[i]!);
      for (const e of entries) crashPoint('inbox:recorded', e.eventKey);
    },
    async replay(before) {
      if (!once) return 0;
      const count = await replayPending(once.inbox, CHANNEL, before, async (entry) => {
        let update: Update;
        try {
          update = JSON.parse(entry.payload) as Update;
        } catch (error) {
          await once.inbox.fail(entry.id, 'payload is not JSON', before);
          logger.error({ eventKey: entry.eventKey, err: error }, 'recorded update unreadable: dropped');
          return;
        }
        recorded.set(update.update_id, entry);
        await bot.handleUpdate(update).catch((error: unknown) => logger.error({ eventKey: entry.eventKey, err: error }, 'replayed update failed'));
      });
      if (count > 0) logger.warn({ count }, 'updates recorded by an earlier run and not finished were handled again');
      return count;
    },
  };
}

/** Registers the command menu (public commands only) in Vietnamese (default) and English. */
export async function setCommandMenus(api: Api, translator: Translator): Promise<void> {
  const menu = (locale: Locale) =>
    COMMANDS.filter((c) => c.menu).map((c) => ({
      command: locale === 'en' ? c.english : c.name,
      description: translator.format(locale, { key: c.descriptionKey }, 'plain'),
    }));
  // Three scopes, independent of each other: set at once.
  await Promise.all([
    api.setMyCommands(menu('vi')),
    api.setMyCommands(menu('vi'), { language_code: 'vi' }),
    api.setMyCommands(menu('en'), { language_code: 'en' }),
  ]);
}
