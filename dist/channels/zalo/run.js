/**
 * Starting the Zalo channel: the token store seeded once from `ZALO_REFRESH_TOKEN`, the client, the
 * webhook on its own HTTP server (`ZALO_WEBHOOK_PORT`, default `HTTP_PORT`; `GET /healthz` too) and
 * the outbox's delivery loop for channel `zalo`.
 *
 * Its own server rather than a path on Telegram's: Telegram's webhook server belongs to grammY's
 * `webhookCallback` in `../telegram/run.ts`; two small servers keep the channels independent (one can
 * be restarted or moved behind another proxy rule without touching the other). When Telegram also
 * runs in webhook mode, the two ports must differ (checked by the configuration); a reverse proxy
 * maps the public https paths to them.
 */
import { createServer } from 'node:http';
import { msg } from "../../core/channel.js";
import { createOutboxSender, startDeliveryLoop } from "../delivery.js";
import { createZaloClient } from "./client.js";
import { createZaloWebhook } from "./webhook.js";
import { createChoiceMemory, createZaloConversation, zaloLastSeen, zaloSender } from "./zalo.js";
/**
 * A token refresh failed with a lost grant (the refresh token was used, rotated away or expired):
 * only an OA administrator re-authorizing the app can recover. Logged as an error, and an alert is
 * queued to every administrator through Telegram (not through Zalo, which is what broke), at most
 * once a day per administrator (key `zalo:grant-lost:<UTC day>`).
 * @returns how many notices were queued.
 */
export async function alertAdminsLostGrant(opts) {
    const { error } = opts;
    const now = opts.now ?? new Date();
    opts.logger.error({ channel: 'zalo', code: error.code }, 'Zalo grant lost: an OA administrator must authorize the app again (see README, "Connect a Zalo OA"); Zalo messages are not sent meanwhile');
    const reply = { lines: [msg('zalo-grant-lost', { code: error.code })] };
    const { admins, queued } = await opts.alerts.alert({ key: `zalo:grant-lost:${now.toISOString().slice(0, 10)}`, reply, channel: 'telegram' });
    if (admins === 0)
        opts.logger.error({ channel: 'zalo' }, 'no administrator to alert about the lost Zalo grant');
    return queued;
}
/**
 * Starts the Zalo channel.
 * @throws Error when the token store is empty and no `ZALO_REFRESH_TOKEN` was given, or the port is taken.
 */
export async function startZalo(opts) {
    const { settings, logger, tokens } = opts;
    const clock = opts.now ?? (() => new Date());
    const log = logger.child({ channel: 'zalo' });
    const seeded = Boolean(settings.refreshToken && (await tokens.seed({ oaId: settings.oaId, refreshToken: settings.refreshToken })));
    if (seeded) {
        log.info('Zalo token store seeded from ZALO_REFRESH_TOKEN; the database holds the tokens from now on (remove the variable)');
    }
    else if (!(await tokens.get(settings.oaId))) {
        throw new Error('Zalo: no tokens stored for this OA yet. Set ZALO_REFRESH_TOKEN (from the OA authorization or the API Explorer) for the first start.');
    }
    else if (settings.refreshToken) {
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
        await client.refreshNow().catch((error) => log.error({ err: error }, 'the seeded Zalo refresh token does not work: authorize the app again'));
    const choices = createChoiceMemory();
    const webhook = createZaloWebhook({
        appId: settings.appId,
        oaSecretKey: settings.oaSecretKey,
        oaId: settings.oaId,
        events: opts.events,
        logger,
        maxAgeMs: settings.webhookMaxAgeMs,
        now: clock,
        onEvent: createZaloConversation({
            core: opts.core,
            translator: opts.translator,
            client,
            logger,
            choices,
            onUnfollow: (userId) => opts.people.markUnreachable({ channel: 'zalo', externalId: userId }, clock()),
        }),
    });
    const path = settings.webhookPath;
    const server = createServer((req, res) => {
        const url = (req.url ?? '').split('?')[0];
        if (req.method === 'POST' && url === path)
            return webhook.handle(req, res);
        if (req.method === 'GET' && url === '/healthz') {
            res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
            return;
        }
        res.writeHead(url === path ? 405 : 404).end();
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.webhookPort, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.webhookPort;
    const sender = createOutboxSender({
        store: opts.outbox,
        channel: 'zalo',
        logger,
        now: clock,
        send: zaloSender(client, opts.translator, { lastSeen: zaloLastSeen(opts.people), now: clock, choices }),
    });
    await sender.recoverInterrupted();
    const delivery = startDeliveryLoop(sender, { logger, now: clock, ...(opts.idleMs !== undefined ? { idleMs: opts.idleMs } : {}) });
    log.info({ port, path }, 'zalo started');
    return {
        port,
        client,
        webhook,
        async stop() {
            await new Promise((resolve) => server.close(() => resolve()));
            await webhook.idle();
            await delivery.stop();
        },
    };
}
//# sourceMappingURL=run.js.map