/**
 * Starting the Telegram channel: long polling (default, through grammY's runner) or a webhook on
 * the bot's one HTTP server (src/http/server.ts). In webhook mode every request must carry the
 * configured secret in `X-Telegram-Bot-Api-Secret-Token` (401 otherwise, nothing processed).
 *
 * Exactly once (issue 10): an update is recorded in the persisted inbox before it counts as received
 * — polling records each `getUpdates` batch before the runner sees it (so the next call, which
 * confirms the offset, only comes after), the webhook records the POSTed update before answering
 * 200 (a store failure answers 500: Telegram sends it again). The work runs after, and at start
 * whatever an earlier run recorded and did not finish is handled again.
 *
 * Webhook mode is two steps: {@link mountTelegramWebhook} before the HTTP server listens, then
 * {@link startTelegram}, which tells Telegram the URL once something answers there.
 */
import { timingSafeEqual } from 'node:crypto';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot, Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import { bodyLimit } from 'hono/body-limit';
import type { Translator } from '../../core/i18n.ts';
import type { HttpApp } from '../../http/server.ts';
import type { Logger } from '../../logger.ts';
import { redactTokens } from '../../logger.ts';
import { drainInFlight } from './in-flight.ts';
import { pollingGuard } from './polling.ts';
import { setCommandMenus, type TelegramChannel } from './telegram.ts';

/** Updates the bot asks for (nothing else is delivered). */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramRunOptions {
  bot: Bot;
  /** The bot's inbox recording and replay (see `createTelegramChannel`); without it, none. */
  channel?: Pick<TelegramChannel, 'record' | 'replay'>;
  /** Updates recorded before this instant and not finished are replayed at start; default now. */
  startedAt?: Date;
  translator: Translator;
  logger: Logger;
  mode: 'polling' | 'webhook';
  /** Webhook mode: the public https URL Telegram calls (its path was mounted by {@link mountTelegramWebhook}). */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Polling: delete a webhook found set instead of reporting it and leaving it alone. */
  replaceWebhook?: boolean;
  /** Polling: first pause after a 409 (tests); see `polling.ts`. */
  conflictPauseMs?: number;
  /** Called when polling stops for good (e.g. 401 token revoked). A 409 is waited out instead. */
  onFatal?: (error: unknown) => void;
}

export interface RunningTelegram {
  stop(): Promise<void>;
}

/** Largest webhook body read (Telegram's updates are a few KB; a message is at most 4,096 characters). */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/** Compares the secret header in constant time. */
function secretMatches(got: string | undefined, want: string): boolean {
  if (got === undefined) return false;
  const a = Buffer.from(got, 'utf8');
  const b = Buffer.from(want, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a parsed body looks like an update (an object with an integer `update_id`). */
const isUpdate = (v: unknown): v is Update => typeof v === 'object' && v !== null && Number.isSafeInteger((v as { update_id?: unknown }).update_id);

/**
 * Mounts `POST <path of webhookUrl>` on the HTTP app:
 * - a wrong or missing secret: 401, nothing processed;
 * - a body that is not an update (malformed JSON with the right secret): logged and answered 200 —
 *   it can never succeed, so Telegram must not send it again;
 * - an update: recorded in the inbox (`channel.record`), answered 200 at once, then handled in the
 *   background (the stop waits for it); if recording fails, 500, so Telegram delivers it again.
 * Never waits for the handling: a slow handler holds no webhook request.
 */
export function mountTelegramWebhook(
  http: HttpApp,
  opts: { bot: Bot; channel?: Pick<TelegramChannel, 'record'>; webhookUrl: string; webhookSecret: string; logger?: Logger },
): void {
  const log = opts.logger?.child({ channel: 'telegram' });
  http.post(
    new URL(opts.webhookUrl).pathname,
    bodyLimit({ maxSize: WEBHOOK_MAX_BODY_BYTES, onError: (c) => c.text('', 413, { connection: 'close' }) }),
    async (c) => {
      if (!secretMatches(c.req.header('x-telegram-bot-api-secret-token'), opts.webhookSecret)) return c.text('', 401);
      let update: unknown;
      try {
        update = JSON.parse(await c.req.text());
      } catch {
        update = undefined;
      }
      if (!isUpdate(update)) {
        log?.warn('telegram webhook: the body is not an update; answered 200 so it is not sent again');
        return c.text('', 200);
      }
      try {
        await opts.channel?.record([update]);
      } catch (error) {
        log?.error({ updateId: update.update_id, err: error }, 'telegram webhook: could not record the update; answered 500 so Telegram sends it again');
        return c.text('', 500);
      }
      void opts.bot.handleUpdate(update).catch((error: unknown) => log?.error({ updateId: update.update_id, err: error }, 'update failed'));
      return c.text('', 200);
    },
  );
}

/**
 * The `getUpdates` transformer that records each batch in the inbox before the runner receives it:
 * the runner asks for the next batch (confirming this one's offset) only after. If recording fails,
 * the call fails and the runner asks again for the same updates.
 */
export function recordPolledUpdates(channel: Pick<TelegramChannel, 'record'>): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === 'getUpdates' && result.ok) await channel.record(result.result as Update[]);
    return result;
  };
}

