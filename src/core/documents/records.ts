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

/** Awards recorded for a nomination: decisions, and tờ trình still awaiting the higher level's answer. */
export type Commendations = { awardCode: string; decisionNumber: string; decisionDate: string; proposedHigher: boolean }[];

/** A dossier's nominations with their commendations (read once), or the ids asked for that can't be in it. */
export type Selection = { ok: true; nominations: Nomination[]; commendations: Map<number, Commendations> } | { ok: false; missing: number[]; notApproved: number[] };

/**
 * The nominations a dossier holds: the ids given (each must be PROPOSED: "Hội đồng thống nhất đề
 * nghị", awaiting the chairman's decision), or else every PROPOSED nomination of the active plan.
 * (Issue 12: a decided nomination is APPROVED and already has its decision.)
 */
export async function selectNominations(ctx: Ctx, ids: number[]): Promise<Selection> {
  const repo = ctx.services.nominations;
  if (ids.length > 0) {
    const found = await Promise.all(ids.map((id) => repo.get(id)));
    const missing = ids.filter((id, i) => !found[i] || found[i]!.planSlug !== ctx.catalog.plan.id);
    const notApproved = ids.filter((id, i) => found[i] && found[i]!.planSlug === ctx.catalog.plan.id && found[i]!.state !== 'PROPOSED');
    if (missing.length > 0 || notApproved.length > 0) return { ok: false, missing, notApproved };
    const nominations = found as Nomination[];
    return { ok: true, nominations, commendations: await commendationsOf(ctx, nominations) };
  }
  const { items } = await repo.list({ planSlug: ctx.catalog.plan.id, states: ['PROPOSED'], offset: 0, limit: MAX_DOSSIER });
  return { ok: true, nominations: items.sort((a, b) => a.id - b.id), commendations: await commendationsOf(ctx, items) };
}

/**
 * Every nomination's awards, read once (issue 12's records): the decisions that awarded it
 * (number and signing date) and the tờ trình that proposed it upward and are not refused
 * (`proposedHigher`, the tờ trình's number and date).
 */
export async function commendationsOf(ctx: Ctx, nominations: readonly Nomination[]): Promise<Map<number, Commendations>> {
  const lists = await Promise.all(nominations.map((n) => ctx.services.council.awardsOf(n.id)));
  return new Map(
    nominations.map((n, i) => {
      const a = lists[i]!;
      const decided = a.decisions.map((d) => ({ awardCode: d.awardCode, decisionNumber: d.number, decisionDate: d.signedOn, proposedHigher: false }));
      const upward = a.proposals.filter((p) => p.outcome === 'PENDING').map((p) => ({ awardCode: p.awardCode, decisionNumber: p.number, decisionDate: p.sentOn, proposedHigher: true }));
      return [n.id, [...decided, ...upward]];
    }),
  );
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

