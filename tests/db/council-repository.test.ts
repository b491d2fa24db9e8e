/**
 * The Council's records (issue 12): rounds the chair ends, council meetings, the chairman's
 * decisions, proposals to the higher level followed to their outcome, "one achievement, one reward",
 * and the send-time relevance of notices.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CouncilRepository } from '../../src/core/council/model.ts';
import { NominationError, type NominationDraft, type NominationRepository, type VoteRule } from '../../src/core/nominations/model.ts';
import { nominationRelevance } from '../../src/core/nominations/relevance.ts';
import { loadPlanFile } from '../../src/core/plan/load.ts';
import { createCouncilRepository } from '../../src/db/council-repository.ts';
import { createNominationRepository } from '../../src/db/nomination-repository.ts';
import { importPlan } from '../../src/db/plan-repository.ts';
import { stillRelevant } from '../../src/db/relevance.ts';
import { SHIPPED_PLAN } from '../helpers/core-fixtures.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const PLAN = 'ia-bang-2021-2025';
const majority: VoteRule = { kind: 'majority' };
const T0 = new Date('2025-03-01T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const draft = (over: Partial<NominationDraft> = {}): NominationDraft => ({
  planSlug: PLAN,
  categoryCode: '3.2.1',
  movementCode: 'y-te',
  unitCode: 'tram-y-te',
  subjectType: 'INDIVIDUAL',
  nomineeName: 'Y sĩ Rơ Mah Hiền',
  place: 'Thôn Đồng Tâm',
  achievements: 'Tiêm chủng đầy đủ',
  selfCheck: [],
  evidence: [],
  ...over,
});

async function expectCode(promise: Promise<unknown>, code: NominationError['code']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NominationError);
  expect((error as NominationError).code).toBe(code);
}

describe('council repository', () => {
  let db: TempDatabase;
  let noms: NominationRepository;
  let council: CouncilRepository;
  let officer: number;
  let members: number[];
  let chair: number;

  beforeEach(async () => {
    db = await createTempDatabase();
    await importPlan(db.prisma, loadPlanFile(SHIPPED_PLAN));
    noms = createNominationRepository(db.prisma);
    council = createCouncilRepository(db.prisma);
    officer = (await db.prisma.person.create({ data: { displayName: 'Cán bộ Lan' } })).id;
    members = [];
    for (const name of ['Ủy viên Hà', 'Ủy viên Minh', 'Ủy viên Tư']) members.push((await db.prisma.person.create({ data: { displayName: name } })).id);
    chair = (await db.prisma.person.create({ data: { displayName: 'Chủ tịch Trúc' } })).id;
  });
  afterEach(async () => {
    await db.close();
  });

  const submit = (over: Partial<NominationDraft> = {}) => noms.submit({ draft: draft(over), proposerId: officer, now: T0 });
  const vote = (id: number, i: number, decision: 'AGREE' | 'ASK_CHANGES' | 'DISAGREE', reason?: string) =>
    noms.castVote({ id, voterId: members[i]!, decision, reason, members, rule: majority, now: at(i + 1) });
  const propose = async (over: Partial<NominationDraft> = {}) => {
    const n = await submit(over);
    await vote(n.id, 0, 'AGREE');
    await vote(n.id, 1, 'AGREE');
    return n;
  };
  const split = async () => {
    const n = await submit();
    await vote(n.id, 0, 'AGREE');
    await vote(n.id, 1, 'ASK_CHANGES', 'Bổ sung ảnh');
    expect((await vote(n.id, 2, 'DISAGREE', 'Không đạt')).stalled).toBe(true);
    return n;
  };
  const state = async (id: number) => (await noms.get(id))!.state;

  describe('the three-way split ends each of three ways', () => {
    it('the chair opens a new round: votes start again, old round buttons are stale', async () => {
      const n = await split();
      expect((await council.openRounds({ planSlug: PLAN }))[0]).toMatchObject({ nominationId: n.id, number: 1, stalledWhy: 'ALL_VOTED' });
      expect(await council.endRound({ nominationId: n.id, round: 1, action: 'NEW_ROUND', reason: null, chairId: chair, now: at(10) })).toEqual({
        state: 'SUBMITTED',
        round: 2,
      });
      expect(await noms.votes(n.id)).toEqual([]);
      await expectCode(noms.castVote({ id: n.id, round: 1, voterId: members[0]!, decision: 'AGREE', members, rule: majority, now: at(11) }), 'stale-round');
      await expectCode(council.endRound({ nominationId: n.id, round: 1, action: 'NEW_ROUND', reason: null, chairId: chair, now: at(12) }), 'stale-round');
      expect((await council.rounds(n.id)).map((r) => [r.number, r.state, r.outcome, r.closedHow])).toEqual([
        [1, 'CLOSED', 'NEW_ROUND', 'CHAIR'],
        [2, 'OPEN', null, null],
      ]);
      expect((await noms.history(n.id)).at(-1)).toMatchObject({ action: 'NEW_ROUND', actorName: 'Chủ tịch Trúc', round: 2 });
    });

    it('the chair returns it for changes (a reason is required)', async () => {
      const n = await split();
      await expectCode(council.endRound({ nominationId: n.id, round: 1, action: 'RETURN', reason: ' ', chairId: chair, now: at(10) }), 'reason-required');
      await council.endRound({
        nominationId: n.id,
        round: 1,
        action: 'RETURN',
        reason: 'Bổ sung minh chứng theo ý kiến thành viên',
        chairId: chair,
        now: at(10),
      });
      expect(await state(n.id)).toBe('RETURNED');
      expect((await council.rounds(n.id))[0]).toMatchObject({ outcome: 'RETURN', closedHow: 'CHAIR', closedById: chair });
    });

    it('the chair records a meeting for a batch: attendance, tally per nominee, conclusions', async () => {
      const a = await split();
      const b = await submit({ nomineeName: 'Trạm Y tế xã', subjectType: 'COLLECTIVE', categoryCode: '3.1.5' });
      const meeting = await council.recordMeeting({
        planSlug: PLAN,
        heldOn: '2025-03-05',
        startsAt: '14:00',
        place: 'Hội trường UBND xã',
        chairId: chair,
        chairName: 'Chủ tịch Trúc',
        secretaryName: 'Công chức Văn phòng – Thống kê',
        attendees: [
          { personId: members[0], name: 'Ủy viên Hà', present: true },
          { personId: members[1], name: 'Ủy viên Minh', present: true },
          { personId: members[2], name: 'Ủy viên Tư', present: false, absentReason: 'Đi công tác' },
        ],
        items: [
          { nominationId: a.id, agree: 2, askChanges: 0, disagree: 0, abstain: 0, conclusion: 'PROPOSE', awardCode: 'lao-dong-tien-tien' },
          { nominationId: b.id, agree: 0, askChanges: 2, disagree: 0, abstain: 0, conclusion: 'RETURN', remarks: 'Bổ sung số liệu tiêm chủng' },
        ],
        recordedById: chair,
        now: at(20),
      });
      expect(meeting).toMatchObject({ heldOn: '2025-03-05', place: 'Hội trường UBND xã', chairName: 'Chủ tịch Trúc', planSlug: PLAN });
      expect(meeting.attendees.map((x) => [x.name, x.present, x.absentReason])).toEqual([
        ['Ủy viên Hà', true, null],
        ['Ủy viên Minh', true, null],
        ['Ủy viên Tư', false, 'Đi công tác'],
      ]);
      expect(meeting.items.map((i) => [i.nomineeName, i.round, i.conclusion, i.agree, i.askChanges, i.awardCode])).toEqual([
        ['Y sĩ Rơ Mah Hiền', 1, 'PROPOSE', 2, 0, 'lao-dong-tien-tien'],
        ['Trạm Y tế xã', 1, 'RETURN', 0, 2, null],
      ]);
      expect(await state(a.id)).toBe('PROPOSED');
      expect(await state(b.id)).toBe('RETURNED');
      expect((await council.rounds(a.id))[0]).toMatchObject({ closedHow: 'MEETING', meetingId: meeting.id });
      expect((await council.meetings({ planSlug: PLAN })).map((m) => m.id)).toEqual([meeting.id]);
      // A meeting cannot conclude a nomination that is not under review; nothing is half-written.
      await expectCode(council.recordMeeting({ ...meetingInput(a.id), now: at(30) }), 'not-open-for-vote');
      expect(await db.prisma.councilMeeting.count()).toBe(1);
    });
  });

  const meetingInput = (nominationId: number) => ({
    planSlug: PLAN,
    heldOn: '2025-03-06',
    place: 'UBND xã',
    chairName: 'Chủ tịch Trúc',
    secretaryName: 'Thư ký',
    attendees: [],
    items: [{ nominationId, agree: 1, askChanges: 0, disagree: 0, abstain: 0, conclusion: 'PROPOSE' as const }],
    recordedById: chair,
  });

  it("records the chairman's decision for proposed nominations only, several nominees in one decision", async () => {
    const a = await propose();
    const b = await propose({ nomineeName: 'Y sĩ Ksor Thuận' });
    const pending = await submit({ nomineeName: 'Chưa xét' });
    await expectCode(
      council.recordDecision({
        planSlug: PLAN,
        number: '05/QĐ-UBND',
        signedOn: '2025-03-10',
        items: [{ nominationId: pending.id, awardCode: 'giay-khen' }],
        byId: chair,
        now: at(40),
      }),
      'not-proposed',
    );
    await council.recordDecision({
      planSlug: PLAN,
      number: '05/QĐ-UBND',
      signedOn: '2025-03-10',
      items: [{ nominationId: a.id, awardCode: 'lao-dong-tien-tien' }],
      byId: chair,
      now: at(40),
    });
    const d = await council.recordDecision({
      planSlug: PLAN,
      number: '05/QĐ-UBND',
      signedOn: '2025-03-10',
      items: [{ nominationId: b.id, awardCode: 'lao-dong-tien-tien' }],
      byId: chair,
      now: at(41),
    });
    expect(d).toMatchObject({ number: '05/QĐ-UBND', signedOn: '2025-03-10', authority: 'COMMUNE' });
    expect(d.items.map((i) => i.nomineeName)).toEqual(['Y sĩ Rơ Mah Hiền', 'Y sĩ Ksor Thuận']);
    expect(await state(a.id)).toBe('APPROVED');
    expect((await noms.history(a.id)).at(-1)).toMatchObject({ action: 'DECIDE', fromState: 'PROPOSED', toState: 'APPROVED', detail: '05/QĐ-UBND' });
    expect(await council.awardsOf(a.id)).toEqual({
      decisions: [{ decisionId: d.id, number: '05/QĐ-UBND', signedOn: '2025-03-10', authority: 'COMMUNE', signer: '', awardCode: 'lao-dong-tien-tien' }],
      proposals: [],
    });
  });

  it('follows a proposal upward to its outcome: refused back to the chairman, then awarded', async () => {
    const n = await propose();
    const p = await council.recordProposal({
      planSlug: PLAN,
      number: '45/TTr-UBND',
      sentOn: '2025-03-12',
      toAuthority: 'Chủ tịch UBND huyện',
      items: [{ nominationId: n.id, awardCode: 'chien-si-thi-dua-co-so' }],
      byId: chair,
      now: at(50),
    });
    expect(await state(n.id)).toBe('PROPOSED_HIGHER');
    expect(p.items[0]).toMatchObject({ outcome: 'PENDING', decision: null });
    expect((await council.proposals({ planSlug: PLAN, pendingOnly: true })).map((x) => x.number)).toEqual(['45/TTr-UBND']);

    await council.recordProposalOutcome({
      proposalId: p.id,
      nominationId: n.id,
      outcome: 'REFUSED',
      reason: 'Chưa đủ thời gian công tác',
      byId: chair,
      now: at(60),
    });
    expect(await state(n.id)).toBe('PROPOSED'); // back with the commune chairman
    await expectCode(
      council.recordProposalOutcome({ proposalId: p.id, nominationId: n.id, outcome: 'REFUSED', reason: 'lần hai', byId: chair, now: at(61) }),
      'not-proposed-higher',
    );

    // Proposed again in a new tờ trình, this time awarded by the higher level's decision.
    const p2 = await council.recordProposal({
      planSlug: PLAN,
      number: '52/TTr-UBND',
      sentOn: '2025-04-01',
      toAuthority: 'Chủ tịch UBND huyện',
      items: [{ nominationId: n.id, awardCode: 'giay-khen-huyen' }],
      byId: chair,
      now: at(70),
    });
    await council.recordProposalOutcome({
      proposalId: p2.id,
      nominationId: n.id,
      outcome: 'AWARDED',
      decision: { number: '1234/QĐ-UBND', signedOn: '2025-04-20' },
      byId: chair,
      now: at(80),
    });
    expect(await state(n.id)).toBe('APPROVED');
    const done = (await council.proposal(p2.id))!;
    expect(done.items[0]).toMatchObject({ outcome: 'AWARDED', decision: { number: '1234/QĐ-UBND', signedOn: '2025-04-20', signer: 'Chủ tịch UBND huyện' } });
    const awards = await council.awardsOf(n.id);
    expect(awards.decisions).toEqual([expect.objectContaining({ authority: 'HIGHER', number: '1234/QĐ-UBND', awardCode: 'giay-khen-huyen' })]);
    expect(awards.proposals.map((x) => [x.number, x.outcome, x.refusalReason])).toEqual([
      ['45/TTr-UBND', 'REFUSED', 'Chưa đủ thời gian công tác'],
      ['52/TTr-UBND', 'AWARDED', null],
    ]);
    expect((await noms.history(n.id)).filter((e) => e.action.startsWith('HIGHER') || e.action === 'PROPOSE_HIGHER').map((e) => [e.action, e.detail])).toEqual([
      ['PROPOSE_HIGHER', '45/TTr-UBND'],
      ['HIGHER_REFUSE', '45/TTr-UBND'],
      ['PROPOSE_HIGHER', '52/TTr-UBND'],
      ['HIGHER_AWARD', '1234/QĐ-UBND'],
    ]);
  });

  it('one achievement is not rewarded twice: the same nominee in another nomination (of any plan) in the same year needs a reason', async () => {
    const a = await propose();
    await council.recordDecision({
      planSlug: PLAN,
      number: '05/QĐ-UBND',
      signedOn: '2025-03-10',
      items: [{ nominationId: a.id, awardCode: 'giay-khen' }],
      byId: chair,
      now: at(40),
    });
    // The same person (other spelling) nominated again the same year, another form.
    const b = await propose({ nomineeName: 'Y SĨ RƠ MAH HIỀN', movementCode: null });
    const again = { planSlug: PLAN, number: '09/QĐ-UBND', signedOn: '2025-06-10', byId: chair, now: at(90) };
    await expectCode(council.recordDecision({ ...again, items: [{ nominationId: b.id, awardCode: 'lao-dong-tien-tien' }] }), 'already-commended');
    await expectCode(
      council.recordProposal({ ...again, number: '60/TTr-UBND', sentOn: '2025-06-10', items: [{ nominationId: b.id, awardCode: 'chien-si-thi-dua-co-so' }] }),
      'already-commended',
    );
    expect(await state(b.id)).toBe('PROPOSED');
    expect((await council.priorAwards(b.id)).map((p) => [p.number, p.kind])).toEqual([['05/QĐ-UBND', 'DECISION']]);
    await council.recordDecision({
      ...again,
      items: [{ nominationId: b.id, awardCode: 'lao-dong-tien-tien', overrideReason: 'Thành tích khác: phòng chống dịch quý II' }],
    });
    expect(await state(b.id)).toBe('APPROVED');
    // Another year is another achievement.
    const c = await propose({ nomineeName: 'Y sĩ Rơ Mah Hiền' });
    await council.recordDecision({
      planSlug: PLAN,
      number: '03/QĐ-UBND',
      signedOn: '2026-01-15',
      items: [{ nominationId: c.id, awardCode: 'giay-khen' }],
      byId: chair,
      now: at(100),
    });
    expect(await state(c.id)).toBe('APPROVED');
  });

  it('a notice written for one version of a nomination loses its point when it moves on', async () => {
    const n = await submit();
    const written = nominationRelevance(n);
    expect(await stillRelevant(db.prisma, written)).toBe(true);
    expect(await stillRelevant(db.prisma, null)).toBe(true);
    expect(await stillRelevant(db.prisma, 'deed:12@NEW')).toBe(true); // not ours to judge
    await vote(n.id, 0, 'AGREE');
    expect(await stillRelevant(db.prisma, written)).toBe(true); // a vote does not change the version
    await vote(n.id, 1, 'AGREE');
    expect(await stillRelevant(db.prisma, written)).toBe(false);
    expect(await stillRelevant(db.prisma, nominationRelevance((await noms.get(n.id))!))).toBe(true);
    expect(await stillRelevant(db.prisma, 'nomination:999999@SUBMITTED:1')).toBe(false);
  });
});
