/**
 * Kill in the middle of a broadcast, restart: the real bot process sends the council digest to 40
 * members through a fake Bot API that answers `sendMessage` slowly; it is SIGKILLed after about
 * ten digests arrived and started again on the same database. The rest is delivered, nobody gets
 * the digest twice; the message in flight at the kill is marked UNCERTAIN and not resent.
 * Waits for events (calls reaching the fake, log lines), never for fixed times.
 */
import { TEST_ENGINE } from '../helpers/test-engine.ts';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramCall } from '../helpers/fake-telegram.ts';
import { botArgs, quietSchedules, ROOT, waitForLog } from '../helpers/process.ts';
import { createTestApp } from '../helpers/test-app.ts';

const MEMBERS = 40;
const T0 = Date.now();
const mark = (what: string) => process.env.DEBUG_E2E && console.log(`${((Date.now() - T0) / 1000).toFixed(1)}s ${what}`);
const FIRST_CHAT = 3000;
/** How long the Bot API takes to answer a sendMessage (after it has received it), ms. */
const SEND_LATENCY_MS = 150;

interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stderr(): string;
  exited: Promise<number | null>;
}

/**
 * The real bot (`src/main.ts`) as ONE process: node with the production flags and tsx as its module
 * loader (as `startBot` does; the tsx CLI would run the bot in a child process of its own, and a SIGKILL would only kill
 * the CLI and leave the bot running), on the database the test seeded.
 */
function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, botArgs(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...quietSchedules(), ...env },
    stdio: 'pipe',
  });
  let err = '';
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

let fake: FakeTelegram | undefined;
let proxy: Server | undefined;
const bots: BotProcess[] = [];
let dbDir: string | undefined;

afterEach(async () => {
  for (const b of bots.splice(0)) {
    if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
    await b.exited;
  }
  if (proxy) {
    proxy.closeAllConnections();
    await new Promise((r) => proxy!.close(r));
  }
  await fake?.close();
  if (dbDir) await rm(dbDir, { recursive: true, force: true });
  fake = proxy = dbDir = undefined;
});

/**
 * A slow Bot API: forwards every request to the fake at once (so the fake has "received" it), and
 * holds the answer to `sendMessage` for {@link SEND_LATENCY_MS}.
 */
