/**
 * The Council's records in SQLite: implements core's {@link CouncilRepository} — review rounds the
 * chair ends, council meetings, the chairman's decisions, proposals to the higher level and their
 * outcomes.
 *
 * Concurrency (true on SQLite now and on PostgreSQL): every state change is a conditional update on
 * the state it starts from (`ReviewRound.state = 'OPEN'`, `Nomination.state = …` and same round),
 * and its event is written only when that update changed the row; a loser is refused with a
 * {@link NominationError} before it writes anything else. Documents are unique by (number, date).
 *
 * @module
 */
import type {
  AwardItemInput,
  CouncilMeetingRecord,
  CouncilRepository,
  DecisionRecord,
  OpenRound,
  PriorAward,
  ProposalOutcome,
  ProposalRecord,
  ReviewRoundRecord,
  StallReason,
} from '../core/council/model.ts';
import { NominationError, type NominationState, type RoundOutcome } from '../core/nominations/model.ts';
import { transition, type NominationAction } from '../core/nominations/states.ts';
import type { SubjectType } from '../core/plan/plan-schema.ts';
import type { PrismaClient } from './client.ts';
import type { Prisma } from './generated/client.ts';
import { addEvent, closeRound, inTransaction, openRound } from './nomination-repository.ts';

type Tx = Prisma.TransactionClient;

const clean = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

const NOMINEE = { select: { nomineeName: true, subjectType: true, unit: { select: { code: true } }, category: { select: { code: true } } } } as const;
const nominee = (n: { nomineeName: string; subjectType: string; unit: { code: string }; category: { code: string } }) => ({
  nomineeName: n.nomineeName,
  subjectType: n.subjectType as SubjectType,
  unitCode: n.unit.code,
  categoryCode: n.category.code,
});

async function planIdOf(db: Tx | PrismaClient, slug: string): Promise<number> {
  const plan = await db.plan.findUnique({ where: { slug }, select: { id: true } });
  if (!plan) throw new NominationError('not-found', `unknown plan ${slug}`);
  return plan.id;
}

async function slugOf(db: Tx | PrismaClient, planId: number): Promise<string> {
  return (await db.plan.findUnique({ where: { id: planId }, select: { slug: true } }))?.slug ?? '';
}

/**
 * Moves a nomination by `action` from `from` (conditional on it still being there, same round) and
 * appends the event. @throws Error (rolls back) when it moved meanwhile.
 */
async function move(
  tx: Tx,
  m: {
    id: number;
    from: NominationState;
    round: number;
    action: NominationAction;
    actorId: number;
    reason?: string | null;
    detail?: string | null;
    now: Date;
    data?: Prisma.NominationUncheckedUpdateManyInput;
  },
): Promise<NominationState> {
  const to = transition(m.from, m.action);
  const decided = to === 'APPROVED' || to === 'REJECTED';
  const { count } = await tx.nomination.updateMany({
    where: { id: m.id, state: m.from, round: m.round },
    data: { state: to, ...(decided ? { decidedAt: m.now } : {}), ...(m.data ?? {}) },
  });
  // A plain Error, not a NominationError: it rolls the whole transaction back (see inTransaction).
  if (count !== 1) throw new Error(`nomination ${m.id} changed meanwhile`);
  await addEvent(tx, {
    nominationId: m.id,
    actorId: m.actorId,
    action: m.action,
    fromState: m.from,
    toState: to,
    reason: m.reason ?? null,
    round: m.round,
    detail: m.detail ?? null,
    at: m.now,
  });
  return to;
}

async function loadNomination(tx: Tx, id: number) {
  const n = await tx.nomination.findUnique({
    where: { id },
    select: { id: true, state: true, round: true, planId: true, nomineeKey: true, subjectType: true },
  });
  if (!n) throw new NominationError('not-found', `no nomination ${id}`);
  return { ...n, state: n.state as NominationState };
}

