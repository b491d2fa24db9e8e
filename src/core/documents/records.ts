/**
 * From the records to the documents' plain inputs: which nominations a dossier holds and what each
 * row says. Reads through core's repository ports only.
 *
 * @module
 */
import { msg, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { Nomination } from '../nominations/model.ts';
import { pick } from '../plan/catalog.ts';
import type { DossierEntry } from './dossier.ts';

/** Most nominations one dossier holds (a round of a commune is far smaller). */
export const MAX_DOSSIER = 500;

/** Commendations recorded for a nomination (as the repository gives them). */
export type Commendations = Awaited<ReturnType<Ctx['services']['nominations']['commendations']>>;

/** A dossier's nominations with their commendations (read once), or the ids asked for that can't be in it. */
export type Selection = { ok: true; nominations: Nomination[]; commendations: Map<number, Commendations> } | { ok: false; missing: number[]; notApproved: number[] };

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
    const nominations = found as Nomination[];
    return { ok: true, nominations, commendations: await commendationsOf(ctx, nominations) };
  }
  const { items } = await repo.list({ planSlug: ctx.catalog.plan.id, states: ['APPROVED'], offset: 0, limit: MAX_DOSSIER });
  const commendations = await commendationsOf(ctx, items);
  return { ok: true, nominations: items.filter((n) => commendations.get(n.id)!.length === 0).sort((a, b) => a.id - b.id), commendations };
}

/** Every nomination's commendations, read once. */
export async function commendationsOf(ctx: Ctx, nominations: readonly Nomination[]): Promise<Map<number, Commendations>> {
  const lists = await Promise.all(nominations.map((n) => ctx.services.nominations.commendations(n.id)));
  return new Map(nominations.map((n, i) => [n.id, lists[i]!]));
}

/** One list row of a nomination; the form proposed is the one recorded, if any. */
export async function toEntries(ctx: Ctx, nominations: Nomination[], known?: Map<number, Commendations>): Promise<DossierEntry[]> {
  const forms = await ctx.services.awardForms();
  const commendations = known ?? (await commendationsOf(ctx, nominations));
  return Promise.all(
    nominations.map(async (n) => {
      const recorded = commendations.get(n.id)?.at(-1);
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

/** The dossier's nominations as list rows, or the replies explaining why there are none. */
export async function dossierEntries(
  ctx: Ctx,
  req: { words: string[] },
): Promise<{ refusal: Reply[] } | { ids: number[]; entries: DossierEntry[]; nominations: Nomination[]; commendations: Map<number, Commendations> }> {
  const ids = parseIds(req.words);
  if (!ids) return { refusal: [{ lines: [msg('documents-bad-ids'), msg('documents-usage')] }] };
  const sel = await selectNominations(ctx, ids);
  if (!sel.ok) {
    const lines: Msg[] = [];
    if (sel.missing.length > 0) lines.push(msg('documents-not-found', { ids: sel.missing.join(', ') }));
    if (sel.notApproved.length > 0) lines.push(msg('documents-not-approved', { ids: sel.notApproved.join(', ') }));
    return { refusal: [{ lines }] };
  }
  if (sel.nominations.length === 0) return { refusal: [{ lines: [msg('documents-nothing-approved')] }] };
  const entries = await toEntries(ctx, sel.nominations, sel.commendations);
  return { ids: ids.length > 0 ? sel.nominations.map((n) => n.id) : [], entries, nominations: sel.nominations, commendations: sel.commendations };
}

