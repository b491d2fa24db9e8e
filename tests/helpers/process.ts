/**
 * Runs the real bot process (`src/main.ts` through tsx) for end-to-end tests.
 *
 * Three things keep each start cheap (a start costs seconds of CPU, and the suite starts ~20), without
 * changing what the bot does:
 * - ONE process: `node --import tsx src/main.ts`, the tsx loader in the bot's own process, rather
 *   than the tsx CLI, which starts a second Node process to run the bot in and relays signals to it.
 *   A signal sent to `child` therefore reaches the bot itself (SIGKILL too).
 * - The production command's node flags ({@link productionNodeFlags}): the bot runs as it does in
 *   production, and `--liftoff-only` alone saves about a third of a start's CPU (Prisma's WebAssembly
 *   query compiler is not optimised).
 * - The database file starts as a copy of the suite's migrated template (see sqlite-template.ts)
 *   rather than missing: applying the 20-odd migrations at start costs about a second of CPU. It is
 *   still an empty database; `{ freshDatabase: true }` starts on a missing file instead, as a first
 *   installation does (the tests of the very first start use that).
 */
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /**
   * Resolves when stderr (the JSON log) matches `pattern`, at once if it already does; rejects with
   * the log when the process exits first, or after `timeoutMs` (default 30 s).
   */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** A fresh temporary directory holding the database; removed by `cleanup`. */
  dir: string;
  cleanup(): Promise<void>;
}

/**
 * The scheduled jobs of a test bot, set to a yearly time half a year away, so that none is due while
 * a test runs. With the default 36 h lateness, Monday's council digest is due at every start from
 * Monday 07:30 to Tuesday 19:30 (Vietnam time), and a test counting a council member's messages would
 * count it too. A test of a job sets its own schedule over these.
 */
export function quietSchedules(now = new Date()): Record<'SCHEDULE_DIGEST' | 'SCHEDULE_REMINDERS' | 'SCHEDULE_BULLETIN', string> {
  const away = new Date(now.getTime() + 182 * 86_400_000);
  const cron = `0 12 ${Math.min(away.getUTCDate(), 28)} ${away.getUTCMonth() + 1} *`;
  return { SCHEDULE_DIGEST: cron, SCHEDULE_REMINDERS: cron, SCHEDULE_BULLETIN: cron };
}

/** The production entry point, built by `npm run build`. */
export const DIST_MAIN = resolve(ROOT, 'dist/main.js');

let flags: string[] | undefined;

/**
 * The node flags of the production command, read from `deploy/thidua-bot.service` (its ExecStart; the
 * Dockerfile and the README say the same, see tests/lint/production-command.test.ts).
 */
export function productionNodeFlags(): string[] {
  if (flags) return flags;
  const exec = /^ExecStart=\S*node((?: --\S+)*) \S*dist\/main\.js$/m.exec(readFileSync(resolve(ROOT, 'deploy/thidua-bot.service'), 'utf8'));
  if (!exec) throw new Error('deploy/thidua-bot.service: no `ExecStart=…node [--flags] …dist/main.js` line');
  flags = exec[1]!.split(' ').filter(Boolean);
  return flags;
}

/** `node`'s arguments that run the bot from source as production runs the built one: its flags, tsx as the loader, `src/main.ts`. */
export const botArgs = (): string[] => [...productionNodeFlags(), '--import', 'tsx', resolve(ROOT, 'src/main.ts')];

/**
 * Starts the bot on an empty, migrated database in a temp dir (`DATABASE_URL` in `env` names another);
 * `env` is added to a minimal environment. `opts.compiled` runs the production start, `node [flags]
 * dist/main.js` (build first), instead of tsx; `opts.freshDatabase` starts on a missing database
 * file, which the bot creates and migrates itself.
 */
export function startBot(env: Record<string, string> = {}, opts: { compiled?: boolean; freshDatabase?: boolean } = {}): BotProcess {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-e2e-'));
  const file = join(dir, 'thidua.db');
  if (env.DATABASE_URL === undefined && !opts.freshDatabase) copyFileSync(inject('sqliteTemplate'), file);
  const args = opts.compiled ? [...productionNodeFlags(), DIST_MAIN] : botArgs();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      DATABASE_URL: `file:${file}`,
      CONSOLE_USER: 'tester',
      ...quietSchedules(),
      ...env,
    },
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolveExit) => child.on('close', (code) => resolveExit(code)));
  const waitForStderr = (pattern: RegExp, timeoutMs?: number) => waitForLog(child, () => err, pattern, timeoutMs);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForStderr,
    exited,
    dir,
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves once `stderr()` (a process's log so far) matches `pattern`, at once if it already does;
 * rejects with the log when `child` closes without it having matched, or after `timeoutMs`. Every
 * test that waits for a line of the real bot's log waits through here.
 */
export function waitForLog(child: ChildProcess, stderr: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  return new Promise<void>((resolveWait, reject) => {
    const check = () => {
      if (pattern.test(stderr())) settle(resolveWait);
    };
    const onClose = () =>
      pattern.test(stderr()) ? settle(resolveWait) : settle(() => reject(new Error(`the bot ended before logging ${pattern}:\n${stderr()}`)));
    const timer = setTimeout(() => settle(() => reject(new Error(`no log line ${pattern} within ${timeoutMs} ms:\n${stderr()}`))), timeoutMs);
    const settle = (then: () => void) => {
      clearTimeout(timer);
      child.stderr?.off('data', check);
      child.off('close', onClose);
      then();
    };
    child.stderr?.on('data', check);
    child.once('close', onClose);
    check();
  });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
