/**
 * Plans in the database: idempotent import of a validated plan file, and loading it back.
 *
 * Import keys every row by (plan, code): re-importing an unchanged file changes nothing (its
 * content hash matches); an edited file updates rows in place, adds new ones and removes the ones
 * no longer in the file, all in one transaction.
 */
import { createHash } from 'node:crypto';
import { planFileSchema } from "../core/plan/plan-schema.js";
const canonicalHash = (plan) => createHash('sha256').update(JSON.stringify(plan)).digest('hex');
/**
 * Thrown when an edited plan would remove a row that records still use (a category, unit or movement
 * of existing nominations or roles). Nothing was changed: the import runs in one transaction.
 */
export class PlanImportError extends Error {
    name = 'PlanImportError';
}
/**
 * Upserts rows of one kind under a parent and deletes the rows whose code left the file.
 * `data(item, position)` gives the columns besides the key.
 */
async function sync(items, existing, ops) {
    const byCode = new Map(existing.map((e) => [e.code, e.id]));
    const ids = new Map();
    for (const [position, item] of items.entries()) {
        const id = byCode.get(item.code);
        if (id === undefined)
            ids.set(item.code, (await ops.create(item, position)).id);
        else {
            await ops.update(id, item, position);
            ids.set(item.code, id);
        }
    }
    const gone = existing.filter((e) => !ids.has(e.code)).map((e) => e.id);
    if (gone.length > 0)
        await ops.remove(gone);
    return ids;
}
/**
 * Imports (or updates in place) a validated plan.
 * @throws PlanImportError when the edit removes a row still in use; otherwise whatever the database
 *         throws. Either way the transaction is rolled back: nothing is half-imported.
 */
