/**
 * When a SQLite commit is on disk.
 *
 * The bot's connection runs `PRAGMA synchronous = NORMAL` in WAL mode: a commit is written to the
 * write-ahead log (the operating system's cache) but not flushed to the disk. That is SQLite's
 * recommended setting for WAL: a commit survives a crash of the process (kill -9), and the database
 * can never be corrupted; only a power loss or an OS crash may undo the last commits. Flushing every
 * commit (`FULL`) cost 3.5–4.5 ms of blocked event loop per commit on this project's machines, three
 * commits per update: the update path's largest cost (README, "Benchmarks").
 *
 * So durability is asked for where it matters, before telling the outside world "we have it":
 * before an inbound event's receipt is confirmed to the platform (the webhook's 200, the next
 * getUpdates offset: `Inbox.record`), and before a message is sent (`OutboxStore.claim`). Then a
 * power loss can only undo work whose event is still recorded (it is handled again) and which nobody
 * outside has seen. {@link createDurability} flushes the log with an asynchronous `fdatasync` (in
 * libuv's thread pool: the event loop goes on) and lets every caller that arrives while one runs
 * share the next one (group commit).
 *
 * Written here: neither better-sqlite3 nor the Prisma adapter offers an asynchronous flush.
 *
 * @module
 */
import { open, stat, type FileHandle } from 'node:fs/promises';

/** Resolves once every commit made before the call is on disk. Rejects if the flush fails. */
export type Durable = () => Promise<void>;

/** Nothing to wait for: an in-memory database, or PostgreSQL (its commit returns once durable). */
export const alreadyDurable: Durable = () => Promise.resolve();

/**
 * @param walPath the write-ahead log of the SQLite file (`<file>-wal`).
 * @returns the flush, and `close` for the file handle it keeps.
 */
export function createDurability(walPath: string): { durable: Durable; close(): Promise<void> } {
  let handle: { file: FileHandle; ino: number } | undefined;

  async function flush(): Promise<void> {
    const now = await stat(walPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // no log: every commit is in the database file already
      throw error;
    });
    if (!now) return;
    // SQLite keeps its log while the connection is open; reopen if the file was ever replaced.
    if (handle?.ino !== now.ino) {
      await handle?.file.close().catch(() => undefined);
      handle = { file: await open(walPath, 'r'), ino: now.ino };
    }
    await handle.file.datasync();
  }

  const durable = sharedFlush(flush);
  return {
    durable,
    async close() {
      await durable().catch(() => undefined);
      await handle?.file.close().catch(() => undefined);
      handle = undefined;
    },
  };
}

/**
 * `flush` shared by concurrent callers: a call while none runs starts one; a call while one runs
 * waits for the next, which starts when the running one ends and serves every caller that arrived
 * meanwhile (the running one may have started before their commit). A failed flush rejects its own
 * callers only.
 */
export function sharedFlush(flush: () => Promise<void>): Durable {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const p = flush().finally(() => {
      if (running === p) running = undefined;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
