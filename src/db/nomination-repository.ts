/**
 * Nominations (Đăng ký / đề nghị điển hình) in SQLite: implements core's {@link NominationRepository}.
 *
 * @module
 */
import {
  NominationError,
  type EvidenceKind,
  type Nomination,
  type NominationDraft,
  type NominationRepository,
  type NominationState,
  type NoteKind,
  type RoundVote,
  type Tally,
  type VoteDecision,
  type VoteRule,
} from '../core/nominations/model.ts';
import { isDecided, OUTCOME_OF_VOTE, transition } from '../core/nominations/states.ts';
import { decide, isDeadlocked } from '../core/nominations/voting.ts';
import type { SubjectType } from '../core/plan/plan-schema.ts';
import { foldText } from '../core/text/fold.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';
import type { Prisma } from './generated/client.ts';

type Tx = Prisma.TransactionClient;

const WITH_CODES = {
  plan: { select: { slug: true } },
  category: { select: { code: true } },
  unit: { select: { code: true } },
  evidence: { orderBy: { id: 'asc' } },
} satisfies Prisma.NominationInclude;
type NominationRow = Prisma.NominationGetPayload<{ include: typeof WITH_CODES }>;

const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.NominationOrderByWithRelationInput[];
const OLDEST_FIRST = [{ createdAt: 'asc' }, { id: 'asc' }] satisfies Prisma.NominationOrderByWithRelationInput[];
const IN_ORDER = [{ at: 'asc' }, { id: 'asc' }] as const;

const toNomination = (r: NominationRow): Nomination => ({
  id: r.id,
  planSlug: r.plan.slug,
  categoryCode: r.category.code,
  movementCode: r.movementCode,
  unitCode: r.unit.code,
  proposerId: r.proposerId,
  subjectType: r.subjectType as SubjectType,
  nomineeName: r.nomineeName,
  place: r.place,
  achievements: r.achievements,
  selfCheck: JSON.parse(r.selfCheck) as string[],
  profile: r.profile,
  notApplicable: JSON.parse(r.notApplicable) as string[],
  state: r.state as NominationState,
  round: r.round,
  createdAt: r.createdAt,
  submittedAt: r.submittedAt,
  decidedAt: r.decidedAt,
  evidence: r.evidence.map((e) => ({ kind: e.kind as EvidenceKind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName })),
});

/** A trimmed reason, or `null` when there is none. */
const clean = (text: string | undefined): string | null => (text?.trim() ? text.trim() : null);

/**
 * Runs `work` in one interactive transaction. SQLITE_BUSY (another connection writing) is retried
 * by the client (`createDatabase` in `./client.ts`), which reruns `work` on a fresh transaction.
 *
 * Refusals: a {@link NominationError} thrown by `work` COMMITS the transaction (and is rethrown
 * after), so `work` must refuse before its first write. Why: the client lets queries made from the
 * transaction's own async context through at once, on its connection, even when they don't go
 * through `tx` (e.g. another component's hook called from `work`); a rollback would silently undo
 * such writes. (Queries from unrelated concurrent code wait for the transaction to end.)
 */
