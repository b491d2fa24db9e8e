/**
 * Commits reach the disk when asked (src/db/durability.ts): the connection runs WAL with
 * `synchronous = NORMAL`, and a flush of the log is shared by every caller waiting for one.
 */
import { describe, expect, it } from 'vitest';
import { sharedFlush, createDurability } from '../../src/db/durability.ts';
import { createTempDatabase } from '../helpers/temp-db.ts';
import { TEST_ENGINE } from '../helpers/test-engine.ts';

/** A flush that ends when the test says so; counts how many were started. */
function gatedFlush() {
  const gates: { open: () => void; fail: (e: Error) => void }[] = [];
  const flush = () => new Promise<void>((open, fail) => void gates.push({ open, fail }));
  return { flush, gates };
}

describe('sharedFlush', () => {
  it('one flush for every caller that arrives while one runs, and they wait for the next one', async () => {
    const { flush, gates } = gatedFlush();
    const durable = sharedFlush(flush);
    const done: string[] = [];
    const first = durable().then(() => done.push('first'));
    const second = durable().then(() => done.push('second'));
    const third = durable().then(() => done.push('third'));
    expect(gates).toHaveLength(1);
    gates[0]!.open();
    await first;
    // The second flush covers the commits of both later callers: started once the first ended.
    await Promise.resolve();
    expect(gates).toHaveLength(2);
    expect(done).toEqual(['first']);
    gates[1]!.open();
    await Promise.all([second, third]);
    expect(done).toEqual(['first', 'second', 'third']);
    // Nothing running: the next call starts its own.
    const fourth = durable();
    expect(gates).toHaveLength(3);
    gates[2]!.open();
    await fourth;
  });

  it('a failed flush rejects its own callers; the next call flushes again', async () => {
    const { flush, gates } = gatedFlush();
    const durable = sharedFlush(flush);
    const first = durable();
    gates[0]!.fail(new Error('EIO'));
    await expect(first).rejects.toThrow('EIO');
    const again = durable();
    expect(gates).toHaveLength(2);
    gates[1]!.open();
    await expect(again).resolves.toBeUndefined();
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('the bot’s SQLite connection', () => {
  it('runs WAL with synchronous = NORMAL, and flushes its log on request', async () => {
    const db = await createTempDatabase();
    try {
      expect(await db.prisma.$queryRawUnsafe('PRAGMA synchronous')).toEqual([{ synchronous: 1n }]); // NORMAL
      await db.prisma.person.create({ data: { displayName: 'Lan' } });
      const { durable, close } = createDurability(`${db.file}-wal`);
      await expect(durable()).resolves.toBeUndefined();
      await close();
      // No log file (nothing written since the last checkpoint, or another path): nothing to flush.
      await expect(createDurability(`${db.file}-missing-wal`).durable()).resolves.toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
