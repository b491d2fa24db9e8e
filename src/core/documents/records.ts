/**
 * From the records to the documents' plain inputs: which nominations a dossier holds and what each
 * row says. Reads through core's repository ports only.
 *
 * @module
 */
import { msg, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { Nomination } from '../nominations/model.ts';
import { applicableAward, type AwardForm } from '../awards.ts';
import { pick } from '../plan/catalog.ts';
import type { SubjectType } from '../plan/plan-schema.ts';
import type { DossierEntry } from './dossier.ts';

/** Most nominations one dossier holds (a round of a commune is far smaller). */
export const MAX_DOSSIER = 500;

/** Awards recorded for a nomination: decisions, and tờ trình still awaiting the higher level's answer. */
export type Commendations = { awardCode: string; decisionNumber: string; decisionDate: string; proposedHigher: boolean }[];

/**
 * Whose power the awards of a dossier are in (Law 06/2022 Art. 80; domain-corrections §4):
 * `COMMUNE` — what the commune chairman may award (the commune's own tờ trình, list and decision);
 * `HIGHER` — what he may not, proposed upward (the tờ trình to the higher level); `ANY` — both
 * (achievement reports, which every nominee needs).
 */
export type Scope = 'COMMUNE' | 'HIGHER' | 'ANY';

/** A dossier's nominations with their commendations (read once), or the ids asked for that can't be in it. */
export type Selection =
  | { ok: true; nominations: Nomination[]; commendations: Map<number, Commendations>; councilAwards: Map<number, AwardForm> }
  | { ok: false; missing: number[]; notApproved: number[]; wrongLevel: number[] };

/**
 * The row of award `code` that decides who awards it to a nominee of `subjectType` on `date`: the
 * row in force that day for that subject, else the code's latest row (a code out of force keeps
 * the authority it had). Undefined for a code the table does not hold.
 */
export function awardRow(forms: readonly AwardForm[], code: string, subjectType: SubjectType, date: string): AwardForm | undefined {
  const found = applicableAward(forms, { code, subjectType, date });
  if (found.ok) return found.form;
  return forms
    .filter((f) => f.code === code)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .at(-1);
}

/**
 * The title or form the Council proposed for each nomination at its latest meeting that concluded
 * PROPOSE with an award named (`CouncilMeetingRecord.items[].awardCode`), as the award table's row
 * on `date`. A nomination the Council agreed to in chat votes names none: it is the commune's.
 */
export async function councilAwardsOf(ctx: Ctx, date: string, nominations: readonly Nomination[]): Promise<Map<number, AwardForm>> {
  const wanted = new Map(nominations.map((n) => [n.id, n]));
  const out = new Map<number, AwardForm>();
  if (wanted.size === 0) return out;
  const meetings = await ctx.services.council.meetings({ planSlug: ctx.catalog.plan.id });
  const forms = await ctx.services.awardForms();
  // Newest first: the first award found for a nomination is its latest.
  for (const m of meetings) {
    for (const item of m.items) {
      const n = wanted.get(item.nominationId);
      if (!n || out.has(n.id) || item.conclusion !== 'PROPOSE' || !item.awardCode) continue;
      const row = awardRow(forms, item.awardCode, n.subjectType, date);
      if (row) out.set(n.id, row);
    }
  }
  return out;
}

/** The level a PROPOSED nomination goes to: HIGHER when the Council proposed an award above the commune chairman. */
const levelOf = (awards: Map<number, AwardForm>, id: number): 'COMMUNE' | 'HIGHER' => (awards.get(id)?.authority === 'HIGHER' ? 'HIGHER' : 'COMMUNE');

/**
 * The nominations a dossier holds: the ids given (each must be PROPOSED: "Hội đồng thống nhất đề
 * nghị", awaiting the chairman's decision or a tờ trình upward), or else every PROPOSED nomination
 * of the active plan; then only those of `scope` — a nominee whose award only a higher level may
 * give is never in the commune's own documents, and one the commune may award never goes upward.
 * Ids given outside the scope are refused (`wrongLevel`), not silently dropped.
 * (Issue 12: a decided nomination is APPROVED; one sent upward is PROPOSED_HIGHER.)
 */
export async function selectNominations(ctx: Ctx, ids: number[], scope: Scope = 'COMMUNE'): Promise<Selection> {
  const repo = ctx.services.nominations;
  const inScope = (awards: Map<number, AwardForm>, n: Nomination) => scope === 'ANY' || levelOf(awards, n.id) === scope;
  if (ids.length > 0) {
    const found = await Promise.all(ids.map((id) => repo.get(id)));
    const missing = ids.filter((id, i) => !found[i] || found[i]!.planSlug !== ctx.catalog.plan.id);
    const notApproved = ids.filter((id, i) => found[i] && found[i]!.planSlug === ctx.catalog.plan.id && found[i]!.state !== 'PROPOSED');
    const proposed = found.filter((n): n is Nomination => !!n && n.planSlug === ctx.catalog.plan.id && n.state === 'PROPOSED');
    const councilAwards = await councilAwardsOf(ctx, ctx.today, proposed);
    const wrongLevel = proposed.filter((n) => !inScope(councilAwards, n)).map((n) => n.id);
    if (missing.length > 0 || notApproved.length > 0 || wrongLevel.length > 0) return { ok: false, missing, notApproved, wrongLevel };
    return { ok: true, nominations: proposed, commendations: await commendationsOf(ctx, proposed), councilAwards };
  }
  const { items } = await repo.list({ planSlug: ctx.catalog.plan.id, states: ['PROPOSED'], offset: 0, limit: MAX_DOSSIER });
  const councilAwards = await councilAwardsOf(ctx, ctx.today, items);
  const nominations = items.filter((n) => inScope(councilAwards, n)).sort((a, b) => a.id - b.id);
  return { ok: true, nominations, commendations: await commendationsOf(ctx, nominations), councilAwards };
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
      const upward = a.proposals
        .filter((p) => p.outcome === 'PENDING')
        .map((p) => ({ awardCode: p.awardCode, decisionNumber: p.number, decisionDate: p.sentOn, proposedHigher: true }));
      return [n.id, [...decided, ...upward]];
    }),
  );
}

