/**
 * The update path, measured on the production start (`node dist/main.js`, build first) against a
 * local fake Bot API, next to a grammY runner bot that only replies, in the same run (issue 10):
 *
 * - **burst**: 2,000 text updates from 200 people (10 each: commands and free-text questions) queued
 *   at once; updates/s (first update queued → last reply) and the reply latency of each update
 *   (queued → its reply seen by the fake), p50/p99. Both bots get the same updates.
 * - **start**: time from spawning the process to the reply to an update waiting at start (a fresh
 *   database, migrations included, and a restart on it), and the idle RSS of the restarted process.
 *
 * Replies are paired with updates in order per chat; every workload message gets exactly one
 * message back from both bots (checked: a mismatch is reported).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeTelegram, type FakeTelegram } from '../tests/helpers/fake-telegram.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST_MAIN = resolve(ROOT, 'dist/main.js');
const REPLY_ONLY = resolve(ROOT, 'bench/reply-only-bot.mjs');

/**
 * What each person types, in order: 10 texts, commands and questions (each answered with one message,
 * `/start` with two by thidua-bot). `BENCH_WORKLOAD` replaces them, `|`-separated, e.g. only questions
 * to see what a question costs next to a command.
 */
const WORKLOAD = process.env.BENCH_WORKLOAD
  ? process.env.BENCH_WORKLOAD.split('|')
  : ['/help', '/moc', 'tiêu chí y tế', '/chitieu', '/tieuchi', 'doanh nghiep', '/guong', 'gia đình nghèo vượt khó', '/lang', '/start'];
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);

export interface BurstFigures {
  updates: number;
  replies: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time the bot's process spent per update during the burst (user + system, from
   * `/proc/<pid>/stat`, 10 ms resolution over the whole burst): steadier than updates/s on a machine
   * shared with others, whose scheduling moves the wall-clock figures by ±15 %.
   */
  cpuMsPerUpdate?: number;
}

export interface StartFigures {
  firstReplyFreshMs: number;
  firstReplyRestartMs: number;
  idleRssMb: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(kill);
}

/** User + system CPU time of process `pid` so far, in milliseconds; NaN where /proc cannot tell. */
function cpuMs(pid: number | undefined): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th,
    // in clock ticks (USER_HZ, 100 on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** {@link burst} with the CPU time `child` spent on it. */
async function measuredBurst(f: FakeTelegram, child: ChildProcess): Promise<BurstFigures> {
  const before = cpuMs(child.pid);
  const figures = await burst(f, 100_000);
  return { ...figures, cpuMsPerUpdate: (cpuMs(child.pid) - before) / figures.updates };
}

/** Queues the whole workload at once; resolves when every update got its reply. */
async function burst(f: FakeTelegram, firstChat: number): Promise<BurstFigures> {
  const queuedAt = new Map<number, number[]>();
  const t0 = performance.now();
  const wallStart = Date.now();
  for (let round = 0; round < WORKLOAD.length; round++) {
    for (let p = 0; p < PEOPLE; p++) {
      const chatId = firstChat + p;
      f.sendText({ chatId, text: WORKLOAD[round]!, firstName: `Người ${p}` });
      (queuedAt.get(chatId) ?? queuedAt.set(chatId, []).get(chatId)!).push(Date.now());
    }
  }
  const total = PEOPLE * WORKLOAD.length;
  const isReply = (c: { method: string; payload: Record<string, unknown>; at: number }) =>
    c.method === 'sendMessage' && Number(c.payload.chat_id) >= firstChat && Number(c.payload.chat_id) < firstChat + PEOPLE && c.at >= wallStart;
  // Wait for the last reply (every chat answered as often as it wrote), scanning new calls only.
  const replies: typeof f.calls = [];
  let scanned = 0;
  for (let idle = 0; replies.length < total && idle < 3000;) {
    const before = replies.length;
    for (; scanned < f.calls.length; scanned++) if (isReply(f.calls[scanned]!)) replies.push(f.calls[scanned]!);
    if (replies.length >= total) break;
    idle = replies.length === before ? idle + 1 : 0;
    await new Promise((r) => setTimeout(r, 10));
  }
  const seconds = (Math.max(...replies.map((r) => r.at)) - wallStart) / 1000;
  void t0;
  const latencies: number[] = [];
  const byChat = new Map<number, number[]>();
  for (const r of replies) (byChat.get(Number(r.payload.chat_id)) ?? byChat.set(Number(r.payload.chat_id), []).get(Number(r.payload.chat_id))!).push(r.at);
  for (const [chat, queued] of queuedAt) {
    const got = byChat.get(chat) ?? [];
    queued.forEach((q, i) => latencies.push((got[i] ?? got.at(-1) ?? q) - q));
  }
  return { updates: total, replies: replies.length, seconds, perSecond: total / seconds, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99) };
}

