/**
 * Award forms (hình thức khen thưởng) as data: who may award what, between which dates.
 *
 * The law moves (Law on Emulation and Commendation 06/2022/QH15 from 1/1/2024; no district level
 * since 1/7/2025), so nothing about authority is hard-coded: `plans/award-forms.yaml` lists rows
 * `{ code, name, authority, legalBasis, validFrom, validTo? }`, and one code may have several rows
 * for successive periods that must not overlap. `authority: COMMUNE` means the commune chairman
 * awards it; `HIGHER` means the commune proposes it to a higher level.
 *
 * Everything here is pure except {@link loadAwardFormsFile}, which reads the file.
 *
 * @module
 */
import { z } from 'zod';
import { loadDataFile, parseDataText } from './plan/load.ts';

const code = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, ".", "_" and "-"');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const isoDate = z.string().regex(ISO_DATE, 'a calendar date written YYYY-MM-DD').refine(isRealDate, 'not a real calendar date');

/** Who awards a form: the commune chairman, or a higher level the commune proposes to. */
export const awardAuthoritySchema = z.enum(['COMMUNE', 'HIGHER']);
export type AwardAuthority = z.infer<typeof awardAuthoritySchema>;

/** Danh hiệu thi đua (an emulation title) or hình thức khen thưởng (a form of commendation). */
export const awardKindSchema = z.enum(['TITLE', 'FORM']);
export type AwardKind = z.infer<typeof awardKindSchema>;

const subjectTypeSchema = z.enum(['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD']);

/** One row: an award form and its authority during [validFrom, validTo] (both inclusive). */
export const awardFormSchema = z
  .object({
    code,
    name: z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) }),
    /** TITLE (danh hiệu thi đua) or FORM (hình thức khen thưởng); Law 06/2022 keeps them apart. */
    kind: awardKindSchema,
    /** Whom it is given to (e.g. Gia đình văn hóa: HOUSEHOLD only). */
    subjectTypes: z.array(subjectTypeSchema).min(1),
    authority: awardAuthoritySchema,
    /** Who awards it, as said to people, e.g. { vi: "Chủ tịch UBND huyện", en: "district chairman" }. */
    authorityName: z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) }),
    /** True once the authority was checked against the legal text; false shows it as unverified. */
    verified: z.boolean(),
    /** Where the authority comes from (law, decree, article); unchecked facts carry "[verify]". */
    legalBasis: z.string().trim().min(1),
    validFrom: isoDate,
    /** Last day the row holds; absent = still valid. */
    validTo: isoDate.optional(),
  })
  .strict();
export type AwardForm = z.infer<typeof awardFormSchema>;

/** `validTo ?? ∞`, for comparisons of `YYYY-MM-DD` strings. */
const end = (f: AwardForm): string => f.validTo ?? '9999-12-31';

/**
 * The award forms file: a list of {@link awardFormSchema} rows. Each row's `validTo` is on or after
 * its `validFrom`, and two rows of one code never share a day (the later row gets the issue, at
 * `[i].validFrom`).
 */
export const awardFormsFileSchema = z.array(awardFormSchema).superRefine((forms, ctx) => {
  forms.forEach((f, i) => {
    if (f.validTo !== undefined && f.validTo < f.validFrom) {
      ctx.addIssue({ code: 'custom', path: [i, 'validTo'], message: `ends (${f.validTo}) before it starts (${f.validFrom})` });
    }
  });
  const byCode = new Map<string, number[]>();
  forms.forEach((f, i) => byCode.set(f.code, [...(byCode.get(f.code) ?? []), i]));
  for (const indexes of byCode.values()) {
    for (const [n, i] of indexes.entries()) {
      const a = forms[i]!;
      for (const j of indexes.slice(0, n)) {
        const b = forms[j]!;
        if (a.validFrom <= end(b) && b.validFrom <= end(a)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'validFrom'],
            message: `"${a.code}" from ${a.validFrom} to ${a.validTo ?? '(open)'} overlaps row [${j}] (${b.validFrom} to ${b.validTo ?? '(open)'})`,
          });
        }
      }
    }
  }
});

/**
 * The rows in force on `date` (a `YYYY-MM-DD` calendar day, both ends inclusive), in file order.
 * @throws RangeError when `date` is not a `YYYY-MM-DD` calendar date.
 */
export function awardFormsValidOn(forms: readonly AwardForm[], date: string): AwardForm[] {
  if (!ISO_DATE.test(date) || !isRealDate(date)) throw new RangeError(`Not a calendar date YYYY-MM-DD: "${date}"`);
  return forms.filter((f) => f.validFrom <= date && date <= end(f));
}

/** True when the commune chairman may award this form; otherwise the bot proposes it higher up. */
export const canCommuneAward = (form: AwardForm): boolean => form.authority === 'COMMUNE';

/** Why a title or form cannot be given to a nominee on a date. */
export type AwardRefusal = 'unknown' | 'not-valid-on-date' | 'wrong-subject';

/**
 * The row of `code` that applies to a nominee of `subjectType` on `date` (the DECISION date, not
 * today: domain-corrections §4), or why none does.
 * @throws RangeError when `date` is not a `YYYY-MM-DD` calendar date.
 */
export function applicableAward(
  forms: readonly AwardForm[],
  q: { code: string; subjectType: AwardForm['subjectTypes'][number]; date: string },
): { ok: true; form: AwardForm } | { ok: false; reason: AwardRefusal } {
  const rows = forms.filter((f) => f.code === q.code);
  if (rows.length === 0) return { ok: false, reason: 'unknown' };
  const valid = awardFormsValidOn(rows, q.date);
  if (valid.length === 0) return { ok: false, reason: 'not-valid-on-date' };
  const form = valid.find((f) => f.subjectTypes.includes(q.subjectType));
  return form ? { ok: true, form } : { ok: false, reason: 'wrong-subject' };
}

/**
 * The titles and forms that may be offered for a nominee of `subjectType` on `date` (valid that day
 * and applicable to the subject type), in file order. `authority` keeps only COMMUNE or HIGHER rows.
 */
export function applicableAwards(
  forms: readonly AwardForm[],
  q: { subjectType: AwardForm['subjectTypes'][number]; date: string; authority?: AwardAuthority },
): AwardForm[] {
  return awardFormsValidOn(forms, q.date).filter((f) => f.subjectTypes.includes(q.subjectType) && (q.authority === undefined || f.authority === q.authority));
}

/**
 * Parses and validates award forms text (YAML or JSON, normalised to NFC).
 * @throws PlanFileError naming every field at fault (YAML syntax errors carry line and column).
 */
export function parseAwardFormsText(text: string, file = '(award forms)'): AwardForm[] {
  return parseDataText(text, file, awardFormsFileSchema, 'Award forms file');
}

/**
 * Reads and validates an award forms file (e.g. `plans/award-forms.yaml`).
 * @throws PlanFileError when the file is missing, unreadable or invalid.
 */
export const loadAwardFormsFile = (file: string): AwardForm[] => loadDataFile(file, awardFormsFileSchema, 'Award forms file');
