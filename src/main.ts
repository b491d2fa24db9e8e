/**
 * Composition root: config → logger → database (migrated) → plan → core → channels → background
 * work (outbox delivery, dialog expiry) → shutdown. Telegram runs when TELEGRAM_BOT_TOKEN is set,
 * Zalo when its ZALO_* settings are (both can run in one process); otherwise the console chat runs,
 * with one line saying how to connect Telegram.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createApp, type App } from './app.ts';
import { alertAdminsOfFailure, createOutboxSender, startDeliveryLoop } from './channels/delivery.ts';
import { mountTelegramWebhook, startTelegram } from './channels/telegram/run.ts';
import { createDeliveryApi, createTelegramChannel } from './channels/telegram/telegram.ts';
import { telegramFileReader } from './channels/telegram/files.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { PlanFileError } from './core/plan/load.ts';
import { PlanImportError } from './db/plan-repository.ts';
import type { HttpApp } from './http/server.ts';
import { countTelegramErrors } from './channels/telegram/metrics.ts';
import type { Metrics } from './metrics.ts';
import { startMinuteWake } from './jobs/wake.ts';
import { createLogger, type Logger } from './logger.ts';
// Loaded only where used (each costs start time and memory that a Telegram bot polling without an
// HTTP server never needs): the HTTP server and metrics (hono, prom-client), the Zalo channel, the
// console chat.

/** How often abandoned dialogs are looked for, in milliseconds. */
const DIALOG_SWEEP_MS = 60_000;
/** How long after the channels started the question classifier and criteria index are built (ms). */
const PREPARE_QUESTIONS_AFTER_MS = 2_000;

/** What the channels and the scheduler report to the metrics. */
type RunMetrics = Pick<Metrics, 'platformError' | 'jobsRun'>;

/** Without an HTTP server nobody can read `/metrics`: nothing is counted. */
const NO_METRICS: RunMetrics = { platformError: () => undefined, jobsRun: () => undefined };

/**
 * Telegram in two steps around the HTTP server: `prepare` builds the bot and (webhook mode) mounts
 * its route; `start` initialises it, polls or registers the webhook, and starts its outbox delivery.
 */
function prepareTelegram(app: App, config: Config, logger: Logger, http: HttpApp | undefined, metrics: RunMetrics) {
  const tg = config.telegram!;
  const startedAt = new Date();
  const channel = createTelegramChannel({
    core: app.core,
    translator: app.translator,
    logger,
    token: tg.token,
    apiRoot: tg.apiRoot,
    exactlyOnce: {
      inbox: app.stores.inbox,
      unitOfWork: app.stores.unitOfWork,
      outbox: app.stores.outbox,
      pace: app.stores.pace,
      // Its own Bot API client, without auto-retry: nothing in the sender sleeps on a 429 (see delivery.ts).
      deliveryApi: createDeliveryApi({ token: tg.token, apiRoot: tg.apiRoot, transformers: [countTelegramErrors(metrics)] }),
      onFailed: alertAdminsOfFailure(app.alerts, 'telegram'),
      localeOf: async (m) => (await app.services.people.localeOf({ channel: m.channel, externalId: m.userId })) ?? app.translator.defaultLocale,
    },
  });
  const { bot } = channel;
  bot.api.config.use(countTelegramErrors(metrics));
  // Plan files administrators send in chat are read through Telegram (issue 16).
  app.services.files.register('telegram', telegramFileReader(bot.api, { token: tg.token, apiRoot: tg.apiRoot }));
  if (tg.mode === 'webhook') mountTelegramWebhook(http!, { bot, channel, webhookUrl: tg.webhookUrl!, webhookSecret: tg.webhookSecret!, logger });
  return {
    /** @returns how to stop polling and the delivery loop. */
    async start(onFatal: (error: unknown) => void): Promise<() => Promise<void>> {
      // Before any update is handled: rows a dead process left SENDING (never resent; see delivery.ts).
      const sender = channel.sender!;
      await sender.recoverInterrupted();
      const running = await startTelegram({
        bot,
        channel,
        startedAt,
        translator: app.translator,
        logger,
        mode: tg.mode,
        webhookUrl: tg.webhookUrl,
        webhookSecret: tg.webhookSecret,
        replaceWebhook: tg.replaceWebhook,
        onFatal,
      });
      const delivery = startDeliveryLoop(sender, { logger });
      return async () => {
        await running.stop();
        await delivery.stop();
      };
    },
  };
}

/** Zalo: mounts its webhook route on `http` and starts its outbox delivery. */
async function startZaloChannel(app: App, config: Config, logger: Logger, http: HttpApp): Promise<() => Promise<void>> {
  const [{ zaloFileReader }, { alertAdminsLostGrant, startZalo }] = await Promise.all([import('./channels/zalo/files.ts'), import('./channels/zalo/run.ts')]);
  // Plan files administrators send in chat are downloaded from the URL Zalo gives (issue 16).
  app.services.files.register('zalo', zaloFileReader);
  const zalo = await startZalo({
    core: app.core,
    translator: app.translator,
    people: app.services.people,
    outbox: app.stores.outbox,
    inbox: app.stores.inbox,
    unitOfWork: app.stores.unitOfWork,
    tokens: app.stores.zaloTokens,
    pace: app.stores.pace,
    logger,
    settings: config.zalo!,
    http,
    // A lost grant needs a human: administrators hear of it on Telegram (and in the log).
    onLostGrant: async (error) => {
      await alertAdminsLostGrant({ alerts: app.alerts, logger, error });
    },
    onDeliveryFailed: alertAdminsOfFailure(app.alerts, 'zalo'),
  });
  return () => zalo.stop();
}

