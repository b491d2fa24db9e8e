/**
 * The shared send pace: two instances (two clients on one database) reserving at the same moment
 * never put two sends of the bot closer than the overall gap, nor two sends to one chat closer than
 * the per-chat gap. On SQLite always; on PostgreSQL in the PostgreSQL pass (see `postgresTestsSkipped`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TELEGRAM_PACE } from '../../src/core/pace.ts';
import { createDatabase, type Database } from '../../src/db/client.ts';
import { applyMigrations, migrationPaths } from '../../src/db/migrate.ts';
import { createScratchDatabase } from '../../src/db/postgres-admin.ts';
import { createSendPace } from '../../src/db/send-pace.ts';
import { PROJECT_ROOT } from '../../src/app.ts';
import { createTempDatabase } from '../helpers/temp-db.ts';
import { postgresTestsSkipped } from '../helpers/test-engine.ts';

const unavailable = await postgresTestsSkipped();
if (unavailable) console.warn(`PostgreSQL send-pace test (tests/db/send-pace.test.ts) skipped: ${unavailable}`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Two "instances" on one database (two clients on PostgreSQL). */
async function twoInstances(engine: 'sqlite' | 'postgresql'): Promise<[Database, Database]> {
  let url: string;
  if (engine === 'sqlite') {
    const temp = await createTempDatabase({ engine: 'sqlite' });
    cleanups.push(() => temp.close());
    url = temp.databaseUrl;
  } else {
    const scratch = await createScratchDatabase('thidua_test_pace');
    cleanups.push(() => scratch.drop());
    await applyMigrations({ databaseUrl: scratch.url, ...migrationPaths(scratch.url, PROJECT_ROOT) });
    url = scratch.url;
  }
  const a = await createDatabase({ databaseUrl: url });
  cleanups.push(() => a.close());
  // Two SQLite clients in ONE process would wait on each other's file lock on the one event loop;
  // several instances are what PostgreSQL is for. On SQLite the two "instances" share a client.
  if (engine === 'sqlite') return [a, a];
  const b = await createDatabase({ databaseUrl: url });
  cleanups.push(() => b.close());
  return [a, b];
}

async function checkPace(engine: 'sqlite' | 'postgresql') {
  const [a, b] = await twoInstances(engine);
  const paces = [a, b].map((db) => createSendPace({ prisma: db.prisma, engine: db.engine, limits: { telegram: TELEGRAM_PACE } }));
  const now = new Date('2026-12-07T01:00:00.000Z'); // every reservation is made "at the same moment"
  const chats = Array.from({ length: 10 }, (_, i) => String(1000 + i));
  const reservations = await Promise.all(
    Array.from({ length: 60 }, (_, i) => {
      const chatId = chats[i % chats.length]!;
      return paces[i % 2]!.reserve({ channel: 'telegram', chatId, now }).then((at) => ({ chatId, at: at.getTime() }));
    }),
  );
  const times = reservations.map((r) => r.at).sort((x, y) => x - y);
  for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(TELEGRAM_PACE.overallGapMs);
  for (const chatId of chats) {
    const mine = reservations
      .filter((r) => r.chatId === chatId)
      .map((r) => r.at)
      .sort((x, y) => x - y);
    expect(mine).toHaveLength(6);
    for (let i = 1; i < mine.length; i += 1) expect(mine[i]! - mine[i - 1]!).toBeGreaterThanOrEqual(TELEGRAM_PACE.perChatGapMs);
  }
  // The first message goes at once; the pace only delays what comes after it.
  expect(times[0]).toBe(now.getTime());
}

describe('the shared send pace', () => {
  it('on SQLite: concurrent senders keep 30/s overall and 1/s per chat', () => checkPace('sqlite'), 60_000);
  it.skipIf(unavailable !== null)('on PostgreSQL: two instances at once keep 30/s overall and 1/s per chat', () => checkPace('postgresql'), 60_000);

  it('does not pace a channel it has no limits for', async () => {
    const temp = await createTempDatabase();
    cleanups.push(() => temp.close());
    const pace = createSendPace({ prisma: temp.prisma, engine: temp.databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql', limits: {} });
    const now = new Date('2026-12-07T01:00:00.000Z');
    expect((await pace.reserve({ channel: 'console', chatId: 'x', now })).getTime()).toBe(now.getTime());
    expect((await pace.reserve({ channel: 'console', chatId: 'x', now })).getTime()).toBe(now.getTime());
  });

  it('burst (a reply in the person’s own conversation): no per-chat wait, the overall gap kept, the chat’s slot still pushed', async () => {
    const temp = await createTempDatabase();
    cleanups.push(() => temp.close());
    const pace = createSendPace({
      prisma: temp.prisma,
      engine: temp.databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql',
      limits: { telegram: TELEGRAM_PACE },
    });
    const now = new Date('2026-12-07T01:00:00.000Z');
    const t0 = now.getTime();
    const at = async (burst: boolean) => (await pace.reserve({ channel: 'telegram', chatId: '7', now, ...(burst ? { burst } : {}) })).getTime() - t0;
    expect(await at(true)).toBe(0);
    expect(await at(true)).toBe(TELEGRAM_PACE.overallGapMs);
    expect(await at(true)).toBe(2 * TELEGRAM_PACE.overallGapMs);
    // A paced (loop) send to that chat waits a full per-chat gap after the last burst slot.
    expect(await at(false)).toBe(2 * TELEGRAM_PACE.overallGapMs + TELEGRAM_PACE.perChatGapMs);
  });
});
