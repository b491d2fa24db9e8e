/**
 * Nominations (Đăng ký / đề nghị điển hình) in SQLite: implements core's {@link NominationRepository}.
 *
 * @module
 */
import { NominationError, } from "../core/nominations/model.js";
import { isDecided, transition } from "../core/nominations/states.js";
import { decide } from "../core/nominations/voting.js";
import { foldText } from "../core/text/fold.js";
import { isUniqueViolation } from "./client.js";
const WITH_CODES = {
    plan: { select: { slug: true } },
    category: { select: { code: true } },
    unit: { select: { code: true } },
    evidence: { orderBy: { id: 'asc' } },
};
const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }];
const OLDEST_FIRST = [{ createdAt: 'asc' }, { id: 'asc' }];
const IN_ORDER = [{ at: 'asc' }, { id: 'asc' }];
const toNomination = (r) => ({
    id: r.id,
    planSlug: r.plan.slug,
    categoryCode: r.category.code,
    movementCode: r.movementCode,
    unitCode: r.unit.code,
    proposerId: r.proposerId,
    subjectType: r.subjectType,
    nomineeName: r.nomineeName,
    place: r.place,
    achievements: r.achievements,
    selfCheck: JSON.parse(r.selfCheck),
    state: r.state,
    round: r.round,
    createdAt: r.createdAt,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    evidence: r.evidence.map((e) => ({ kind: e.kind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName })),
});
/** A trimmed reason, or `null` when there is none. */
const clean = (text) => (text?.trim() ? text.trim() : null);
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
async function inTransaction(prisma, work) {
    const outcome = await prisma.$transaction(async (tx) => {
        try {
            return { value: await work(tx) };
        }
        catch (error) {
            if (error instanceof NominationError)
                return { refusal: error };
            throw error;
        }
    });
    if ('refusal' in outcome)
        throw outcome.refusal;
    return outcome.value;
}
async function planIdOf(db, slug) {
    return (await db.plan.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}
/** Id of the plan's category or unit with this code. @throws NominationError('not-found') */
async function idByCode(tx, table, planId, code) {
    const where = { planId_code: { planId, code } };
    const found = table === 'category' ? await tx.category.findUnique({ where }) : await tx.unit.findUnique({ where });
    if (!found)
        throw new NominationError('not-found', `unknown ${table} ${code}`);
    return found.id;
}
async function loadRow(db, id) {
    const row = await db.nomination.findUnique({ where: { id }, include: WITH_CODES });
    if (!row)
        throw new NominationError('not-found', `no nomination ${id}`);
    return row;
}
async function addEvent(tx, e) {
    await tx.nominationEvent.create({ data: { ...e, reason: e.reason ?? null } });
}
const evidenceRows = (evidence, at) => evidence.map((e) => ({ kind: e.kind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName ?? null, createdAt: at }));
/** The columns of a new nomination (without state and round). */
async function newRow(tx, planId, d, proposerId, now) {
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
        goodDeedId: d.goodDeedId ?? null,
        createdAt: now,
        submittedAt: now,
        evidence: { create: evidenceRows(d.evidence, now) },
    };
}
/** The columns a resubmission changes (category and unit codes are resolved in the nomination's plan). */
async function changedColumns(tx, planId, c) {
    const data = {};
    if (c.categoryCode !== undefined)
        data.categoryId = await idByCode(tx, 'category', planId, c.categoryCode);
    if (c.unitCode !== undefined)
        data.unitId = await idByCode(tx, 'unit', planId, c.unitCode);
    if (c.movementCode !== undefined)
        data.movementCode = c.movementCode;
    if (c.subjectType !== undefined)
        data.subjectType = c.subjectType;
    if (c.nomineeName !== undefined)
        Object.assign(data, { nomineeName: c.nomineeName, nomineeKey: foldText(c.nomineeName) });
    if (c.place !== undefined)
        data.place = c.place;
    if (c.achievements !== undefined)
        data.achievements = c.achievements;
    if (c.selfCheck !== undefined)
        data.selfCheck = JSON.stringify(c.selfCheck);
    if (c.goodDeedId !== undefined)
        data.goodDeedId = c.goodDeedId;
    return data;
}
/**
 * Counts the round's votes and, when the rule is met, takes the decision: a conditional update
 * (still SUBMITTED, same round), and the decision event only if that update changed the row.
 */
