/**
 * Award forms in the database: idempotent import of the validated award forms file, and listing.
 *
 * Rows are keyed by (code, validFrom): a re-import updates them in place, adds new ones and deletes
 * the ones no longer in the file, in one transaction. Commendations refer to forms by code (text),
 * not by row, so deleting a row never breaks a commendation.
 *
 * @module
 */
import { awardFormsFileSchema, type AwardForm } from '../core/awards.ts';
import type { PrismaClient } from './client.ts';

/** What an import did, in rows. */
export interface AwardFormsImportResult {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

const key = (code: string, validFrom: string): string => `${code}\0${validFrom}`;

/**
 * Makes the AwardForm table equal to `forms` (re-validated with {@link awardFormsFileSchema}, so
 * overlapping rows never reach the database).
 * @throws ZodError for invalid forms; whatever the database throws (nothing half-imported).
 */
export async function importAwardForms(prisma: PrismaClient, forms: readonly AwardForm[]): Promise<AwardFormsImportResult> {
  const valid = awardFormsFileSchema.parse(forms);
  return prisma.$transaction(async (tx) => {
    const result: AwardFormsImportResult = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
    const existing = new Map((await tx.awardForm.findMany()).map((r) => [key(r.code, r.validFrom), r]));
    const kept = new Set<number>();
    for (const f of valid) {
      const data = {
        nameVi: f.name.vi,
        nameEn: f.name.en,
        kind: f.kind,
        subjectTypes: f.subjectTypes.join(','),
        authority: f.authority,
        authorityVi: f.authorityName.vi,
        authorityEn: f.authorityName.en,
        verified: f.verified,
        legalBasis: f.legalBasis,
        validTo: f.validTo ?? null,
      };
      const row = existing.get(key(f.code, f.validFrom));
      if (!row) {
        await tx.awardForm.create({ data: { code: f.code, validFrom: f.validFrom, ...data } });
        result.created++;
        continue;
      }
      kept.add(row.id);
      const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => row[k] === data[k]);
      if (same) result.unchanged++;
      else {
        await tx.awardForm.update({ where: { id: row.id }, data });
        result.updated++;
      }
    }
    const gone = [...existing.values()].filter((r) => !kept.has(r.id)).map((r) => r.id);
    if (gone.length > 0) result.deleted = (await tx.awardForm.deleteMany({ where: { id: { in: gone } } })).count;
    return result;
  });
}

/** Every stored award form row, by code then validFrom. */
export async function listAwardForms(prisma: PrismaClient): Promise<AwardForm[]> {
  const rows = await prisma.awardForm.findMany({ orderBy: [{ code: 'asc' }, { validFrom: 'asc' }] });
  return rows.map((r) => ({
    code: r.code,
    name: { vi: r.nameVi, en: r.nameEn },
    kind: r.kind === 'TITLE' ? 'TITLE' : 'FORM',
    subjectTypes: r.subjectTypes
      .split(',')
      .filter((t): t is AwardForm['subjectTypes'][number] => t === 'COLLECTIVE' || t === 'INDIVIDUAL' || t === 'HOUSEHOLD'),
    authority: r.authority === 'COMMUNE' ? 'COMMUNE' : 'HIGHER',
    authorityName: { vi: r.authorityVi, en: r.authorityEn },
    verified: r.verified,
    legalBasis: r.legalBasis,
    validFrom: r.validFrom,
    ...(r.validTo !== null ? { validTo: r.validTo } : {}),
  }));
}
