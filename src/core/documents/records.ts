/**
 * From the records to the documents' plain inputs: which nominations a dossier holds and what each
 * row says. Reads through core's repository ports only.
 *
 * @module
 */
import type { Ctx } from '../context.ts';
import type { Nomination } from '../nominations/model.ts';
import { pick } from '../plan/catalog.ts';
import type { DossierEntry } from './dossier.ts';

/** Most nominations one dossier holds (a round of a commune is far smaller). */
export const MAX_DOSSIER = 500;

/** A dossier's nominations, or the ids asked for that can't be in it. */
export type Selection = { ok: true; nominations: Nomination[] } | { ok: false; missing: number[]; notApproved: number[] };

/**
 * The nominations a dossier holds: the ids given (each must be APPROVED: "Hội đồng thống nhất đề
 * nghị"), or else every APPROVED nomination of the active plan not yet commended.
 */
export async function selectNominations(ctx: Ctx, ids: number[]): Promise<Selection> {
  const repo = ctx.services.nominations;
  if (ids.length > 0) {
    const found = await Promise.all(ids.map((id) => repo.get(id)));
    const missing = ids.filter((id, i) => !found[i] || found[i]!.planSlug !== ctx.catalog.plan.id);
    const notApproved = ids.filter((id, i) => found[i] && found[i]!.planSlug === ctx.catalog.plan.id && found[i]!.state !== 'APPROVED');
    if (missing.length > 0 || notApproved.length > 0) return { ok: false, missing, notApproved };
    return { ok: true, nominations: found as Nomination[] };
  }
  const { items } = await repo.list({ planSlug: ctx.catalog.plan.id, states: ['APPROVED'], offset: 0, limit: MAX_DOSSIER });
  const commended = await Promise.all(items.map(async (n) => (await repo.commendations(n.id)).length > 0));
  return { ok: true, nominations: items.filter((_, i) => !commended[i]).sort((a, b) => a.id - b.id) };
}

/** One list row of a nomination; the form proposed is the one recorded, if any. */
export async function toEntries(ctx: Ctx, nominations: Nomination[]): Promise<DossierEntry[]> {
  const forms = await ctx.services.awardForms();
  return Promise.all(
    nominations.map(async (n) => {
      const recorded = (await ctx.services.nominations.commendations(n.id)).at(-1);
      const form = recorded ? forms.find((f) => f.code === recorded.awardCode)?.name.vi : undefined;
      const category = ctx.catalog.categoryByCode.get(n.categoryCode);
      return {
        id: n.id,
        subjectType: n.subjectType,
        nomineeName: n.nomineeName,
        place: n.place,
        unitName: ctx.catalog.unitName(n.unitCode, 'vi'),
        categoryName: category ? `${pick(category.name, 'vi')} (${category.section})` : n.categoryCode,
        achievements: n.achievements,
        ...(form ? { proposedForm: form } : {}),
      };
    }),
  );
}

/** Parses "3, 5 7" / "#3 #5" into ids; `undefined` when a word is not an id. */
export function parseIds(words: string[]): number[] | undefined {
  const ids: number[] = [];
  for (const w of words) {
    const m = /^#?(\d{1,9})$/.exec(w);
    if (!m) return undefined;
    ids.push(Number(m[1]));
  }
  return [...new Set(ids)];
}
