/**
 * Holds per channel identity: a Zalo unfollow (or a Telegram 403) holds that identity only; when the
 * person writes again through it, what was held and is still worth sending is released (of a digest
 * series only the latest), the rest is dropped with its reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxSender, UnreachableError } from '../../src/channels/delivery.ts';
import { msg } from '../../src/core/channel.ts';
import { HELD_MAX_AGE_MS, seriesOf } from '../../src/db/held.ts';
import { createOutbox } from '../../src/db/outbox.ts';
import { createOutboxStore } from '../../src/db/outbox-store.ts';
import { createPeopleRepository } from '../../src/db/people-repository.ts';
import { createLogger } from '../../src/logger.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const silent = createLogger({ level: 'silent' });
const T0 = new Date('2026-12-03T08:00:00Z');
let db: TempDatabase;
let now: Date;
let personId: number;
beforeEach(async () => {
  db = await createTempDatabase();
  now = T0;
  // Lan uses Telegram and Zalo; Zalo last.
  const person = await db.prisma.person.create({ data: { displayName: 'Lan' } });
  personId = person.id;
  await db.prisma.identity.create({ data: { channel: 'telegram', externalId: '111', personId, lastSeenAt: new Date(T0.getTime() - 3_600_000) } });
  await db.prisma.identity.create({ data: { channel: 'zalo', externalId: 'z222', personId, lastSeenAt: new Date(T0.getTime() - 60_000) } });
});
afterEach(async () => {
  await db.close();
});

const people = () => createPeopleRepository(db.prisma, { now: () => now });
const notify = (key: string, extra: { channel?: 'zalo' | 'telegram'; relevance?: string } = {}) =>
  createOutbox(db.prisma, { defaultLocale: 'vi', now: () => now }).notify([{ personId, key, reply: { lines: [msg('plain', { text: key })] }, ...extra }]);
const row = (key: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } });
const held = async (channel: string) => (await db.prisma.identity.findFirstOrThrow({ where: { personId, channel } })).unreachableAt;

describe('holds per channel identity', () => {
  it('a Zalo unfollow holds Zalo only: its queued rows wait, Telegram notices still go', async () => {
    await notify('digest:2026-11-30:1'); // to Zalo, the identity used last
    expect((await row('digest:2026-11-30:1')).channel).toBe('zalo');
    await people().markUnreachable({ channel: 'zalo', externalId: 'z222' }, now);
    expect(await held('zalo')).toEqual(now);
    expect(await held('telegram')).toBeNull();
    expect(await row('digest:2026-11-30:1')).toMatchObject({ state: 'UNREACHABLE' });
    // New notices go to Telegram, and are sent there.
    await notify('nomination:1:submitted:r1:1');
    expect(await row('nomination:1:submitted:r1:1')).toMatchObject({ channel: 'telegram', chatId: '111', state: 'PENDING' });
    const sent: string[] = [];
    const sender = createOutboxSender({
      store: createOutboxStore(db.prisma),
      channel: 'telegram',
      logger: silent,
      perChatMs: 0,
      now: () => now,
      sleep: async () => undefined,
      send: async (chat) => void sent.push(chat),
    });
    expect(await sender.deliverDue()).toBe(1);
    expect(sent).toEqual(['111']);
    // A notice for Zalo itself is held.
    await notify('zalo-only:1', { channel: 'zalo' });
    expect(await row('zalo-only:1')).toMatchObject({ channel: 'zalo', state: 'UNREACHABLE' });
  });

  it('a Telegram 403 at send holds the Telegram identity and the chat’s other queued rows; Zalo goes on', async () => {
    await db.prisma.identity.updateMany({ where: { channel: 'telegram' }, data: { lastSeenAt: new Date(T0.getTime()) } });
    await notify('a:1');
    await notify('b:1');
    const sender = createOutboxSender({
      store: createOutboxStore(db.prisma),
      channel: 'telegram',
      logger: silent,
      perChatMs: 0,
      now: () => now,
      sleep: async () => undefined,
      send: async () => Promise.reject(new UnreachableError('Forbidden: bot was blocked by the user')),
    });
    await sender.deliverDue();
    expect((await row('a:1')).state).toBe('UNREACHABLE');
    expect(await row('b:1')).toMatchObject({ state: 'UNREACHABLE', attempts: 0 }); // never tried
    expect(await held('telegram')).toEqual(now);
    expect(await held('zalo')).toBeNull();
    await notify('c:1');
    expect(await row('c:1')).toMatchObject({ channel: 'zalo', state: 'PENDING' });
  });

  it('writing again releases what was held and is still relevant: of the digests only the latest; the rest dropped with a reason', async () => {
    await people().markUnreachable({ channel: 'zalo', externalId: 'z222' }, now);
    const old = new Date(T0.getTime() - HELD_MAX_AGE_MS - 60_000);
    await notify('link:7:owner', { channel: 'zalo' });
    await db.prisma.outboxMessage.update({ where: { key: 'link:7:owner' }, data: { createdAt: old } });
    await notify('digest:2026-11-23:1', { channel: 'zalo' });
    await notify('digest:2026-11-30:1', { channel: 'zalo' });
    await notify('nomination:99:decided:r1:APPROVED:1', { channel: 'zalo', relevance: 'nomination:99@APPROVED:1' }); // no such nomination any more
    await notify('deed:5:approved:1', { channel: 'zalo' });
    await notify('review-reminder:2026-12-01:1', { channel: 'zalo' });
    await notify('review-reminder:2026-12-02:1', { channel: 'zalo' });
    const keys = [
      'link:7:owner',
      'digest:2026-11-23:1',
      'digest:2026-11-30:1',
      'nomination:99:decided:r1:APPROVED:1',
      'deed:5:approved:1',
      'review-reminder:2026-12-01:1',
      'review-reminder:2026-12-02:1',
    ];
    for (const k of keys) expect((await row(k)).state).toBe('UNREACHABLE');

    // Writing on Telegram releases nothing held for Zalo.
    now = new Date(T0.getTime() + 60_000);
    await people().ensure({ channel: 'telegram', externalId: '111', displayName: 'Lan' });
    expect(await held('zalo')).not.toBeNull();
    expect((await row('digest:2026-11-30:1')).state).toBe('UNREACHABLE');

    // Writing on Zalo: released or dropped, each once.
    now = new Date(T0.getTime() + 120_000);
    await people().ensure({ channel: 'zalo', externalId: 'z222', displayName: 'Lan' });
    expect(await held('zalo')).toBeNull();
    const after = Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await row(k)] as const)));
    expect(Object.fromEntries(keys.map((k) => [k, after[k]!.state]))).toEqual({
      'link:7:owner': 'DROPPED',
      'digest:2026-11-23:1': 'DROPPED',
      'digest:2026-11-30:1': 'PENDING',
      'nomination:99:decided:r1:APPROVED:1': 'DROPPED',
      'deed:5:approved:1': 'PENDING',
      'review-reminder:2026-12-01:1': 'DROPPED',
      'review-reminder:2026-12-02:1': 'PENDING',
    });
    expect(after['link:7:owner']!.lastError).toMatch(/held too long/);
    expect(after['digest:2026-11-23:1']!.lastError).toMatch(/superseded/);
    expect(after['nomination:99:decided:r1:APPROVED:1']!.lastError).toMatch(/lost its point/);
    expect(after['digest:2026-11-30:1']!.nextAttemptAt).toEqual(now);
    // A second message changes nothing more.
    await people().ensure({ channel: 'zalo', externalId: 'z222', displayName: 'Lan' });
    expect(await db.prisma.outboxMessage.count({ where: { state: 'PENDING' } })).toBe(3);
  });

  it('seriesOf: periodic notices by kind, countdowns by their date', () => {
    expect(seriesOf('digest:2026-W49:12')).toBe('digest');
    expect(seriesOf('bulletin:2026-12:12')).toBe('bulletin');
    expect(seriesOf('deeds-reminder:2026-12-03:4')).toBe('deeds-reminder');
    expect(seriesOf('milestone:ia:tong-ket:2026-12-31:7:12')).toBe('milestone:ia:tong-ket:2026-12-31');
    expect(seriesOf('milestone:ia:tong-ket:2026-12-31:3:12')).toBe('milestone:ia:tong-ket:2026-12-31');
    expect(seriesOf('quota:ia:tk:2026-12-31:7:q1:12')).toBe('quota:ia:tk:2026-12-31:q1');
    expect(seriesOf('nomination:1:submitted:r1:12')).toBeNull();
  });
});
