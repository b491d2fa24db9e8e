/**
 * `/readyz` and `/metrics` on the bot's HTTP server, asked through Hono's in-process `request` (no
 * socket): readiness follows the database and the outbox backlog; metrics count what the bot did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countTelegramErrors } from '../../src/channels/telegram/metrics.ts';
import { mountOps } from '../../src/http/ops.ts';
import { createHttpApp } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';
import { createMetrics, instrumentCore } from '../../src/metrics.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function setup() {
  const t = await createTestApp();
  open.push(t);
  const http = createHttpApp({ logger: createLogger({ level: 'silent' }) });
  const metrics = createMetrics({ probe: t.app.stores.ops, now: () => t.now() });
  mountOps(http, { probe: t.app.stores.ops, metrics, now: () => t.now(), maxOutboxLagMs: 10 * 60_000 });
  return { t, http, metrics };
}

describe('/readyz', () => {
  it('is ready with an empty outbox, and not ready once a due message waits longer than the bound', async () => {
    const { t, http } = await setup();
    const ready = await http.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, pending: 0 });

    const person = await t.personId('42');
    await t.prisma.outboxMessage.create({
      data: {
        key: 'k1',
        personId: person,
        channel: 'telegram',
        chatId: '42',
        locale: 'vi',
        payload: '{"lines":[]}',
        nextAttemptAt: new Date(t.now().getTime() - 11 * 60_000),
      },
    });
    const behind = await http.request('/readyz');
    expect(behind.status).toBe(503);
    expect(await behind.json()).toMatchObject({ ready: false, reason: 'outbox-lag', pending: 1, lagSeconds: 660 });
  });

  it('is not ready when the database does not answer', async () => {
    const { t, http } = await setup();
    await t.close();
    open.splice(open.indexOf(t), 1);
    const response = await http.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, reason: 'database' });
  });
});

describe('/metrics', () => {
  it('counts handled updates, platform refusals, job runs and the outbox backlog in Prometheus text', async () => {
    const { t, http, metrics } = await setup();
    const core = instrumentCore(t.app.core, metrics);
    await core.handle({ channel: 'telegram', userId: '7', chatId: '7', chatType: 'private', text: '/start' });
    await core.handle({ channel: 'zalo', userId: '8', chatId: '8', chatType: 'private', text: '/start' });
    // A 429 and a 403 from the Bot API, seen through the transformer; a 400 is not an operations matter.
    const count = countTelegramErrors(metrics);
    for (const code of [429, 403, 400]) {
      await count(async () => ({ ok: false, error_code: code, description: 'x' }) as never, 'sendMessage', { chat_id: 1, text: 'x' } as never);
    }
    metrics.jobsRun([{ job: 'digest', state: 'DONE' }]);
    const person = await t.personId('42');
    await t.prisma.outboxMessage.create({
      data: {
        key: 'k2',
        personId: person,
        channel: 'telegram',
        chatId: '42',
        locale: 'vi',
        payload: '{"lines":[]}',
        nextAttemptAt: new Date(t.now().getTime() - 90_000),
      },
    });

    const response = await http.request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toContain('thidua_updates_total{channel="telegram"} 1');
    expect(text).toContain('thidua_updates_total{channel="zalo"} 1');
    expect(text).toMatch(/thidua_update_seconds_count\{channel="telegram"\} 1/);
    expect(text).toContain('thidua_platform_errors_total{channel="telegram",code="429"} 1');
    expect(text).toContain('thidua_platform_errors_total{channel="telegram",code="403"} 1');
    expect(text).not.toContain('code="400"');
    expect(text).toContain('thidua_jobs_total{job="digest",state="DONE"} 1');
    expect(text).toContain('thidua_outbox_pending 1');
    expect(text).toContain('thidua_outbox_oldest_pending_seconds 90');
  });
});