async function decideRound(tx, r) {
    const votes = await tx.vote.findMany({ where: { nominationId: r.id, round: r.round }, orderBy: [...IN_ORDER] });
    const tally = { APPROVE: 0, RETURN: 0, REJECT: 0 };
    for (const v of votes)
        tally[v.decision] += 1;
    const winner = decide({ tally, councilSize: r.councilSize, rule: r.rule });
    if (winner === null)
        return { decided: null, tally };
    const state = transition('SUBMITTED', winner);
    const { count } = await tx.nomination.updateMany({
        where: { id: r.id, state: 'SUBMITTED', round: r.round },
        data: { state, decidedAt: isDecided(state) ? r.now : null },
    });
    if (count !== 1)
        return { decided: null, tally };
    const reasons = votes.flatMap((v) => (v.decision === winner && v.reason !== null ? [v.reason] : []));
    const event = { nominationId: r.id, actorId: r.voterId, action: winner, fromState: 'SUBMITTED', toState: state, at: r.now };
    await addEvent(tx, { ...event, reason: reasons.join('; ') || null });
    return { decided: { state, reasons }, tally };
}
/**
 * The nomination repository over Prisma (SQLite).
 *
 * - Every state change and its {@link NominationEvent} are written in one transaction; events, votes,
 *   notes and commendations are only ever inserted (append-only history, Law 06/2022/QH15).
 * - `castVote` is safe under concurrency, also across connections: the decision is a conditional
 *   update (`state = SUBMITTED` and same round) and its event is written only by the one vote whose
 *   update changed the row; a second vote by the same voter in a round hits the unique
 *   (nominationId, round, voterId) index and becomes `NominationError('already-voted')`.
 * - Transactions that meet SQLITE_BUSY (another connection writing) are retried by the client.
 * - `resubmit` ignores `changes.planSlug`: a nomination never moves to another plan.
 */