export async function importPlan(prisma, plan) {
    const hash = canonicalHash(plan);
    const counts = {
        categories: plan.categories.length,
        criteria: plan.categories.reduce((n, c) => n + c.criteria.length, 0),
        units: plan.units.length,
        movements: plan.movements.length,
        quotas: plan.quotas.length,
        phases: plan.phases.length,
        milestones: plan.milestones.length,
    };
    const found = await prisma.plan.findUnique({ where: { slug: plan.id }, select: { id: true, contentHash: true } });
    if (found?.contentHash === hash)
        return { slug: plan.id, status: 'unchanged', counts };
    try {
        await prisma.$transaction(async (tx) => {
            const head = {
                titleVi: plan.title.vi,
                titleEn: plan.title.en,
                communeVi: plan.commune.vi,
                communeEn: plan.commune.en,
                startsOn: plan.period.start,
                endsOn: plan.period.end,
                document: JSON.stringify(plan),
                contentHash: hash,
            };
            const { id: planId } = await tx.plan.upsert({ where: { slug: plan.id }, create: { slug: plan.id, ...head }, update: head, select: { id: true } });
            await syncPlanRows(tx, planId, plan);
        });
    }
    catch (error) {
        if (error.code === 'P2003') {
            throw new PlanImportError(`Plan "${plan.id}" was not updated: the edited file removes a category, unit or movement that nominations or roles still use. Keep that item in the file (you may rename it), then import again.`);
        }
        throw error;
    }
    return { slug: plan.id, status: found ? 'updated' : 'created', counts };
}
async function syncPlanRows(tx, planId, plan) {
    const existing = { where: { planId }, select: { id: true, code: true } };
    await sync(plan.movements, await tx.movement.findMany(existing), {
        create: (m, position) => tx.movement.create({ data: { planId, code: m.code, position, nameVi: m.name.vi, nameEn: m.name.en } }),
        update: (id, m, position) => tx.movement.update({ where: { id }, data: { position, nameVi: m.name.vi, nameEn: m.name.en } }),
        remove: (ids) => tx.movement.deleteMany({ where: { id: { in: ids } } }),
    });
    await sync(plan.units, await tx.unit.findMany(existing), {
        create: (u, position) => tx.unit.create({ data: { planId, code: u.code, position, nameVi: u.name.vi, nameEn: u.name.en } }),
        update: (id, u, position) => tx.unit.update({ where: { id }, data: { position, nameVi: u.name.vi, nameEn: u.name.en } }),
        remove: (ids) => tx.unit.deleteMany({ where: { id: { in: ids } } }),
    });
    const general = (g, position) => ({ position, textVi: g.text.vi, textEn: g.text.en, section: g.section });
    await sync(plan.generalCriteria, await tx.generalCriterion.findMany(existing), {
        create: (g, position) => tx.generalCriterion.create({ data: { planId, code: g.code, ...general(g, position) } }),
        update: (id, g, position) => tx.generalCriterion.update({ where: { id }, data: general(g, position) }),
        remove: (ids) => tx.generalCriterion.deleteMany({ where: { id: { in: ids } } }),
    });
    const category = (c, position) => ({
        position,
        group: c.group,
        subjectTypes: c.subjectTypes.join(','),
        movementCode: c.movement ?? null,
        section: c.section,
        nameVi: c.name.vi,
        nameEn: c.name.en,
        keywords: c.keywords.join(','),
    });
    const categoryIds = await sync(plan.categories, await tx.category.findMany(existing), {
        create: (c, position) => tx.category.create({ data: { planId, code: c.code, ...category(c, position) } }),
        update: (id, c, position) => tx.category.update({ where: { id }, data: category(c, position) }),
        remove: (ids) => tx.category.deleteMany({ where: { id: { in: ids } } }),
    });
    for (const c of plan.categories) {
        const categoryId = categoryIds.get(c.code);
        await sync(c.criteria, await tx.criterion.findMany({ where: { categoryId }, select: { id: true, code: true } }), {
            create: (x, position) => tx.criterion.create({ data: { categoryId, code: x.code, position, textVi: x.text.vi, textEn: x.text.en } }),
            update: (id, x, position) => tx.criterion.update({ where: { id }, data: { position, textVi: x.text.vi, textEn: x.text.en } }),
            remove: (ids) => tx.criterion.deleteMany({ where: { id: { in: ids } } }),
        });
    }
    const quota = (q, position) => ({
        position,
        unitCode: q.unit,
        movementCode: q.movement ?? null,
        fieldVi: q.field.vi,
        fieldEn: q.field.en,
        collectives: q.targets.collectives,
        individuals: q.targets.individuals,
        households: q.targets.households,
        anySubject: q.targets.any,
        section: q.section,
        noteVi: q.note?.vi ?? '',
        noteEn: q.note?.en ?? '',
    });
    await sync(plan.quotas, await tx.quota.findMany(existing), {
        create: (q, position) => tx.quota.create({ data: { planId, code: q.code, ...quota(q, position) } }),
        update: (id, q, position) => tx.quota.update({ where: { id }, data: quota(q, position) }),
        remove: (ids) => tx.quota.deleteMany({ where: { id: { in: ids } } }),
    });
    const phase = (p, position) => ({
        position,
        nameVi: p.name.vi,
        nameEn: p.name.en,
        startsOn: p.start,
        endsOn: p.end,
        section: p.section,
        summaryVi: p.summary.vi,
        summaryEn: p.summary.en,
    });
    await sync(plan.phases, await tx.phase.findMany(existing), {
        create: (p, position) => tx.phase.create({ data: { planId, code: p.code, ...phase(p, position) } }),
        update: (id, p, position) => tx.phase.update({ where: { id }, data: phase(p, position) }),
        remove: (ids) => tx.phase.deleteMany({ where: { id: { in: ids } } }),
    });
    const milestone = (m, position) => ({
        position,
        kind: m.kind,
        phaseCode: m.phase ?? null,
        date: m.date,
        precision: m.precision,
        titleVi: m.title.vi,
        titleEn: m.title.en,
        section: m.section,
    });
    await sync(plan.milestones, await tx.milestone.findMany(existing), {
        create: (m, position) => tx.milestone.create({ data: { planId, code: m.code, ...milestone(m, position) } }),
        update: (id, m, position) => tx.milestone.update({ where: { id }, data: milestone(m, position) }),
        remove: (ids) => tx.milestone.deleteMany({ where: { id: { in: ids } } }),
    });
}
/**
 * Loads an imported plan by its id (slug), re-validated. Returns `null` when no such plan exists.
 * @throws ZodError if the stored document no longer matches the schema (a newer bot wrote it).
 */
export async function loadPlan(prisma, slug) {
    const row = await prisma.plan.findUnique({ where: { slug }, select: { document: true } });
    return row ? planFileSchema.parse(JSON.parse(row.document)) : null;
}
//# sourceMappingURL=plan-repository.js.map