/**
 * The bot's Prometheus metrics (prom-client), served at `/metrics` on the bot's HTTP server.
 *
 * | metric | type | labels | what |
 * |---|---|---|---|
 * | `thidua_updates_total` | counter | channel | inbound messages and taps handled by core |
 * | `thidua_update_seconds` | histogram | channel | time core took to handle one (s) |
 * | `thidua_platform_errors_total` | counter | channel, code | API answers 429 (flood), 403 (blocked), 5xx |
 * | `thidua_jobs_total` | counter | job, state | scheduled runs this process did (DONE / FAILED) |
 * | `thidua_outbox_pending` | gauge | — | outbox messages due and not sent |
 * | `thidua_outbox_oldest_pending_seconds` | gauge | — | how long the oldest due message has waited (s) |
 * | `process_*`, `nodejs_*` | — | — | prom-client's default process metrics |
 *
 * Each call of {@link createMetrics} has its own registry (tests run several bots in one process).
 *
 * @module
 */
import client from 'prom-client';
import type { BotCore } from './core/channel.ts';
import type { OpsProbe } from './http/ops.ts';

export interface Metrics {
  registry: client.Registry;
  /** Counts an API answer that is a 429, a 403 or a 5xx (other codes are not counted). */
  platformError(channel: string, code: number): void;
  /** Counts the runs a scheduler pass returned. */
  jobsRun(runs: readonly { job: string; state: string }[]): void;
}

/**
 * Creates the registry and its metrics. `probe` feeds the outbox gauges when `/metrics` is read (one
 * count and one lookup on the outbox index; nothing runs between scrapes).
 */
export function createMetrics(opts: { probe: OpsProbe; now?: () => Date }): Metrics & {
  updates: client.Counter<'channel'>;
  updateSeconds: client.Histogram<'channel'>;
} {
  const registry = new client.Registry();
  const now = opts.now ?? (() => new Date());
  client.collectDefaultMetrics({ register: registry });
  const updates = new client.Counter({
    name: 'thidua_updates_total',
    help: 'Inbound messages and taps handled',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const updateSeconds = new client.Histogram({
    name: 'thidua_update_seconds',
    help: 'Time core took to handle one inbound message or tap, seconds',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const platformErrors = new client.Counter({
    name: 'thidua_platform_errors_total',
    help: 'Platform API answers 429, 403 and 5xx',
    labelNames: ['channel', 'code'] as const,
    registers: [registry],
  });
  const jobs = new client.Counter({
    name: 'thidua_jobs_total',
    help: 'Scheduled runs done by this process',
    labelNames: ['job', 'state'] as const,
    registers: [registry],
  });
  let backlog: Promise<{ pending: number; oldestDueAt: Date | null }> | undefined;
  // Both gauges read one backlog query per scrape.
  const readBacklog = () => (backlog ??= opts.probe.outboxBacklog({ now: now() }).finally(() => setImmediate(() => (backlog = undefined))));
  new client.Gauge({
    name: 'thidua_outbox_pending',
    help: 'Outbox messages due and not sent',
    registers: [registry],
    async collect() {
      this.set((await readBacklog()).pending);
    },
  });
  new client.Gauge({
    name: 'thidua_outbox_oldest_pending_seconds',
    help: 'Age of the oldest due outbox message, seconds (0 when none)',
    registers: [registry],
    async collect() {
      const { oldestDueAt } = await readBacklog();
      this.set(oldestDueAt ? Math.max(0, (now().getTime() - oldestDueAt.getTime()) / 1000) : 0);
    },
  });
  return {
    registry,
    updates,
    updateSeconds,
    platformError(channel, code) {
      if (code === 429 || code === 403 || code >= 500) platformErrors.inc({ channel, code: String(code) });
    },
    jobsRun(runs) {
      for (const run of runs) jobs.inc({ job: run.job, state: run.state });
    },
  };
}

/** `core` that counts and times every message it handles (failures too). */
export function instrumentCore(core: BotCore, metrics: ReturnType<typeof createMetrics>): BotCore {
  return {
    async handle(message) {
      const end = metrics.updateSeconds.startTimer({ channel: message.channel });
      try {
        return await core.handle(message);
      } finally {
        end();
        metrics.updates.inc({ channel: message.channel });
      }
    },
  };
}