/**
 * The node flags of the production command, read from `deploy/thidua-bot.service` (its ExecStart;
 * the Dockerfile and the README say the same, see tests/lint/production-command.test.ts): the bench
 * starts the bot as production does. `BENCH_NODE_FLAGS` replaces them (e.g. `BENCH_NODE_FLAGS=` for none).
 */
export function productionNodeFlags(): string[] {
  const unit = readFileSync(resolve(ROOT, 'deploy/thidua-bot.service'), 'utf8');
  const exec = /^ExecStart=\S*node((?: --\S+)*) \S*dist\/main\.js$/m.exec(unit);
  if (!exec) throw new Error('deploy/thidua-bot.service: no `ExecStart=…node [--flags] …dist/main.js` line');
  return exec[1]!.split(' ').filter(Boolean);
}

/** The node flags the bench starts the bot with: `BENCH_NODE_FLAGS` when set, else production's. */
export const benchNodeFlags = (): string[] =>
  process.env.BENCH_NODE_FLAGS === undefined ? productionNodeFlags() : process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean);

/** Waits until the fake has seen a getUpdates call from the process (it is polling). */
const polling = (f: FakeTelegram, since: number) => f.waitFor((c) => c.method === 'getUpdates' && c.at >= since, 60_000);

/** The environment of our bot against the fake, on a database in `dir`. */
const oursEnv = (f: FakeTelegram, dir: string) => ({
  TELEGRAM_BOT_TOKEN: f.token,
  TELEGRAM_API_ROOT: f.apiRoot,
  DATABASE_URL: `file:${join(dir, 'bench.db')}`,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '0',
});

/**
 * The start figures: a fresh start (migrations included), stopped; a restart on that database; 5 s
 * idle, then the restarted process's resident set. Returns the restarted process, still running.
 */
async function startFigures(f: FakeTelegram, env: Record<string, string>): Promise<{ start: StartFigures; child: ChildProcess }> {
  if (!existsSync(DIST_MAIN)) throw new Error('dist/main.js missing: run `npm run build` first');
  // Start: an update waits before the process exists; time to its reply.
  const nodeFlags = benchNodeFlags();
  const startReply = async (chatId: number) => {
    f.sendText({ chatId, text: '/help' });
    const t = Date.now();
    const child = spawnNode([...nodeFlags, ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), DIST_MAIN], env);
    await f.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId, 60_000);
    return { child, ms: Date.now() - t };
  };
  const fresh = await startReply(9_000_001);
  await stop(fresh.child);
  const restart = await startReply(9_000_002);
  await polling(f, Date.now());
  // Idle: no update for 5 s, then the resident set.
  await new Promise((r) => setTimeout(r, 5000));
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${restart.child.pid}/status`, 'utf8'));
  return { start: { firstReplyFreshMs: fresh.ms, firstReplyRestartMs: restart.ms, idleRssMb: rss ? Number(rss[1]) / 1024 : NaN }, child: restart.child };
}

/** The start figures only (`npm run bench -- start`): no burst, a few seconds. */
export async function benchStart(): Promise<StartFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  const f = await startFakeTelegram();
  try {
    const { start, child } = await startFigures(f, oursEnv(f, dir));
    await stop(child);
    return start;
  } finally {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our bot: production start, fresh database. */
export async function benchOurs(): Promise<{ burst: BurstFigures; start: StartFigures }> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  const f = await startFakeTelegram();
  try {
    const { start, child } = await startFigures(f, oursEnv(f, dir));
    const figures = await measuredBurst(f, child);
    await stop(child);
    return { burst: figures, start };
  } finally {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline: a grammY runner bot that only replies. */
export async function benchReplyOnly(): Promise<BurstFigures> {
  const f = await startFakeTelegram();
  const child = spawnNode([...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof/reply-only'] : []), REPLY_ONLY], {
    TELEGRAM_BOT_TOKEN: f.token,
    TELEGRAM_API_ROOT: f.apiRoot,
  });
  try {
    await polling(f, 0);
    return await measuredBurst(f, child);
  } finally {
    await stop(child);
    await f.close();
  }
}
