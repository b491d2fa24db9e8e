import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, isBusyError, type Database, type PrismaClient } from '../../src/db/client.ts';
import { gate } from '../helpers/gate.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until `work` settles, or `ms` at most (long enough for a query that does not wait to run). */
const settledWithin = (work: Promise<unknown>, ms = 300) =>
  Promise.race([
    work.then(
      () => {},
      () => {},
    ),
    sleep(ms),
  ]);

describe('database client under concurrency', () => {
  let db: TempDatabase;
  const extra: Database[] = [];
  beforeEach(async () => {
    db = await createTempDatabase({ engine: 'sqlite' });
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((d) => d.close()));
    await db.close();
  });

  const names = async (prisma: PrismaClient = db.prisma) =>
    (await prisma.person.findMany({ select: { displayName: true }, orderBy: { displayName: 'asc' } })).map((p) => p.displayName);

  it('a query made while a transaction is open waits for it: not seen inside, not lost by its rollback', async () => {
    const inside = gate();
    const finish = gate();
    let seenInside: string[] = [];
    const failing = db.prisma.$transaction(async (tx) => {
      await tx.person.create({ data: { displayName: 'rolled back' } });
      inside.open();
      await finish.opened;
      seenInside = await names(tx as PrismaClient);
      throw new Error('refused');
    });
    await inside.opened;
    // Another update handler, outside the transaction: a write, a raw read and an array transaction.
    const write = db.prisma.person.create({ data: { displayName: 'standalone' } });
    const rawCount = db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM Person`;
    const batch = db.prisma.$transaction([db.prisma.person.create({ data: { displayName: 'batch' } })]);
    const settled = Promise.allSettled([write, rawCount, batch]);
    await settledWithin(settled); // they would have run by now, were they not waiting
    finish.open();
    await expect(failing).rejects.toThrow('refused');
    const [w, r, b] = await settled;
    expect([w.status, r.status, b.status]).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(seenInside).toEqual(['rolled back']);
    expect(r.status === 'fulfilled' && Number(r.value[0]?.n)).toBe(1); // the standalone write only
    expect(await names()).toEqual(['batch', 'standalone']);
  });

  it('a client derived with $extends keeps the guard', async () => {
    const derived = db.prisma.$extends({}) as unknown as PrismaClient;
    const inside = gate();
    const finish = gate();
    let seenInside: string[] = [];
    const failing = derived.$transaction(async (tx) => {
      await tx.person.create({ data: { displayName: 'rolled back' } });
      inside.open();
      await finish.opened;
      seenInside = await names(tx as PrismaClient);
      throw new Error('refused');
    });
    await inside.opened;
    const write = db.prisma.person.create({ data: { displayName: 'standalone' } });
    await settledWithin(write);
    finish.open();
    await expect(failing).rejects.toThrow('refused');
    await write;
    expect(seenInside).toEqual(['rolled back']);
    expect(await names()).toEqual(['standalone']);
  });

  it('two interactive transactions started at once both commit, one after the other', async () => {
    // The first one outlasts Prisma's default maxWait (2 s): waiting for it must not make the
    // second one fail with P2028 "Unable to start a transaction in the given time".
    const steps: string[] = [];
    const run = (name: string, holdMs: number) =>
      db.prisma.$transaction(async (tx) => {
        steps.push(`${name} begins`);
        await tx.person.create({ data: { displayName: name } });
        await sleep(holdMs);
        steps.push(`${name} ends`);
        return name;
      });
    await expect(Promise.all([run('A', 2_200), run('B', 0)])).resolves.toEqual(['A', 'B']);
    expect(steps).toEqual(['A begins', 'A ends', 'B begins', 'B ends']);
    expect(await names()).toEqual(['A', 'B']);
  });

  it('two clients on one file: 40 concurrent read-then-write transactions all commit (SQLITE_BUSY retried)', async () => {
    const clients = [await createDatabase({ databaseUrl: db.databaseUrl }), await createDatabase({ databaseUrl: db.databaseUrl })];
    extra.push(...clients);
    const person = await db.prisma.person.create({ data: { displayName: 'Lan' } });
    const message = { personId: person.id, channel: 'console', chatId: '1', locale: 'vi', payload: '{}' };
    const counters = await Promise.all(['a', 'b'].map((key) => db.prisma.outboxMessage.create({ data: { ...message, key } })));
    let runs = 0;
    const increment = (prisma: PrismaClient, id: number) =>
      prisma.$transaction(async (tx) => {
        runs += 1;
        const row = await tx.outboxMessage.findUniqueOrThrow({ where: { id }, select: { attempts: true } });
        await new Promise((done) => setImmediate(done)); // let the other client read meanwhile
        await tx.outboxMessage.update({ where: { id }, data: { attempts: row.attempts + 1 } });
      });
    const jobs = Array.from({ length: 40 }, (_, i) => {
      const client = clients[i % 2] as Database;
      const counter = counters[Math.floor(i / 2) % 2] as { id: number };
      return increment(client.prisma, counter.id);
    });
    const results = await Promise.allSettled(jobs);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await db.prisma.outboxMessage.findMany({ select: { attempts: true } });
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(40);
    expect(runs).toBeGreaterThanOrEqual(40); // > 40 whenever SQLITE_BUSY forced a rerun
  });

  it('a standalone statement that meets another process write lock is retried once it is free, and written once', async () => {
    const other = await createDatabase({ databaseUrl: db.databaseUrl });
    extra.push(other);
    const person = await db.prisma.person.create({ data: { displayName: 'Lan' } });
    // The other client holds the write lock: a transaction waiting at a gate after its first write.
    const held = gate();
    const written = gate();
    const holding = other.unitOfWork(async () => {
      await other.prisma.$executeRaw`UPDATE "Person" SET "locale" = 'en' WHERE "id" = ${person.id}`;
      written.open();
      await held.opened;
    });
    await written.opened;
    // Starts at once (then): meets SQLITE_BUSY before the lock is freed, and waits in the retry loop.
    const insert = db.prisma.$executeRaw`INSERT INTO "UnansweredQuestion" ("text", "key", "locale", "channel", "offered", "createdAt")
      VALUES ('giá vàng', 'gia vang', 'vi', 'telegram', '[]', '2026-12-01T00:00:00.000+00:00')`.then((n) => n);
    held.open();
    await holding;
    await expect(insert).resolves.toBe(1);
    expect(await db.prisma.unansweredQuestion.count()).toBe(1);
  });

  it('queries through tx (and a nested tx.$transaction) inside a transaction do not deadlock', async () => {
    const result = await db.prisma.$transaction(async (tx) => {
      await tx.person.create({ data: { displayName: 'outer' } });
      const count = await tx.person.count();
      const nested = await tx.$transaction(async (inner) => {
        await inner.person.create({ data: { displayName: 'nested' } });
        return inner.person.count();
      });
      const raw = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM Person`;
      return { count, nested, raw: Number(raw[0]?.n) };
    });
    expect(result).toEqual({ count: 1, nested: 2, raw: 2 });
    expect(await names()).toEqual(['nested', 'outer']);
  });

  it('work a transaction leaves behind waits like any other query once the transaction has ended', async () => {
    const scheduled = gate();
    let late: Promise<unknown> = Promise.resolve();
    await db.prisma.$transaction(async (tx) => {
      await tx.person.create({ data: { displayName: 'first' } });
      // Fire and forget: runs after this transaction, in its (inherited) async context. (`.then`
      // starts the query here: a Prisma query is lazy, it runs where it is first awaited.)
      setTimeout(() => {
        late = db.prisma.person.create({ data: { displayName: 'late' } }).then(() => {});
        scheduled.open();
      }, 30);
    });
    const failing = db.prisma.$transaction(async () => {
      await scheduled.opened;
      await settledWithin(late);
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    await late;
    expect(await names()).toEqual(['first', 'late']);
  });

  it('recognises SQLITE_BUSY as Prisma surfaces it', () => {
    const adapterError = Object.assign(new Error('SocketTimeout'), {
      name: 'DriverAdapterError',
      cause: { originalCode: 'SQLITE_BUSY_SNAPSHOT', kind: 'SocketTimeout' },
    });
    expect(isBusyError(Object.assign(new Error('Operation has timed out'), { code: 'P1008', meta: { driverAdapterError: adapterError } }))).toBe(true);
    expect(isBusyError(adapterError)).toBe(true);
    expect(isBusyError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isBusyError(new Error('wrapped', { cause: adapterError }))).toBe(true);
    expect(isBusyError(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isBusyError(new Error('refused'))).toBe(false);
    expect(isBusyError(null)).toBe(false);
  });
});
