/**
 * Award forms in the database: idempotent import of the validated award forms file, and listing.
 *
 * Rows are keyed by (code, validFrom): a re-import updates them in place, adds new ones and deletes
 * the ones no longer in the file, in one transaction. Commendations refer to forms by code (text),
 * not by row, so deleting a row never breaks a commendation.
 *
 * @module
 */
import { awardFormsFileSchema } from "../core/awards.js";
const key = (code, validFrom) => `${code}\0${validFrom}`;
/**
 * Makes the AwardForm table equal to `forms` (re-validated with {@link awardFormsFileSchema}, so
 * overlapping rows never reach the database).
 * @throws ZodError for invalid forms; whatever the database throws (nothing half-imported).
 */
export async function importAwardForms(prisma, forms) {
    const valid = awardFormsFileSchema.parse(forms);
    return prisma.$transaction(async (tx) => {
        const result = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
        const existing = new Map((await tx.awardForm.findMany()).map((r) => [key(r.code, r.validFrom), r]));
        const kept = new Set();
        for (const f of valid) {
            const data = { nameVi: f.name.vi, nameEn: f.name.en, authority: f.authority, legalBasis: f.legalBasis, validTo: f.validTo ?? null };
            const row = existing.get(key(f.code, f.validFrom));
            if (!row) {
                await tx.awardForm.create({ data: { code: f.code, validFrom: f.validFrom, ...data } });
                result.created++;
                continue;
            }
            kept.add(row.id);
            const same = Object.keys(data).every((k) => row[k] === data[k]);
            if (same)
                result.unchanged++;
            else {
                await tx.awardForm.update({ where: { id: row.id }, data });
                result.updated++;
            }
        }
        const gone = [...existing.values()].filter((r) => !kept.has(r.id)).map((r) => r.id);
        if (gone.length > 0)
            result.deleted = (await tx.awardForm.deleteMany({ where: { id: { in: gone } } })).count;
        return result;
    });
}
/** Every stored award form row, by code then validFrom. */
export async function listAwardForms(prisma) {
    const rows = await prisma.awardForm.findMany({ orderBy: [{ code: 'asc' }, { validFrom: 'asc' }] });
    return rows.map((r) => ({
        code: r.code,
        name: { vi: r.nameVi, en: r.nameEn },
        authority: r.authority === 'COMMUNE' ? 'COMMUNE' : 'HIGHER',
        legalBasis: r.legalBasis,
        validFrom: r.validFrom,
        ...(r.validTo !== null ? { validTo: r.validTo } : {}),
    }));
}
//# sourceMappingURL=award-repository.js.map