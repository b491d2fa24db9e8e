/**
 * The inbound-event log and the people lookups channels use, on a migrated temporary database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboundEventLog } from '../../src/db/inbound-log.ts';
import { createPeopleRepository } from '../../src/db/people-repository.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

let db: TempDatabase;
beforeEach(async () => {
  db = await createTempDatabase();
});
afterEach(() => db.close());

describe('inbound-event log', () => {
  it('records an event once per channel; a redelivery is a duplicate, also through a second connection', async () => {
    const log = createInboundEventLog(db.prisma);
    expect(await log.record('zalo', 'msg:1')).toBe(true);
    expect(await log.record('zalo', 'msg:1')).toBe(false);
    expect(await log.record('telegram', 'msg:1')).toBe(true); // another channel's id space
    expect(await createInboundEventLog(db.prisma).record('zalo', 'msg:1')).toBe(false);
  });

  it('prunes only the channel’s events recorded before the given instant', async () => {
    const log = createInboundEventLog(db.prisma);
    await log.record('zalo', 'old');
    await log.record('telegram', 'old');
    expect(await log.prune('zalo', new Date(Date.now() + 60_000))).toBe(1);
    expect(await log.record('zalo', 'old')).toBe(true); // forgotten
    expect(await log.record('telegram', 'old')).toBe(false); // kept
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

    expect(await people.locales([lan.id, ba.id, 999])).toEqual(new Map([[lan.id, null], [ba.id, 'en']]));
  });
});
