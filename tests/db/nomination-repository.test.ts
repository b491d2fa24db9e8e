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
  const vote = (id: number, i: number, decision: 'AGREE' | 'ASK_CHANGES' | 'DISAGREE', reason?: string, now = at(10), councilSize = 3) =>
    repo.castVote({ id, voterId: member(i), decision, reason, members: council.slice(0, councilSize), rule: majority, now });

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

  it('proposes by majority of 3 only at the second vote (the Council advises: PROPOSED, not decided)', async () => {
    const n = await submit();
    const first = await vote(n.id, 0, 'AGREE');
    expect(first).toEqual({
      round: 1,
      changed: false,
      eligible: 3,
      abstained: [],
      decided: null,
      stalled: false,
      tally: { AGREE: 1, ASK_CHANGES: 0, DISAGREE: 0 },
    });
    expect((await repo.get(n.id))?.state).toBe('SUBMITTED');
    const second = await vote(n.id, 1, 'AGREE', 'Rất xứng đáng', at(11));
    expect(second.decided).toEqual({
      state: 'PROPOSED',
      outcome: 'PROPOSE',
      reasons: [{ voterId: member(1), voterName: 'Ủy viên Hà', reason: 'Rất xứng đáng' }],
    });
    expect(second.tally).toEqual({ AGREE: 2, ASK_CHANGES: 0, DISAGREE: 0 });
    const proposed = await repo.get(n.id);
    expect(proposed?.state).toBe('PROPOSED');
    expect(proposed?.decidedAt).toBeNull(); // the chairman has not decided yet
  });

  it('needs a reason to ask for changes or disagree; the history gives each reason with its own voter', async () => {
    const n = await submit();
    await expectCode(vote(n.id, 0, 'DISAGREE'), 'reason-required');
    await expectCode(vote(n.id, 0, 'DISAGREE', '   '), 'reason-required');
    await expectCode(vote(n.id, 0, 'ASK_CHANGES'), 'reason-required');
    expect(await repo.votes(n.id)).toEqual([]);
    await vote(n.id, 0, 'DISAGREE', 'Không đủ tiêu chí 3.1.5.4');
    const decided = await vote(n.id, 1, 'DISAGREE', 'Thiếu minh chứng');
    expect(decided.decided?.state).toBe('REJECTED');
    const last = (await repo.history(n.id)).at(-1);
    // Not "Ủy viên Hà: … Lý do: A; B" (issue 12): each reason carries its own voter.
    expect(last).toMatchObject({
      action: 'REJECT',
      fromState: 'SUBMITTED',
      toState: 'REJECTED',
      round: 1,
      reason: 'Chủ tịch Trúc: Không đủ tiêu chí 3.1.5.4; Ủy viên Hà: Thiếu minh chứng',
    });
  });

  it('a vote changed before the result counts as changed; the history keeps both', async () => {
    const n = await submit();
    await vote(n.id, 0, 'DISAGREE', 'Chưa rõ thành tích', at(1));
    const changed = await vote(n.id, 0, 'AGREE', undefined, at(2));
    expect(changed).toMatchObject({ changed: true, decided: null, tally: { AGREE: 1, ASK_CHANGES: 0, DISAGREE: 0 } });
    expect(await repo.votes(n.id)).toEqual([{ voterId: member(0), voterName: 'Chủ tịch Trúc', decision: 'AGREE', reason: null, at: at(1), changedAt: at(2) }]);
    expect((await vote(n.id, 1, 'AGREE', undefined, at(3))).decided?.state).toBe('PROPOSED');
    const votes = (await repo.history(n.id)).filter((e) => e.action.startsWith('VOTE'));
    expect(votes.map((e) => [e.action, e.actorName, e.detail, e.reason])).toEqual([
      ['VOTE', 'Chủ tịch Trúc', 'DISAGREE', 'Chưa rõ thành tích'],
      ['VOTE_CHANGE', 'Chủ tịch Trúc', 'AGREE', null],
      ['VOTE', 'Ủy viên Hà', 'AGREE', null],
    ]);
  });

  it('the proposer never votes on their own nomination; the rule counts the others', async () => {
    const n = await submit();
    // The officer is also a council member.
    const members = [officer, member(0), member(1)];
    const own = repo.castVote({ id: n.id, voterId: officer, decision: 'AGREE', members, rule: majority, now: at(1) });
    await expectCode(own, 'own-nomination');
    expect(await repo.votes(n.id)).toEqual([]);
    const first = await repo.castVote({ id: n.id, voterId: member(0), decision: 'AGREE', members, rule: majority, now: at(2) });
    // Two may vote; one vote is not a majority of two.
    expect(first).toMatchObject({ eligible: 2, decided: null, abstained: [{ personId: officer, name: 'Cán bộ Lan', why: 'PROPOSER' }] });
    const second = await repo.castVote({ id: n.id, voterId: member(1), decision: 'AGREE', members, rule: majority, now: at(3) });
    expect(second.decided?.state).toBe('PROPOSED');
  });

  it('a vote for another round records nothing', async () => {
    const n = await submit();
    await vote(n.id, 0, 'ASK_CHANGES', 'Bổ sung ảnh');
    await vote(n.id, 1, 'ASK_CHANGES', 'Bổ sung ảnh');
    await repo.resubmit({ id: n.id, changes: {}, actorId: officer, now: at(20) });
    const stale = repo.castVote({ id: n.id, round: 1, voterId: member(2), decision: 'AGREE', members: council.slice(0, 3), rule: majority, now: at(21) });
    await expectCode(stale, 'stale-round');
    expect(await repo.votes(n.id)).toEqual([]);
    expect(
      (await repo.castVote({ id: n.id, round: 2, voterId: member(2), decision: 'AGREE', members: council.slice(0, 3), rule: majority, now: at(22) })).round,
    ).toBe(2);
  });

  it('the three-way split stalls the round once: all voted, no result', async () => {
    const n = await submit();
    await vote(n.id, 0, 'AGREE');
    await vote(n.id, 1, 'ASK_CHANGES', 'Bổ sung ảnh');
    const third = await vote(n.id, 2, 'DISAGREE', 'Không đạt');
    expect(third).toMatchObject({ decided: null, stalled: true });
    const round = await db.prisma.reviewRound.findUniqueOrThrow({ where: { nominationId_number: { nominationId: n.id, number: 1 } } });
    expect(round).toMatchObject({ state: 'OPEN', stalledWhy: 'ALL_VOTED' });
    // A changed vote that still gives no result does not tell the chair again.
    expect((await vote(n.id, 2, 'ASK_CHANGES', 'Bổ sung', at(12))).stalled).toBe(false);
  });

  it('withdraws a submitted nomination: the round ends and no vote is taken after', async () => {
    const n = await submit();
    await vote(n.id, 0, 'AGREE');
    await repo.withdraw({ id: n.id, actorId: officer, reason: 'Đơn vị rút để bổ sung năm sau', now: at(30) });
    expect((await repo.get(n.id))?.state).toBe('WITHDRAWN');
    await expectCode(vote(n.id, 1, 'AGREE'), 'not-open-for-vote');
    await expectCode(repo.withdraw({ id: n.id, actorId: officer, reason: 'lần nữa', now: at(31) }), 'illegal-transition');
    const round = await db.prisma.reviewRound.findFirstOrThrow({ where: { nominationId: n.id } });
    expect(round).toMatchObject({ state: 'CLOSED', outcome: 'WITHDRAWN', closedHow: 'WITHDRAWN' });
  });

  it('returns with a reason; resubmission starts round 2 where round-1 votes do not count', async () => {
    const n = await submit();
    await vote(n.id, 0, 'ASK_CHANGES', 'Bổ sung ảnh');
    await vote(n.id, 1, 'AGREE');
    const returned = await vote(n.id, 2, 'ASK_CHANGES', 'Ghi rõ thành tích', at(12));
    expect(returned.decided?.state).toBe('RETURNED');
    expect(returned.decided?.reasons.map((r) => r.reason)).toEqual(['Bổ sung ảnh', 'Ghi rõ thành tích']);
    expect((await repo.get(n.id))?.decidedAt).toBeNull(); // RETURNED is not a final decision
    await expectCode(vote(n.id, 3, 'AGREE'), 'not-open-for-vote');

    const again = await repo.resubmit({
      id: n.id,
      changes: {
        achievements: 'Thêm: 100% trẻ em được tiêm chủng',
        evidence: [{ kind: 'DOCUMENT', channel: 'telegram', fileRef: 'doc-2', fileName: 'bao-cao.pdf' }],
      },
      actorId: officer,
      now: at(60),
    });
    expect(again).toMatchObject({ state: 'SUBMITTED', round: 2, submittedAt: at(60), achievements: 'Thêm: 100% trẻ em được tiêm chủng' });
    expect(again.evidence).toEqual([{ kind: 'DOCUMENT', channel: 'telegram', fileRef: 'doc-2', fileName: 'bao-cao.pdf' }]);
    expect(await repo.votes(n.id)).toEqual([]);

    // Member 1 agreed in round 1; in round 2 that vote does not count and they may vote again.
    expect((await vote(n.id, 1, 'AGREE', undefined, at(61))).tally).toEqual({ AGREE: 1, ASK_CHANGES: 0, DISAGREE: 0 });
    expect((await vote(n.id, 0, 'AGREE', undefined, at(62))).decided?.state).toBe('PROPOSED');
    expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(5);
    expect((await db.prisma.reviewRound.findMany({ where: { nominationId: n.id }, orderBy: { number: 'asc' } })).map((r) => [r.number, r.outcome])).toEqual([
      [1, 'RETURN'],
      [2, 'PROPOSE'],
    ]);
  });

  it('resubmit refuses anything but a RETURNED nomination', async () => {
    const n = await submit();
    await expectCode(repo.resubmit({ id: n.id, changes: {}, actorId: officer, now: at(1) }), 'illegal-transition');
    await expectCode(repo.resubmit({ id: 999, changes: {}, actorId: officer, now: at(1) }), 'not-found');
  });

  it('resubmit with a new nominee name refolds the key', async () => {
    const n = await submit();
    await vote(n.id, 0, 'ASK_CHANGES', 'Sai tên');
    await vote(n.id, 1, 'ASK_CHANGES', 'Sai tên');
    await repo.resubmit({ id: n.id, changes: { nomineeName: 'Trạm Y TẾ Ia Băng', unitCode: 'vp-tk' }, actorId: officer, now: at(30) });
    const row = await db.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(row.nomineeKey).toBe('tram y te ia bang');
    expect((await repo.get(n.id))?.unitCode).toBe('vp-tk');
  });

  it('keeps a complete, ordered history of a full flow: who, when, from, to, why', async () => {
    const n = await submit();
    await vote(n.id, 0, 'ASK_CHANGES', 'Bổ sung minh chứng', at(5));
    await vote(n.id, 1, 'ASK_CHANGES', 'Thiếu ảnh', at(6));
    await repo.resubmit({ id: n.id, changes: { place: 'Thôn Đồng Tâm, xã Ia Bang' }, actorId: officer, now: at(20) });
    await vote(n.id, 2, 'AGREE', undefined, at(30));
    await vote(n.id, 0, 'AGREE', 'Đạt', at(31));
    await repo.annotate({ id: n.id, kind: 'NURTURE', text: 'Tập huấn nhân rộng', authorId: member(2), now: at(40) });

    expect((await repo.history(n.id)).map((e) => [e.at, e.actorName, e.action, e.fromState, e.toState, e.round, e.reason])).toEqual([
      [T0, 'Cán bộ Lan', 'CREATE', null, 'DRAFT', null, null],
      [T0, 'Cán bộ Lan', 'SUBMIT', 'DRAFT', 'SUBMITTED', 1, null],
      [at(5), 'Chủ tịch Trúc', 'VOTE', 'SUBMITTED', 'SUBMITTED', 1, 'Bổ sung minh chứng'],
      [at(6), 'Ủy viên Hà', 'VOTE', 'SUBMITTED', 'SUBMITTED', 1, 'Thiếu ảnh'],
      [at(6), 'Ủy viên Hà', 'RETURN', 'SUBMITTED', 'RETURNED', 1, 'Chủ tịch Trúc: Bổ sung minh chứng; Ủy viên Hà: Thiếu ảnh'],
      [at(20), 'Cán bộ Lan', 'RESUBMIT', 'RETURNED', 'SUBMITTED', 2, null],
      [at(30), 'Ủy viên Minh', 'VOTE', 'SUBMITTED', 'SUBMITTED', 2, null],
      [at(31), 'Chủ tịch Trúc', 'VOTE', 'SUBMITTED', 'SUBMITTED', 2, 'Đạt'],
      [at(31), 'Chủ tịch Trúc', 'PROPOSE', 'SUBMITTED', 'PROPOSED', 2, 'Chủ tịch Trúc: Đạt'],
      [at(40), 'Ủy viên Minh', 'ANNOTATE', 'PROPOSED', 'PROPOSED', null, null],
    ]);
  });

  it('a decided nomination refuses votes and resubmission but can be annotated', async () => {
    const n = await submit();
    await vote(n.id, 0, 'DISAGREE', 'Trùng lặp');
    await vote(n.id, 1, 'DISAGREE', 'Trùng lặp');
    await expectCode(vote(n.id, 2, 'AGREE'), 'not-open-for-vote');
    await expectCode(repo.resubmit({ id: n.id, changes: { place: 'x' }, actorId: officer, now: at(20) }), 'illegal-transition');
    await repo.annotate({ id: n.id, kind: 'NOTE', text: 'Đã báo kết quả cho đơn vị', authorId: member(0), now: at(30) });
    expect(await repo.notes(n.id)).toEqual([{ kind: 'NOTE', text: 'Đã báo kết quả cho đơn vị', authorId: member(0), at: at(30) }]);
    expect((await repo.get(n.id))?.state).toBe('REJECTED');
    expect((await repo.history(n.id)).at(-1)).toMatchObject({ action: 'ANNOTATE', fromState: 'REJECTED', toState: 'REJECTED' });
    await expectCode(repo.annotate({ id: 999, kind: 'NOTE', text: 'x', authorId: member(0), now: at(30) }), 'not-found');
  });

  it('lists newest first with filters and a search without diacritics', async () => {
    const a = await submit({ nomineeName: 'Nguyễn Văn A', subjectType: 'INDIVIDUAL' }, at(1));
    const b = await submit({ nomineeName: 'Trần Thị B', subjectType: 'INDIVIDUAL', unitCode: 'vp-tk' }, at(2));
    const c = await submit({ nomineeName: 'Nguyễn Văn Anh', subjectType: 'INDIVIDUAL' }, at(3));
    await vote(c.id, 0, 'AGREE');
    await vote(c.id, 1, 'AGREE');

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
    expect((await repo.list({ planSlug: PLAN, states: ['PROPOSED'], offset: 0, limit: 10 })).items.map((n) => n.id)).toEqual([c.id]);
    // Counted by state only: a page of none reads no row and still gives the total.
    expect(await repo.list({ planSlug: PLAN, states: ['PROPOSED'], offset: 0, limit: 0 })).toEqual({ items: [], total: 1 });
    expect((await repo.list({ planSlug: PLAN, states: ['SUBMITTED', 'PROPOSED'], offset: 0, limit: 0 })).total).toBe(3);
    expect((await repo.list({ planSlug: PLAN, states: ['APPROVED'], offset: 0, limit: 0 })).total).toBe(0);
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
    await submit({ nomineeName: 'A' }, at(1));
    const b = await submit({ nomineeName: 'B' }, at(2));
    const c = await submit({ nomineeName: 'C' }, at(3));
    const d = await submit({ nomineeName: 'D' }, at(4));
    await vote(b.id, 0, 'AGREE');
    await vote(c.id, 1, 'DISAGREE', 'Không đạt');
    await vote(c.id, 2, 'DISAGREE', 'Không đạt'); // c decided
    await vote(d.id, 0, 'ASK_CHANGES', 'Sửa');
    await vote(d.id, 1, 'ASK_CHANGES', 'Sửa');
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
    await vote(a.id, 0, 'AGREE', undefined, at(5));
    await vote(a.id, 1, 'AGREE', undefined, at(6));
    // A draft written by some other path is not progress.
    const raw = await db.prisma.nomination.findUniqueOrThrow({ where: { id: a.id } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = raw;
    await db.prisma.nomination.create({ data: { ...rest, state: 'DRAFT', round: 0, submittedAt: null, decidedAt: null } });

    expect(await repo.progressRows(PLAN)).toEqual([
      { unitCode: 'tram-y-te', movementCode: 'y-te', subjectType: 'COLLECTIVE', state: 'PROPOSED', submittedAt: at(1), decidedAt: null },
      { unitCode: 'vp-tk', movementCode: null, subjectType: 'INDIVIDUAL', state: 'SUBMITTED', submittedAt: at(2), decidedAt: null },
    ]);
    expect(await repo.progressRows('nope')).toEqual([]);
  });

  describe('concurrency (one result however votes interleave; written to stay true on PostgreSQL)', () => {
    const decisionEvents = (id: number) => db.prisma.nominationEvent.count({ where: { nominationId: id, action: { in: ['PROPOSE', 'RETURN', 'REJECT'] } } });
    const cast = (r: NominationRepository, id: number, voterId: number, now = at(10)) =>
      r.castVote({ id, voterId, decision: 'AGREE', members: council, rule: majority, now });

    it('five AGREE votes at once (council of 5, majority) give exactly one result', async () => {
      const n = await submit();
      const results = await Promise.allSettled(council.map((voterId) => cast(repo, n.id, voterId)));
      const decided = results.filter((r) => r.status === 'fulfilled' && r.value.decided !== null);
      expect(decided).toHaveLength(1);
      // Votes arriving after the result find the round closed.
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as NominationError).code] : []));
      expect(refused).toEqual(['not-open-for-vote', 'not-open-for-vote']);
      expect((await repo.get(n.id))?.state).toBe('PROPOSED');
      expect(await decisionEvents(n.id)).toBe(1);
      expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(3);
    });

    it('two members voting at the same moment with the deciding votes: one result, both votes counted', async () => {
      const n = await submit();
      await cast(repo, n.id, member(0), at(1));
      await cast(repo, n.id, member(1), at(2));
      // Two of five have agreed; the 3rd and 4th arrive together: the first makes the majority, the
      // second finds the round closed — never two results, never a majority missed.
      const results = await Promise.allSettled([cast(repo, n.id, member(2), at(3)), cast(repo, n.id, member(3), at(3))]);
      expect(results.filter((r) => r.status === 'fulfilled' && r.value.decided !== null)).toHaveLength(1);
      expect(await decisionEvents(n.id)).toBe(1);
      expect((await db.prisma.reviewRound.findFirstOrThrow({ where: { nominationId: n.id } })).state).toBe('CLOSED');
    });

    it('the same voter twice at once: one vote row, the second is a change', async () => {
      const n = await submit();
      const results = await Promise.all([vote(n.id, 0, 'AGREE', undefined, at(1), 5), vote(n.id, 0, 'AGREE', undefined, at(1), 5)]);
      expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
      expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(1);
    });

    it('a refused vote does not undo writes made meanwhile on the same client', async () => {
      // The adapter runs a client's non-transactional queries on the transaction's connection, so a
      // rollback would take them along; refusals therefore commit their (empty) transaction.
      const n = await submit();
      // Another part of the bot writes (outside any transaction) while the vote transaction is open.
      const meddling = db.prisma.$extends({
        query: {
          nomination: {
            async findUnique({ args, query }) {
              await db.prisma.person.create({ data: { displayName: 'Người qua đường' } });
              return query(args);
            },
          },
        },
      }) as unknown as PrismaClient;
      const refused = createNominationRepository(meddling).castVote({
        id: n.id,
        voterId: officer,
        decision: 'AGREE',
        members: council,
        rule: majority,
        now: at(2),
      });
      await expectCode(refused, 'own-nomination');
      expect(await db.prisma.person.count({ where: { displayName: 'Người qua đường' } })).toBe(1);
    });

    it('votes split across two connections at once still give exactly one result', async () => {
      const second = await createDatabase({ databaseUrl: db.databaseUrl });
      try {
        const repos = [repo, createNominationRepository(second.prisma)];
        for (let trial = 0; trial < 5; trial += 1) {
          const n = await submit({ nomineeName: `Tập thể ${trial}` });
          const results = await Promise.allSettled(council.map((voterId, i) => cast(repos[i % 2] as NominationRepository, n.id, voterId, at(10 + i))));
          const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
          for (const reason of rejected) expect((reason as NominationError).code).toBe('not-open-for-vote');
          const decided = results.filter((r) => r.status === 'fulfilled' && r.value.decided !== null);
          expect(decided).toHaveLength(1);
          expect((await repo.get(n.id))?.state).toBe('PROPOSED');
          expect(await decisionEvents(n.id)).toBe(1);
          expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(3);
        }
      } finally {
        await second.close();
      }
    });

    it('the same voter on two connections at once: one vote row', async () => {
      const second = await createDatabase({ databaseUrl: db.databaseUrl });
      try {
        const n = await submit();
        const results = await Promise.all([cast(repo, n.id, member(0), at(1)), cast(createNominationRepository(second.prisma), n.id, member(0), at(1))]);
        expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
        expect(await db.prisma.vote.count({ where: { nominationId: n.id } })).toBe(1);
      } finally {
        await second.close();
      }
    });
  });
});
