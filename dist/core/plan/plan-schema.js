/**
 * The plan file format (Kế hoạch as data). A plan file (`plans/*.yaml`) is parsed and validated
 * against {@link planFileSchema}; nothing about a particular commune is hard-coded elsewhere.
 *
 * Shapes:
 * - every people-facing text is a {@link Localized} pair `{ vi, en }`; `vi` is faithful to the plan,
 *   `en` is a rendering for English readers;
 * - dates are calendar dates `YYYY-MM-DD` in Asia/Ho_Chi_Minh (a plan speaks in local days);
 * - `section` strings cite the plan's own numbering, e.g. `"III.3.1.5"`, `"IV.1"`.
 *
 * Cross references (a category's movement, a quota's unit, a milestone's phase) are checked by
 * {@link planFileSchema}'s refinement, with the path of the offending field in the error.
 */
import { z } from 'zod';
const code = z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, ".", "_" and "-"');
const isoDate = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date written YYYY-MM-DD')
    .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a real calendar date');
/** A text in Vietnamese (faithful to the plan) and English. */
export const localizedSchema = z.object({
    vi: z.string().trim().min(1),
    en: z.string().trim().min(1),
});
/** Đối tượng — who can be an exemplar. */
export const subjectTypeSchema = z.enum(['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD']);
/** Tiêu chí — one checkable requirement. */
export const criterionSchema = z.object({
    code,
    text: localizedSchema,
});
/** Mô hình / lĩnh vực điển hình — a category of exemplars with its criteria (§3.1.x, §3.2.x). */
export const categorySchema = z.object({
    code,
    /** The plan's grouping: §3.1 collectives or §3.2 individuals. */
    group: z.enum(['COLLECTIVE', 'INDIVIDUAL']),
    /** Subject types a nominee of this category may have (3.1.10 also admits households). */
    subjectTypes: z.array(subjectTypeSchema).min(1),
    /** The movement a nomination in this category is suggested to belong to, if any. */
    movement: code.optional(),
    section: z.string().min(1),
    name: localizedSchema,
    /** Extra Vietnamese search words (people's words for the field), used by the criteria search. */
    keywords: z.array(z.string().min(1)).default([]),
    criteria: z.array(criterionSchema).min(1),
});
/** Chỉ tiêu — one target row of section IV.1. Counts are minimums for the whole plan period. */
export const quotaSchema = z.object({
    code,
    unit: code,
    movement: code.optional(),
    /** The movement or field as the plan words it in this row. */
    field: localizedSchema,
    targets: z
        .object({
        collectives: z.number().int().min(0).default(0),
        individuals: z.number().int().min(0).default(0),
        households: z.number().int().min(0).default(0),
        /** Exemplars of any subject type ("ít nhất 01 gương điển hình"). */
        any: z.number().int().min(0).default(0),
    })
        .refine((t) => t.collectives + t.individuals + t.households + t.any > 0, 'a quota must ask for at least one exemplar'),
    section: z.string().min(1),
    note: localizedSchema.optional(),
});
export const phaseSchema = z.object({
    code,
    name: localizedSchema,
    start: isoDate,
    end: isoDate,
    section: z.string().min(1),
    summary: localizedSchema,
});
export const milestoneSchema = z.object({
    code,
    kind: z.enum(['DEADLINE', 'REVIEW', 'CONFERENCE', 'OTHER']),
    phase: code.optional(),
    date: isoDate,
    /** How precisely the plan fixes the date: a day, or only a month or a year. */
    precision: z.enum(['DAY', 'MONTH', 'YEAR']).default('DAY'),
    title: localizedSchema,
    section: z.string().min(1),
});
export const planFileSchema = z
    .object({
    /** Stable identifier; re-importing a file with the same id updates that plan in place. */
    id: code,
    /** Marks a sample plan that is not an official document. */
    sample: z.boolean().default(false),
    title: localizedSchema,
    commune: localizedSchema,
    /** The document the plan is (issuer, number, date), for citation. */
    source: localizedSchema,
    period: z.object({ start: isoDate, end: isoDate }),
    /** §1 Đối tượng — who may be selected. */
    subjects: z.object({ section: z.string().min(1), text: localizedSchema }),
    /** §2 Tiêu chí chung — criteria for every category. */
    generalCriteria: z
        .array(z.object({ code, section: z.string().min(1), text: localizedSchema }))
        .min(1),
    villages: z.array(localizedSchema).default([]),
    movements: z.array(z.object({ code, name: localizedSchema })).min(1),
    units: z.array(z.object({ code, name: localizedSchema })).min(1),
    categories: z.array(categorySchema).min(1),
    quotas: z.array(quotaSchema).default([]),
    phases: z.array(phaseSchema).min(1),
    milestones: z.array(milestoneSchema).default([]),
})
    .superRefine((plan, ctx) => {
    const movements = new Set(plan.movements.map((m) => m.code));
    const units = new Set(plan.units.map((u) => u.code));
    const phases = new Set(plan.phases.map((p) => p.code));
    const unique = (items, path) => {
        const seen = new Set();
        items.forEach((item, i) => {
            if (seen.has(item.code)) {
                ctx.addIssue({ code: 'custom', path: [path, i, 'code'], message: `duplicate code "${item.code}"` });
            }
            seen.add(item.code);
        });
    };
    unique(plan.movements, 'movements');
    unique(plan.units, 'units');
    unique(plan.categories, 'categories');
    unique(plan.quotas, 'quotas');
    unique(plan.phases, 'phases');
    unique(plan.milestones, 'milestones');
    unique(plan.generalCriteria, 'generalCriteria');
    plan.categories.forEach((c, i) => {
        if (c.movement && !movements.has(c.movement)) {
            ctx.addIssue({ code: 'custom', path: ['categories', i, 'movement'], message: `unknown movement "${c.movement}"` });
        }
        unique(c.criteria, `categories.${i}.criteria`);
    });
    plan.quotas.forEach((q, i) => {
        if (!units.has(q.unit)) {
            ctx.addIssue({ code: 'custom', path: ['quotas', i, 'unit'], message: `unknown unit "${q.unit}"` });
        }
        if (q.movement && !movements.has(q.movement)) {
            ctx.addIssue({ code: 'custom', path: ['quotas', i, 'movement'], message: `unknown movement "${q.movement}"` });
        }
    });
    plan.milestones.forEach((m, i) => {
        if (m.phase && !phases.has(m.phase)) {
            ctx.addIssue({ code: 'custom', path: ['milestones', i, 'phase'], message: `unknown phase "${m.phase}"` });
        }
    });
    plan.phases.forEach((p, i) => {
        if (p.start > p.end)
            ctx.addIssue({ code: 'custom', path: ['phases', i, 'end'], message: 'ends before it starts' });
    });
    if (plan.period.start > plan.period.end) {
        ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'ends before it starts' });
    }
});
//# sourceMappingURL=plan-schema.js.map