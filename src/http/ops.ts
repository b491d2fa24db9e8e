/**
 * Operations endpoints on the bot's HTTP server, for a supervisor, a load balancer and Prometheus:
 * - `/healthz`: the process is alive (mounted by `createHttpApp`);
 * - `/readyz`: the database answers, the migrations were applied (they are, once the app started),
 *   and the outbox is not behind by more than `maxOutboxLagMs` (200 `ready`, else 503 with the
 *   reason as JSON);
 * - `/metrics`: Prometheus text format (see `src/metrics.ts`).
 *
 * @module
 */
import type { Metrics } from '../metrics.ts';
import type { HttpApp } from './server.ts';

/** What the endpoints ask of the database (implemented in `src/db/ops-repository.ts`). */
export interface OpsProbe {
  /** Resolves when the database answers a trivial query. @throws whatever the driver throws. */
  ping(): Promise<void>;
  /** Outbox messages due at `now` and not sent, and the due time (UTC) of the oldest. */
  outboxBacklog(opts: { now: Date }): Promise<{ pending: number; oldestDueAt: Date | null }>;
}

/** Default bound of `/readyz` on the outbox: the oldest due message waits at most 10 minutes. */
export const DEFAULT_MAX_OUTBOX_LAG_MS = 10 * 60_000;

/** Mounts `/readyz` and `/metrics`. */
export function mountOps(http: HttpApp, opts: { probe: OpsProbe; metrics: Metrics; now?: () => Date; maxOutboxLagMs?: number }): void {
  const now = opts.now ?? (() => new Date());
  const maxLag = opts.maxOutboxLagMs ?? DEFAULT_MAX_OUTBOX_LAG_MS;
  http.get('/readyz', async (c) => {
    try {
      await opts.probe.ping();
    } catch (error) {
      return c.json({ ready: false, reason: 'database', error: error instanceof Error ? error.message : String(error) }, 503);
    }
    const at = now();
    const { pending, oldestDueAt } = await opts.probe.outboxBacklog({ now: at });
    const lagMs = oldestDueAt ? at.getTime() - oldestDueAt.getTime() : 0;
    if (lagMs > maxLag) return c.json({ ready: false, reason: 'outbox-lag', pending, lagSeconds: Math.round(lagMs / 1000) }, 503);
    return c.json({ ready: true, pending, lagSeconds: Math.round(lagMs / 1000) });
  });
  http.get('/metrics', async (c) => c.body(await opts.metrics.registry.metrics(), 200, { 'content-type': opts.metrics.registry.contentType }));
}
