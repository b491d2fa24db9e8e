/**
 * The Telegram channel (grammY): parse an update → core → render (HTML, inline keyboard) → send.
 * Platform quirks live here: HTML escaping and the 4096-character split (see `html.ts`), callback
 * queries answered at once, commands only in groups, 403 from a person who blocked the bot.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Api, Bot, GrammyError, InlineKeyboard, InputFile, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { COMMANDS } from '../../core/commands.ts';
import type { Attachment, BotCore, InboundMessage, Locale, Outcome, Reply } from '../../core/channel.ts';
import type { Translator } from '../../core/i18n.ts';
import { renderReply } from '../../core/render.ts';
import { messageKeyOf } from '../../core/store-busy.ts';
import { normalizeInbound } from '../../core/text/fold.ts';
import type { Logger } from '../../logger.ts';
import { PermanentError, RetryLaterError, UnreachableError, type ChannelSender, type PartProgress } from '../delivery.ts';
import { splitHtml } from '../html.ts';
import { cleanName } from '../../core/text/name.ts';
import { trackInFlight } from './in-flight.ts';

export interface TelegramBotOptions {
  core: BotCore;
  translator: Translator;
  logger: Logger;
  token: string;
  /** Bot API root, e.g. `https://api.telegram.org`; tests point it at a local fake. */
  apiRoot: string;
  /** Preset bot info (tests), skipping `getMe`. */
  botInfo?: UserFromGetMe;
}

/** How many recent update ids are remembered to drop repeats. */
const RECENT_UPDATE_IDS = 10_000;

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
export async function sendOutcome(api: Api, chatId: number | string, outcome: Outcome, translator: Translator, tappedMessageId?: number, botUsername?: string): Promise<void> {
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
    await api.editMessageText(chatId, messageId, parts[0]!, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: keyboardOf(rendered.buttons) });
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
export async function sendReply(api: Api, chatId: number | string, reply: Reply, locale: Locale, translator: Translator, botUsername?: string, progress?: PartProgress): Promise<void> {
  const from = progress?.from ?? 0;
  let index = 0;
  /** Sends part number `index` unless an earlier attempt did; reports it. */
  const part = async (send: () => Promise<unknown>) => {
    index += 1;
    if (index <= from) return;
    await send();
    await progress?.sent(index);
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
 * 5xx backs it off) and one chat's limit never holds up the others. `transformers`: e.g. metrics.
 */
export function createDeliveryApi(opts: { token: string; apiRoot: string; transformers?: Parameters<Api['config']['use']>[0][] }): Api {
  const api = new Api(opts.token, { apiRoot: opts.apiRoot });
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
export function telegramSender(api: Api, translator: Translator): ChannelSender {
  return async (chatId, reply, locale, progress) => {
    try {
      await sendReply(api, chatId, reply, locale, translator, undefined, progress);
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

/** Builds the grammY bot with every handler; start it with polling or a webhook (see `run.ts`). */
export function createTelegramBot(opts: TelegramBotOptions): Bot {
  const { core, translator, logger } = opts;
  const bot = new Bot(opts.token, { client: { apiRoot: opts.apiRoot }, botInfo: opts.botInfo });
  // Waits out short 429s and retries 5xx/network errors a few times; a long wait fails fast instead,
  // so the outbox defers the message rather than blocking every other send.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5 }));
  // First: counts updates in flight, so a stop lets them finish (see in-flight.ts).
  trackInFlight(bot);
  // The same update_id twice (twice in one getUpdates batch, a webhook POST redelivered while the
  // first still runs) is handled once: the repeat is answered by nothing. In memory, so a held
  // database lock stalls nobody; a repeat across a restart is not caught here (issue 10, left).
  const seen = new Set<number>();
  bot.use(async (ctx, next) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) {
      logger.info({ updateId: id }, 'duplicate update ignored');
      return;
    }
    seen.add(id);
    if (seen.size > RECENT_UPDATE_IDS) seen.delete(seen.values().next().value!);
    await next();
  });
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
    if (!inbound) return;
    const outcome = await core.handle(inbound);
    try {
      await sendOutcome(ctx.api, inbound.chatId, outcome, translator, ctx.callbackQuery?.message?.message_id, ctx.me.username);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      logger.warn({ chatId: inbound.chatId, err: error }, 'recipient unreachable (blocked the bot or left)');
    }
  });

  bot.catch(async (err) => {
    const ctx = err.ctx;
    logger.error({ updateId: ctx.update.update_id, err: err.error }, 'update failed');
    if (!ctx.chat || ctx.chat.type !== 'private') return;
    const text = translator.format(translator.defaultLocale, { key: messageKeyOf(err.error) }, 'html');
    await ctx.api.sendMessage(ctx.chat.id, text, { parse_mode: 'HTML' }).catch(() => undefined);
  });
  return bot;
}

/** Registers the command menu (public commands only) in Vietnamese (default) and English. */
export async function setCommandMenus(api: Api, translator: Translator): Promise<void> {
  const menu = (locale: Locale) =>
    COMMANDS.filter((c) => c.menu).map((c) => ({
      command: locale === 'en' ? c.english : c.name,
      description: translator.format(locale, { key: c.descriptionKey }, 'plain'),
    }));
  await api.setMyCommands(menu('vi'));
  await api.setMyCommands(menu('vi'), { language_code: 'vi' });
  await api.setMyCommands(menu('en'), { language_code: 'en' });
}
