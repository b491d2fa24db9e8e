export function createDigestRepository(prisma) {
    return {
        async weekFacts({ planSlug, from, to, listLimit }) {
            const plan = await prisma.plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
            const planId = plan?.id ?? -1;
            const item = { id: true, nomineeName: true, unit: { select: { code: true } } };
            const created = { planId, createdAt: { gte: from, lt: to }, state: { not: 'DRAFT' } };
            const decided = { planId, decidedAt: { gte: from, lt: to }, state: { in: ['APPROVED', 'REJECTED'] } };
            const waiting = { planId, state: 'SUBMITTED' };
            const [newRows, newCount, decisionRows, decisionCount, waitingRows, waitingCount, groups, deedsReceived, deedsPublished] = await Promise.all([
                prisma.nomination.findMany({ where: created, select: { ...item, createdAt: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: listLimit }),
                prisma.nomination.count({ where: created }),
                prisma.nomination.findMany({ where: decided, select: { ...item, state: true, decidedAt: true }, orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }], take: listLimit }),
                prisma.nomination.count({ where: decided }),
                // Oldest first: the longest-waiting ones are what the council must not miss.
                prisma.nomination.findMany({ where: waiting, select: { ...item, submittedAt: true }, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], take: listLimit }),
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
                decisions: decisionRows.map((n) => ({ id: n.id, nomineeName: n.nomineeName, unitCode: n.unit.code, state: n.state, decidedAt: n.decidedAt })),
                decisionCount,
                waiting: waitingRows.map((n) => ({ id: n.id, nomineeName: n.nomineeName, unitCode: n.unit.code, submittedAt: n.submittedAt })),
                waitingCount,
                progressRows: groups.map((g) => ({
                    count: g._count._all,
                    unitCode: units.get(g.unitId) ?? '',
                    movementCode: g.movementCode,
                    subjectType: g.subjectType,
                    state: g.state,
                    submittedAt: null,
                    decidedAt: g.decidedAt,
                })),
                deedsReceived,
                deedsPublished,
            };
        },
    };
}
//# sourceMappingURL=digest-repository.js.map