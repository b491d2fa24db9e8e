/**
 * The unit of work (src/db/unit-of-work.ts) on both engines: what repositories write inside one
 * commits together or not at all, whatever client method they use, and a repository's own caught
 * failure does not spoil the unit (PostgreSQL aborts a transaction on any error otherwise). The
 * PostgreSQL half runs in the PostgreSQL pass (see `postgresTestsSkipped`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/db/outbox.ts';
import { createPeopleRepository } from '../../src/db/people-repository.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';
import { postgresTestsSkipped } from '../helpers/test-engine.ts';

const unavailable = await postgresTestsSkipped();
const engines: ('sqlite' | 'postgresql')[] = ['sqlite', 'postgresql'];
const open: TempDatabase[] = [];
afterAll(async () => {
  await Promise.all(open.map((d) => d.close()));
});

async function database(engine: 'sqlite' | 'postgresql'): Promise<TempDatabase> {
  const db = await createTempDatabase({ engine });
  open.push(db);
  return db;
}

describe.each(engines)('unit of work on %s', (engine) => {
  const skip = engine === 'postgresql' && unavailable !== null;
  if (skip) console.warn(`PostgreSQL unit-of-work tests (tests/db/unit-of-work.test.ts) skipped: ${unavailable}`);

  it.skipIf(skip)('a person, their notice and a raw write made inside one unit are all undone when the unit fails', async () => {
    const db = await database(engine);
    const people = createPeopleRepository(db.prisma);
    const notifier = createOutbox(db.prisma, { defaultLocale: 'vi' });
    await expect(
      db.unitOfWork(async () => {
        const lan = await people.ensure({ channel: 'telegram', externalId: '7', displayName: 'Lan' });
        await notifier.notify([{ personId: lan.id, key: 'hello:7', reply: { lines: [{ key: 'x' }] } }]);
        await db.prisma.$executeRawUnsafe(`UPDATE "Person" SET "displayName" = 'Lan Anh' WHERE "id" = ${lan.id}`);
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await db.prisma.person.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);

    const id = await db.unitOfWork(async () => {
      const lan = await people.ensure({ channel: 'telegram', externalId: '7', displayName: 'Lan' });
      await notifier.notify([{ personId: lan.id, key: 'hello:7', reply: { lines: [{ key: 'x' }] } }]);
      return lan.id;
    });
    expect(await db.prisma.person.findUnique({ where: { id } })).toMatchObject({ displayName: 'Lan' });
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it.skipIf(skip)('a repository’s own transaction inside a unit rolls back alone when it fails, and the unit goes on', async () => {
    const db = await database(engine);
    const people = createPeopleRepository(db.prisma);
    const lan = await people.ensure({ channel: 'telegram', externalId: '8', displayName: 'Lan' });
    const result = await db.unitOfWork(async () => {
      await db.prisma.person.update({ where: { id: lan.id }, data: { displayName: 'Lan Anh' } });
      // A nested transaction that fails on a unique index (the identity exists), caught by its caller.
      const caught = await db.prisma
        .$transaction(async (tx) => tx.identity.create({ data: { personId: lan.id, channel: 'telegram', externalId: '8' } }))
        .then(
          () => 'created',
          (error: { code?: string }) => error.code,
        );
      // Still usable after the failure, and the earlier write is still there.
      const seen = await db.prisma.person.findUnique({ where: { id: lan.id } });
      return { caught, name: seen?.displayName };
    });
    expect(result).toEqual({ caught: 'P2002', name: 'Lan Anh' });
    expect((await db.prisma.person.findUnique({ where: { id: lan.id } }))?.displayName).toBe('Lan Anh');
  });

  it.skipIf(skip)('outside a unit, and after one ended, queries are the client’s own (not a closed transaction’s)', async () => {
    const db = await database(engine);
    const people = createPeopleRepository(db.prisma);
    let late: (() => Promise<number>) | undefined;
    await db.unitOfWork(async () => {
      await people.ensure({ channel: 'zalo', externalId: '9', displayName: 'Ba' });
      late = () => db.prisma.person.count();
    });
    expect(await late!()).toBe(1);
    await people.ensure({ channel: 'zalo', externalId: '10', displayName: 'Tư' });
    expect(await db.prisma.person.count()).toBe(2);
  });
});