/** Earlier awards of the same nominee anywhere, or of this nomination (refused proposals excluded). */
async function priorAwardsIn(db: Tx | PrismaClient, nominationId: number): Promise<PriorAward[]> {
  const n = await db.nomination.findUnique({ where: { id: nominationId }, select: { nomineeKey: true, subjectType: true } });
  if (!n) return [];
  const sameNominee = { OR: [{ id: nominationId }, { nomineeKey: n.nomineeKey, subjectType: n.subjectType }] };
  const [decisions, proposals] = await Promise.all([
    db.decisionItem.findMany({ where: { nomination: sameNominee }, include: { decision: true, nomination: { select: { plan: { select: { slug: true } } } } } }),
    db.proposalItem.findMany({
      where: { nomination: sameNominee, outcome: { not: 'REFUSED' } },
      include: { proposal: true, nomination: { select: { plan: { select: { slug: true } } } } },
    }),
  ]);
  return [
    ...decisions.map((d): PriorAward => ({
      nominationId: d.nominationId,
      planSlug: d.nomination.plan.slug,
      awardCode: d.awardCode,
      number: d.decision.number,
      date: d.decision.signedOn,
      kind: 'DECISION',
    })),
    // An AWARDED proposal already shows as its decision; only pending ones are added.
    ...proposals
      .filter((p) => p.outcome === 'PENDING')
      .map((p): PriorAward => ({
        nominationId: p.nominationId,
        planSlug: p.nomination.plan.slug,
        awardCode: p.awardCode,
        number: p.proposal.number,
        date: p.proposal.sentOn,
        kind: 'PROPOSAL',
      })),
  ];
}

/**
 * "Không khen thưởng nhiều lần, nhiều hình thức cho một thành tích" (Law 06/2022/QH15 Art. 6):
 * this nomination already awarded or pending upward, or the same nominee (folded name and subject
 * type, any plan) awarded in the same calendar year, needs an override reason.
 */
async function checkOnce(tx: Tx, item: AwardItemInput, date: string): Promise<void> {
  if (clean(item.overrideReason) !== null) return;
  const prior = await priorAwardsIn(tx, item.nominationId);
  const clash = prior.find((p) => p.nominationId === item.nominationId || p.date.slice(0, 4) === date.slice(0, 4));
  if (clash) throw new NominationError('already-commended', `nominee of nomination ${item.nominationId} already has ${clash.awardCode} (${clash.number})`);
}

function toRound(r: Prisma.ReviewRoundGetPayload<object>): ReviewRoundRecord {
  return {
    id: r.id,
    nominationId: r.nominationId,
    number: r.number,
    openedAt: r.openedAt,
    state: r.state === 'OPEN' ? 'OPEN' : 'CLOSED',
    outcome: r.outcome as ReviewRoundRecord['outcome'],
    closedHow: r.closedHow as ReviewRoundRecord['closedHow'],
    closedAt: r.closedAt,
    closedById: r.closedById,
    meetingId: r.meetingId,
    stalledAt: r.stalledAt,
    stalledWhy: r.stalledWhy as StallReason | null,
  };
}

const MEETING_INCLUDE = {
  attendees: { orderBy: { id: 'asc' } },
  items: { orderBy: { id: 'asc' }, include: { nomination: NOMINEE } },
} satisfies Prisma.CouncilMeetingInclude;

async function toMeeting(db: Tx | PrismaClient, m: Prisma.CouncilMeetingGetPayload<{ include: typeof MEETING_INCLUDE }>): Promise<CouncilMeetingRecord> {
  return {
    id: m.id,
    planSlug: await slugOf(db, m.planId),
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    startAt: m.startAt,
    endAt: m.endAt,
    place: m.place,
    chairId: m.chairId,
    chairName: m.chairName,
    secretaryId: m.secretaryId,
    secretaryName: m.secretaryName,
    notes: m.notes,
    recordedById: m.recordedById,
    recordedAt: m.recordedAt,
    attendees: m.attendees.map((a) => ({ personId: a.personId, name: a.name, present: a.present, absentReason: a.absentReason })),
    items: m.items.map((i) => ({
      nominationId: i.nominationId,
      round: i.round,
      agree: i.agree,
      askChanges: i.askChanges,
      disagree: i.disagree,
      abstain: i.abstain,
      conclusion: i.conclusion as RoundOutcome,
      awardCode: i.awardCode,
      remarks: i.remarks,
      ...nominee(i.nomination),
    })),
  };
}

const DECISION_INCLUDE = { items: { orderBy: { id: 'asc' }, include: { nomination: NOMINEE } } } satisfies Prisma.DecisionInclude;

