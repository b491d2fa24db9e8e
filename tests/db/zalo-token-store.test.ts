/**
 * Tests of our own Zalo token store (no usable Zalo SDK exists on npm): seeding once, the refresh lease
 * across processes (two handles on one SQLite file), save-before-return, failures that keep the pair.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '../../src/db/client.ts';
import { createZaloTokenStore, type ZaloRefreshResult } from '../../src/db/zalo-token-store.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const OA = '9990008887776665554';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A fake clock and the `sleep` the store waits with: each wait moves the clock by its length at once
 * and is counted, so tests see "the store waited" without any real time passing.
 */
function fakeTime(start: Date) {
  let at = start.getTime();
  const waits: number[] = [];
  let onWait: (() => void) | undefined;
  return {
    now: () => new Date(at),
    waits,
    /** Resolves once the store has waited `n` times in all. */
    waited(n: number): Promise<void> {
      return new Promise((done) => {
        const check = () => (waits.length >= n ? done() : void (onWait = check));
        check();
      });
    },
    sleep: async (ms: number) => {
      waits.push(ms);
      at += ms;
      onWait?.();
      await new Promise((r) => setImmediate(r)); // let the other side run between two looks
    },
  };
}

describe('Zalo token store', () => {
  let db: TempDatabase;
  let second: Database | undefined;

  beforeEach(async () => {
    db = await createTempDatabase();
  });
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await db.close();
  });

  describe('seed', () => {
    it('seeds an empty store once, with an expired empty access token', async () => {
      const store = createZaloTokenStore(db.prisma);
      expect(await store.get(OA)).toBeNull();
      expect(await store.seed({ oaId: OA, refreshToken: 'rt-1' })).toBe(true);
      const pair = await store.get(OA);
      expect(pair).toMatchObject({ accessToken: '', refreshToken: 'rt-1', version: 0 });
      expect(pair!.accessExpiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('does not seed again: the database is the only source of truth afterwards', async () => {
      const store = createZaloTokenStore(db.prisma);
      await store.seed({ oaId: OA, refreshToken: 'rt-1' });
      await store.withRefreshLock(OA, async () => ({ accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 90_000 }));
      expect(await store.seed({ oaId: OA, refreshToken: 'rt-1' })).toBe(false);
      expect(await store.seed({ oaId: OA, refreshToken: 'rt-other' })).toBe(false);
      expect(await store.get(OA)).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2', version: 1 });
    });

    it('two processes seeding at once: exactly one seeds', async () => {
      second = await createDatabase({ databaseUrl: db.databaseUrl });
      const a = createZaloTokenStore(db.prisma);
      const b = createZaloTokenStore(second.prisma);
      const results = await Promise.all([a.seed({ oaId: OA, refreshToken: 'rt-a' }), b.seed({ oaId: OA, refreshToken: 'rt-b' })]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await db.prisma.zaloToken.count()).toBe(1);
    });

    it('refuses an empty refresh token', async () => {
      await expect(createZaloTokenStore(db.prisma).seed({ oaId: OA, refreshToken: ' ' })).rejects.toThrow(/empty/);
    });

    it('keeps OAs apart', async () => {
      const store = createZaloTokenStore(db.prisma);
      expect(await store.seed({ oaId: OA, refreshToken: 'rt-1' })).toBe(true);
      expect(await store.seed({ oaId: '123', refreshToken: 'rt-x' })).toBe(true);
      expect((await store.get('123'))?.refreshToken).toBe('rt-x');
    });
  });

  describe('withRefreshLock', () => {
    const T0 = new Date('2026-12-01T08:00:00Z');

    it('passes the stored refresh token and saves the new pair (version + 1) before returning it', async () => {
      const store = createZaloTokenStore(db.prisma, { now: () => T0 });
      await store.seed({ oaId: OA, refreshToken: 'rt-1' });
      const refresh = vi.fn(async (current: { refreshToken: string; version: number }): Promise<ZaloRefreshResult> => {
        expect(current).toEqual({ refreshToken: 'rt-1', version: 0 });
        return { accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 90_000 };
      });
      const result = await store.withRefreshLock(OA, refresh);
      expect(result).toEqual({ accessToken: 'at-2', accessExpiresAt: new Date(T0.getTime() + 90_000_000) });
      const row = await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: OA } });
      expect(row).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2', version: 1, refreshingUntil: null, lastError: null });
    });

    it('concurrent callers in one process share one refresh', async () => {
      const store = createZaloTokenStore(db.prisma);
      await store.seed({ oaId: OA, refreshToken: 'rt-1' });
      const gate = deferred<void>();
      const entered = deferred<void>();
      const refresh = vi.fn(async () => {
        entered.resolve();
        await gate.promise;
        return { accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 90_000 };
      });
      const all = Promise.all(Array.from({ length: 5 }, () => store.withRefreshLock(OA, refresh)));
      await entered.promise; // the refresh is under way while all five callers wait
      gate.resolve();
      const results = await all;
      expect(refresh).toHaveBeenCalledTimes(1);
      expect(new Set(results.map((r) => r.accessToken))).toEqual(new Set(['at-2']));
    });

    it('two processes: one takes the lease and refreshes, the other waits and gets its result', async () => {
      second = await createDatabase({ databaseUrl: db.databaseUrl });
      const time = fakeTime(new Date('2026-12-01T08:00:00Z'));
      const a = createZaloTokenStore(db.prisma, { now: time.now, sleep: time.sleep, pollMs: 5 });
      const b = createZaloTokenStore(second.prisma, { now: time.now, sleep: time.sleep, pollMs: 5 });
      await a.seed({ oaId: OA, refreshToken: 'rt-1' });
      const gate = deferred<void>();
      const refreshA = vi.fn(async () => {
        await gate.promise;
        return { accessToken: 'at-a', refreshToken: 'rt-a', expiresInSec: 90_000 };
      });
      const refreshB = vi.fn(async () => ({ accessToken: 'at-b', refreshToken: 'rt-b', expiresInSec: 90_000 }));
      const entered = deferred<void>();
      refreshA.mockImplementationOnce(async () => {
        entered.resolve();
        await gate.promise;
        return { accessToken: 'at-a', refreshToken: 'rt-a', expiresInSec: 90_000 };
      });
      const first = a.withRefreshLock(OA, refreshA);
      await entered.promise;
      // The lease is visible to the other process.
      expect((await second.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: OA } })).refreshingUntil).not.toBeNull();
      const waiting = b.withRefreshLock(OA, refreshB, { staleVersion: 0 });
      await time.waited(3); // the other process has looked at the row and found it leased, three times
      expect(refreshB).not.toHaveBeenCalled();
      gate.resolve();
      expect(await first).toMatchObject({ accessToken: 'at-a' });
      expect(await waiting).toMatchObject({ accessToken: 'at-a' });
      expect(refreshB).not.toHaveBeenCalled();
      expect(await b.get(OA)).toMatchObject({ refreshToken: 'rt-a', version: 1 });
    });

    it('a caller whose stale version is already replaced gets the stored pair without refreshing', async () => {
      const store = createZaloTokenStore(db.prisma);
      await store.seed({ oaId: OA, refreshToken: 'rt-1' });
      await store.withRefreshLock(OA, async () => ({ accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 90_000 }));
      const refresh = vi.fn(async () => ({ accessToken: 'at-3', refreshToken: 'rt-3', expiresInSec: 90_000 }));
      expect(await store.withRefreshLock(OA, refresh, { staleVersion: 0 })).toMatchObject({ accessToken: 'at-2' });
      expect(refresh).not.toHaveBeenCalled();
      expect(await store.withRefreshLock(OA, refresh, { staleVersion: 1 })).toMatchObject({ accessToken: 'at-3' });
      expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('a failed refresh releases the lease, keeps the pair and rethrows; the next one can refresh', async () => {
      const store = createZaloTokenStore(db.prisma);
      await store.seed({ oaId: OA, refreshToken: 'rt-1' });
      const before = await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: OA } });
      const boom = new Error('network down');
      await expect(store.withRefreshLock(OA, async () => Promise.reject(boom))).rejects.toBe(boom);
      const after = await db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: OA } });
      expect(after).toMatchObject({
        accessToken: before.accessToken,
        refreshToken: 'rt-1',
        version: 0,
        refreshingUntil: null,
      });
      expect(await store.withRefreshLock(OA, async () => ({ accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 60 }))).toMatchObject({
        accessToken: 'at-2',
      });
    });

    it('takes over the lease of a process that died mid-refresh once it expires', async () => {
      const time = fakeTime(new Date('2026-12-01T08:00:00Z'));
      const store = createZaloTokenStore(db.prisma, { now: time.now, sleep: time.sleep, pollMs: 5 });
      await store.seed({ oaId: OA, refreshToken: 'rt-1' });
      const leaseEnds = new Date(time.now().getTime() + 150);
      await db.prisma.zaloToken.update({ where: { oaId: OA }, data: { refreshingUntil: leaseEnds } });
      let calledAt: Date | undefined;
      const refresh = vi.fn(async () => {
        calledAt = time.now();
        return { accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 90_000 };
      });
      expect(await store.withRefreshLock(OA, refresh)).toMatchObject({ accessToken: 'at-2' });
      expect(refresh).toHaveBeenCalledTimes(1);
      // It waited for the dead process's lease to run out, and not a poll longer.
      expect(calledAt!.getTime()).toBeGreaterThanOrEqual(leaseEnds.getTime());
      expect(calledAt!.getTime()).toBeLessThan(leaseEnds.getTime() + 5 + 1);
      expect(time.waits.every((ms) => ms === 5)).toBe(true);
    });

    it('gives up waiting after twice the lease', async () => {
      const time = fakeTime(new Date('2026-12-01T08:00:00Z'));
      const store = createZaloTokenStore(db.prisma, { now: time.now, sleep: time.sleep, leaseMs: 50, pollMs: 5 });
      await store.seed({ oaId: OA, refreshToken: 'rt-1' });
      await db.prisma.zaloToken.update({ where: { oaId: OA }, data: { refreshingUntil: new Date('3000-01-01T00:00:00Z') } });
      const refresh = vi.fn(async () => ({ accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 90_000 }));
      await expect(store.withRefreshLock(OA, refresh)).rejects.toThrow(/Timed out waiting/);
      expect(refresh).not.toHaveBeenCalled();
      expect(time.waits.reduce((a, b) => a + b, 0)).toBe(100); // twice the lease, in 5 ms polls
    });

    it('throws when nothing is stored', async () => {
      const store = createZaloTokenStore(db.prisma);
      await expect(store.withRefreshLock(OA, async () => ({ accessToken: 'a', refreshToken: 'r', expiresInSec: 1 }))).rejects.toThrow(/seed/);
    });
  });

  it('recordError notes the failure and leaves the pair; a successful refresh clears it', async () => {
    const store = createZaloTokenStore(db.prisma);
    await store.seed({ oaId: OA, refreshToken: 'rt-1' });
    await store.recordError(OA, 'refresh failed: -14014 Invalid refresh token');
    expect(await store.lastError(OA)).toMatch(/-14014/);
    expect(await store.get(OA)).toMatchObject({ refreshToken: 'rt-1', version: 0 });
    await store.withRefreshLock(OA, async () => ({ accessToken: 'at-2', refreshToken: 'rt-2', expiresInSec: 60 }));
    expect(await store.lastError(OA)).toBeNull();
  });
});
