/**
 * The Zalo OA token pair in the database (model `ZaloToken`), with one refresher at a time.
 *
 * This is our own code: no usable Zalo SDK exists on npm (see `../shared/docs/zalo.md` §5, §3), so
 * token storage and rotation are ours too.
 *
 * Why this matters: refresh tokens are single-use and rotate. The moment a refresh succeeds, the old
 * refresh token is dead; if the new pair is not saved, the grant is lost and only an OA administrator
 * re-consenting in a browser can recover. Hence:
 * - the database is the only source of truth (`ZALO_REFRESH_TOKEN` only seeds an empty store);
 * - one refresh at a time: within a process a shared promise, across processes a lease on
 *   `refreshingUntil` taken with a compare-and-set on `version`;
 * - the new pair is saved before it is returned (and so before anybody uses it);
 * - a failed refresh never touches the stored pair (good tokens are never overwritten with nothing).
 *
 * Tokens never leave this module except as return values: nothing here logs.
 *
 * @module
 */
import { isUniqueViolation, type PrismaClient } from './client.ts';

/** The stored pair of one OA. */
export interface ZaloTokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  /** Bumped by every saved refresh. */
  version: number;
}

/** What a refresh yields (the OAuth answer, `expires_in` already a number). */
export interface ZaloRefreshResult {
  accessToken: string;
  refreshToken: string;
  expiresInSec: number;
}

/** Options of {@link ZaloTokenStore.withRefreshLock} (an addition to the agreed interface). */
export interface ZaloRefreshLockOptions {
  /**
   * The version of the pair the caller found wanting (expired, or rejected by Zalo). When the stored
   * version is already newer, somebody refreshed meanwhile: its pair is returned and no refresh runs.
   * Without it, a refresh runs unless one is already running (whose result is then returned).
   */
  staleVersion?: number;
}

export interface ZaloTokenStore {
  /** The stored pair for the OA, or null. */
  get(oaId: string): Promise<ZaloTokenPair | null>;
  /**
   * Seeds the store from ZALO_REFRESH_TOKEN when empty (used once; afterwards the DB is the only
   * source of truth). The seeded access token is empty and already expired, so the first use
   * refreshes. Returns true if it seeded.
   */
  seed(input: { oaId: string; refreshToken: string }): Promise<boolean>;
  /**
   * Runs `refresh` as the single refresher across processes (lease on ZaloToken.refreshingUntil +
   * version check); others wait for that refresh and get its result. The new pair is SAVED before it
   * is returned. When `refresh` throws, the lease is released, the stored pair is left as it was and
   * the error is rethrown (to this caller only; a waiter in another process then tries itself).
   *
   * @throws Error if the OA has no stored pair, or waiting for another process's refresh exceeds
   *   twice the lease.
   */
  withRefreshLock(
    oaId: string,
    refresh: (current: { refreshToken: string; version: number }) => Promise<ZaloRefreshResult>,
    options?: ZaloRefreshLockOptions,
  ): Promise<{ accessToken: string; accessExpiresAt: Date }>;
  /** Notes a refresh failure on the OA's row (`lastError`), for administrators. Leaves the pair alone. */
  recordError(oaId: string, message: string): Promise<void>;
  /** The last recorded refresh failure (cleared by a successful refresh), or null. Addition. */
  lastError(oaId: string): Promise<string | null>;
}

