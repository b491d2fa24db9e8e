/**
 * The persisted inbox and the people lookups channels use, on a migrated temporary database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInbox } from '../../src/db/inbox-store.ts';
import { createOutboxStore } from '../../src/db/outbox-store.ts';
import { PRISMA_DATETIME_GLOB } from '../../src/db/datetime-format.ts';
import { TEST_ENGINE } from '../helpers/test-engine.ts';
import { createPeopleRepository } from '../../src/db/people-repository.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

let db: TempDatabase;
beforeEach(async () => {
  db = await createTempDatabase();
});
afterEach(() => db.close());

describe('the persisted inbox', () => {
  const at = new Date('2026-12-03T01:00:00Z');
  const ev = (k: string) => ({ eventKey: k, payload: JSON.stringify({ k }) });

  it.each([
    ['one transaction per batch', true],
    ['one statement at a time', false],
  ])('records an event once per channel (%s): a repeat in the same batch, a redelivery or a second process finds the same entry', async (_, batched) => {
    const inbox = createInbox(db.prisma, batched ? { unitOfWork: db.unitOfWork } : {});
    const [a, again] = await inbox.record('telegram', [ev('update:1'), ev('update:1')], at);
    expect(a).toMatchObject({ state: 'RECEIVED', eventKey: 'update:1' });
    expect(again!.id).toBe(a!.id);
    const [other] = await inbox.record('zalo', [ev('update:1')], at); // another channel's id space
    expect(other!.id).not.toBe(a!.id);
    expect(await inbox.complete(a!.id, at)).toBe(true);
    const [redelivered] = await createInbox(db.prisma).record('telegram', [ev('update:1')], at);
    expect(redelivered).toMatchObject({ id: a!.id, state: 'DONE' });
    expect(await inbox.complete(a!.id, at)).toBe(false); // handled once
    expect(await inbox.fail(a!.id, 'late', at)).toBe(false);
    // A batch of new and known events keeps its order, each with its own entry.
    const batch = await inbox.record('telegram', [ev('update:2'), ev('update:1'), ev('update:3')], at);
    expect(batch.map((e) => [e.eventKey, e.state])).toEqual([
      ['update:2', 'RECEIVED'],
      ['update:1', 'DONE'],
      ['update:3', 'RECEIVED'],
    ]);
  });

  it('lists what was received and not handled, oldest first, for the replay at start', async () => {
    const inbox = createInbox(db.prisma);
    const [one, two, three] = await inbox.record('telegram', [ev('update:1'), ev('update:2'), ev('update:3')], at);
    await inbox.complete(two!.id, at);
    await inbox.fail(three!.id, 'x'.repeat(600), at);
    expect((await inbox.pending('telegram', new Date(at.getTime() + 1), 10)).map((e) => e.id)).toEqual([one!.id]);
    expect(await inbox.pending('telegram', at, 10)).toEqual([]); // recorded by this run: not a leftover
    expect((await db.prisma.inboxEntry.findUniqueOrThrow({ where: { id: three!.id } })).lastError).toHaveLength(500);
  });

  it('prunes only the channel’s handled entries recorded before the given instant', async () => {
    const inbox = createInbox(db.prisma);
    const [done, waiting] = await inbox.record('zalo', [ev('old'), ev('waiting')], at);
    await inbox.complete(done!.id, at);
    const [tg] = await inbox.record('telegram', [ev('old')], at);
    await inbox.complete(tg!.id, at);
    expect(await inbox.prune('zalo', new Date(at.getTime() + 60_000))).toBe(1);
    expect(await inbox.find('zalo', 'old')).toBeNull(); // forgotten
    expect(await inbox.find('zalo', 'waiting')).toMatchObject({ id: waiting!.id, state: 'RECEIVED' }); // never dropped unhandled
    expect(await inbox.find('telegram', 'old')).toMatchObject({ state: 'DONE' }); // kept
  });
});

describe('people lookups', () => {
  it('last seen, unreachable by identity (cleared by writing again) and chosen languages', async () => {
    let now = new Date('2026-12-01T03:00:00Z');
    const people = createPeopleRepository(db.prisma, { now: () => now });
    const lan = await people.ensure({ channel: 'zalo', externalId: 'z1', displayName: 'Lan' });
    const ba = await people.ensure({ channel: 'telegram', externalId: '42', displayName: 'Ba' });
    await people.setLocale(ba.id, 'en');
    expect(await people.lastSeenAt({ channel: 'zalo', externalId: 'z1' })).toEqual(now);
    expect(await people.lastSeenAt({ channel: 'zalo', externalId: 'unknown' })).toBeNull();

    await people.markUnreachable({ channel: 'zalo', externalId: 'z1' }, now);
    await people.markUnreachable({ channel: 'zalo', externalId: 'unknown' }, now); // no error
    expect((await db.prisma.identity.findFirstOrThrow({ where: { personId: lan.id, channel: 'zalo' } })).unreachableAt).toEqual(now);
    now = new Date('2026-12-02T03:00:00Z');
    await people.ensure({ channel: 'zalo', externalId: 'z1', displayName: 'Lan' });
    expect((await db.prisma.identity.findFirstOrThrow({ where: { personId: lan.id, channel: 'zalo' } })).unreachableAt).toBeNull();
    expect(await people.lastSeenAt({ channel: 'zalo', externalId: 'z1' })).toEqual(now);

    expect(await people.locales([lan.id, ba.id, 999])).toEqual(
      new Map([
        [lan.id, null],
        [ba.id, 'en'],
      ]),
    );
  });
});

describe('dates written in plain SQL (handled, sent, a reply queued)', () => {
  it('are read back as the same instants, and SQLite keeps Prisma’s one text format', async () => {
    const at = new Date('2026-12-06T10:00:00.123Z');
    const inbox = createInbox(db.prisma);
    const [entry] = await inbox.record('telegram', [{ eventKey: 'update:9', payload: '{}' }], at);
    expect(await inbox.complete(entry!.id, at)).toBe(true);
    const person = await db.prisma.person.create({ data: { displayName: 'Lan' } });
    const row = await db.prisma.outboxMessage.create({
      data: { key: 'k:1', personId: person.id, channel: 'telegram', chatId: '1', locale: 'vi', payload: '{}', state: 'SENDING' },
    });
    await createOutboxStore(db.prisma).markSent(row.id, at);
    const [reply] = await createOutboxStore(db.prisma).enqueueReplies([
      { key: 'reply:telegram:update:9:0', personId: person.id, channel: 'telegram', chatId: '1', locale: 'vi', reply: { lines: [] }, notBefore: at },
    ]);
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: reply! } })).nextAttemptAt).toEqual(at);
    expect((await db.prisma.inboxEntry.findUniqueOrThrow({ where: { id: entry!.id } })).handledAt).toEqual(at);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: 'SENT', sentAt: at, lastError: null });
    if (TEST_ENGINE === 'sqlite') {
      const texts = await db.prisma.$queryRawUnsafe<{ t: string }[]>(
        `SELECT "handledAt" AS t FROM "InboxEntry" WHERE "handledAt" GLOB '${PRISMA_DATETIME_GLOB}'
         UNION ALL SELECT "sentAt" FROM "OutboxMessage" WHERE "sentAt" GLOB '${PRISMA_DATETIME_GLOB}'
         UNION ALL SELECT "nextAttemptAt" FROM "OutboxMessage" WHERE "id" = ${reply} AND "nextAttemptAt" GLOB '${PRISMA_DATETIME_GLOB}'
         UNION ALL SELECT "createdAt" FROM "OutboxMessage" WHERE "id" = ${reply} AND "createdAt" GLOB '${PRISMA_DATETIME_GLOB}'`,
      );
      expect(texts).toHaveLength(4);
    }
  });
});