/**
 * One list row of a nomination. The form shown is the one recorded (a decision, a pending tờ
 * trình), else the one the Council proposed (`councilAwards`), else the commune's default for the
 * subject type (`proposedForms` in the commune file).
 */
export async function toEntries(
  ctx: Ctx,
  nominations: Nomination[],
  known?: Map<number, Commendations>,
  councilAwards?: Map<number, AwardForm>,
): Promise<DossierEntry[]> {
  const forms = await ctx.services.awardForms();
  const commendations = known ?? (await commendationsOf(ctx, nominations));
  return Promise.all(
    nominations.map(async (n) => {
      const recorded = commendations.get(n.id)?.at(-1);
      const form = recorded ? forms.find((f) => f.code === recorded.awardCode)?.name.vi : councilAwards?.get(n.id)?.name.vi;
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

/** The dossier's nominations as list rows, or the replies explaining why there are none. See {@link selectNominations}. */
export async function dossierEntries(
  ctx: Ctx,
  req: { words: string[] },
  scope: Scope = 'COMMUNE',
): Promise<
  | { refusal: Reply[] }
  | { ids: number[]; entries: DossierEntry[]; nominations: Nomination[]; commendations: Map<number, Commendations>; councilAwards: Map<number, AwardForm> }
> {
  const ids = parseIds(req.words);
  if (!ids) return { refusal: [{ lines: [msg('documents-bad-ids'), msg('documents-usage')] }] };
  const sel = await selectNominations(ctx, ids, scope);
  if (!sel.ok) {
    const lines: Msg[] = [];
    if (sel.missing.length > 0) lines.push(msg('documents-not-found', { ids: sel.missing.join(', ') }));
    if (sel.notApproved.length > 0) lines.push(msg('documents-not-approved', { ids: sel.notApproved.join(', ') }));
    if (sel.wrongLevel.length > 0)
      lines.push(msg(scope === 'HIGHER' ? 'documents-commune-level' : 'documents-higher-level', { ids: sel.wrongLevel.join(', ') }));
    return { refusal: [{ lines }] };
  }
  if (sel.nominations.length === 0) return { refusal: [{ lines: [msg(scope === 'HIGHER' ? 'documents-nothing-higher' : 'documents-nothing-approved')] }] };
  const entries = await toEntries(ctx, sel.nominations, sel.commendations, sel.councilAwards);
  return {
    ids: ids.length > 0 ? sel.nominations.map((n) => n.id) : [],
    entries,
    nominations: sel.nominations,
    commendations: sel.commendations,
    councilAwards: sel.councilAwards,
  };
}