/** Default lease: longer than any refresh call may take (the client's timeout is 10 s). */
export const DEFAULT_LEASE_MS = 30_000;
/** How often a process waiting for another process's refresh looks at the row. */
export const DEFAULT_POLL_MS = 25;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function createZaloTokenStore(
  prisma: PrismaClient,
  opts: {
    now?: () => Date;
    leaseMs?: number;
    pollMs?: number;
    /** Waits `ms` between two looks at a row another process is refreshing; default a real timer (tests pass one that moves their clock). */
    sleep?: (ms: number) => Promise<void>;
  } = {},
): ZaloTokenStore {
  const now = opts.now ?? (() => new Date());
  const pause = opts.sleep ?? sleep;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  /** In-process: the refresh running per OA; concurrent callers share it. */
  const running = new Map<string, Promise<{ accessToken: string; accessExpiresAt: Date; version: number }>>();

  const read = (oaId: string) => prisma.zaloToken.findUnique({ where: { oaId } });

  async function refreshAcrossProcesses(
    oaId: string,
    refresh: (current: { refreshToken: string; version: number }) => Promise<ZaloRefreshResult>,
    options: ZaloRefreshLockOptions,
  ): Promise<{ accessToken: string; accessExpiresAt: Date; version: number }> {
    let baseline: number | undefined = options.staleVersion;
    let waited = 0; // ms spent waiting for another process, counted in polls (no wall clock)
    for (;;) {
      const row = await read(oaId);
      if (!row) throw new Error(`No Zalo token pair stored for OA ${oaId}: seed it first`);
      // Somebody saved a newer pair than the one we were asked to replace: use it.
      if (baseline !== undefined && row.version > baseline) {
        return { accessToken: row.accessToken, accessExpiresAt: row.accessExpiresAt, version: row.version };
      }
      // From here on, any newer version is a refresh that ran while we waited: its result is ours.
      baseline ??= row.version;
      const at = now();
      const taken = await prisma.zaloToken.updateMany({
        where: { oaId, version: row.version, OR: [{ refreshingUntil: null }, { refreshingUntil: { lte: at } }] },
        data: { refreshingUntil: new Date(at.getTime() + leaseMs) },
      });
      if (taken.count === 1) {
        let result: ZaloRefreshResult;
        try {
          result = await refresh({ refreshToken: row.refreshToken, version: row.version });
        } catch (error) {
          // Release the lease only; the stored pair stays as it was.
          await prisma.zaloToken.updateMany({ where: { oaId, version: row.version }, data: { refreshingUntil: null } });
          throw error;
        }
        const accessExpiresAt = new Date(now().getTime() + result.expiresInSec * 1000);
        // Saved unconditionally: the pair just minted is the only valid one now (the refresh token we
        // used is dead), whatever happened to the row meanwhile. Never lose it.
        const saved = await prisma.zaloToken.update({
          where: { oaId },
          data: {
            accessToken: result.accessToken,
            refreshToken: result.refreshToken,
            accessExpiresAt,
            version: { increment: 1 },
            refreshingUntil: null,
            lastError: null,
          },
        });
        return { accessToken: saved.accessToken, accessExpiresAt: saved.accessExpiresAt, version: saved.version };
      }
      // Another process holds the lease (or just saved): wait for it, then look again.
      if (waited >= 2 * leaseMs) {
        throw new Error(`Timed out waiting for another process to refresh the Zalo token of OA ${oaId}`);
      }
      await pause(pollMs);
      waited += pollMs;
    }
  }

  return {
    async get(oaId) {
      const row = await read(oaId);
      return row ? { accessToken: row.accessToken, refreshToken: row.refreshToken, accessExpiresAt: row.accessExpiresAt, version: row.version } : null;
    },

    async seed({ oaId, refreshToken }) {
      if (refreshToken.trim() === '') throw new Error('Cannot seed the Zalo token store with an empty refresh token');
      if (await read(oaId)) return false;
      try {
        await prisma.zaloToken.create({
          data: { oaId, accessToken: '', refreshToken, accessExpiresAt: new Date(0), version: 0 },
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false; // another process seeded first
        throw error;
      }
    },

    async withRefreshLock(oaId, refresh, options = {}) {
      // One refresh per OA in this process: later callers join the one running and get its result.
      let shared = running.get(oaId);
      if (!shared) {
        shared = refreshAcrossProcesses(oaId, refresh, options).finally(() => running.delete(oaId));
        running.set(oaId, shared);
      }
      const { accessToken, accessExpiresAt } = await shared;
      return { accessToken, accessExpiresAt };
    },

    async recordError(oaId, message) {
      await prisma.zaloToken.updateMany({ where: { oaId }, data: { lastError: message.slice(0, 2000) } });
    },

    async lastError(oaId) {
      return (await read(oaId))?.lastError ?? null;
    },
  };
}