export async function inTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  const outcome = await prisma.$transaction(async (tx): Promise<{ value: T } | { refusal: NominationError }> => {
    try {
      return { value: await work(tx) };
    } catch (error) {
      if (error instanceof NominationError) return { refusal: error };
      throw error;
    }
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.value;
}

async function planIdOf(db: Tx | PrismaClient, slug: string): Promise<number | null> {
  // Plain SQL (the same on both engines): every list and count of nominations starts here.
  const [row] = await db.$queryRaw<{ id: number | bigint }[]>`SELECT "id" FROM "Plan" WHERE "slug" = ${slug}`;
  return row ? Number(row.id) : null;
}

/**
 * The plan's nominations in `wanted` states (all when undefined), counted per state in plain SQL
 * (the same on both engines): the lists every resident opens (/guong) count this way, and a model
 * count costs many times the statement in Prisma's client.
 */
async function countByState(db: Tx | PrismaClient, planId: number, wanted: readonly string[] | undefined): Promise<number> {
  const rows = await db.$queryRaw<{ state: string; n: bigint | number }[]>`SELECT "state", count(*) AS "n" FROM "Nomination"
    WHERE "planId" = ${planId} GROUP BY "state"`;
  return rows.reduce((sum, r) => (wanted === undefined || wanted.includes(r.state) ? sum + Number(r.n) : sum), 0);
}

/** Id of the plan's category or unit with this code. @throws NominationError('not-found') */
async function idByCode(tx: Tx, table: 'category' | 'unit', planId: number, code: string): Promise<number> {
  const where = { planId_code: { planId, code } };
  const found = table === 'category' ? await tx.category.findUnique({ where }) : await tx.unit.findUnique({ where });
  if (!found) throw new NominationError('not-found', `unknown ${table} ${code}`);
  return found.id;
}

async function loadRow(db: Tx | PrismaClient, id: number): Promise<NominationRow> {
  const row = await db.nomination.findUnique({ where: { id }, include: WITH_CODES });
  if (!row) throw new NominationError('not-found', `no nomination ${id}`);
  return row;
}

export async function addEvent(
  tx: Tx,
  e: {
    nominationId: number;
    actorId: number | null;
    action: string;
    fromState: NominationState | null;
    toState: NominationState;
    reason?: string | null;
    round?: number | null;
    detail?: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.nominationEvent.create({ data: { ...e, reason: e.reason ?? null, round: e.round ?? null, detail: e.detail ?? null } });
}

const evidenceRows = (evidence: NominationDraft['evidence'], at: Date) =>
  evidence.map((e) => ({ kind: e.kind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName ?? null, createdAt: at }));

/** The columns of a new nomination (without state and round). */
async function newRow(tx: Tx, planId: number, d: NominationDraft, proposerId: number, now: Date) {
  return {
    planId,
    categoryId: await idByCode(tx, 'category', planId, d.categoryCode),
    unitId: await idByCode(tx, 'unit', planId, d.unitCode),
    movementCode: d.movementCode,
    proposerId,
    subjectType: d.subjectType,
    nomineeName: d.nomineeName,
    nomineeKey: foldText(d.nomineeName),
    place: d.place,
    achievements: d.achievements,
    selfCheck: JSON.stringify(d.selfCheck),
    profile: d.profile ?? null,
    notApplicable: JSON.stringify(d.notApplicable ?? []),
    goodDeedId: d.goodDeedId ?? null,
    createdAt: now,
    submittedAt: now,
    evidence: { create: evidenceRows(d.evidence, now) },
  } satisfies Omit<Prisma.NominationUncheckedCreateInput, 'state'>;
}

/** The columns a resubmission changes (category and unit codes are resolved in the nomination's plan). */
async function changedColumns(tx: Tx, planId: number, c: Partial<NominationDraft>): Promise<Prisma.NominationUncheckedUpdateManyInput> {
  const data: Prisma.NominationUncheckedUpdateManyInput = {};
  if (c.categoryCode !== undefined) data.categoryId = await idByCode(tx, 'category', planId, c.categoryCode);
  if (c.unitCode !== undefined) data.unitId = await idByCode(tx, 'unit', planId, c.unitCode);
  if (c.movementCode !== undefined) data.movementCode = c.movementCode;
  if (c.subjectType !== undefined) data.subjectType = c.subjectType;
  if (c.nomineeName !== undefined) Object.assign(data, { nomineeName: c.nomineeName, nomineeKey: foldText(c.nomineeName) });
  if (c.place !== undefined) data.place = c.place;
  if (c.achievements !== undefined) data.achievements = c.achievements;
  if (c.selfCheck !== undefined) data.selfCheck = JSON.stringify(c.selfCheck);
  if (c.profile !== undefined) data.profile = c.profile;
  if (c.notApplicable !== undefined) data.notApplicable = JSON.stringify(c.notApplicable);
  if (c.goodDeedId !== undefined) data.goodDeedId = c.goodDeedId;
  return data;
}

/** Display names of people by id (missing people are left out). */
export async function namesOf(db: Tx | PrismaClient, ids: readonly number[]): Promise<Map<number, string>> {
  const people = await db.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(people.map((p) => [p.id, p.displayName]));
}

/**
 * Each reason with its own voter, as the history shows it: "Name: reason; Name: reason" (issue 12:
 * the history used to credit every reason to the last voter).
 */
export const reasonsWithVoters = (reasons: readonly { voterName: string; reason: string }[]): string | null =>
  reasons.length === 0 ? null : reasons.map((r) => `${r.voterName}: ${r.reason}`).join('; ');

/**
 * Opens review round `number` of a nomination (on submission, resubmission or the chair's NEW_ROUND).
 * The unique (nominationId, number) index makes a second opening of the same round fail.
 */
export async function openRound(tx: Tx, r: { nominationId: number; number: number; openedById: number | null; now: Date }): Promise<void> {
  await tx.reviewRound.create({ data: { nominationId: r.nominationId, number: r.number, openedAt: r.now, openedById: r.openedById } });
}

/**
 * Closes the OPEN round once: a conditional update on `state = 'OPEN'` — of two closers (two last
 * votes, a vote and the chair, two chairs) exactly one sees `count = 1` (also on PostgreSQL, where
 * the second UPDATE waits for the first's row lock and then re-checks the condition).
 * @returns true for the one caller that closed it.
 */
export async function closeRound(
  tx: Tx,
  r: { nominationId: number; number: number; outcome: string; how: string; byId: number | null; meetingId?: number | null; now: Date },
): Promise<boolean> {
  const { count } = await tx.reviewRound.updateMany({
    where: { nominationId: r.nominationId, number: r.number, state: 'OPEN' },
    data: { state: 'CLOSED', outcome: r.outcome, closedHow: r.how, closedById: r.byId, closedAt: r.now, meetingId: r.meetingId ?? null },
  });
  return count === 1;
}

/**
 * Counts the round's votes and, when the rule is met by the members who may vote, ends the round:
 * the round is closed (conditional, see {@link closeRound}), the nomination moves (conditional update
 * on still SUBMITTED in the same round) and the result event carries each deciding reason with its
 * own voter. Otherwise reports whether the round is deadlocked (all voted, no result) for the chair.
 */
async function decideRound(
  tx: Tx,
  r: { id: number; round: number; voterId: number; eligible: number; rule: VoteRule; now: Date },
): Promise<Pick<import('../core/nominations/model.ts').CastVoteResult, 'tally' | 'decided' | 'stalled'>> {
  const votes = await tx.vote.findMany({ where: { nominationId: r.id, round: r.round }, orderBy: [...IN_ORDER] });
  const tally: Tally = { AGREE: 0, ASK_CHANGES: 0, DISAGREE: 0 };
  for (const v of votes) tally[v.decision as VoteDecision] += 1;
  const winner = decide({ tally, councilSize: r.eligible, rule: r.rule });
  if (winner === null) {
    if (!isDeadlocked({ tally, councilSize: r.eligible, rule: r.rule })) return { tally, decided: null, stalled: false };
    // Flag once: only the vote that first finds the deadlock tells the chair.
    const { count } = await tx.reviewRound.updateMany({
      where: { nominationId: r.id, number: r.round, state: 'OPEN', stalledAt: null },
      data: { stalledAt: r.now, stalledWhy: 'ALL_VOTED' },
    });
    return { tally, decided: null, stalled: count === 1 };
  }
  const outcome = OUTCOME_OF_VOTE[winner];
  const state = transition('SUBMITTED', outcome);
  if (!(await closeRound(tx, { nominationId: r.id, number: r.round, outcome, how: 'VOTES', byId: r.voterId, now: r.now })))
    return { tally, decided: null, stalled: false };
  const { count } = await tx.nomination.updateMany({
    where: { id: r.id, state: 'SUBMITTED', round: r.round },
    data: { state, decidedAt: isDecided(state) ? r.now : null },
  });
  if (count !== 1) return { tally, decided: null, stalled: false };
  const deciding = votes.filter((v) => v.decision === winner && v.reason !== null);
  const names = await namesOf(
    tx,
    deciding.map((v) => v.voterId),
  );
  const reasons = deciding.map((v) => ({ voterId: v.voterId, voterName: names.get(v.voterId) ?? `#${v.voterId}`, reason: v.reason! }));
  const event = { nominationId: r.id, actorId: r.voterId, action: outcome, fromState: 'SUBMITTED' as const, toState: state, round: r.round, at: r.now };
  await addEvent(tx, { ...event, reason: reasonsWithVoters(reasons) });
  return { tally, decided: { state, outcome, reasons }, stalled: false };
}

/**
 * The nomination repository over Prisma (SQLite).
 *
 * - Every state change and its {@link NominationEvent} are written in one transaction; events, votes,
 *   notes and commendations are only ever inserted (append-only history, Law 06/2022/QH15).
 * - `castVote` is safe under concurrency, also across connections and on PostgreSQL: each vote first
 *   bumps its open round's `version` (the per-round lock), then counts; the round is closed by a
 *   conditional update (`state = OPEN`) and the nomination moved by another (`state = SUBMITTED` and
 *   same round), and the result event is written only by the one vote whose updates changed the rows.
 * - Transactions that meet SQLITE_BUSY (another connection writing) are retried by the client.
 * - `resubmit` ignores `changes.planSlug`: a nomination never moves to another plan.
 */
export function createNominationRepository(prisma: PrismaClient): NominationRepository {
  return {
    async submit({ draft, proposerId, now }) {
      const id = await inTransaction(prisma, async (tx) => {
        const planId = await planIdOf(tx, draft.planSlug);
        if (planId === null) throw new NominationError('not-found', `unknown plan ${draft.planSlug}`);
        const state = transition('DRAFT', 'SUBMIT');
        const data = await newRow(tx, planId, draft, proposerId, now);
        const created = await tx.nomination.create({ data: { ...data, state, round: 1 }, select: { id: true } });
        const base = { nominationId: created.id, actorId: proposerId, at: now };
        await addEvent(tx, { ...base, action: 'CREATE', fromState: null, toState: 'DRAFT' });
        await addEvent(tx, { ...base, action: 'SUBMIT', fromState: 'DRAFT', toState: state, round: 1 });
        await openRound(tx, { nominationId: created.id, number: 1, openedById: proposerId, now });
        return created.id;
      });
      return toNomination(await loadRow(prisma, id));
    },

    async resubmit({ id, changes, actorId, now }) {
      await inTransaction(prisma, async (tx) => {
        const row = await loadRow(tx, id);
        const from = row.state as NominationState;
        const state = transition(from, 'RESUBMIT');
        const data = await changedColumns(tx, row.planId, changes);
        const where = { id, state: from, round: row.round };
        const { count } = await tx.nomination.updateMany({ where, data: { ...data, state, round: row.round + 1, submittedAt: now, decidedAt: null } });
        if (count !== 1) throw new NominationError('illegal-transition', `nomination ${id} changed meanwhile`);
        if (changes.evidence !== undefined) {
          await tx.evidence.deleteMany({ where: { nominationId: id } });
          await tx.evidence.createMany({ data: evidenceRows(changes.evidence, now).map((e) => ({ ...e, nominationId: id })) });
        }
        await addEvent(tx, { nominationId: id, actorId, action: 'RESUBMIT', fromState: from, toState: state, round: row.round + 1, at: now });
        await openRound(tx, { nominationId: id, number: row.round + 1, openedById: actorId, now });
      });
      return toNomination(await loadRow(prisma, id));
    },

    async get(id) {
      const row = await prisma.nomination.findUnique({ where: { id }, include: WITH_CODES });
      return row ? toNomination(row) : null;
    },

    async history(id) {
      const events = await prisma.nominationEvent.findMany({ where: { nominationId: id }, orderBy: [...IN_ORDER] });
      const actorIds = [...new Set(events.flatMap((e) => (e.actorId === null ? [] : [e.actorId])))];
      const people = await prisma.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
      const names = new Map(people.map((p) => [p.id, p.displayName]));
      return events.map((e) => ({
        at: e.at,
        actorId: e.actorId,
        actorName: e.actorId === null ? null : (names.get(e.actorId) ?? null),
        action: e.action,
        fromState: e.fromState as NominationState | null,
        toState: e.toState as NominationState,
        reason: e.reason,
        round: e.round,
        detail: e.detail,
      }));
    },

    async findByNominee({ planSlug, nomineeName, excludeId }) {
      const planId = await planIdOf(prisma, planSlug);
      if (planId === null) return [];
      const where = { planId, nomineeKey: foldText(nomineeName), ...(excludeId === undefined ? {} : { id: { not: excludeId } }) };
      return (await prisma.nomination.findMany({ where, include: WITH_CODES, orderBy: OLDEST_FIRST })).map(toNomination);
    },

    async reviewQueue({ planSlug, voterId }) {
      const planId = await planIdOf(prisma, planSlug);
      if (planId === null) return [];
      const rows = await prisma.nomination.findMany({
        where: { planId, state: 'SUBMITTED' },
        include: { ...WITH_CODES, votes: { where: { voterId }, select: { round: true } } },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      });
      return rows.filter((r) => !r.votes.some((v) => v.round === r.round)).map(toNomination);
    },

    async castVote({ id, voterId, decision, reason, round, members, rule, now }) {
      const why = clean(reason);
      if (decision !== 'AGREE' && why === null) throw new NominationError('reason-required', `${decision} needs a reason`);
      return inTransaction(prisma, async (tx) => {
        const n = await tx.nomination.findUnique({ where: { id }, select: { state: true, round: true, proposerId: true } });
        if (!n) throw new NominationError('not-found', `no nomination ${id}`);
        if (n.state !== 'SUBMITTED') throw new NominationError('not-open-for-vote', `cannot vote on a ${n.state} nomination`);
        if (round !== undefined && round !== n.round)
          throw new NominationError('stale-round', `button of round ${round}, nomination ${id} is in round ${n.round}`);
        if (voterId === n.proposerId) throw new NominationError('own-nomination', `voter ${voterId} proposed nomination ${id}`);
        // The per-round lock, taken before reading anything the result depends on. Two members voting
        // at the same moment: on SQLite this write takes the database's write lock; on PostgreSQL it
        // takes the round row's lock, so the second vote waits until the first commits, and then —
        // the transaction is SERIALIZABLE (src/db/postgres.ts), also inside an update's unit of work —
        // fails with a serialization error and is run again from the start, reading the first vote.
        // Either way the second vote counts the first one's vote and at most one of them closes the
        // round (see closeRound) — one decision.
        const locked = await tx.reviewRound.updateMany({ where: { nominationId: id, number: n.round, state: 'OPEN' }, data: { version: { increment: 1 } } });
        if (locked.count !== 1) throw new NominationError('not-open-for-vote', `round ${n.round} of nomination ${id} is closed`);
        const earlier = await tx.vote.findUnique({ where: { nominationId_round_voterId: { nominationId: id, round: n.round, voterId } } });
        if (earlier) {
          await tx.vote.update({ where: { id: earlier.id }, data: { decision, reason: why, changedAt: now } });
        } else {
          try {
            await tx.vote.create({ data: { nominationId: id, round: n.round, voterId, decision, reason: why, at: now } });
          } catch (error) {
            // Only reachable if two transactions of one voter interleave without the round lock.
            if (isUniqueViolation(error)) throw new NominationError('already-voted', `voter ${voterId} already voted in round ${n.round}`);
            throw error;
          }
        }
        await addEvent(tx, {
          nominationId: id,
          actorId: voterId,
          action: earlier ? 'VOTE_CHANGE' : 'VOTE',
          fromState: 'SUBMITTED',
          toState: 'SUBMITTED',
          reason: why,
          round: n.round,
          detail: decision,
          at: now,
        });
        const eligible = new Set(members.filter((m) => m !== n.proposerId)).size;
        const result = await decideRound(tx, { id, round: n.round, voterId, eligible, rule, now });
        const abstained = members.includes(n.proposerId)
          ? [{ personId: n.proposerId, name: (await namesOf(tx, [n.proposerId])).get(n.proposerId) ?? `#${n.proposerId}`, why: 'PROPOSER' as const }]
          : [];
        return { round: n.round, changed: earlier !== null, eligible, abstained, ...result };
      });
    },

    async votes(id) {
      const n = await prisma.nomination.findUnique({ where: { id }, select: { round: true } });
      if (!n) return [];
      const rows = await prisma.vote.findMany({ where: { nominationId: id, round: n.round }, orderBy: [...IN_ORDER] });
      const names = await namesOf(
        prisma,
        rows.map((v) => v.voterId),
      );
      return rows.map((v): RoundVote => ({
        voterId: v.voterId,
        voterName: names.get(v.voterId) ?? `#${v.voterId}`,
        decision: v.decision as VoteDecision,
        reason: v.reason,
        at: v.at,
        changedAt: v.changedAt,
      }));
    },

    async withdraw({ id, actorId, reason, now }) {
      const why = clean(reason);
      await inTransaction(prisma, async (tx) => {
        const n = await tx.nomination.findUnique({ where: { id }, select: { state: true, round: true } });
        if (!n) throw new NominationError('not-found', `no nomination ${id}`);
        const from = n.state as NominationState;
        const state = transition(from, 'WITHDRAW');
        const { count } = await tx.nomination.updateMany({ where: { id, state: from, round: n.round }, data: { state, decidedAt: now } });
        if (count !== 1) throw new NominationError('illegal-transition', `nomination ${id} changed meanwhile`);
        await closeRound(tx, { nominationId: id, number: n.round, outcome: 'WITHDRAWN', how: 'WITHDRAWN', byId: actorId, now });
        await addEvent(tx, { nominationId: id, actorId, action: 'WITHDRAW', fromState: from, toState: state, reason: why, round: n.round, at: now });
      });
    },

    async annotate({ id, kind, text, authorId, now }) {
      await inTransaction(prisma, async (tx) => {
        const n = await tx.nomination.findUnique({ where: { id }, select: { state: true } });
        if (!n) throw new NominationError('not-found', `no nomination ${id}`);
        const state = n.state as NominationState;
        await tx.nominationNote.create({ data: { nominationId: id, kind, text, authorId, at: now } });
        await addEvent(tx, { nominationId: id, actorId: authorId, action: 'ANNOTATE', fromState: state, toState: state, at: now });
      });
    },

    async notes(id) {
      const rows = await prisma.nominationNote.findMany({ where: { nominationId: id }, orderBy: [...IN_ORDER] });
      return rows.map((n) => ({ kind: n.kind as NoteKind, text: n.text, authorId: n.authorId, at: n.at }));
    },

    async list({ planSlug, unitCodes, states, nameQuery, offset, limit }) {
      const planId = await planIdOf(prisma, planSlug);
      if (planId === null) return { items: [], total: 0 };
      const key = nameQuery === undefined ? '' : foldText(nameQuery);
      const where: Prisma.NominationWhereInput = {
        planId,
        ...(unitCodes === undefined ? {} : { unit: { code: { in: unitCodes } } }),
        ...(states === undefined ? {} : { state: { in: states } }),
        ...(key === '' ? {} : { nomineeKey: { contains: key } }),
      };
      const [total, rows] = await Promise.all([
        unitCodes === undefined && key === '' ? countByState(prisma, planId, states) : prisma.nomination.count({ where }),
        limit > 0 ? prisma.nomination.findMany({ where, include: WITH_CODES, orderBy: NEWEST_FIRST, skip: offset, take: limit }) : [],
      ]);
      return { items: rows.map(toNomination), total };
    },

    async progressRows(planSlug) {
      const planId = await planIdOf(prisma, planSlug);
      if (planId === null) return [];
      const rows = await prisma.nomination.findMany({
        where: { planId, state: { not: 'DRAFT' } },
        select: { movementCode: true, subjectType: true, state: true, submittedAt: true, decidedAt: true, unit: { select: { code: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({
        unitCode: r.unit.code,
        movementCode: r.movementCode,
        subjectType: r.subjectType as SubjectType,
        state: r.state as NominationState,
        submittedAt: r.submittedAt,
        decidedAt: r.decidedAt,
      }));
    },
  };
}
