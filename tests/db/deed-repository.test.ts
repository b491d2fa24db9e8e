import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeedDraft, DeedRepository } from '../../src/core/deeds/model.ts';
import { createDeedRepository, generateDeedRef, normalizeDeedRef } from '../../src/db/deed-repository.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

let db: TempDatabase;
let repo: DeedRepository;
let alice: number;
let bob: number;
let officer: number;
const T0 = new Date('2026-11-30T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const draft = (over: Partial<DeedDraft> = {}): DeedDraft => ({
  doerName: 'Ông Nguyễn Văn An',
  description: 'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to',
  place: 'Thôn Đồng Tâm',
  whenText: '29/11/2026',
  creditName: false,
  photos: [],
  ...over,
});

beforeEach(async () => {
  db = await createTempDatabase();
  repo = createDeedRepository(db.prisma);
  [alice, bob, officer] = (await Promise.all(
    ['Alice', 'Bob', 'Officer'].map(async (displayName) => (await db.prisma.person.create({ data: { displayName } })).id),
  )) as [number, number, number];
});
afterEach(async () => {
  await db.close();
});

describe('deed reference codes', () => {
  it('are VT- and four characters of the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) expect(generateDeedRef()).toMatch(/^VT-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/);
  });

  it('are read back whatever the case, spacing, dash or prefix', () => {
    expect(normalizeDeedRef('vt-7k3m')).toBe('VT-7K3M');
    expect(normalizeDeedRef(' VT 7K3M ')).toBe('VT-7K3M');
    expect(normalizeDeedRef('vt–7k3m')).toBe('VT-7K3M');
    expect(normalizeDeedRef('7k3m')).toBe('VT-7K3M');
    expect(normalizeDeedRef('VT-7K3O')).toBeNull(); // O is not in the alphabet
    expect(normalizeDeedRef('VT-7K3MM')).toBeNull();
    expect(normalizeDeedRef('')).toBeNull();
  });
});

