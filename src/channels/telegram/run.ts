/**
 * Starting the Telegram channel: long polling (default, through grammY's runner) or a webhook on
 * the bot's one HTTP server (src/http/server.ts). In webhook mode every request must carry the
 * configured secret in `X-Telegram-Bot-Api-Secret-Token`; grammY answers 401 otherwise and the
 * update is not processed.
 *
 * Webhook mode is two steps: {@link mountTelegramWebhook} before the HTTP server listens, then
 * {@link startTelegram}, which tells Telegram the URL once something answers there.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { Translator } from '../../core/i18n.ts';
import type { HttpApp } from '../../http/server.ts';
import type { Logger } from '../../logger.ts';
import { redactTokens } from '../../logger.ts';
import { drainInFlight } from './in-flight.ts';
import { pollingGuard } from './polling.ts';
import { setCommandMenus } from './telegram.ts';

/** Updates the bot asks for (nothing else is delivered). */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramRunOptions {
  bot: Bot;
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

/**
 * Mounts `POST <path of webhookUrl>` on the HTTP app: grammY's Hono adapter checks the secret
 * (401 without it) and hands the update to the bot; a handler still running when Telegram's
 * timeout nears is answered and finishes after (`onTimeout: 'return'`).
 */
export function mountTelegramWebhook(http: HttpApp, opts: { bot: Bot; webhookUrl: string; webhookSecret: string }): void {
  http.post(new URL(opts.webhookUrl).pathname, webhookCallback(opts.bot, 'hono', { secretToken: opts.webhookSecret, onTimeout: 'return' }));
}

/**
 * Initialises the bot (getMe), sets the command menus, then polls, or (webhook mode) registers the
 * webhook URL with Telegram.
 * @throws GrammyError/HttpError when Telegram rejects the token or cannot be reached at start.
 */
export async function startTelegram(opts: TelegramRunOptions): Promise<RunningTelegram> {
  const { bot, logger } = opts;
  await bot.init();
  await setCommandMenus(bot.api, opts.translator).catch((error: unknown) => logger.warn({ err: error }, 'setMyCommands failed'));

  if (opts.mode === 'polling') {
    const hookUrl = (await bot.api.getWebhookInfo()).url ?? '';
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