async function toDecision(db: Tx | PrismaClient, d: Prisma.DecisionGetPayload<{ include: typeof DECISION_INCLUDE }>): Promise<DecisionRecord> {
  return {
    id: d.id,
    planSlug: await slugOf(db, d.planId),
    number: d.number,
    signedOn: d.signedOn,
    authority: d.authority === 'HIGHER' ? 'HIGHER' : 'COMMUNE',
    signer: d.signer,
    proposalId: d.proposalId,
    recordedById: d.recordedById,
    recordedAt: d.recordedAt,
    items: d.items.map((i) => ({ nominationId: i.nominationId, awardCode: i.awardCode, overrideReason: i.overrideReason, ...nominee(i.nomination) })),
  };
}

const PROPOSAL_INCLUDE = { items: { orderBy: { id: 'asc' }, include: { nomination: NOMINEE } } } satisfies Prisma.ProposalInclude;

async function toProposal(db: Tx | PrismaClient, p: Prisma.ProposalGetPayload<{ include: typeof PROPOSAL_INCLUDE }>): Promise<ProposalRecord> {
  const decisionIds = p.items.flatMap((i) => (i.decisionId === null ? [] : [i.decisionId]));
  const decisions = new Map((await db.decision.findMany({ where: { id: { in: decisionIds } } })).map((d) => [d.id, d]));
  return {
    id: p.id,
    planSlug: await slugOf(db, p.planId),
    number: p.number,
    sentOn: p.sentOn,
    toAuthority: p.toAuthority,
    recordedById: p.recordedById,
    recordedAt: p.recordedAt,
    items: p.items.map((i) => {
      const d = i.decisionId === null ? undefined : decisions.get(i.decisionId);
      return {
        nominationId: i.nominationId,
        awardCode: i.awardCode,
        overrideReason: i.overrideReason,
        outcome: i.outcome as ProposalOutcome,
        decision: d ? { id: d.id, number: d.number, signedOn: d.signedOn, signer: d.signer } : null,
        refusalReason: i.refusalReason,
        outcomeAt: i.outcomeAt,
        ...nominee(i.nomination),
      };
    }),
  };
}

/** The decision with this authority, number and date (created when new). */
async function decisionRow(
  tx: Tx,
  d: { planId: number; authority: 'COMMUNE' | 'HIGHER'; number: string; signedOn: string; signer: string; proposalId: number | null; byId: number; now: Date },
) {
  const where = { authority_number_signedOn: { authority: d.authority, number: d.number, signedOn: d.signedOn } };
  const found = await tx.decision.findUnique({ where });
  if (found) return found;
  return tx.decision.create({
    data: {
      planId: d.planId,
      authority: d.authority,
      number: d.number,
      signedOn: d.signedOn,
      signer: d.signer,
      proposalId: d.proposalId,
      recordedById: d.byId,
      recordedAt: d.now,
    },
  });
}

