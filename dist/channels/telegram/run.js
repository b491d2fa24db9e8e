/**
 * Starting the Telegram channel: long polling (default, through grammY's runner) or a webhook on
 * the bot's HTTP port. In webhook mode every request must carry the configured secret in
 * `X-Telegram-Bot-Api-Secret-Token`; grammY answers 401 otherwise and the update is not processed.
 */
import { createServer } from 'node:http';
import { run } from '@grammyjs/runner';
import { webhookCallback } from 'grammy';
import { redactTokens } from "../../logger.js";
import { drainInFlight } from "./in-flight.js";
import { pollingGuard } from "./polling.js";
import { setCommandMenus } from "./telegram.js";
/** Updates the bot asks for (nothing else is delivered). */
const ALLOWED_UPDATES = ['message', 'callback_query'];
/**
 * Initialises the bot (getMe), sets the command menus, then polls or serves the webhook.
 * @throws GrammyError/HttpError when Telegram rejects the token or cannot be reached at start.
 */
export async function startTelegram(opts) {
    const { bot, logger } = opts;
    await bot.init();
    await setCommandMenus(bot.api, opts.translator).catch((error) => logger.warn({ err: error }, 'setMyCommands failed'));
    if (opts.mode === 'polling') {
        const hookUrl = (await bot.api.getWebhookInfo()).url ?? '';
        if (hookUrl !== '' && opts.replaceWebhook) {
            logger.warn({ webhook: redactTokens(hookUrl) }, 'a webhook was set: deleting it to poll (TELEGRAM_REPLACE_WEBHOOK=true)');
            await bot.api.deleteWebhook();
        }
        else if (hookUrl !== '') {
            logger.error({ webhook: redactTokens(hookUrl) }, 'a webhook is set for this bot, so polling receives nothing: left alone. Remove it, set TELEGRAM_MODE=webhook, or TELEGRAM_REPLACE_WEBHOOK=true to replace it; polling waits until it is gone');
        }
        bot.api.config.use(pollingGuard({ logger, conflictPauseMs: opts.conflictPauseMs }));
        // silent: fetch errors are logged by pollingGuard through pino, not as plain text on stderr.
        const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
        runner.task()?.catch((error) => opts.onFatal?.(error));
        logger.info({ bot: bot.botInfo.username, mode: 'polling' }, 'telegram started');
        return {
            async stop() {
                // Stop fetching, then let the updates already taken finish (their replies go out).
                if (runner.isRunning())
                    await runner.stop();
                await drainInFlight(bot, logger);
            },
        };
    }
    const path = new URL(opts.webhookUrl).pathname;
    const handle = webhookCallback(bot, 'http', { secretToken: opts.webhookSecret, onTimeout: 'return' });
    const server = createServer((req, res) => {
        if (req.method === 'POST' && req.url === path) {
            handle(req, res).catch((error) => {
                logger.error({ err: error }, 'webhook request failed');
                if (!res.headersSent)
                    res.writeHead(500).end();
            });
            return;
        }
        if (req.method === 'GET' && req.url === '/healthz') {
            res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
            return;
        }
        res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(opts.httpPort, resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : opts.httpPort;
    await bot.api.setWebhook(opts.webhookUrl, { secret_token: opts.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ bot: bot.botInfo.username, mode: 'webhook', port, path }, 'telegram started');
    return {
        port,
        async stop() {
            const closed = new Promise((resolve) => server.close(() => resolve()));
            await drainInFlight(bot, logger);
            await closed;
        },
    };
}
//# sourceMappingURL=run.js.map