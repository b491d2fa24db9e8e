/**
 * Starting the Telegram channel: long polling (default, through grammY's runner) or a webhook on
 * the bot's HTTP port. In webhook mode every request must carry the configured secret in
 * `X-Telegram-Bot-Api-Secret-Token`; grammY answers 401 otherwise and the update is not processed.
 */
import { createServer, type Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { Translator } from '../../core/i18n.ts';
import type { Logger } from '../../logger.ts';
import { redactTokens } from '../../logger.ts';
import { pollingGuard } from './polling.ts';
import { setCommandMenus } from './telegram.ts';

/** Updates the bot asks for (nothing else is delivered). */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramRunOptions {
  bot: Bot;
  translator: Translator;
  logger: Logger;
  mode: 'polling' | 'webhook';
  webhookUrl?: string;
  webhookSecret?: string;
  /** Port of the webhook server (0 picks a free one; see the returned `port`). */
  httpPort: number;
  /** Polling: delete a webhook found set instead of reporting it and leaving it alone. */
  replaceWebhook?: boolean;
  /** Polling: first pause after a 409 (tests); see `polling.ts`. */
  conflictPauseMs?: number;
  /** Called when polling stops for good (e.g. 401 token revoked). A 409 is waited out instead. */
  onFatal?: (error: unknown) => void;
}

export interface RunningTelegram {
  /** The webhook server's port, in webhook mode. */
  port?: number;
  stop(): Promise<void>;
}

/**
 * Initialises the bot (getMe), sets the command menus, then polls or serves the webhook.
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
        if (runner.isRunning()) await runner.stop();
      },
    };
  }

  const path = new URL(opts.webhookUrl!).pathname;
  const handle = webhookCallback(bot, 'http', { secretToken: opts.webhookSecret, onTimeout: 'return' });
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === path) {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'webhook request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(opts.httpPort, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.httpPort;
  await bot.api.setWebhook(opts.webhookUrl!, { secret_token: opts.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ bot: bot.botInfo.username, mode: 'webhook', port, path }, 'telegram started');
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