export function createNominationRepository(prisma) {
    return {
        async submit({ draft, proposerId, now }) {
            const id = await inTransaction(prisma, async (tx) => {
                const planId = await planIdOf(tx, draft.planSlug);
                if (planId === null)
                    throw new NominationError('not-found', `unknown plan ${draft.planSlug}`);
                const state = transition('DRAFT', 'SUBMIT');
                const data = await newRow(tx, planId, draft, proposerId, now);
                const created = await tx.nomination.create({ data: { ...data, state, round: 1 }, select: { id: true } });
                const base = { nominationId: created.id, actorId: proposerId, at: now };
                await addEvent(tx, { ...base, action: 'CREATE', fromState: null, toState: 'DRAFT' });
                await addEvent(tx, { ...base, action: 'SUBMIT', fromState: 'DRAFT', toState: state });
                return created.id;
            });
            return toNomination(await loadRow(prisma, id));
        },
        async resubmit({ id, changes, actorId, now }) {
            await inTransaction(prisma, async (tx) => {
                const row = await loadRow(tx, id);
                const from = row.state;
                const state = transition(from, 'RESUBMIT');
                const data = await changedColumns(tx, row.planId, changes);
                const where = { id, state: from, round: row.round };
                const { count } = await tx.nomination.updateMany({ where, data: { ...data, state, round: row.round + 1, submittedAt: now, decidedAt: null } });
                if (count !== 1)
                    throw new NominationError('illegal-transition', `nomination ${id} changed meanwhile`);
                if (changes.evidence !== undefined) {
                    await tx.evidence.deleteMany({ where: { nominationId: id } });
                    await tx.evidence.createMany({ data: evidenceRows(changes.evidence, now).map((e) => ({ ...e, nominationId: id })) });
                }
                await addEvent(tx, { nominationId: id, actorId, action: 'RESUBMIT', fromState: from, toState: state, at: now });
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
                fromState: e.fromState,
                toState: e.toState,
                reason: e.reason,
            }));
        },
        async findByNominee({ planSlug, nomineeName, excludeId }) {
            const planId = await planIdOf(prisma, planSlug);
            if (planId === null)
                return [];
            const where = { planId, nomineeKey: foldText(nomineeName), ...(excludeId === undefined ? {} : { id: { not: excludeId } }) };
            return (await prisma.nomination.findMany({ where, include: WITH_CODES, orderBy: OLDEST_FIRST })).map(toNomination);
        },
        async reviewQueue({ planSlug, voterId }) {
            const planId = await planIdOf(prisma, planSlug);
            if (planId === null)
                return [];
            const rows = await prisma.nomination.findMany({
                where: { planId, state: 'SUBMITTED' },
                include: { ...WITH_CODES, votes: { where: { voterId }, select: { round: true } } },
                orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
            });
            return rows.filter((r) => !r.votes.some((v) => v.round === r.round)).map(toNomination);
        },
        async castVote({ id, voterId, decision, reason, councilSize, rule, now }) {
            const why = clean(reason);
            if (decision !== 'APPROVE' && why === null)
                throw new NominationError('reason-required', `${decision} needs a reason`);
            return inTransaction(prisma, async (tx) => {
                const n = await tx.nomination.findUnique({ where: { id }, select: { state: true, round: true } });
                if (!n)
                    throw new NominationError('not-found', `no nomination ${id}`);
                if (n.state !== 'SUBMITTED')
                    throw new NominationError('not-open-for-vote', `cannot vote on a ${n.state} nomination`);
                try {
                    await tx.vote.create({ data: { nominationId: id, round: n.round, voterId, decision, reason: why, at: now } });
                }
                catch (error) {
                    if (isUniqueViolation(error))
                        throw new NominationError('already-voted', `voter ${voterId} already voted in round ${n.round}`);
                    throw error;
                }
                return decideRound(tx, { id, round: n.round, voterId, councilSize, rule, now });
            });
        },
        async votes(id) {
            const n = await prisma.nomination.findUnique({ where: { id }, select: { round: true } });
            if (!n)
                return [];
            const rows = await prisma.vote.findMany({ where: { nominationId: id, round: n.round }, orderBy: [...IN_ORDER] });
            return rows.map((v) => ({ voterId: v.voterId, decision: v.decision, reason: v.reason, at: v.at }));
        },
        async annotate({ id, kind, text, authorId, now }) {
            await inTransaction(prisma, async (tx) => {
                const n = await tx.nomination.findUnique({ where: { id }, select: { state: true } });
                if (!n)
                    throw new NominationError('not-found', `no nomination ${id}`);
                const state = n.state;
                await tx.nominationNote.create({ data: { nominationId: id, kind, text, authorId, at: now } });
                await addEvent(tx, { nominationId: id, actorId: authorId, action: 'ANNOTATE', fromState: state, toState: state, at: now });
            });
        },
        async notes(id) {
            const rows = await prisma.nominationNote.findMany({ where: { nominationId: id }, orderBy: [...IN_ORDER] });
            return rows.map((n) => ({ kind: n.kind, text: n.text, authorId: n.authorId, at: n.at }));
        },
        async commend({ id, awardCode, decisionNumber, decisionDate, proposedHigher, overrideReason, byId, now }) {
            const override = clean(overrideReason);
            await inTransaction(prisma, async (tx) => {
                const n = await tx.nomination.findUnique({ where: { id }, select: { state: true, planId: true, nomineeKey: true, movementCode: true } });
                if (!n)
                    throw new NominationError('not-found', `no nomination ${id}`);
                if (n.state !== 'APPROVED')
                    throw new NominationError('not-approved', `cannot commend a ${n.state} nomination`);
                const sameAchievement = { planId: n.planId, nomineeKey: n.nomineeKey, movementCode: n.movementCode };
                const earlier = await tx.commendation.findFirst({ where: { nomination: sameAchievement }, select: { id: true } });
                if (earlier && override === null)
                    throw new NominationError('already-commended', `nominee of nomination ${id} is already commended for this plan and movement`);
                await tx.commendation.create({ data: { nominationId: id, awardCode, decisionNumber, decisionDate, proposedHigher, overrideReason: override, byId, at: now } });
                await addEvent(tx, { nominationId: id, actorId: byId, action: 'COMMEND', fromState: 'APPROVED', toState: 'APPROVED', reason: override, at: now });
            });
        },
        async commendations(id) {
            const rows = await prisma.commendation.findMany({ where: { nominationId: id }, orderBy: [...IN_ORDER] });
            return rows.map((c) => ({ awardCode: c.awardCode, decisionNumber: c.decisionNumber, decisionDate: c.decisionDate, proposedHigher: c.proposedHigher, at: c.at }));
        },
        async list({ planSlug, unitCodes, states, nameQuery, offset, limit }) {
            const planId = await planIdOf(prisma, planSlug);
            if (planId === null)
                return { items: [], total: 0 };
            const key = nameQuery === undefined ? '' : foldText(nameQuery);
            const where = {
                planId,
                ...(unitCodes === undefined ? {} : { unit: { code: { in: unitCodes } } }),
                ...(states === undefined ? {} : { state: { in: states } }),
                ...(key === '' ? {} : { nomineeKey: { contains: key } }),
            };
            const [total, rows] = await Promise.all([
                prisma.nomination.count({ where }),
                prisma.nomination.findMany({ where, include: WITH_CODES, orderBy: NEWEST_FIRST, skip: offset, take: limit }),
            ]);
            return { items: rows.map(toNomination), total };
        },
        async progressRows(planSlug) {
            const planId = await planIdOf(prisma, planSlug);
            if (planId === null)
                return [];
            const rows = await prisma.nomination.findMany({
                where: { planId, state: { not: 'DRAFT' } },
                select: { movementCode: true, subjectType: true, state: true, submittedAt: true, decidedAt: true, unit: { select: { code: true } } },
                orderBy: { id: 'asc' },
            });
            return rows.map((r) => ({
                unitCode: r.unit.code,
                movementCode: r.movementCode,
                subjectType: r.subjectType,
                state: r.state,
                submittedAt: r.submittedAt,
                decidedAt: r.decidedAt,
            }));
        },
    };
}
//# sourceMappingURL=nomination-repository.js.map