describe('deed repository', () => {
  it('creates a NEW deed with keys, photos and a unique reference; reads it by id and by reference', async () => {
    const d = await repo.create({ draft: draft({ photos: [{ channel: 'telegram', fileRef: 'f1' }], creditName: true }), submitterId: alice, now: T0 });
    expect(d).toMatchObject({ submitterId: alice, submitterName: 'Alice', state: 'NEW', creditName: true, createdAt: T0, publishedAt: null, additions: [] });
    expect(d.photos).toEqual([{ channel: 'telegram', fileRef: 'f1' }]);
    const row = await db.prisma.goodDeed.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ doerKey: 'nguyen van an', placeKey: 'thon dong tam', descriptionKey: 'giup cu ba qua duong o nga ba cho luc troi mua to' });
    expect(await repo.get(d.id)).toEqual(d);
    expect((await repo.byRef(d.ref.toLowerCase().replace('-', ' ')))?.id).toBe(d.id);
    expect(await repo.byRef('VT-2222')).toBeNull();
    expect(await repo.get(999)).toBeNull();
    const refs = new Set<string>([d.ref]);
    for (let i = 0; i < 30; i++) refs.add((await repo.create({ draft: draft(), submitterId: alice, now: T0 })).ref);
    expect(refs.size).toBe(31);
  });

  it('finds similar candidates by doer or place key among known deeds since a date', async () => {
    const same = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
    const samePlace = await repo.create({ draft: draft({ doerName: 'Chị Hoa' }), submitterId: alice, now: at(1) });
    await repo.create({ draft: draft({ doerName: 'Chị Lan', place: 'Làng Bi' }), submitterId: alice, now: at(2) });
    const rejected = await repo.create({ draft: draft(), submitterId: bob, now: at(3) });
    await repo.reject({ id: rejected.id, moderatorId: officer, reason: 'trùng', now: at(4) });
    const ids = async (input: Partial<Parameters<DeedRepository['similarCandidates']>[0]>) =>
      (await repo.similarCandidates({ doerKey: 'nguyen van an', placeKey: 'thon dong tam', since: at(-60), limit: 10, ...input })).map((d) => d.id);
    expect(await ids({})).toEqual([samePlace.id, same.id]);
    expect(await ids({ placeKey: 'lang khac' })).toEqual([same.id]);
    expect(await ids({ excludeId: same.id })).toEqual([samePlace.id]);
    expect(await ids({ since: at(1) })).toEqual([samePlace.id]);
    expect(await ids({ limit: 1 })).toEqual([samePlace.id]);
    expect(await ids({ doerKey: '', placeKey: '' })).toEqual([]);
  });

  it('adds to a known deed (text and photos), not to a rejected or missing one', async () => {
    const d = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
    const added = await repo.addTo({
      deedId: d.id,
      submitterId: bob,
      text: 'Tôi cũng thấy',
      creditName: true,
      photos: [{ channel: 'telegram', fileRef: 'p2' }],
      now: at(5),
    });
    expect(added?.additions).toEqual([{ submitterId: bob, submitterName: 'Bob', text: 'Tôi cũng thấy', creditName: true, createdAt: at(5) }]);
    expect(added?.photos).toEqual([{ channel: 'telegram', fileRef: 'p2' }]);
    await repo.reject({ id: d.id, moderatorId: officer, reason: 'không rõ', now: at(6) });
    expect(await repo.addTo({ deedId: d.id, submitterId: bob, text: 'Nữa', creditName: false, photos: [], now: at(7) })).toBeNull();
    expect(await repo.addTo({ deedId: 999, submitterId: bob, text: 'Nữa', creditName: false, photos: [], now: at(7) })).toBeNull();
  });

  it("counts a person's recent deeds and additions, newest first", async () => {
    const d = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
    await repo.create({ draft: draft({ description: 'Việc khác hẳn của Alice ở làng' }), submitterId: alice, now: at(10) });
    await repo.addTo({ deedId: d.id, submitterId: alice, text: 'Anh An — Thêm chi tiết (Chợ, hôm qua)', creditName: false, photos: [], now: at(20) });
    await repo.create({ draft: draft(), submitterId: bob, now: at(30) });
    const mine = await repo.recentSubmissions({ submitterId: alice, since: at(5) });
    expect(mine).toEqual([
      { at: at(20), textKey: 'anh an them chi tiet cho hom qua' },
      { at: at(10), textKey: 'viec khac han cua alice o lang' },
    ]);
  });

  it('moderation changes a NEW deed once; the queue is NEW deeds, oldest first', async () => {
    const a = await repo.create({ draft: draft(), submitterId: alice, now: at(2) });
    const b = await repo.create({ draft: draft(), submitterId: bob, now: at(1) });
    const c = await repo.create({ draft: draft(), submitterId: bob, now: at(3) });
    expect((await repo.queue({ limit: 10 })).items.map((d) => d.id)).toEqual([b.id, a.id, c.id]);
    expect(await repo.publish({ id: a.id, moderatorId: officer, now: at(5) })).toBe(true);
    expect(await repo.publish({ id: a.id, moderatorId: officer, now: at(6) })).toBe(false);
    expect(await repo.reject({ id: a.id, moderatorId: officer, reason: 'x', now: at(6) })).toBe(false);
    expect(await repo.get(a.id)).toMatchObject({ state: 'PUBLISHED', moderatorId: officer, moderatedAt: at(5), publishedAt: at(5) });
    expect(await repo.reject({ id: b.id, moderatorId: officer, reason: 'Chưa xác minh', now: at(7) })).toBe(true);
    expect(await repo.get(b.id)).toMatchObject({ state: 'REJECTED', reason: 'Chưa xác minh', publishedAt: null });
    expect(await repo.queue({ limit: 10 })).toMatchObject({ total: 1, items: [{ id: c.id }] });
    expect(await repo.queue({ limit: 0 })).toMatchObject({ total: 1, items: [] });
  });

  it('corrects a NEW deed only: the shown text and keys change, the first original is kept, a published text never changes', async () => {
    const d = await repo.create({
      draft: draft({ doerName: 'ong an', description: 'giup cu ba qua duong o nga ba cho luc troi mua to', place: 'thon dong tam' }),
      submitterId: alice,
      now: T0,
    });
    expect(d).toMatchObject({ original: null, correctedById: null, correctedAt: null });
    const fixed = { doerName: 'Ông An', description: 'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to', place: 'Thôn Đồng Tâm' };
    expect(await repo.correct({ id: d.id, moderatorId: officer, text: { ...fixed, doerName: 'Ong An' }, now: at(1) })).toBe(true);
    expect(await repo.correct({ id: d.id, moderatorId: officer, text: fixed, now: at(2) })).toBe(true);
    expect(await repo.get(d.id)).toMatchObject({
      ...fixed,
      original: { doerName: 'ong an', description: 'giup cu ba qua duong o nga ba cho luc troi mua to', place: 'thon dong tam' },
      correctedById: officer,
      correctedAt: at(2),
    });
    expect(await db.prisma.goodDeed.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ doerKey: 'an', placeKey: 'thon dong tam' });
    expect((await repo.recentPublished({ offset: 0, limit: 5 })).items).toEqual([]);
    await repo.publish({ id: d.id, moderatorId: officer, now: at(3) });
    expect((await repo.recentPublished({ offset: 0, limit: 5 })).items[0]).toMatchObject({
      doerName: 'Ông An',
      description: fixed.description,
      place: 'Thôn Đồng Tâm',
    });
    expect(await repo.correct({ id: d.id, moderatorId: officer, text: { ...fixed, description: 'Một nội dung khác hẳn, sau khi đã đăng' }, now: at(4) })).toBe(
      false,
    );
    expect((await repo.get(d.id))!.description).toBe(fixed.description);
    expect(await repo.correct({ id: 999, moderatorId: officer, text: fixed, now: at(4) })).toBe(false);
  });

  it('merges a NEW deed into a known one: text as an addition, photos copied; refuses itself and dead targets', async () => {
    const target = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
    const dup = await repo.create({
      draft: draft({ description: 'Anh An dắt cụ qua đường', creditName: true, photos: [{ channel: 'telegram', fileRef: 'd1' }] }),
      submitterId: bob,
      now: at(1),
    });
    const dead = await repo.create({ draft: draft(), submitterId: bob, now: at(2) });
    await repo.reject({ id: dead.id, moderatorId: officer, reason: 'x', now: at(3) });
    expect(await repo.merge({ id: dup.id, intoId: dup.id, moderatorId: officer, now: at(4) })).toBe(false);
    expect(await repo.merge({ id: dup.id, intoId: dead.id, moderatorId: officer, now: at(4) })).toBe(false);
    expect(await repo.merge({ id: dead.id, intoId: target.id, moderatorId: officer, now: at(4) })).toBe(false);
    expect(await repo.merge({ id: dup.id, intoId: target.id, moderatorId: officer, now: at(5) })).toBe(true);
    expect(await repo.get(dup.id)).toMatchObject({ state: 'MERGED', mergedIntoId: target.id, moderatorId: officer });
    const merged = (await repo.get(target.id))!;
    expect(merged.additions).toEqual([
      {
        submitterId: bob,
        submitterName: 'Bob',
        text: 'Ông Nguyễn Văn An — Anh An dắt cụ qua đường (Thôn Đồng Tâm, 29/11/2026)',
        creditName: true,
        createdAt: at(1),
      },
    ]);
    expect(merged.photos).toEqual([{ channel: 'telegram', fileRef: 'd1' }]);
    expect(await repo.merge({ id: dup.id, intoId: target.id, moderatorId: officer, now: at(6) })).toBe(false);
  });

  it('marks NEW or PUBLISHED deeds PROMOTED with their nomination, nothing else', async () => {
    const fresh = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
    const published = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
    const rejected = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
    await repo.publish({ id: published.id, moderatorId: officer, now: at(1) });
    await repo.reject({ id: rejected.id, moderatorId: officer, reason: 'x', now: at(1) });
    expect(await repo.markPromoted({ id: fresh.id, nominationId: 7, moderatorId: officer, now: at(2) })).toBe(true);
    expect(await repo.markPromoted({ id: published.id, nominationId: 8, moderatorId: officer, now: at(2) })).toBe(true);
    expect(await repo.markPromoted({ id: rejected.id, nominationId: 9, moderatorId: officer, now: at(2) })).toBe(false);
    expect(await repo.markPromoted({ id: fresh.id, nominationId: 10, moderatorId: officer, now: at(3) })).toBe(false);
    expect(await repo.get(fresh.id)).toMatchObject({ state: 'PROMOTED', nominationId: 7, publishedAt: null });
    expect(await repo.get(published.id)).toMatchObject({ state: 'PROMOTED', nominationId: 8, publishedAt: at(1) });
  });

  it('public reads carry no sender, and the name only of a teller who agreed', async () => {
    const named = await repo.create({ draft: draft({ creditName: true }), submitterId: alice, now: at(0) });
    const unnamed = await repo.create({ draft: draft({ doerName: 'Chị Hoa', creditName: false }), submitterId: bob, now: at(0) });
    const hidden = await repo.create({ draft: draft({ creditName: true }), submitterId: bob, now: at(0) });
    await repo.publish({ id: named.id, moderatorId: officer, now: at(10) });
    await repo.publish({ id: unnamed.id, moderatorId: officer, now: at(20) });
    const { items, total } = await repo.recentPublished({ offset: 0, limit: 10 });
    expect(total).toBe(2);
    expect(items.map((d) => [d.id, d.creditedName])).toEqual([
      [unnamed.id, null],
      [named.id, 'Alice'],
    ]);
    expect(Object.keys(items[0]!).sort()).toEqual(['creditedName', 'description', 'doerName', 'id', 'place', 'publishedAt', 'ref', 'whenText']);
    expect(JSON.stringify(items)).not.toContain('Bob');
    expect(items.map((d) => d.id)).not.toContain(hidden.id);
    expect((await repo.recentPublished({ offset: 1, limit: 10 })).items.map((d) => d.id)).toEqual([named.id]);
  });

  it('published between two instants: after `from`, up to and including `to`, oldest first', async () => {
    const ids: number[] = [];
    for (const minute of [10, 20, 30]) {
      const d = await repo.create({ draft: draft(), submitterId: alice, now: at(0) });
      await repo.publish({ id: d.id, moderatorId: officer, now: at(minute) });
      ids.push(d.id);
    }
    expect((await repo.publishedBetween({ from: at(10), to: at(30), limit: 10 })).map((d) => d.id)).toEqual([ids[1], ids[2]]);
    expect((await repo.publishedBetween({ from: at(0), to: at(20), limit: 10 })).map((d) => d.id)).toEqual([ids[0], ids[1]]);
    expect((await repo.publishedBetween({ from: at(0), to: at(30), limit: 1 })).map((d) => d.id)).toEqual([ids[0]]);
  });

  it('blocks and unblocks people idempotently', async () => {
    expect(await repo.isBlocked(alice)).toBe(false);
    await repo.block({ personId: alice, byId: officer, reason: 'VT-AAAA', now: at(0) });
    await repo.block({ personId: alice, byId: officer, now: at(1) });
    await repo.block({ personId: bob, byId: officer, now: at(2) });
    expect(await repo.isBlocked(alice)).toBe(true);
    expect(await repo.blocked()).toEqual([
      { personId: bob, name: 'Bob', at: at(2) },
      { personId: alice, name: 'Alice', at: at(0) },
    ]);
    expect(await repo.unblock({ personId: alice })).toBe(true);
    expect(await repo.unblock({ personId: alice })).toBe(false);
    expect(await repo.isBlocked(alice)).toBe(false);
  });
});
