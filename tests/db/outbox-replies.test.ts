/**
 * Interactive replies in the outbox: the payload codec (files as base64, Vietnamese text) and
 * `enqueueReplies` (ids in order, repeated keys, inside an enclosing transaction).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { msg, type Reply } from '../../src/core/channel.ts';
import { createOutboxStore } from '../../src/db/outbox-store.ts';
import { createOutbox, enqueueReplies } from '../../src/db/outbox.ts';
import { decodeReply, encodeReply } from '../../src/db/reply-codec.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

describe('reply codec', () => {
  it('round-trips a reply with a file (bytes of every value) and Vietnamese text', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const reply: Reply = {
      lines: [msg('plain', { text: 'Tờ trình số 05/TTr-UBND — Nguyễn Thị Hoà 👩🏽‍🌾' }), msg('nested', { inner: msg('x', { n: 3 }), list: [msg('a'), msg('b')] })],
      buttons: [[{ label: msg('ok'), action: 'nom:submit:12' }]],
      attachments: [{ kind: 'PHOTO', channel: 'telegram', fileRef: 'AgAD' }],
      files: [{ name: 'to-trinh-05.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes }],
      deepLink: 'abc_1',
    };
    const payload = encodeReply(reply);
    expect(typeof payload).toBe('string');
    const back = decodeReply(payload);
    expect(back.files![0]!.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.files![0]!.bytes]).toEqual([...bytes]);
    expect(back).toEqual(reply);
  });

  it('encodes a view into a larger buffer by its own bytes only', () => {
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const back = decodeReply(encodeReply({ lines: [], files: [{ name: 'a.pdf', mime: 'application/pdf', bytes: whole.subarray(2, 5) }] }));
    expect([...back.files![0]!.bytes]).toEqual([1, 2, 3]);
  });

  it('reads payloads written before the codec (plain JSON, no files)', () => {
    const reply: Reply = { lines: [msg('plain', { text: 'Xin chào' })] };
    expect(decodeReply(JSON.stringify(reply))).toEqual(reply);
  });
});

describe('enqueueReplies', () => {
  let db: TempDatabase;
  let personId: number;
  beforeEach(async () => {
    db = await createTempDatabase();
    personId = (await db.prisma.person.create({ data: { displayName: 'Lan' } })).id;
  });
  afterEach(async () => {
    await db.close();
  });
  const at = new Date('2026-12-03T10:00:30Z');
  const row = (key: string, text: string) => ({
    key,
    personId,
    channel: 'telegram',
    chatId: '42',
    locale: 'vi',
    reply: { lines: [msg('plain', { text })] },
    notBefore: at,
  });

  it('queues in order, PENDING from notBefore, in one write', async () => {
    const store = createOutboxStore(db.prisma);
    const ids = await store.enqueueReplies([row('r:1:0', 'một'), row('r:1:1', 'hai'), row('r:1:2', 'ba')]);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const rows = await db.prisma.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.key, r.state, r.nextAttemptAt, r.chatId, r.relevance])).toEqual([
      [ids[0], 'r:1:0', 'PENDING', at, '42', null],
      [ids[1], 'r:1:1', 'PENDING', at, '42', null],
      [ids[2], 'r:1:2', 'PENDING', at, '42', null],
    ]);
  });

  it('refuses a key queued before: the enclosing unit of work rolls back, nothing is queued twice', async () => {
    await enqueueReplies(db.prisma, [row('r:2:0', 'một')]);
    await expect(
      db.unitOfWork(async () => {
        await db.prisma.person.update({ where: { id: personId }, data: { displayName: 'Lan B' } });
        await enqueueReplies(db.prisma, [row('r:2:1', 'hai'), row('r:2:0', 'một')]);
      }),
    ).rejects.toThrow(/unique|UNIQUE|duplicate/i);
    expect((await db.prisma.outboxMessage.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(['r:2:0']);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).displayName).toBe('Lan');
  });

  it('at start, the replies a dead process committed and never tried are due now; a deferred one and a SENDING one are not', async () => {
    const store = createOutboxStore(db.prisma);
    const ids = await store.enqueueReplies([
      row('reply:telegram:update:7:0', 'một'),
      row('reply:telegram:update:7:1', 'hai'),
      row('reply:telegram:update:8:0', 'ba'),
    ]);
    const later = new Date(at.getTime() + 600_000);
    await store.defer(ids[1]!, { until: later, error: '429 Too Many Requests', giveBackAttempt: true });
    await db.prisma.outboxMessage.update({ where: { id: ids[2]! }, data: { state: 'SENDING', attempts: 1 } });
    const now = new Date(at.getTime() - 25_000); // within the handler's grace
    expect(await store.recoverInterrupted({ channel: 'telegram', now })).toBe(1);
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.state, r.nextAttemptAt])).toEqual([
      ['PENDING', now],
      ['PENDING', later],
      ['UNCERTAIN', later], // (pushed behind the deferred row of its chat)
    ]);
  });

  it('a notice queued while an answer of the chat is in its grace is not pushed behind it; behind a deferred one it is', async () => {
    const store = createOutboxStore(db.prisma);
    await db.prisma.identity.create({ data: { channel: 'telegram', externalId: '42', personId } });
    const now = new Date(at.getTime() - 30_000); // the answer's grace runs to `at`
    const notifier = createOutbox(db.prisma, { defaultLocale: 'vi', now: () => now });
    const [answer] = await store.enqueueReplies([row('reply:telegram:update:9:0', 'một')]);
    const notice = (key: string) => ({ personId, key, reply: { lines: [msg('plain', { text: key })] } });
    await notifier.notify([notice('n:1')]);
    const nextOf = async (key: string) => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } })).nextAttemptAt;
    expect(await nextOf('n:1')).toEqual(now);
    const later = new Date(at.getTime() + 600_000);
    await store.defer(answer!, { until: later, error: '429 Too Many Requests', giveBackAttempt: true });
    await notifier.notify([notice('n:2')]);
    expect(await nextOf('n:2')).toEqual(later);
  });

  it('stores a reply with files and gives it back with its bytes', async () => {
    const store = createOutboxStore(db.prisma);
    const bytes = new Uint8Array([0, 255, 128, 7]);
    const [id] = await store.enqueueReplies([
      {
        ...row('r:3:0', 'Dự thảo'),
        reply: { lines: [msg('plain', { text: 'Dự thảo' })], files: [{ name: 'du-thao.docx', mime: 'application/octet-stream', bytes }] },
      },
    ]);
    const stored = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect([...decodeReply(stored.payload).files![0]!.bytes]).toEqual([0, 255, 128, 7]);
  });
  it('claims and SENT marks made at once share a transaction, and each gets its own answer', async () => {
    const store = createOutboxStore(db.prisma, { unitOfWork: db.unitOfWork });
    const [a, b, c] = await store.enqueueReplies([row('r:4:0', 'một'), row('r:4:1', 'hai'), row('r:4:2', 'ba')]);
    await db.prisma.outboxMessage.update({ where: { id: c! }, data: { state: 'SENT' } });
    // The same row claimed twice in one turn (the handler and the loop): one claim wins.
    expect(await Promise.all([store.claim(a!), store.claim(b!), store.claim(a!), store.claim(c!)])).toEqual([true, true, false, false]);
    const sentAt = new Date(at.getTime() + 1000);
    await Promise.all([store.markSent(a!, sentAt), store.markSent(b!, sentAt)]);
    const rows = await db.prisma.outboxMessage.findMany({ where: { id: { in: [a!, b!] } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.state, r.attempts, r.sentAt])).toEqual([
      ['SENT', 1, sentAt],
      ['SENT', 1, sentAt],
    ]);
  });

  it('a claim made inside a unit of work is not committed with it, nor rolled back by it', async () => {
    const store = createOutboxStore(db.prisma, { unitOfWork: db.unitOfWork });
    const [id] = await store.enqueueReplies([row('r:5:0', 'một')]);
    let claimed: Promise<boolean> | undefined;
    await expect(
      db.unitOfWork(async () => {
        claimed = store.claim(id!);
        // Still open when the claims of this turn are written.
        for (let turn = 0; turn < 3; turn++) await new Promise((next) => setImmediate(next));
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await claimed).toBe(true);
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).state).toBe('SENDING');
  });
});