export function createCouncilRepository(prisma: PrismaClient): CouncilRepository {
  return {
    async rounds(nominationId) {
      return (await prisma.reviewRound.findMany({ where: { nominationId }, orderBy: { number: 'asc' } })).map(toRound);
    },

    async openRounds({ planSlug }) {
      const rows = await prisma.reviewRound.findMany({
        where: { state: 'OPEN', nomination: { plan: { slug: planSlug }, state: 'SUBMITTED' } },
        include: { nomination: { select: { nomineeName: true, proposerId: true, round: true, unit: { select: { code: true } } } } },
        orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
      });
      return rows
        .filter((r) => r.number === r.nomination.round)
        .map((r): OpenRound => ({
          roundId: r.id,
          nominationId: r.nominationId,
          number: r.number,
          nomineeName: r.nomination.nomineeName,
          unitCode: r.nomination.unit.code,
          proposerId: r.nomination.proposerId,
          openedAt: r.openedAt,
          stalledAt: r.stalledAt,
          stalledWhy: r.stalledWhy as StallReason | null,
        }));
    },

    async markStalled({ roundId, why, now }) {
      const { count } = await prisma.reviewRound.updateMany({
        where: { id: roundId, state: 'OPEN', stalledAt: null },
        data: { stalledAt: now, stalledWhy: why },
      });
      return count === 1;
    },

    async endRound({ nominationId, round, action, reason, chairId, now }) {
      const why = clean(reason);
      if (action === 'RETURN' && why === null) throw new NominationError('reason-required', 'a return needs a reason');
      return inTransaction(prisma, async (tx) => {
        const n = await loadNomination(tx, nominationId);
        if (n.state !== 'SUBMITTED') throw new NominationError('not-open-for-vote', `nomination ${nominationId} is ${n.state}`);
        if (n.round !== round) throw new NominationError('stale-round', `round ${round} is not the open round ${n.round}`);
        const outcome = action === 'NEW_ROUND' ? 'NEW_ROUND' : 'RETURN';
        if (!(await closeRound(tx, { nominationId, number: round, outcome, how: 'CHAIR', byId: chairId, now }))) {
          throw new NominationError('stale-round', `round ${round} of nomination ${nominationId} was closed meanwhile`);
        }
        if (action === 'RETURN') {
          const state = await move(tx, { id: nominationId, from: 'SUBMITTED', round, action: 'RETURN', actorId: chairId, reason: why, detail: 'CHAIR', now });
          return { state, round };
        }
        const next = round + 1;
        const { count } = await tx.nomination.updateMany({ where: { id: nominationId, state: 'SUBMITTED', round }, data: { round: next } });
        if (count !== 1) throw new Error(`nomination ${nominationId} changed meanwhile`);
        await openRound(tx, { nominationId, number: next, openedById: chairId, now });
        await addEvent(tx, {
          nominationId,
          actorId: chairId,
          action: 'NEW_ROUND',
          fromState: 'SUBMITTED',
          toState: 'SUBMITTED',
          reason: why,
          round: next,
          at: now,
        });
        return { state: 'SUBMITTED' as const, round: next };
      });
    },

    async recordMeeting(input) {
      const id = await inTransaction(prisma, async (tx) => {
        const planId = await planIdOf(tx, input.planSlug);
        // Refuse before the first write (see inTransaction): check every item first.
        const rounds = new Map<number, number>();
        for (const item of input.items) {
          const n = await loadNomination(tx, item.nominationId);
          if (n.planId !== planId) throw new NominationError('not-found', `nomination ${item.nominationId} is not in plan ${input.planSlug}`);
          if (n.state !== 'SUBMITTED') throw new NominationError('not-open-for-vote', `nomination ${item.nominationId} is ${n.state}`);
          if (item.round !== undefined && item.round !== n.round)
            throw new NominationError('stale-round', `round ${item.round} of nomination ${item.nominationId} is not the open round ${n.round}`);
          if (item.conclusion !== 'PROPOSE' && clean(item.remarks) === null)
            throw new NominationError('reason-required', `${item.conclusion} of ${item.nominationId} needs remarks`);
          rounds.set(item.nominationId, n.round);
        }
        const meeting = await tx.councilMeeting.create({
          data: {
            planId,
            heldOn: input.heldOn,
            startsAt: clean(input.startsAt),
            startAt: input.startAt ?? null,
            endAt: input.endAt ?? null,
            place: input.place.trim(),
            chairId: input.chairId ?? null,
            chairName: input.chairName.trim(),
            secretaryId: input.secretaryId ?? null,
            secretaryName: input.secretaryName.trim(),
            notes: clean(input.notes),
            recordedById: input.recordedById,
            recordedAt: input.now,
            attendees: {
              create: input.attendees.map((a) => ({
                personId: a.personId ?? null,
                name: a.name.trim(),
                present: a.present,
                absentReason: a.present ? null : clean(a.absentReason),
              })),
            },
          },
        });
        for (const item of input.items) {
          const round = rounds.get(item.nominationId)!;
          await tx.councilMeetingItem.create({
            data: {
              meetingId: meeting.id,
              nominationId: item.nominationId,
              round,
              agree: item.agree,
              askChanges: item.askChanges,
              disagree: item.disagree,
              abstain: item.abstain,
              conclusion: item.conclusion,
              awardCode: item.awardCode ?? null,
              remarks: clean(item.remarks),
            },
          });
          if (
            !(await closeRound(tx, {
              nominationId: item.nominationId,
              number: round,
              outcome: item.conclusion,
              how: 'MEETING',
              byId: input.recordedById,
              meetingId: meeting.id,
              now: input.now,
            }))
          ) {
            throw new Error(`round ${round} of nomination ${item.nominationId} closed during the meeting record`);
          }
          const tally = `${item.agree}/${item.askChanges}/${item.disagree}/${item.abstain}`;
          await move(tx, {
            id: item.nominationId,
            from: 'SUBMITTED',
            round,
            action: item.conclusion,
            actorId: input.recordedById,
            reason: clean(item.remarks),
            detail: `MEETING:${meeting.id}:${tally}`,
            now: input.now,
          });
        }
        return meeting.id;
      });
      return (await this.meeting(id))!;
    },

    async meeting(id) {
      const m = await prisma.councilMeeting.findUnique({ where: { id }, include: MEETING_INCLUDE });
      return m ? toMeeting(prisma, m) : null;
    },

    async meetings({ planSlug }) {
      const plan = await prisma.plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
      if (!plan) return [];
      const rows = await prisma.councilMeeting.findMany({
        where: { planId: plan.id },
        include: MEETING_INCLUDE,
        orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
      });
      return Promise.all(rows.map((m) => toMeeting(prisma, m)));
    },

    async recordDecision({ planSlug, number, signedOn, signer, items, byId, now }) {
      const id = await inTransaction(prisma, async (tx) => {
        const planId = await planIdOf(tx, planSlug);
        const rows = [];
        for (const item of items) {
          const n = await loadNomination(tx, item.nominationId);
          if (n.planId !== planId) throw new NominationError('not-found', `nomination ${item.nominationId} is not in plan ${planSlug}`);
          if (n.state !== 'PROPOSED') throw new NominationError('not-proposed', `nomination ${item.nominationId} is ${n.state}`);
          await checkOnce(tx, item, signedOn);
          rows.push(n);
        }
        const decision = await decisionRow(tx, {
          planId,
          authority: 'COMMUNE',
          number: number.trim(),
          signedOn,
          signer: signer?.trim() ?? '',
          proposalId: null,
          byId,
          now,
        });
        for (const [i, item] of items.entries()) {
          await tx.decisionItem.create({
            data: { decisionId: decision.id, nominationId: item.nominationId, awardCode: item.awardCode, overrideReason: clean(item.overrideReason) },
          });
          await move(tx, {
            id: item.nominationId,
            from: 'PROPOSED',
            round: rows[i]!.round,
            action: 'DECIDE',
            actorId: byId,
            reason: clean(item.overrideReason),
            detail: decision.number,
            now,
          });
        }
        return decision.id;
      });
      return (await this.decision(id))!;
    },

    async decline({ nominationId, reason, byId, now }) {
      const why = clean(reason);
      if (why === null) throw new NominationError('reason-required', 'declining needs a reason');
      await inTransaction(prisma, async (tx) => {
        const n = await loadNomination(tx, nominationId);
        if (n.state !== 'PROPOSED') throw new NominationError('not-proposed', `nomination ${nominationId} is ${n.state}`);
        await move(tx, { id: nominationId, from: 'PROPOSED', round: n.round, action: 'DECLINE', actorId: byId, reason: why, now });
      });
    },

    async recordProposal({ planSlug, number, sentOn, toAuthority, items, byId, now }) {
      const id = await inTransaction(prisma, async (tx) => {
        const planId = await planIdOf(tx, planSlug);
        const rows = [];
        for (const item of items) {
          const n = await loadNomination(tx, item.nominationId);
          if (n.planId !== planId) throw new NominationError('not-found', `nomination ${item.nominationId} is not in plan ${planSlug}`);
          if (n.state !== 'PROPOSED') throw new NominationError('not-proposed', `nomination ${item.nominationId} is ${n.state}`);
          await checkOnce(tx, item, sentOn);
          rows.push(n);
        }
        const where = { number_sentOn: { number: number.trim(), sentOn } };
        const proposal =
          (await tx.proposal.findUnique({ where })) ??
          (await tx.proposal.create({
            data: { planId, number: number.trim(), sentOn, toAuthority: toAuthority?.trim() ?? '', recordedById: byId, recordedAt: now },
          }));
        for (const [i, item] of items.entries()) {
          await tx.proposalItem.create({
            data: { proposalId: proposal.id, nominationId: item.nominationId, awardCode: item.awardCode, overrideReason: clean(item.overrideReason) },
          });
          await move(tx, {
            id: item.nominationId,
            from: 'PROPOSED',
            round: rows[i]!.round,
            action: 'PROPOSE_HIGHER',
            actorId: byId,
            reason: clean(item.overrideReason),
            detail: proposal.number,
            now,
          });
        }
        return proposal.id;
      });
      return (await this.proposal(id))!;
    },

    async recordProposalOutcome(input) {
      const why = input.outcome === 'REFUSED' ? clean(input.reason) : null;
      if (input.outcome === 'REFUSED' && why === null) throw new NominationError('reason-required', 'a refusal needs its reason');
      await inTransaction(prisma, async (tx) => {
        const item = await tx.proposalItem.findUnique({
          where: { proposalId_nominationId: { proposalId: input.proposalId, nominationId: input.nominationId } },
          include: { proposal: true },
        });
        if (!item) throw new NominationError('not-found', `nomination ${input.nominationId} is not in proposal ${input.proposalId}`);
        const n = await loadNomination(tx, input.nominationId);
        if (item.outcome !== 'PENDING' || n.state !== 'PROPOSED_HIGHER')
          throw new NominationError('not-proposed-higher', `nomination ${input.nominationId} is ${n.state}, outcome ${item.outcome}`);
        // Claim the item first (conditional on PENDING): two officers recording at once → one outcome.
        const claimed = await tx.proposalItem.updateMany({
          where: { id: item.id, outcome: 'PENDING' },
          data: { outcome: input.outcome, refusalReason: why, outcomeAt: input.now, outcomeById: input.byId },
        });
        if (claimed.count !== 1) throw new Error(`proposal item ${item.id} answered meanwhile`);
        if (input.outcome === 'REFUSED') {
          await move(tx, {
            id: n.id,
            from: 'PROPOSED_HIGHER',
            round: n.round,
            action: 'HIGHER_REFUSE',
            actorId: input.byId,
            reason: why,
            detail: item.proposal.number,
            now: input.now,
          });
          return;
        }
        const d = input.decision;
        const decision = await decisionRow(tx, {
          planId: n.planId,
          authority: 'HIGHER',
          number: d.number.trim(),
          signedOn: d.signedOn,
          signer: d.signer?.trim() || item.proposal.toAuthority,
          proposalId: item.proposalId,
          byId: input.byId,
          now: input.now,
        });
        await tx.decisionItem.create({ data: { decisionId: decision.id, nominationId: n.id, awardCode: item.awardCode, overrideReason: item.overrideReason } });
        await tx.proposalItem.update({ where: { id: item.id }, data: { decisionId: decision.id } });
        await move(tx, {
          id: n.id,
          from: 'PROPOSED_HIGHER',
          round: n.round,
          action: 'HIGHER_AWARD',
          actorId: input.byId,
          detail: decision.number,
          now: input.now,
        });
      });
    },

    async decision(id) {
      const d = await prisma.decision.findUnique({ where: { id }, include: DECISION_INCLUDE });
      return d ? toDecision(prisma, d) : null;
    },

    async decisions({ planSlug }) {
      const plan = await prisma.plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
      if (!plan) return [];
      const rows = await prisma.decision.findMany({ where: { planId: plan.id }, include: DECISION_INCLUDE, orderBy: [{ signedOn: 'desc' }, { id: 'desc' }] });
      return Promise.all(rows.map((d) => toDecision(prisma, d)));
    },

    async proposal(id) {
      const p = await prisma.proposal.findUnique({ where: { id }, include: PROPOSAL_INCLUDE });
      return p ? toProposal(prisma, p) : null;
    },

    async proposals({ planSlug, pendingOnly }) {
      const plan = await prisma.plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
      if (!plan) return [];
      const rows = await prisma.proposal.findMany({
        where: { planId: plan.id, ...(pendingOnly ? { items: { some: { outcome: 'PENDING' } } } : {}) },
        include: PROPOSAL_INCLUDE,
        orderBy: [{ sentOn: 'desc' }, { id: 'desc' }],
      });
      return Promise.all(rows.map((p) => toProposal(prisma, p)));
    },

    async awardsOf(nominationId) {
      const [decisions, proposals] = await Promise.all([
        prisma.decisionItem.findMany({ where: { nominationId }, include: { decision: true }, orderBy: { id: 'asc' } }),
        prisma.proposalItem.findMany({ where: { nominationId }, include: { proposal: true }, orderBy: { id: 'asc' } }),
      ]);
      return {
        decisions: decisions.map((d) => ({
          decisionId: d.decisionId,
          number: d.decision.number,
          signedOn: d.decision.signedOn,
          authority: d.decision.authority === 'HIGHER' ? ('HIGHER' as const) : ('COMMUNE' as const),
          signer: d.decision.signer,
          awardCode: d.awardCode,
        })),
        proposals: proposals.map((p) => ({
          proposalId: p.proposalId,
          number: p.proposal.number,
          sentOn: p.proposal.sentOn,
          toAuthority: p.proposal.toAuthority,
          awardCode: p.awardCode,
          outcome: p.outcome as ProposalOutcome,
          refusalReason: p.refusalReason,
        })),
      };
    },

    priorAwards: (nominationId) => priorAwardsIn(prisma, nominationId),
  };
}
