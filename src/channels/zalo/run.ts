/**
 * Starting the Zalo channel: the token store seeded once from `ZALO_REFRESH_TOKEN`, the client, the
 * webhook route (`ZALO_WEBHOOK_PATH`) on the bot's one HTTP server (src/http/server.ts, `HTTP_PORT`,
 * shared with Telegram's webhook and `/healthz`) and the outbox's delivery loop for channel `zalo`.
 */
import type { AdminAlerts } from '../../core/alerts.ts';
import { msg, type BotCore, type Reply } from '../../core/channel.ts';
import type { Translator } from '../../core/i18n.ts';
import type { Inbox } from '../../core/inbox.ts';
import type { UnitOfWork } from '../../core/unit-of-work.ts';
import type { SendPace } from '../../core/pace.ts';
import type { OutboxStore } from '../../core/outbox.ts';
import type { PeopleRepository } from '../../core/people.ts';
import type { Config } from '../../config.ts';
import type { ZaloTokenStore } from '../../db/zalo-token-store.ts';
import type { HttpApp } from '../../http/server.ts';
import type { Logger } from '../../logger.ts';
import { createOutboxSender, startDeliveryLoop, type SenderOptions } from '../delivery.ts';
import { createInboundHandling } from '../inbound.ts';
import { createZaloClient, type ZaloApiError, type ZaloClient } from './client.ts';
import { createZaloWebhook, mountZaloWebhook, type ZaloWebhook } from './webhook.ts';
import { createChoiceMemory, createZaloConversation, sendZaloOutcome, zaloLastSeen, zaloSender } from './zalo.ts';

/** The Zalo settings of the configuration (see `Config.zalo` in src/config.ts). */
export type ZaloSettings = NonNullable<Config['zalo']>;

export interface ZaloRunOptions {
  core: BotCore;
  translator: Translator;
  /** Last interaction (the 7-day window) and unfollows. */
  people: PeopleRepository;
  /** The outbox rows the `zalo` sender delivers. */
  outbox: OutboxStore;
  /** The persisted inbox: each event recorded before the webhook answers. */
  inbox: Inbox;
  /** One transaction per event: its state change and its replies commit together. */
  unitOfWork: UnitOfWork;
  /** The send pace shared with other instances (see `createOutboxSender`); default: this process only. */
  pace?: SendPace;
  /** The OA's tokens (seeded once from `ZALO_REFRESH_TOKEN`, then rotated in the database). */
  tokens: ZaloTokenStore;
  logger: Logger;
  settings: ZaloSettings;
  /** The bot's HTTP app: the webhook route is mounted on it (before it listens). */
  http: HttpApp;
  /** Called when a token refresh fails because the grant is lost (alert administrators). */
  onLostGrant?: (error: ZaloApiError) => Promise<void>;
  /** Told of each outbox row Zalo refused for good (FAILED), e.g. `alertAdminsOfFailure` (delivery.ts). */
  onDeliveryFailed?: SenderOptions['onFailed'];
  now?: () => Date;
  /** Outbox passes every this many ms when idle (default 1000). */
  idleMs?: number;
}

export interface RunningZalo {
  client: ZaloClient;
  webhook: ZaloWebhook;
  stop(): Promise<void>;
}

/**
 * A token refresh failed with a lost grant (the refresh token was used, rotated away or expired):
 * only an OA administrator re-authorizing the app can recover. Logged as an error, and an alert is
 * queued to every administrator through Telegram (not through Zalo, which is what broke), at most
 * once a day per administrator (key `zalo:grant-lost:<UTC day>`).
 * @returns how many notices were queued.
 */
export async function alertAdminsLostGrant(opts: { alerts: AdminAlerts; logger: Logger; error: ZaloApiError; now?: Date }): Promise<number> {
  const { error } = opts;
  const now = opts.now ?? new Date();
  opts.logger.error(
    { channel: 'zalo', code: error.code },
    'Zalo grant lost: an OA administrator must authorize the app again (see README, "Connect a Zalo OA"); Zalo messages are not sent meanwhile',
  );
  const reply: Reply = { lines: [msg('zalo-grant-lost', { code: error.code })] };
  const { admins, queued } = await opts.alerts.alert({ key: `zalo:grant-lost:${now.toISOString().slice(0, 10)}`, reply, channel: 'telegram' });
  if (admins === 0) opts.logger.error({ channel: 'zalo' }, 'no administrator to alert about the lost Zalo grant');
  return queued;
}

