/**
 * Plain SQL and the unit of work's transaction straight on the SQLite connection
 * (src/db/sqlite-direct.ts, src/db/client.ts): the same rows as Prisma's own `$queryRaw`, Prisma's
 * transactions inside a unit as savepoints, and a unit that outlives its time rolled back without
 * holding up everyone else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUniqueViolation, UnitTimeoutError } from '../../src/db/client.ts';
import { UNIT_TIMEOUT_MS } from '../../src/db/unit-of-work.ts';
import { gate } from '../helpers/gate.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';
import { TEST_ENGINE } from '../helpers/test-engine.ts';

describe.skipIf(TEST_ENGINE !== 'sqlite')('SQLite statements run on the connection directly', () => {
  let db: TempDatabase;
  afterEach(async () => {
    vi.useRealTimers();
    await db.close();
  });

  it('a plain query gives the rows Prisma gives: dates, booleans, big and small integers, nulls', async () => {
    db = await createTempDatabase();
    const p = db.prisma;
    const lan = await p.person.create({ data: { displayName: 'Lan', createdAt: new Date('2026-12-06T01:02:03.456Z') } });
    await p.preference.create({ data: { personId: lan.id, kind: 'digest', enabled: true } });
    await p.$executeRawUnsafe(`UPDATE "Person" SET "cacheVersion" = 9007199254740993 WHERE "id" = ${lan.id}`);
    const sql = `SELECT p."id", p."displayName", p."locale", p."createdAt", p."cacheVersion", r."enabled" FROM "Person" p JOIN "Preference" r ON r."personId" = p."id" WHERE p."id" = ?`;
    // Through Prisma (the unsafe form is not taken directly) and directly (the tagged form).
    const viaPrisma = await p.$queryRawUnsafe<unknown[]>(sql, lan.id);
    const direct = await p.$queryRaw<
      unknown[]
    >`SELECT p."id", p."displayName", p."locale", p."createdAt", p."cacheVersion", r."enabled" FROM "Person" p JOIN "Preference" r ON r."personId" = p."id" WHERE p."id" = ${lan.id}`;
    expect(direct).toEqual(viaPrisma);
    expect(direct).toEqual([
      { id: lan.id, displayName: 'Lan', locale: null, createdAt: new Date('2026-12-06T01:02:03.456Z'), cacheVersion: 9007199254740993n, enabled: true },
    ]);
    // An expression has no declared type: its integer comes as a bigint from both.
    expect(await p.$queryRaw`SELECT count(*) AS n FROM "Person"`).toEqual(await p.$queryRawUnsafe('SELECT count(*) AS n FROM "Person"'));
    expect(await p.$queryRaw`SELECT count(*) AS n FROM "Person"`).toEqual([{ n: 1n }]);
  });

  it('arguments: a date is compared as Prisma stores it, a boolean as 1/0, undefined as null', async () => {
    db = await createTempDatabase();
    const p = db.prisma;
    const at = new Date('2026-12-06T08:00:00.000Z');
    const lan = await p.person.create({ data: { displayName: 'Lan', createdAt: at } });
    await p.preference.create({ data: { personId: lan.id, kind: 'digest', enabled: false } });
    expect(await p.$queryRaw`SELECT "id" FROM "Person" WHERE "createdAt" = ${at}`).toEqual([{ id: lan.id }]);
    expect(await p.$queryRaw`SELECT "id" FROM "Person" WHERE "createdAt" < ${new Date('2026-12-06T07:59:59.999Z')}`).toEqual([]);
    expect(await p.$executeRaw`UPDATE "Preference" SET "enabled" = ${true} WHERE "personId" = ${lan.id} AND "enabled" = ${false}`).toBe(1);
    expect((await p.preference.findFirstOrThrow({ where: { personId: lan.id } })).enabled).toBe(true);
    expect(await p.$executeRaw`UPDATE "Person" SET "locale" = ${undefined} WHERE "id" = ${lan.id}`).toBe(1);
    expect((await p.person.findUniqueOrThrow({ where: { id: lan.id } })).locale).toBeNull();
  });

  it('inside a unit: Prisma’s multi-statement writes and a failed nested transaction are savepoints of it', async () => {
    db = await createTempDatabase();
    const p = db.prisma;
    const outcome = await db.unitOfWork(async () => {
      // A nested create: Prisma writes it in several statements in a transaction of its own.
      const lan = await p.person.create({ data: { displayName: 'Lan', identities: { create: { channel: 'telegram', externalId: '1' } } } });
      const refused = await p
        .$transaction(async (tx) => {
          await tx.person.update({ where: { id: lan.id }, data: { displayName: 'undone' } });
          await tx.identity.create({ data: { personId: lan.id, channel: 'telegram', externalId: '1' } }); // unique violation
        })
        .then(
          () => 'written',
          (error: { code?: string }) => error.code,
        );
      const seen = await p.$queryRaw<{ displayName: string }[]>`SELECT "displayName" FROM "Person" WHERE "id" = ${lan.id}`;
      return { refused, seen: seen[0]?.displayName };
    });
    expect(outcome).toEqual({ refused: 'P2002', seen: 'Lan' });
    expect(await p.identity.count()).toBe(1);

    // The whole unit failing takes its nested writes and plain SQL with it.
    await expect(
      db.unitOfWork(async () => {
        const ba = await p.person.create({ data: { displayName: 'Ba', identities: { create: { channel: 'zalo', externalId: '2' } } } });
        await p.$executeRaw`UPDATE "Person" SET "locale" = 'en' WHERE "id" = ${ba.id}`;
        // A plain insert that breaks a unique index fails with SQLite's own error.
        await p.$executeRaw`INSERT INTO "Identity" ("channel", "externalId", "personId", "createdAt", "lastSeenAt") VALUES ('zalo', '2', ${ba.id}, ${new Date()}, ${new Date()})`;
      }),
    ).rejects.toSatisfy((error) => (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && isUniqueViolation(error));
    expect(await p.person.count()).toBe(1);
    expect(await p.identity.count()).toBe(1);
  });

  it('a unit that outlives its time is rolled back and lets the others go on; its later queries fail', async () => {
    db = await createTempDatabase();
    const p = db.prisma;
    const insert = (name: string) =>
      p.$executeRaw`INSERT INTO "Person" ("displayName", "createdAt", "updatedAt") VALUES (${name}, ${new Date()}, ${new Date()})`;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const [stuck, wrote, lateOpened, lateGate] = [gate(), gate(), gate(), gate()];
    let lateNested: unknown;
    const slow = db.unitOfWork(async () => {
      await insert('slow');
      wrote.open();
      await stuck.opened; // e.g. a download that hangs
      lateNested = await p
        .$transaction(async (tx) => {
          lateOpened.open();
          await lateGate.opened;
          return tx.person.create({ data: { displayName: 'nested' } });
        })
        .catch((error: unknown) => error);
      await p.$executeRaw`UPDATE "Person" SET "locale" = 'en'`;
    });
    const outcome = slow.then(
      () => 'committed',
      (error: unknown) => error,
    );
    await wrote.opened;
    // Another chat's unit waits behind it until the time is up.
    const other = db.unitOfWork(async () => p.person.create({ data: { displayName: 'other' } }));
    await vi.advanceTimersByTimeAsync(UNIT_TIMEOUT_MS);
    await other;
    // A third unit has the connection when the late one wakes up: its nested transaction is refused
    // (no savepoint opened in the third unit's transaction), and the third unit's work is untouched.
    const [held, holding, again, holdingAgain] = [gate(), gate(), gate(), gate()];
    const third = db.unitOfWork(async () => {
      await insert('third');
      held.open();
      await holding.opened;
      await insert('third again');
      again.open();
      await holdingAgain.opened;
    });
    await held.opened;
    stuck.open();
    await Promise.race([lateOpened.opened, outcome]); // refused at once, or (were it not) a savepoint opened now
    holding.open();
    await again.opened; // the third unit writes again, after that point
    lateGate.open(); // the late work fails: rolling back to a savepoint would undo that write
    expect(await outcome).toBeInstanceOf(UnitTimeoutError);
    expect(lateNested).toBeInstanceOf(UnitTimeoutError);
    holdingAgain.open();
    await third;
    expect((await p.person.findMany({ select: { displayName: true, locale: true }, orderBy: { id: 'asc' } })).map((r) => [r.displayName, r.locale])).toEqual([
      ['other', null],
      ['third', null],
      ['third again', null],
    ]);
  });
});
