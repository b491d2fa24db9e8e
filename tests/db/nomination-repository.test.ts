import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NominationError, type NominationDraft, type NominationRepository, type VoteRule } from '../../src/core/nominations/model.ts';
import { loadPlanFile } from '../../src/core/plan/load.ts';
import { createDatabase, type PrismaClient } from '../../src/db/client.ts';
import { createNominationRepository } from '../../src/db/nomination-repository.ts';
import { importPlan } from '../../src/db/plan-repository.ts';
import { SHIPPED_PLAN } from '../helpers/core-fixtures.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const PLAN = 'ia-bang-2021-2025';
const majority: VoteRule = { kind: 'majority' };
const T0 = new Date('2024-03-01T02:00:00Z');
/** Parsed once per file (the YAML and its validation are what is slow, not the import). */
const planFile = loadPlanFile(SHIPPED_PLAN);
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const draft = (over: Partial<NominationDraft> = {}): NominationDraft => ({
  planSlug: PLAN,
  categoryCode: '3.1.5',
  movementCode: 'y-te',
  unitCode: 'tram-y-te',
  subjectType: 'COLLECTIVE',
  nomineeName: 'Trạm Y tế xã Ia Bang',
  place: 'Thôn Đồng Tâm',
  achievements: 'Tiêm chủng đầy đủ, phòng chống Covid-19 hiệu quả',
  selfCheck: ['3.1.5.1', '3.1.5.2'],
  evidence: [{ kind: 'PHOTO', channel: 'telegram', fileRef: 'file-1' }],
  ...over,
});

/** Rejects with a NominationError of this code. */
async function expectCode(promise: Promise<unknown>, code: NominationError['code']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NominationError);
  expect((error as NominationError).code).toBe(code);
}

