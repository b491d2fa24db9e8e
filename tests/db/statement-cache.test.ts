/**
 * Prepared statements kept on the SQLite connection (src/db/statement-cache.ts): one prepare per SQL
 * text, each run with its own arguments, and Prisma's results unchanged through it (every other
 * test of the suite runs through it too).
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from '../../src/db/statement-cache.ts';
import { isUniqueViolation } from '../../src/db/client.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';
import { TEST_ENGINE } from '../helpers/test-engine.ts';

describe('statement cache (better-sqlite3)', () => {
  it('prepares a text once and runs it with each call’s arguments, the way the adapter calls it', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    const prepare = vi.spyOn(db, 'prepare');
    const cached = withStatementCache(db, 3);
    const insert = 'INSERT INTO t (name) VALUES (?) RETURNING id';
    const ids = ['Lan', 'Hoà', 'Minh'].map((name) => cached.prepare(insert).bind([name]).raw().all() as unknown[][]);
    expect(ids).toEqual([[[1]], [[2]], [[3]]]);
    const select = cached.prepare('SELECT name FROM t WHERE id = ?');
    expect(select.bind([2]).reader).toBe(true);
    expect(
      select
        .bind([2])
        .columns()
        .map((c) => c.name),
    ).toEqual(['name']);
    expect(cached.prepare('SELECT name FROM t WHERE id = ?').bind([3]).raw().all()).toEqual([['Minh']]);
    expect(cached.prepare('UPDATE t SET name = ? WHERE id = ?').bind(['Lan Anh', 1]).run().changes).toBe(1);
    expect(prepare).toHaveBeenCalledTimes(3); // insert, select, update
    // A unique violation throws, and the statement still works afterwards.
    expect(() => cached.prepare(insert).bind(['Hoà']).raw().all()).toThrow(/UNIQUE/);
    expect(cached.prepare(insert).bind(['Thu']).raw().all()).toEqual([[4]]);
    expect(prepare).toHaveBeenCalledTimes(3);
    // At most `size` (3) kept: a fourth text drops the least recently used (the select).
    expect(cached.prepare('SELECT count(*) FROM t').bind([]).raw().all()).toEqual([[4]]);
    cached.prepare('SELECT name FROM t WHERE id = ?');
    expect(prepare).toHaveBeenCalledTimes(5);
    db.close();
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('Prisma through the statement cache', () => {
  let db: TempDatabase;
  afterEach(async () => {
    await db.close();
  });

  it('gives the same results: types, nulls, RETURNING, a caught unique violation, transactions', async () => {
    db = await createTempDatabase();
    const p = db.prisma;
    const a = await p.person.create({ data: { displayName: 'Lan', locale: 'vi' } });
    const b = await p.person.create({ data: { displayName: 'Hoà' } });
    expect((await p.person.findUniqueOrThrow({ where: { id: a.id } })).locale).toBe('vi');
    expect((await p.person.findUniqueOrThrow({ where: { id: b.id } })).locale).toBeNull();
    expect(typeof (await p.person.findUniqueOrThrow({ where: { id: b.id } })).cacheVersion).toBe('bigint');
    await p.identity.create({ data: { channel: 'telegram', externalId: '1', personId: a.id } });
    const dup = await p.identity.create({ data: { channel: 'telegram', externalId: '1', personId: b.id } }).catch((e: unknown) => e);
    expect(isUniqueViolation(dup)).toBe(true);
    await p.$transaction(async (tx) => {
      await tx.identity.create({ data: { channel: 'telegram', externalId: '2', personId: b.id } });
    });
    await expect(
      p.$transaction(async (tx) => {
        await tx.identity.create({ data: { channel: 'telegram', externalId: '3', personId: b.id } });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const seen = await p.identity.findMany({ orderBy: { externalId: 'asc' }, select: { externalId: true, personId: true, lastSeenAt: true } });
    expect(seen.map((i) => [i.externalId, i.personId])).toEqual([
      ['1', a.id],
      ['2', b.id],
    ]);
    expect(seen[0]!.lastSeenAt).toBeInstanceOf(Date);
  });
});