/**
 * Starts the Zalo channel.
 * @throws Error when the token store is empty and no `ZALO_REFRESH_TOKEN` was given.
 */
export async function startZalo(opts: ZaloRunOptions): Promise<RunningZalo> {
  const { settings, logger, tokens } = opts;
  const clock = opts.now ?? (() => new Date());
  const log = logger.child({ channel: 'zalo' });
  const seeded = Boolean(settings.refreshToken && (await tokens.seed({ oaId: settings.oaId, refreshToken: settings.refreshToken! })));
  if (seeded) {
    log.info('Zalo token store seeded from ZALO_REFRESH_TOKEN; the database holds the tokens from now on (remove the variable)');
  } else if (!(await tokens.get(settings.oaId))) {
    throw new Error('Zalo: no tokens stored for this OA yet. Set ZALO_REFRESH_TOKEN (from the OA authorization or the API Explorer) for the first start.');
  } else if (settings.refreshToken) {
    log.info('ZALO_REFRESH_TOKEN ignored: the database already holds the tokens (it rotates them)');
  }
  const client = createZaloClient({
    apiBase: settings.oaApiBase,
    oauthBase: settings.oauthBase,
    appId: settings.appId,
    appSecret: settings.appSecret,
    oaId: settings.oaId,
    tokens,
    logger,
    now: clock,
    ...(opts.onLostGrant ? { onLostGrant: opts.onLostGrant } : {}),
  });
  // One refresh right after seeding shows a dead refresh token now, not 25 hours later (zalo.md §3).
  if (seeded)
    await client.refreshNow().catch((error: unknown) => log.error({ err: error }, 'the seeded Zalo refresh token does not work: authorize the app again'));
  const startedAt = clock();
  const choices = createChoiceMemory();
  const sender = createOutboxSender({
    store: opts.outbox,
    channel: 'zalo',
    logger,
    now: clock,
    send: zaloSender(client, opts.translator, { lastSeen: zaloLastSeen(opts.people), now: clock, choices }),
    ...(opts.pace ? { pace: opts.pace } : {}),
    ...(opts.onDeliveryFailed ? { onFailed: opts.onDeliveryFailed } : {}),
  });
  // Before any event is handled: rows a dead process left SENDING (never resent; see delivery.ts).
  await sender.recoverInterrupted();
  const handling = createInboundHandling({
    channel: 'zalo',
    core: opts.core,
    inbox: opts.inbox,
    unitOfWork: opts.unitOfWork,
    outbox: opts.outbox,
    deliver: (rows) => sender.deliverRows(rows),
    sendNow: (userId, outcome) => sendZaloOutcome(client, opts.translator, userId, outcome),
    localeOf: async (m) => (await opts.people.localeOf({ channel: 'zalo', externalId: m.userId })) ?? opts.translator.defaultLocale,
    defaultLocale: opts.translator.defaultLocale,
    logger,
    now: clock,
  });
  const webhook = createZaloWebhook({
    appId: settings.appId,
    oaSecretKey: settings.oaSecretKey,
    oaId: settings.oaId,
    inbox: opts.inbox,
    logger,
    maxAgeMs: settings.webhookMaxAgeMs,
    now: clock,
    onEvent: createZaloConversation({
      handling,
      translator: opts.translator,
      logger,
      choices,
      onUnfollow: (entry, userId) =>
        opts.unitOfWork(async () => {
          if (await opts.inbox.complete(entry.id, clock())) await opts.people.markUnreachable({ channel: 'zalo', externalId: userId }, clock());
        }),
    }),
  });

  const path = settings.webhookPath;
  mountZaloWebhook(opts.http, path, webhook);
  // What an earlier run recorded and did not finish (killed between the 200 and the commit).
  await webhook.replay(startedAt);
  const delivery = startDeliveryLoop(sender, { logger, now: clock, ...(opts.idleMs !== undefined ? { idleMs: opts.idleMs } : {}) });
  log.info({ path }, 'zalo started');

  return {
    client,
    webhook,
    async stop() {
      // The HTTP server (closed first by its owner) accepts no more events; the accepted ones finish.
      await webhook.idle();
      await delivery.stop();
    },
  };
}