async function slowProxy(target: string): Promise<{ server: Server; apiRoot: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      fetch(`${target}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: body.length > 0 ? body : undefined,
      })
        .then(async (upstream) => {
          const answer = Buffer.from(await upstream.arrayBuffer());
          if (/\/sendMessage$/i.test(req.url ?? '')) await new Promise((r) => setTimeout(r, SEND_LATENCY_MS));
          if (res.destroyed) return; // the bot was killed while waiting
          res.writeHead(upstream.status, { 'content-type': 'application/json' });
          res.end(answer);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A cron expression for one minute, `minutesAgo` minutes back, in Vietnam time (once a year). */
function cronMinutesAgo(minutesAgo: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() - minutesAgo * 60_000));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return `${get('minute')} ${get('hour')} ${get('day')} ${get('month')} *`;
}

/** Resolves once the process's log matches `re`; rejects if it ends first or after `timeoutMs`. */
const logged = (p: BotProcess, re: RegExp, timeoutMs = 20_000): Promise<void> => waitForLog(p.child, p.stderr, re, timeoutMs);

// The test reads the SQLite file behind the bot's back while it runs; on the PostgreSQL pass the same
// recovery code is covered by the repository tests (recoverInterrupted) and the two-instance test.
if (TEST_ENGINE === 'postgresql') console.warn('broadcast-restart: SQLite only (reads the database file directly); skipped on the PostgreSQL pass');

describe.skipIf(TEST_ENGINE === 'postgresql')('a broadcast interrupted by a crash', () => {
  it('is completed after a restart, nobody receiving the digest twice', async () => {
    // 40 council members with Telegram identities, in a database of our own.
    const seed = await createTestApp();
    for (let i = 0; i < MEMBERS; i++) await seed.grant(String(FIRST_CHAT + i), 'COUNCIL');
    await seed.app.close();
    mark('seeded');
    dbDir = dirname(seed.file);

    fake = await startFakeTelegram();
    const slow = await slowProxy(fake.apiRoot);
    proxy = slow.server;
    const isDigest = (c: FakeTelegramCall) => c.method === 'sendMessage' && /^<b>Bản tin tuần/.test(String(c.payload.text ?? ''));
    const digests = () => fake!.calls.filter(isDigest);
    const env = {
      DATABASE_URL: `file:${seed.file}`,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: slow.apiRoot,
      // Due two minutes ago (Vietnam time): the start's catch-up runs it.
      SCHEDULE_DIGEST: cronMinutesAgo(2),
      LOG_LEVEL: 'info',
    };

    const first = spawnBot(env);
    bots.push(first);
    await logged(first, /"job":"council-digest".*"msg":"job done"/);
    mark(`job done, ${digests().length} sent`);
    expect(first.stderr()).toContain(`"result":{"key":"job-result-digest","args":{"queued":${MEMBERS},"total":${MEMBERS}}}`);
    await fake.waitFor(() => digests().length >= 10, 20_000);
    first.child.kill('SIGKILL');
    await first.exited;
    mark(`killed after ${digests().length}`);
    const beforeKill = digests().map((c) => Number(c.payload.chat_id));
    expect(beforeKill.length).toBeGreaterThanOrEqual(10);
    expect(beforeKill.length).toBeLessThan(MEMBERS); // killed in the middle

    // Restart on the same database.
    const second = spawnBot(env);
    bots.push(second);
    // The interrupted row is settled before anything is sent.
    await logged(second, /"msg":"telegram started"/);
    mark('restarted');
    const db = new Database(seed.file, { readonly: true });
    const uncertainChats = () =>
      (db.prepare(`SELECT chatId FROM OutboxMessage WHERE key LIKE 'digest:%' AND state = 'UNCERTAIN'`).all() as { chatId: string }[]).map((r) =>
        Number(r.chatId),
      );
    try {
      const received = () => new Set(digests().map((c) => Number(c.payload.chat_id)));
      const settled = () => new Set([...received(), ...uncertainChats()]).size === MEMBERS;
      await fake.waitFor(() => settled(), 30_000);
      mark('settled');
      // A clean stop: the delivery loop finishes its pass; then nothing can arrive any more.
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const perChat = new Map<number, number>();
      for (const c of digests()) perChat.set(Number(c.payload.chat_id), (perChat.get(Number(c.payload.chat_id)) ?? 0) + 1);
      const twice = [...perChat].filter(([, n]) => n > 1);
      expect(twice).toEqual([]);
      const uncertain = uncertainChats();
      mark(`uncertain: ${JSON.stringify(uncertain)}; received before the kill: ${beforeKill.length}, in all: ${digests().length}`);
      // At most the one message in flight when the process died; the fake had received it.
      expect(uncertain.length).toBeLessThanOrEqual(1);
      for (const chat of uncertain) expect(beforeKill).toContain(chat);
      const lost = uncertain.filter((chat) => !perChat.has(chat));
      expect(perChat.size + lost.length).toBe(MEMBERS);
      expect(digests().length + lost.length).toBe(MEMBERS);
      const states = db.prepare(`SELECT state, COUNT(*) AS n FROM OutboxMessage WHERE key LIKE 'digest:%' GROUP BY state ORDER BY state`).all();
      expect(states).toEqual([{ state: 'SENT', n: MEMBERS - uncertain.length }, ...(uncertain.length ? [{ state: 'UNCERTAIN', n: uncertain.length }] : [])]);
      expect(db.prepare(`SELECT period, state FROM JobRun WHERE job = 'council-digest' AND state <> 'SKIPPED'`).all()).toEqual([
        { period: expect.any(String), state: 'DONE' },
      ]);
      if (uncertain.length) expect(second.stderr()).toMatch(/marked UNCERTAIN \(not resent\)/);
    } finally {
      db.close();
    }
  }, 90_000);
});
