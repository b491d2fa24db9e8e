/**
 * The bot's one HTTP server: Telegram's webhook, Zalo's webhook and `/healthz` on one port
 * (`HTTP_PORT`), with one body-size limit and one error boundary.
 *
 * Built on Hono with `@hono/node-server` (what the grammY bot template uses; grammY ships
 * `webhookCallback(bot, 'hono')`): small, typed, maintained, and it reads bodies, limits them and
 * routes for us instead of two hand-made `node:http` servers.
 *
 * Adding a route is one line on the app before the server starts listening (routes cannot be added
 * once requests are being matched):
 * ```ts
 * http.get('/readyz', (c) => c.text('ok'));
 * ```
 * Two phases, so Telegram is only told the webhook URL once something listens there:
 * 1. {@link createHttpApp}, and each channel mounts its routes (`mountTelegramWebhook`, `startZalo`);
 * 2. {@link startHttpServer}.
 *
 * @module
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../logger.ts';

/** Default largest request body, bytes (a Telegram update with a long message is a few KB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The bot's HTTP application: mount routes on it with `.get/.post(path, handler)`. */
export type HttpApp = Hono;

/**
 * Creates the application with `/healthz` (200 `ok`), a body limit on every request (413 beyond,
 * nothing read further) and the error boundary (a handler that throws is logged with the method and
 * path, and answered 500 with no details).
 */
export function createHttpApp(opts: { logger: Logger; maxBodyBytes?: number }): HttpApp {
  const log = opts.logger.child({ component: 'http' });
  const app = new Hono();
  app.use(
    '*',
    bodyLimit({ maxSize: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, onError: (c) => c.text('request body too large', 413, { connection: 'close' }) }),
  );
  app.get('/healthz', (c) => c.text('ok'));
  app.onError((error, c) => {
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'http request failed');
    return c.text('internal error', 500);
  });
  return app;
}

export interface RunningHttpServer {
  /** The port listened on (the one asked for, or the free one picked for 0). */
  port: number;
  /** Stops accepting connections and resolves when the open ones are done. */
  close(): Promise<void>;
}

/**
 * Listens on `port` (0 picks a free one) on every interface.
 * @throws Error (EADDRINUSE, EACCES) when the port cannot be listened on.
 */
export async function startHttpServer(opts: { app: HttpApp; port: number; logger: Logger }): Promise<RunningHttpServer> {
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: opts.app.fetch, port: opts.port }, () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  opts.logger.info({ port }, 'http server listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive connections would hold close() open until they time out.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