/**
 * The HTTP app with `/healthz`, `/readyz` and `/metrics`, the metrics it serves, `app.core` counted
 * in them, and how to listen. Its modules (hono, prom-client) are loaded only when a server runs.
 */
async function prepareHttp(app: App, logger: Logger) {
  const [server, { mountOps }, { createMetrics, instrumentCore }] = await Promise.all([
    import('./http/server.ts'),
    import('./http/ops.ts'),
    import('./metrics.ts'),
  ]);
  const http = server.createHttpApp({ logger });
  const metrics = createMetrics({ probe: app.stores.ops });
  mountOps(http, { probe: app.stores.ops, metrics });
  return {
    http,
    metrics,
    core: instrumentCore(app.core, metrics),
    listen: (port: number) => server.startHttpServer({ app: http, port, logger }),
  };
}

/**
 * Runs the configured channels (Telegram, Zalo or both) and the background work until a signal
 * (exit code 0) or a channel failing for good (1). One HTTP server on `HTTP_PORT` serves the
 * webhooks and `/healthz` when a webhook is needed (Telegram in webhook mode, or Zalo).
 */
async function runChannels(app: App, config: Config, logger: Logger): Promise<number> {
  /** Run in order at the end: the HTTP server first (nothing new comes in), then the channels. */
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops) await stop().catch((error: unknown) => logger.warn({ err: error }, 'stopping a channel failed'));
  };
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const onFatal = (error: unknown) => {
    logger.fatal({ err: error }, 'telegram stopped: check the token, and that no other instance polls with it');
    finish(1);
  };
  // Polling needs no server; HTTP_PORT set explicitly asks for one anyway (/healthz, /readyz, /metrics).
  const served = config.telegram?.mode === 'webhook' || config.zalo || config.httpPortSet ? await prepareHttp(app, logger) : undefined;
  if (served) app = { ...app, core: served.core };
  const metrics = served?.metrics ?? NO_METRICS;
  const telegram = config.telegram ? prepareTelegram(app, config, logger, served?.http, metrics) : undefined;
  if (config.zalo) stops.push(await startZaloChannel(app, config, logger, served!.http));
  if (served) {
    try {
      const server = await served.listen(config.httpPort);
      stops.unshift(() => server.close());
    } catch (error) {
      logger.fatal({ err: error, port: config.httpPort }, 'the HTTP server could not start: is HTTP_PORT free?');
      await stopAll();
      return 1;
    }
  }
  try {
    if (telegram) stops.push(await telegram.start(onFatal));
  } catch (error) {
    logger.fatal({ err: error }, 'telegram could not start: check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT');
    await stopAll();
    return 1;
  }
  const sweep = setInterval(() => {
    app.expireDialogs().catch((error: unknown) => logger.error({ err: error }, 'dialog sweep failed'));
    // A plan applied in chat on another instance (issue 16) reaches this one within a minute.
    app.syncActivePlan().catch((error: unknown) => logger.error({ err: error }, 'plan sync failed'));
  }, DIALOG_SWEEP_MS);
  // A minute timer only wakes the dispatcher; the database decides what is due (see src/jobs/scheduler.ts).
  await app.scheduler.catchUp().then(
    (runs) => metrics.jobsRun(runs),
    (error: unknown) => logger.error({ err: error }, 'catch-up failed'),
  );
  const wake = startMinuteWake(() => app.scheduler.tick().then((runs) => metrics.jobsRun(runs)), {
    onError: (error: unknown) => logger.error({ err: error }, 'scheduler tick failed'),
  });
  // What the first question would build, built once the start's own work is done (not in its way).
  const prepare = setTimeout(() => {
    try {
      app.prepareQuestions();
    } catch (error) {
      // Only early work: the first question builds them again (and reports what fails there).
      logger.warn({ err: error }, 'preparing the question classifier failed');
    }
  }, PREPARE_QUESTIONS_AFTER_MS);
  prepare.unref();
  process.once('SIGINT', () => finish(0));
  process.once('SIGTERM', () => finish(0));
  const code = await finished;
  logger.info('stopping');
  wake.stop();
  clearTimeout(prepare);
  clearInterval(sweep);
  await stopAll();
  return code;
}

async function main(): Promise<number> {
  // A .env file in the working directory fills in variables not already set (see .env.example).
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // The console chat owns the terminal: keep routine logs out of the way unless asked for.
  const logger = createLogger({ level: config.logLevel ?? (config.telegram || config.zalo ? 'info' : 'warn') });
  let app: App;
  try {
    app = await createApp({ config, logger });
  } catch (error) {
    if (error instanceof PlanFileError || error instanceof PlanImportError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    logger.fatal({ err: error }, 'start failed');
    return 1;
  }

  try {
    if (config.telegram || config.zalo) return await runChannels(app, config, logger);
    const user = config.consoleUser ?? safeUserName();
    await app.expireDialogs();
    await app.scheduler.catchUp();
    let sender: ReturnType<typeof createOutboxSender> | undefined;
    const { consoleFileReader, runConsole } = await import('./channels/console/console.ts');
    app.services.files.register('console', consoleFileReader);
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
        sender ??= createOutboxSender({
          store: app.stores.outbox,
          channel: 'console',
          chatId: user,
          logger,
          perChatMs: 0,
          send: (_chat, reply, locale) => send(reply, locale),
        });
        return sender.deliverDue();
      },
    });
    return 0;
  } finally {
    await app.close();
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'console';
  } catch {
    return 'console';
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