describe('nomination repository', () => {
  let db: TempDatabase;
  let repo: NominationRepository;
  let officer: number;
  let council: number[];

  beforeEach(async () => {
    db = await createTempDatabase();
    await importPlan(db.prisma, planFile);
    repo = createNominationRepository(db.prisma);
    officer = (await db.prisma.person.create({ data: { displayName: 'Cán bộ Lan' } })).id;
    council = [];
    for (const name of ['Chủ tịch Trúc', 'Ủy viên Hà', 'Ủy viên Minh', 'Ủy viên Tư', 'Ủy viên Năm']) {
      council.push((await db.prisma.person.create({ data: { displayName: name } })).id);
    }
  });
  afterEach(async () => {
    await db.close();
  });

  const member = (i: number): number => council[i] ?? Number.NaN;
  const submit = (over: Partial<NominationDraft> = {}, now = T0) => repo.submit({ draft: draft(over), proposerId: officer, now });
  const vote = (id: number, i: number, decision: 'APPROVE' | 'RETURN' | 'REJECT', reason?: string, now = at(10), councilSize = 3) =>
    repo.castVote({ id, voterId: member(i), decision, reason, councilSize, rule: majority, now });

  it('submits: SUBMITTED, round 1, CREATE + SUBMIT history, folded key and evidence', async () => {
    const n = await submit();
    expect(n).toMatchObject({
      planSlug: PLAN,
      categoryCode: '3.1.5',
      unitCode: 'tram-y-te',
      movementCode: 'y-te',
      state: 'SUBMITTED',
      round: 1,
      selfCheck: ['3.1.5.1', '3.1.5.2'],
      submittedAt: T0,
      decidedAt: null,
      evidence: [{ kind: 'PHOTO', channel: 'telegram', fileRef: 'file-1', fileName: null }],
    });
    const row = await db.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(row.nomineeKey).toBe('tram y te xa ia bang');
    const history = await repo.history(n.id);
    expect(history.map((e) => [e.action, e.fromState, e.toState, e.actorName])).toEqual([
      ['CREATE', null, 'DRAFT', 'Cán bộ Lan'],
      ['SUBMIT', 'DRAFT', 'SUBMITTED', 'Cán bộ Lan'],
    ]);
    expect(await repo.get(n.id)).toEqual(n);
    expect(await repo.get(n.id + 100)).toBeNull();
  });

  it('refuses unknown plan, category or unit codes and writes nothing', async () => {
    await expectCode(submit({ planSlug: 'no-such-plan' }), 'not-found');
    await expectCode(submit({ categoryCode: '9.9.9' }), 'not-found');
    await expectCode(submit({ unitCode: 'no-unit' }), 'not-found');
    expect(await db.prisma.nomination.count()).toBe(0);
    expect(await db.prisma.nominationEvent.count()).toBe(0);
  });

  it('approves by majority of 3 only at the second vote', async () => {
    const n = await submit();
    const first = await vote(n.id, 0, 'APPROVE');
    expect(first).toEqual({ decided: null, tally: { APPROVE: 1, RETURN: 0, REJECT: 0 } });
    expect((await repo.get(n.id))?.state).toBe('SUBMITTED');
    const second = await vote(n.id, 1, 'APPROVE', 'Rất xứng đáng', at(11));
    expect(second).toEqual({ decided: { state: 'APPROVED', reasons: ['Rất xứng đáng'] }, tally: { APPROVE: 2, RETURN: 0, REJECT: 0 } });
    const decided = await repo.get(n.id);
    expect(decided?.state).toBe('APPROVED');
    expect(decided?.decidedAt).toEqual(at(11));
  });

  it('needs a reason to return or reject, and writes no vote without one', async () => {
    const n = await submit();
    await expectCode(vote(n.id, 0, 'REJECT'), 'reason-required');
    await expectCode(vote(n.id, 0, 'REJECT', '   '), 'reason-required');
    await expectCode(vote(n.id, 0, 'RETURN'), 'reason-required');
    expect(await repo.votes(n.id)).toEqual([]);
    await vote(n.id, 0, 'REJECT', 'Không đủ tiêu chí 3.1.5.4');
    const decided = await vote(n.id, 1, 'REJECT', 'Thiếu minh chứng');
    expect(decided.decided).toEqual({ state: 'REJECTED', reasons: ['Không đủ tiêu chí 3.1.5.4', 'Thiếu minh chứng'] });
    const last = (await repo.history(n.id)).at(-1);
    expect(last).toMatchObject({ action: 'REJECT', fromState: 'SUBMITTED', toState: 'REJECTED', reason: 'Không đủ tiêu chí 3.1.5.4; Thiếu minh chứng' });
  });

  it('returns with a reason; resubmission starts round 2 where round-1 votes do not count', async () => {
    const n = await submit();
    await vote(n.id, 0, 'RETURN', 'Bổ sung ảnh');
    await vote(n.id, 1, 'APPROVE');
    const returned = await vote(n.id, 2, 'RETURN', 'Ghi rõ thành tích', at(12));
    expect(returned.decided).toEqual({ state: 'RETURNED', reasons: ['Bổ sung ảnh', 'Ghi rõ thành tích'] });
    expect((await repo.get(n.id))?.decidedAt).toBeNull(); // RETURNED is not a final decision
    await expectCode(vote(n.id, 3, 'APPROVE'), 'not-open-for-vote');

    const again = await repo.resubmit({
      id: n.id,
      changes: { achievements: 'Thêm: 100% trẻ em được tiêm chủng', evidence: [{ kind: 'DOCUMENT', channel: 'telegram', fileRef: 'doc-2', fileName: 'bao-cao.pdf' }] },
      actorId: officer,
      now: at(60),
    });
    expect(again).toMatchObject({ state: 'SUBMITTED', round: 2, submittedAt: at(60), achievements: 'Thêm: 100% trẻ em được tiêm chủng' });
    expect(again.evidence).toEqual([{ kind: 'DOCUMENT', channel: 'telegram', fileRef: 'doc-2', fileName: 'bao-cao.pdf' }]);
    expect(await repo.votes(n.id)).toEqual([]);

    // Member 1 approved in round 1; in round 2 that vote does not count and they may vote again.
    expect((await vote(n.id, 1, 'APPROVE', undefined, at(61))).tally).toEqual({ APPROVE: 1, RETURN: 0, REJECT: 0 });
    expect((await vote(n.id, 0, 'APPROVE', undefined, at(62))).decided?.state).toBe('APPROVED');
    expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(5);
  });

  it('resubmit refuses anything but a RETURNED nomination', async () => {
    const n = await submit();
    await expectCode(repo.resubmit({ id: n.id, changes: {}, actorId: officer, now: at(1) }), 'illegal-transition');
    await expectCode(repo.resubmit({ id: 999, changes: {}, actorId: officer, now: at(1) }), 'not-found');
  });

  it('resubmit with a new nominee name refolds the key', async () => {
    const n = await submit();
    await vote(n.id, 0, 'RETURN', 'Sai tên');
    await vote(n.id, 1, 'RETURN', 'Sai tên');
    await repo.resubmit({ id: n.id, changes: { nomineeName: 'Trạm Y TẾ Ia Băng', unitCode: 'vp-tk' }, actorId: officer, now: at(30) });
    const row = await db.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(row.nomineeKey).toBe('tram y te ia bang');
    expect((await repo.get(n.id))?.unitCode).toBe('vp-tk');
  });

  it('keeps a complete, ordered history of a full flow: who, when, from, to, why', async () => {
    const n = await submit();
    await vote(n.id, 0, 'RETURN', 'Bổ sung minh chứng', at(5));
    await vote(n.id, 1, 'RETURN', 'Thiếu ảnh', at(6));
    await repo.resubmit({ id: n.id, changes: { place: 'Thôn Đồng Tâm, xã Ia Bang' }, actorId: officer, now: at(20) });
    await vote(n.id, 2, 'APPROVE', undefined, at(30));
    await vote(n.id, 0, 'APPROVE', 'Đạt', at(31));
    await repo.annotate({ id: n.id, kind: 'NURTURE', text: 'Tập huấn nhân rộng', authorId: member(2), now: at(40) });
    await repo.commend({ id: n.id, awardCode: 'giay-khen', decisionNumber: '12/QĐ-UBND', decisionDate: '2024-03-05', proposedHigher: false, byId: member(0), now: at(50) });

    expect(await repo.history(n.id)).toEqual([
      { at: T0, actorId: officer, actorName: 'Cán bộ Lan', action: 'CREATE', fromState: null, toState: 'DRAFT', reason: null },
      { at: T0, actorId: officer, actorName: 'Cán bộ Lan', action: 'SUBMIT', fromState: 'DRAFT', toState: 'SUBMITTED', reason: null },
      { at: at(6), actorId: member(1), actorName: 'Ủy viên Hà', action: 'RETURN', fromState: 'SUBMITTED', toState: 'RETURNED', reason: 'Bổ sung minh chứng; Thiếu ảnh' },
      { at: at(20), actorId: officer, actorName: 'Cán bộ Lan', action: 'RESUBMIT', fromState: 'RETURNED', toState: 'SUBMITTED', reason: null },
      { at: at(31), actorId: member(0), actorName: 'Chủ tịch Trúc', action: 'APPROVE', fromState: 'SUBMITTED', toState: 'APPROVED', reason: 'Đạt' },
      { at: at(40), actorId: member(2), actorName: 'Ủy viên Minh', action: 'ANNOTATE', fromState: 'APPROVED', toState: 'APPROVED', reason: null },
      { at: at(50), actorId: member(0), actorName: 'Chủ tịch Trúc', action: 'COMMEND', fromState: 'APPROVED', toState: 'APPROVED', reason: null },
    ]);
    expect(await repo.commendations(n.id)).toEqual([{ awardCode: 'giay-khen', decisionNumber: '12/QĐ-UBND', decisionDate: '2024-03-05', proposedHigher: false, at: at(50) }]);
  });

  it('a decided nomination refuses votes and resubmission but can be annotated', async () => {
    const n = await submit();
    await vote(n.id, 0, 'REJECT', 'Trùng lặp');
    await vote(n.id, 1, 'REJECT', 'Trùng lặp');
    await expectCode(vote(n.id, 2, 'APPROVE'), 'not-open-for-vote');
    await expectCode(repo.resubmit({ id: n.id, changes: { place: 'x' }, actorId: officer, now: at(20) }), 'illegal-transition');
    await repo.annotate({ id: n.id, kind: 'NOTE', text: 'Đã báo kết quả cho đơn vị', authorId: member(0), now: at(30) });
    expect(await repo.notes(n.id)).toEqual([{ kind: 'NOTE', text: 'Đã báo kết quả cho đơn vị', authorId: member(0), at: at(30) }]);
    expect((await repo.get(n.id))?.state).toBe('REJECTED');
    expect((await repo.history(n.id)).at(-1)).toMatchObject({ action: 'ANNOTATE', fromState: 'REJECTED', toState: 'REJECTED' });
    await expectCode(repo.annotate({ id: 999, kind: 'NOTE', text: 'x', authorId: member(0), now: at(30) }), 'not-found');
  });

  it('commends only APPROVED nominations, and the same achievement twice only with an override reason', async () => {
    const approve = async (id: number) => {
      await vote(id, 0, 'APPROVE');
      await vote(id, 1, 'APPROVE');
    };
    const award = { awardCode: 'giay-khen', decisionNumber: '1/QĐ', decisionDate: '2024-04-01', proposedHigher: false, byId: member(0), now: at(100) };
    const a = await submit({ nomineeName: 'Nguyễn Văn A', subjectType: 'INDIVIDUAL' });
    await expectCode(repo.commend({ ...award, id: a.id }), 'not-approved');
    await expectCode(repo.commend({ ...award, id: 999 }), 'not-found');
    await approve(a.id);
    await repo.commend({ ...award, id: a.id });
    await expectCode(repo.commend({ ...award, id: a.id }), 'already-commended');

    // Another nomination of the same person (other spelling), same plan and movement.
    const b = await submit({ nomineeName: 'NGUYEN VAN A', subjectType: 'INDIVIDUAL' }, at(1));
    await approve(b.id);
    await expectCode(repo.commend({ ...award, id: b.id, overrideReason: '  ' }), 'already-commended');
    await repo.commend({ ...award, id: b.id, decisionNumber: '2/QĐ', overrideReason: 'Thành tích mới năm 2025' });
    const row = await db.prisma.commendation.findFirstOrThrow({ where: { nominationId: b.id } });
    expect(row.overrideReason).toBe('Thành tích mới năm 2025');
    expect((await repo.history(b.id)).at(-1)).toMatchObject({ action: 'COMMEND', reason: 'Thành tích mới năm 2025' });

    // Another movement is another achievement.
    const c = await submit({ nomineeName: 'Nguyễn Văn A', subjectType: 'INDIVIDUAL', movementCode: 'quoc-phong-an-ninh', categoryCode: '3.1.6' }, at(2));
    await approve(c.id);
    await repo.commend({ ...award, id: c.id });
    expect(await db.prisma.commendation.count()).toBe(3);
  });

  it('lists newest first with filters and a search without diacritics', async () => {
    const a = await submit({ nomineeName: 'Nguyễn Văn A', subjectType: 'INDIVIDUAL' }, at(1));
    const b = await submit({ nomineeName: 'Trần Thị B', subjectType: 'INDIVIDUAL', unitCode: 'vp-tk' }, at(2));
    const c = await submit({ nomineeName: 'Nguyễn Văn Anh', subjectType: 'INDIVIDUAL' }, at(3));
    await vote(c.id, 0, 'APPROVE');
    await vote(c.id, 1, 'APPROVE');

    const all = await repo.list({ planSlug: PLAN, offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.items.map((n) => n.id)).toEqual([c.id, b.id, a.id]);
    const page = await repo.list({ planSlug: PLAN, offset: 1, limit: 1 });
    expect({ ids: page.items.map((n) => n.id), total: page.total }).toEqual({ ids: [b.id], total: 3 });

    const found = await repo.list({ planSlug: PLAN, nameQuery: 'nguyen van a', offset: 0, limit: 10 });
    expect(found.items.map((n) => n.nomineeName)).toEqual(['Nguyễn Văn Anh', 'Nguyễn Văn A']);
    const nfd = await repo.list({ planSlug: PLAN, nameQuery: 'TRẦN'.normalize('NFD'), offset: 0, limit: 10 });
    expect(nfd.items.map((n) => n.id)).toEqual([b.id]);

    expect((await repo.list({ planSlug: PLAN, unitCodes: ['vp-tk'], offset: 0, limit: 10 })).items.map((n) => n.id)).toEqual([b.id]);
    expect((await repo.list({ planSlug: PLAN, states: ['APPROVED'], offset: 0, limit: 10 })).items.map((n) => n.id)).toEqual([c.id]);
    expect((await repo.list({ planSlug: PLAN, states: ['SUBMITTED'], nameQuery: 'nguyen', offset: 0, limit: 10 })).total).toBe(1);
    expect(await repo.list({ planSlug: 'nope', offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
  });

  it('finds nominations of the same nominee, oldest first', async () => {
    const a = await submit({ nomineeName: 'Nguyễn Văn A' }, at(1));
    const b = await submit({ nomineeName: 'nguyen  van a' }, at(2));
    await submit({ nomineeName: 'Nguyễn Văn Anh' }, at(3));
    expect((await repo.findByNominee({ planSlug: PLAN, nomineeName: 'NGUYỄN VĂN A' })).map((n) => n.id)).toEqual([a.id, b.id]);
    expect((await repo.findByNominee({ planSlug: PLAN, nomineeName: 'Nguyễn Văn A', excludeId: a.id })).map((n) => n.id)).toEqual([b.id]);
  });

  it('review queue: SUBMITTED ones I have not voted on this round, oldest submission first', async () => {
    const a = await submit({ nomineeName: 'A' }, at(1));
    const b = await submit({ nomineeName: 'B' }, at(2));
    const c = await submit({ nomineeName: 'C' }, at(3));
    const d = await submit({ nomineeName: 'D' }, at(4));
    await vote(b.id, 0, 'APPROVE');
    await vote(c.id, 1, 'REJECT', 'Không đạt');
    await vote(c.id, 2, 'REJECT', 'Không đạt'); // c decided
    await vote(d.id, 0, 'RETURN', 'Sửa');
    await vote(d.id, 1, 'RETURN', 'Sửa');
    const queue = async (i: number) => (await repo.reviewQueue({ planSlug: PLAN, voterId: member(i) })).map((n) => n.nomineeName);
    expect(await queue(0)).toEqual(['A']);
    expect(await queue(1)).toEqual(['A', 'B']);

    await repo.resubmit({ id: d.id, changes: {}, actorId: officer, now: at(50) });
    expect(await queue(0)).toEqual(['A', 'D']); // a new round: member 0's round-1 vote no longer counts
    expect(await repo.reviewQueue({ planSlug: 'nope', voterId: member(0) })).toEqual([]);
  });

  it('progress rows: every nomination that left DRAFT', async () => {
    const a = await submit({ nomineeName: 'A' }, at(1));
    await submit({ nomineeName: 'B', subjectType: 'INDIVIDUAL', unitCode: 'vp-tk', movementCode: null }, at(2));
    await vote(a.id, 0, 'APPROVE', undefined, at(5));
    await vote(a.id, 1, 'APPROVE', undefined, at(6));
    // A draft written by some other path is not progress.
    const raw = await db.prisma.nomination.findUniqueOrThrow({ where: { id: a.id } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = raw;
    await db.prisma.nomination.create({ data: { ...rest, state: 'DRAFT', round: 0, submittedAt: null, decidedAt: null } });

    expect(await repo.progressRows(PLAN)).toEqual([
      { unitCode: 'tram-y-te', movementCode: 'y-te', subjectType: 'COLLECTIVE', state: 'APPROVED', submittedAt: at(1), decidedAt: at(6) },
      { unitCode: 'vp-tk', movementCode: null, subjectType: 'INDIVIDUAL', state: 'SUBMITTED', submittedAt: at(2), decidedAt: null },
    ]);
    expect(await repo.progressRows('nope')).toEqual([]);
  });

  describe('concurrency', () => {
    const decisionEvents = (id: number) => db.prisma.nominationEvent.count({ where: { nominationId: id, action: { in: ['APPROVE', 'RETURN', 'REJECT'] } } });

    it('five APPROVE votes at once (council of 5, majority) give exactly one decision', async () => {
      const n = await submit();
      const results = await Promise.allSettled(
        council.map((voterId) => repo.castVote({ id: n.id, voterId, decision: 'APPROVE', councilSize: 5, rule: majority, now: at(10) })),
      );
      const decided = results.filter((r) => r.status === 'fulfilled' && r.value.decided !== null);
      expect(decided).toHaveLength(1);
      // Votes arriving after the decision find the nomination no longer open.
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as NominationError).code] : []));
      expect(refused).toEqual(['not-open-for-vote', 'not-open-for-vote']);
      expect((await repo.get(n.id))?.state).toBe('APPROVED');
      expect(await decisionEvents(n.id)).toBe(1);
      expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(3);
    });

    it('the same voter twice at once: one vote and already-voted', async () => {
      const n = await submit();
      const results = await Promise.allSettled([vote(n.id, 0, 'APPROVE', undefined, at(1), 5), vote(n.id, 0, 'APPROVE', undefined, at(1), 5)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect(failed?.status === 'rejected' && failed.reason).toBeInstanceOf(NominationError);
      expect(failed?.status === 'rejected' && (failed.reason as NominationError).code).toBe('already-voted');
      expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(1);
    });

    it('a refused vote does not undo writes made meanwhile on the same client', async () => {
      // The adapter runs a client's non-transactional queries on the transaction's connection, so a
      // rollback would take them along; refusals therefore commit their (empty) transaction.
      const n = await submit();
      await vote(n.id, 0, 'APPROVE', undefined, at(1), 5);
      // Another part of the bot writes (outside any transaction) while the vote transaction is open.
      const meddling = db.prisma.$extends({
        query: {
          vote: {
            async create({ args, query }) {
              await db.prisma.person.create({ data: { displayName: 'Người qua đường' } });
              return query(args);
            },
          },
        },
      }) as unknown as PrismaClient;
      const refused = createNominationRepository(meddling).castVote({ id: n.id, voterId: member(0), decision: 'APPROVE', councilSize: 5, rule: majority, now: at(2) });
      await expectCode(refused, 'already-voted');
      expect(await db.prisma.person.count({ where: { displayName: 'Người qua đường' } })).toBe(1);
    });

    it('votes split across two connections at once still give exactly one decision', async () => {
      const second = await createDatabase({ databaseUrl: db.databaseUrl });
      try {
        const repos = [repo, createNominationRepository(second.prisma)];
        for (let trial = 0; trial < 5; trial += 1) {
          const n = await submit({ nomineeName: `Tập thể ${trial}` });
          const results = await Promise.allSettled(
            council.map((voterId, i) => (repos[i % 2] as NominationRepository).castVote({ id: n.id, voterId, decision: 'APPROVE', councilSize: 5, rule: majority, now: at(10 + i) })),
          );
          const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
          for (const reason of rejected) expect((reason as NominationError).code).toBe('not-open-for-vote');
          const decided = results.filter((r) => r.status === 'fulfilled' && r.value.decided !== null);
          expect(decided).toHaveLength(1);
          expect((await repo.get(n.id))?.state).toBe('APPROVED');
          expect(await decisionEvents(n.id)).toBe(1);
          expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(3);
        }
      } finally {
        await second.close();
      }
    });

    it('the same voter on two connections at once: one vote and already-voted', async () => {
      const second = await createDatabase({ databaseUrl: db.databaseUrl });
      try {
        const n = await submit();
        const other = createNominationRepository(second.prisma);
        const args = { id: n.id, voterId: member(0), decision: 'APPROVE' as const, councilSize: 5, rule: majority, now: at(1) };
        const results = await Promise.allSettled([repo.castVote(args), other.castVote(args)]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const failed = results.find((r) => r.status === 'rejected');
        expect(failed?.status === 'rejected' && (failed.reason as NominationError).code).toBe('already-voted');
        expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(1);
      } finally {
        await second.close();
      }
    });
  });
});
