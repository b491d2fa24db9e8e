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
export type Localized = z.infer<typeof localizedSchema>;

/** Đối tượng — who can be an exemplar. */
export const subjectTypeSchema = z.enum(['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD']);
export type SubjectType = z.infer<typeof subjectTypeSchema>;

/**
 * Tiêu chí — one checkable requirement, and whom it applies to. A criterion without `subjectTypes`
 * and `profiles` applies to every nominee of its category; otherwise only to nominees of one of the
 * listed subject types and (when `profiles` is given) sub-profiles, e.g. 3.2.1's items "Đối với cá
 * nhân giữ chức vụ lãnh đạo, quản lý" (profile `leader`) or 3.1.10's household items (`HOUSEHOLD`).
 */
export const criterionSchema = z.object({
  code,
  text: localizedSchema,
  /** Subject types the item applies to; absent = every subject type of the category. */
  subjectTypes: z.array(subjectTypeSchema).min(1).optional(),
  /** Codes of the category's `profiles` the item applies to; absent = every profile. */
  profiles: z.array(code).min(1).optional(),
  /**
   * The plan makes the item conditional (it fits some nominees only): a self-check may mark it
   * "không áp dụng" (not applicable), and it is then not counted.
   */
  conditional: z.boolean().default(false),
  /**
   * The plan's own words that make the item apply to some nominees only, and where it says so, e.g.
   * 3.2.1 "Đối với cá nhân giữ chức vụ lãnh đạo, quản lý các ngành các cấp" (`section` "III.3.2.1").
   * Shown with the item ("chỉ áp dụng theo mục …: “…”") in `/tieuchi` and the self-check. With
   * `subjectTypes`/`profiles` the nominee's sub-profile decides whether it applies (an unknown one leaves
   * it to be marked "không áp dụng"); without them it is conditional, like `conditional: true`.
   */
  condition: z.object({ section: z.string().min(1), text: localizedSchema }).optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

/**
 * A sub-profile of a category's nominees: 3.1.10 collectives or households, 3.2.1 staff or leaders,
 * 3.2.2 workers / good people or residents / religious dignitaries. `eligibility` is the plan's
 * "who may be chosen" wording for this profile (shown as "Đối tượng:", never ticked).
 */
export const profileSchema = z.object({
  code,
  subjectType: subjectTypeSchema,
  name: localizedSchema,
  eligibility: localizedSchema.optional(),
});
export type Profile = z.infer<typeof profileSchema>;

/** Mô hình / lĩnh vực điển hình — a category of exemplars with its criteria (§3.1.x, §3.2.x). */
export const categorySchema = z.object({
  code,
  /** The plan's grouping: §3.1 collectives or §3.2 individuals. */
  group: z.enum(['COLLECTIVE', 'INDIVIDUAL']),
  /** Subject types a nominee of this category may have (3.1.10 also admits households; 3.1.5, 3.1.6 individuals). */
  subjectTypes: z.array(subjectTypeSchema).min(1),
  /** The movement or field ("Phong trào / lĩnh vực") a nomination in this category is suggested to belong to, if any. */
  movement: code.optional(),
  /**
   * Whether the plan itself names `movement` for this category (`STATED`: 3.1.8, 3.1.9, 3.1.10 name
   * it in their title) or the link is inferred (`INFERRED`, e.g. from the IV.1 rows), shown "(gợi ý)".
   * Files written before this field existed load as `INFERRED`.
   */
  movementLink: z.enum(['STATED', 'INFERRED']).default('INFERRED'),
  section: z.string().min(1),
  name: localizedSchema,
  /**
   * Đối tượng: the plan's words saying who may be chosen in this category ("Là khu dân cư, thôn,
   * làng, xã"). Shown above the criteria, never as a box to tick.
   */
  eligibility: localizedSchema.optional(),
  /** Alternative sub-profiles of nominees; empty = one profile per subject type. */
  profiles: z.array(profileSchema).default([]),
  /** Extra Vietnamese search words (people's words for the field), used by the criteria search. */
  keywords: z.array(z.string().min(1)).default([]),
  criteria: z.array(criterionSchema).min(1),
});
export type Category = z.infer<typeof categorySchema>;

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
export type Quota = z.infer<typeof quotaSchema>;

/**
 * A date as precise as the plan gives it: a year `YYYY`, a month `YYYY-MM` or a day `YYYY-MM-DD`.
 * Never read it as a day: use `firstDay` / `lastDay` / `formatPlanDate` in `./dates.ts`.
 */
const planDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a year YYYY, a month YYYY-MM or a date YYYY-MM-DD')
  .refine((s) => {
    if (s.length === 4) return true;
    if (s.length === 7) return Number(s.slice(5)) >= 1 && Number(s.slice(5)) <= 12;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

/**
 * Giai đoạn — a phase. `start`/`end` are written as the plan gives them: "2021" – "2023" for
 * "Giai đoạn 1 (2021 - 2023)" (a year covers all its days; phases may overlap in a year).
 */
export const phaseSchema = z.object({
  code,
  name: localizedSchema,
  start: planDate,
  end: planDate,
  section: z.string().min(1),
  summary: localizedSchema,
});
export type Phase = z.infer<typeof phaseSchema>;

/**
 * How precisely the plan fixes a milestone: a day, a month, a year, or an occasion ("nhân dịp Kỷ niệm
 * 75 năm …": `date` is the occasion's day, not the day of the meeting).
 */
export const milestonePrecisionSchema = z.enum(['DAY', 'MONTH', 'YEAR', 'OCCASION']);
export type MilestonePrecision = z.infer<typeof milestonePrecisionSchema>;

const milestoneInput = z.object({
  code,
  kind: z.enum(['DEADLINE', 'REVIEW', 'CONFERENCE', 'OTHER']),
  phase: code.optional(),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (see {@link planDate}); its form gives the precision. */
  date: planDate,
  /**
   * Optional in new files (the form of `date` gives DAY / MONTH / YEAR); `OCCASION` must be written.
   * Old files wrote a month or a year as its last day (`2021-12-31` + `MONTH`): read as `2021-12`.
   */
  precision: milestonePrecisionSchema.optional(),
  /** `BEFORE` for "trước ngày X": the last day is the day before X. Default `ON`. */
  relation: z.enum(['ON', 'BEFORE']).default('ON'),
  /**
   * The plan's own words for when ("trước ngày 25/8/2021", "nhân dịp Kỷ niệm 75 năm …", "vào dịp
   * tổng kết công tác năm"), shown as written. Absent in old files.
   */
  wording: localizedSchema.optional(),
  title: localizedSchema,
  section: z.string().min(1),
});

/**
 * Mốc — an event of the plan. After parsing, `date` is in the form of its `precision` (`YYYY` for
 * YEAR, `YYYY-MM` for MONTH, `YYYY-MM-DD` for DAY; OCCASION keeps what was written) and `precision`
 * is always set. Reminders count down only to exact days: see `exactDay` in `./dates.ts`.
 */
export const milestoneSchema = milestoneInput.transform((m, ctx) => {
  const form: MilestonePrecision = m.date.length === 4 ? 'YEAR' : m.date.length === 7 ? 'MONTH' : 'DAY';
  const precision = m.precision ?? form;
  let date = m.date;
  if (precision === 'YEAR') date = m.date.slice(0, 4);
  else if (precision === 'MONTH') {
    if (form === 'YEAR') ctx.addIssue({ code: 'custom', path: ['date'], message: 'a MONTH milestone needs YYYY-MM' });
    date = m.date.slice(0, 7);
  } else if (precision === 'DAY' && form !== 'DAY') {
    ctx.addIssue({ code: 'custom', path: ['precision'], message: `precision DAY needs a date YYYY-MM-DD, got "${m.date}"` });
  }
  if (m.relation === 'BEFORE' && precision !== 'DAY') {
    ctx.addIssue({ code: 'custom', path: ['relation'], message: '"BEFORE" needs a day (precision DAY)' });
  }
  return { ...m, date, precision };
});
export type Milestone = z.output<typeof milestoneSchema>;

/** A numbered text of the plan (§2 general criteria, notes to agencies). */
const sectionText = z.object({ code, section: z.string().min(1), text: localizedSchema });

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
    generalCriteria: z.array(sectionText).min(1),
    /**
     * Instructions to agencies, not criteria of a nominee: §2 bullet 2 ("các cơ quan … cần xây dựng
     * tiêu chí riêng") and the paragraph after 3.2.2 ("Ngoài tiêu chí cơ bản trên …"). Shown as a note.
     */
    agencyNotes: z.array(sectionText).default([]),
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
    const unique = (items: { code: string }[], path: string) => {
      const seen = new Set<string>();
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
    unique(plan.agencyNotes, 'agencyNotes');
    plan.categories.forEach((c, i) => {
      if (c.movement && !movements.has(c.movement)) {
        ctx.addIssue({ code: 'custom', path: ['categories', i, 'movement'], message: `unknown movement "${c.movement}"` });
      }
      unique(c.criteria, `categories.${i}.criteria`);
      unique(c.profiles, `categories.${i}.profiles`);
      const profiles = new Set(c.profiles.map((p) => p.code));
      c.profiles.forEach((p, j) => {
        if (!c.subjectTypes.includes(p.subjectType)) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', i, 'profiles', j, 'subjectType'],
            message: `"${p.subjectType}" is not among the category's subjectTypes`,
          });
        }
      });
      c.criteria.forEach((x, j) => {
        x.profiles?.forEach((p, k) => {
          if (!profiles.has(p)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'criteria', j, 'profiles', k], message: `unknown profile "${p}"` });
        });
        x.subjectTypes?.forEach((t, k) => {
          if (!c.subjectTypes.includes(t)) {
            ctx.addIssue({
              code: 'custom',
              path: ['categories', i, 'criteria', j, 'subjectTypes', k],
              message: `"${t}" is not among the category's subjectTypes`,
            });
          }
        });
      });
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
      if (firstDayOf(p.start) > lastDayOf(p.end)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'end'], message: 'ends before it starts' });
    });
    if (plan.period.start > plan.period.end) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'ends before it starts' });
    }
  });

/** First / last calendar day a plan date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) covers. */
function firstDayOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}
function lastDayOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return date;
}

/** A validated plan file. */
export type PlanFile = z.output<typeof planFileSchema>;
/** A plan file as written (before defaults and normalisation). */
export type PlanFileInput = z.input<typeof planFileSchema>;
