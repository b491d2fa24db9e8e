/**
 * Composition root: config → logger → database (migrated) → plan → core → channels → background
 * work (outbox delivery, dialog expiry) → shutdown. Telegram runs when TELEGRAM_BOT_TOKEN is set,
 * Zalo when its ZALO_* settings are (both can run in one process); otherwise the console chat runs,
 * with one line saying how to connect Telegram.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createApp } from "./app.js";
import { runConsole } from "./channels/console/console.js";
import cron from 'node-cron';
import { createOutboxSender, startDeliveryLoop } from "./channels/delivery.js";
import { startTelegram } from "./channels/telegram/run.js";
import { createTelegramBot, telegramSender } from "./channels/telegram/telegram.js";
import { alertAdminsLostGrant, startZalo } from "./channels/zalo/run.js";
import { ConfigError, loadConfig } from "./config.js";
import { PlanFileError } from "./core/plan/load.js";
import { PlanImportError } from "./db/plan-repository.js";
import { createLogger } from "./logger.js";
/** How often abandoned dialogs are looked for, in milliseconds. */
const DIALOG_SWEEP_MS = 60_000;
/** Starts Telegram and its outbox delivery; returns how to stop both. */
async function startTelegramChannel(app, config, logger, onFatal) {
    const tg = config.telegram;
    const bot = createTelegramBot({ core: app.core, translator: app.translator, logger, token: tg.token, apiRoot: tg.apiRoot });
    const running = await startTelegram({
        bot,
        translator: app.translator,
        logger,
        mode: tg.mode,
        webhookUrl: tg.webhookUrl,
        webhookSecret: tg.webhookSecret,
        replaceWebhook: tg.replaceWebhook,
        httpPort: config.httpPort,
        onFatal,
    });
    const sender = createOutboxSender({ store: app.stores.outbox, channel: 'telegram', send: telegramSender(bot.api, app.translator), logger });
    await sender.recoverInterrupted();
    const delivery = startDeliveryLoop(sender, { logger });
    return async () => {
        await running.stop();
        await delivery.stop();
    };
}
/**
 * Runs the configured channels (Telegram, Zalo or both) and the background work until a signal
 * (exit code 0) or a channel failing for good (1).
 */
async function runChannels(app, config, logger) {
    const stops = [];
    let finish = () => undefined;
    const finished = new Promise((resolve) => (finish = resolve));
    const onFatal = (error) => {
        logger.fatal({ err: error }, 'telegram stopped: check the token, and that no other instance polls with it');
        finish(1);
    };
    try {
        if (config.telegram)
            stops.push(await startTelegramChannel(app, config, logger, onFatal));
    }
    catch (error) {
        logger.fatal({ err: error }, 'telegram could not start: check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT');
        return 1;
    }
    if (config.zalo) {
        const zalo = await startZalo({
            core: app.core,
            translator: app.translator,
            people: app.services.people,
            outbox: app.stores.outbox,
            events: app.stores.inboundEvents,
            tokens: app.stores.zaloTokens,
            logger,
            settings: config.zalo,
            // A lost grant needs a human: administrators hear of it on Telegram (and in the log).
            onLostGrant: async (error) => {
                await alertAdminsLostGrant({ alerts: app.alerts, logger, error });
            },
        });
        stops.push(() => zalo.stop());
    }
    const sweep = setInterval(() => {
        app.expireDialogs().catch((error) => logger.error({ err: error }, 'dialog sweep failed'));
    }, DIALOG_SWEEP_MS);
    // node-cron only wakes the dispatcher; the database decides what is due (see src/jobs/scheduler.ts).
    await app.scheduler.catchUp().catch((error) => logger.error({ err: error }, 'catch-up failed'));
    const wake = cron.schedule('* * * * *', () => {
        app.scheduler.tick().catch((error) => logger.error({ err: error }, 'scheduler tick failed'));
    });
    process.once('SIGINT', () => finish(0));
    process.once('SIGTERM', () => finish(0));
    const code = await finished;
    logger.info('stopping');
    await wake.stop();
    clearInterval(sweep);
    for (const stop of stops)
        await stop().catch((error) => logger.warn({ err: error }, 'stopping a channel failed'));
    return code;
}
async function main() {
    // A .env file in the working directory fills in variables not already set (see .env.example).
    if (existsSync('.env'))
        process.loadEnvFile('.env');
    let config;
    try {
        config = loadConfig();
    }
    catch (error) {
        if (error instanceof ConfigError) {
            process.stderr.write(`${error.message}\n`);
            return 2;
        }
        throw error;
    }
    // The console chat owns the terminal: keep routine logs out of the way unless asked for.
    const logger = createLogger({ level: config.logLevel ?? (config.telegram || config.zalo ? 'info' : 'warn') });
    let app;
    try {
        app = await createApp({ config, logger });
    }
    catch (error) {
        if (error instanceof PlanFileError || error instanceof PlanImportError) {
            process.stderr.write(`${error.message}\n`);
            return 2;
        }
        logger.fatal({ err: error }, 'start failed');
        return 1;
    }
    try {
        if (config.telegram || config.zalo)
            return await runChannels(app, config, logger);
        const user = config.consoleUser ?? safeUserName();
        await app.expireDialogs();
        await app.scheduler.catchUp();
        let sender;
        await runConsole({
            core: app.core,
            translator: app.translator,
            logger,
            input: process.stdin,
            output: process.stdout,
            notices: process.stderr,
            user,
            interactive: Boolean(process.stdin.isTTY),
            telegramHint: true,
            // The notices before the first message speak the language this person chose last time.
            locale: (await app.services.people.ensure({ channel: 'console', externalId: user, displayName: user })).locale ?? config.defaultLocale,
            adminCode: await app.bootstrapAdminCode(),
            deliverNotices: (send) => {
                sender ??= createOutboxSender({ store: app.stores.outbox, channel: 'console', chatId: user, logger, perChatMs: 0, send: (_chat, reply, locale) => send(reply, locale) });
                return sender.deliverDue();
            },
        });
        return 0;
    }
    finally {
        await app.close();
    }
}
function safeUserName() {
    try {
        return userInfo().username || 'console';
    }
    catch {
        return 'console';
    }
}
main().then((code) => process.exit(code), (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
//# sourceMappingURL=main.js.map