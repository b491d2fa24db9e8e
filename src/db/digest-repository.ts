/**
 * The facts of a week for the council digest (implements {@link DigestRepository}): counted and
 * listed by the database (indexed), so the digest stays fast on years of data.
 */
import type { ChainItem, ChairmanDecisionKind, CouncilResultKind, DigestRepository, HigherKind } from '../core/digest/digest.ts';
import type { NominationState } from '../core/nominations/model.ts';
import type { SubjectType } from '../core/plan/plan-schema.ts';
import type { PrismaClient } from './client.ts';

export function createDigestRepository(prisma: PrismaClient): DigestRepository {
  return {
    async weekFacts({ planSlug, from, to, listLimit }) {
      const plan = await prisma.plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
      const planId = plan?.id ?? -1;
      const item = { id: true, nomineeName: true, unit: { select: { code: true } } } as const;
      const created = { planId, createdAt: { gte: from, lt: to }, state: { not: 'DRAFT' } };
      const waiting = { planId, state: 'SUBMITTED' };
      // The chain of the week, read from the nominations' events (one vocabulary whether the round
      // ended by votes, by the chair or at a meeting), one section per link, never merged.
      const chain = <K extends string>(actions: readonly K[]) => {
        const where = { at: { gte: from, lt: to }, action: { in: [...actions] }, nomination: { planId } };
        return Promise.all([
          prisma.nominationEvent.findMany({
            where,
            select: { action: true, at: true, detail: true, nomination: { select: item } },
            orderBy: [{ at: 'desc' }, { id: 'desc' }],
            take: listLimit,
          }),
          prisma.nominationEvent.count({ where }),
        ]).then(([rows, count]) => ({
          count,
          items: rows.map((e): ChainItem<K> => ({
            id: e.nomination.id,
            nomineeName: e.nomination.nomineeName,
            unitCode: e.nomination.unit.code,
            kind: e.action as K,
            at: e.at,
            // Round results carry "MEETING:…" or "CHAIR" as detail; only document numbers are shown.
            number: e.action === 'PROPOSE' || e.action === 'RETURN' || e.action === 'REJECT' ? null : e.detail,
          })),
        }));
      };
      const [council, chairman, higher] = await Promise.all([
        chain<CouncilResultKind>(['PROPOSE', 'RETURN', 'REJECT']),
        chain<ChairmanDecisionKind>(['DECIDE', 'DECLINE']),
        chain<HigherKind>(['PROPOSE_HIGHER', 'HIGHER_AWARD', 'HIGHER_REFUSE']),
      ]);
      const [newRows, newCount, waitingRows, waitingCount, groups, deedsReceived, deedsPublished] = await Promise.all([
        prisma.nomination.findMany({ where: created, select: { ...item, createdAt: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: listLimit }),
        prisma.nomination.count({ where: created }),
        // Oldest first: the longest-waiting ones are what the council must not miss.
        prisma.nomination.findMany({
          where: waiting,
          select: { ...item, submittedAt: true },
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
          take: listLimit,
        }),
        prisma.nomination.count({ where: waiting }),
        // Progress: grouped counts; approvals keep their decision day (phases count by it).
        prisma.nomination.groupBy({
          by: ['unitId', 'movementCode', 'subjectType', 'state', 'decidedAt'],
          where: { planId, state: { not: 'DRAFT' } },
          _count: { _all: true },
        }),
        prisma.goodDeed.count({ where: { createdAt: { gte: from, lt: to } } }),
        prisma.goodDeed.count({ where: { publishedAt: { gte: from, lt: to } } }),
      ]);
      const units = new Map((await prisma.unit.findMany({ where: { planId }, select: { id: true, code: true } })).map((u) => [u.id, u.code]));
      return {
        newNominations: newRows.map((n) => ({ id: n.id, nomineeName: n.nomineeName, unitCode: n.unit.code, createdAt: n.createdAt })),
        newCount,
        councilResults: council.items,
        councilResultCount: council.count,
        chairmanDecisions: chairman.items,
        chairmanDecisionCount: chairman.count,
        higher: higher.items,
        higherCount: higher.count,
        waiting: waitingRows.map((n) => ({ id: n.id, nomineeName: n.nomineeName, unitCode: n.unit.code, submittedAt: n.submittedAt! })),
        waitingCount,
        progressRows: groups.map((g) => ({
          count: g._count._all,
          unitCode: units.get(g.unitId) ?? '',
          movementCode: g.movementCode,
          subjectType: g.subjectType as SubjectType,
          state: g.state as NominationState,
          submittedAt: null,
          decidedAt: g.decidedAt,
        })),
        deedsReceived,
        deedsPublished,
      };
    },
  };
}