/**
 * Initialises the bot (getMe), sets the command menus and (polling) looks for a webhook, all at once;
 * replays what the inbox holds unfinished; then polls, or (webhook mode) registers the webhook URL
 * with Telegram.
 * @throws GrammyError/HttpError when Telegram rejects the token or cannot be reached at start.
 */
export async function startTelegram(opts: TelegramRunOptions): Promise<RunningTelegram> {
  const { bot, logger } = opts;
  const startedAt = opts.startedAt ?? new Date();
  // The calls that don't depend on each other go out together: one round trip to Telegram, not five.
  const [, webhook] = await Promise.all([
    bot.init(),
    opts.mode === 'polling' ? bot.api.getWebhookInfo() : undefined,
    setCommandMenus(bot.api, opts.translator).catch((error: unknown) => logger.warn({ err: error }, 'setMyCommands failed')),
  ]);
  // What an earlier run recorded and did not finish (a crash, a kill -9) is handled first.
  await opts.channel?.replay(startedAt);

  if (opts.mode === 'polling') {
    const hookUrl = webhook?.url ?? '';
    if (hookUrl !== '' && opts.replaceWebhook) {
      logger.warn({ webhook: redactTokens(hookUrl) }, 'a webhook was set: deleting it to poll (TELEGRAM_REPLACE_WEBHOOK=true)');
      await bot.api.deleteWebhook();
    } else if (hookUrl !== '') {
      logger.error(
        { webhook: redactTokens(hookUrl) },
        'a webhook is set for this bot, so polling receives nothing: left alone. Remove it, set TELEGRAM_MODE=webhook, or TELEGRAM_REPLACE_WEBHOOK=true to replace it; polling waits until it is gone',
      );
    }
    bot.api.config.use(pollingGuard({ logger, conflictPauseMs: opts.conflictPauseMs }));
    if (opts.channel) bot.api.config.use(recordPolledUpdates(opts.channel));
    // silent: fetch errors are logged by pollingGuard through pino, not as plain text on stderr.
    const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
    runner.task()?.catch((error: unknown) => opts.onFatal?.(error));
    logger.info({ bot: bot.botInfo.username, mode: 'polling' }, 'telegram started');
    return {
      async stop() {
        // Stop fetching, then let the updates already taken finish (their replies go out).
        if (runner.isRunning()) await runner.stop();
        await drainInFlight(bot, logger);
      },
    };
  }

  await bot.api.setWebhook(opts.webhookUrl!, { secret_token: opts.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ bot: bot.botInfo.username, mode: 'webhook', path: new URL(opts.webhookUrl!).pathname }, 'telegram started');
  // The HTTP server is closed by its owner; updates already taken finish first (their replies go out).
  return { stop: () => drainInFlight(bot, logger).then(() => undefined) };
}
