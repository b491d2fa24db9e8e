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
import { loadDataFile, parseDataText } from "./plan/load.js";
const code = z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, ".", "_" and "-"');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const isoDate = z.string().regex(ISO_DATE, 'a calendar date written YYYY-MM-DD').refine(isRealDate, 'not a real calendar date');
/** Who awards a form: the commune chairman, or a higher level the commune proposes to. */
export const awardAuthoritySchema = z.enum(['COMMUNE', 'HIGHER']);
/** One row: an award form and its authority during [validFrom, validTo] (both inclusive). */
export const awardFormSchema = z
    .object({
    code,
    name: z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) }),
    authority: awardAuthoritySchema,
    /** Where the authority comes from; facts not yet checked carry "[verify]". */
    legalBasis: z.string().trim().min(1),
    validFrom: isoDate,
    /** Last day the row holds; absent = still valid. */
    validTo: isoDate.optional(),
})
    .strict();
/** `validTo ?? ∞`, for comparisons of `YYYY-MM-DD` strings. */
const end = (f) => f.validTo ?? '9999-12-31';
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
    const byCode = new Map();
    forms.forEach((f, i) => byCode.set(f.code, [...(byCode.get(f.code) ?? []), i]));
    for (const indexes of byCode.values()) {
        for (const [n, i] of indexes.entries()) {
            const a = forms[i];
            for (const j of indexes.slice(0, n)) {
                const b = forms[j];
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
export function awardFormsValidOn(forms, date) {
    if (!ISO_DATE.test(date) || !isRealDate(date))
        throw new RangeError(`Not a calendar date YYYY-MM-DD: "${date}"`);
    return forms.filter((f) => f.validFrom <= date && date <= end(f));
}
/** True when the commune chairman may award this form; otherwise the bot proposes it higher up. */
export const canCommuneAward = (form) => form.authority === 'COMMUNE';
/**
 * Parses and validates award forms text (YAML or JSON, normalised to NFC).
 * @throws PlanFileError naming every field at fault (YAML syntax errors carry line and column).
 */
export function parseAwardFormsText(text, file = '(award forms)') {
    return parseDataText(text, file, awardFormsFileSchema, 'Award forms file');
}
/**
 * Reads and validates an award forms file (e.g. `plans/award-forms.yaml`).
 * @throws PlanFileError when the file is missing, unreadable or invalid.
 */
export const loadAwardFormsFile = (file) => loadDataFile(file, awardFormsFileSchema, 'Award forms file');
//# sourceMappingURL=awards.js.map