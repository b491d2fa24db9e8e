/**
 * Test runner settings, chosen by measurement on the 2-core development machine (README,
 * "Development"):
 *
 * - `pool: 'forks'`: child processes, not worker threads. Threads were ~5 % cheaper, but a test that
 *   sets `process.env.TZ` changes the zone of every thread of the process, and better-sqlite3 and
 *   spawned bot processes behave the same either way.
 * - `isolate: false`: a worker imports `src/` (Prisma's generated client and its WebAssembly query
 *   compiler, grammY, zod schemas, the Fluent files) once and runs file after file in it, instead of
 *   starting a fresh module graph per file: the core tests took half the CPU time. Tests therefore
 *   must not leave global state behind (timers, env, mocks); none in this suite does.
 * - Files that change the host's time zone (they import `tests/jobs/host-tz.ts`) still run isolated,
 *   in a fresh process each: that is found here by reading the files, so a new such test needs no
 *   entry.
 * - `maxWorkers`: vitest's default is one worker less than the cores, i.e. ONE worker on a 2-core
 *   machine; many tests wait on sockets and child processes, so two workers use both cores.
 * - Timeouts are generous because a loaded machine (several test runs at once) slows everything
 *   several-fold; no test relies on them to pass, they only stop a test that hangs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const TESTS = 'tests';
const INCLUDE = [`${TESTS}/**/*.test.ts`];

/** Test files (relative paths) that import `host-tz.ts`, i.e. change `process.env.TZ`. */
function filesChangingHostZone(): string[] {
  return readdirSync(TESTS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(TESTS, f).replaceAll('\\', '/'))
    .filter((f) => /from ['"][./]*(?:[\w-]+\/)*host-tz\.ts['"]|import ['"][./]*(?:[\w-]+\/)*host-tz\.ts['"]/.test(readFileSync(f, 'utf8')));
}

const hostZone = filesChangingHostZone();

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'shared', include: INCLUDE, exclude: hostZone, isolate: false } },
      ...(hostZone.length > 0 ? [{ extends: true as const, test: { name: 'host-zone', include: hostZone, isolate: true } }] : []),
    ],
  },
});
