/**
 * `/vanban quyetdinh`: the chairman's decision — a draft for what awaits it, or a decision as
 * recorded (issue 12's `DecisionRecord`, authority COMMUNE), chosen by its number, by a
 * nominee's id, or from the list of recorded decisions offered as buttons (numbered choices on Zalo
 * and the console).
 *
 *   /vanban quyetdinh                 a draft for every nomination awaiting the chairman (commune
 *                                     awards only); the recorded decisions as buttons
 *   /vanban quyetdinh 3 5             nominations 3 and 5: a draft when they await the decision, or
 *                                     the recorded decision that awarded them
 *   /vanban quyetdinh 07/QĐ-UBND      the recorded decision 07/QĐ-UBND: its own number and signing
 *                                     date, its nominees and forms, no "DỰ THẢO", no new number
 *   /vanban quyetdinh ds              the recorded decisions, to choose one
 *
 * @module
 */
import { msg, type Button, type Msg } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { AwardForm } from '../awards.ts';
import type { DecisionRecord } from '../council/model.ts';
import type { Nomination } from '../nominations/model.ts';
import { foldText } from '../text/fold.ts';
import { humanDate } from './chat-date.ts';
import { buildQuyetDinh, tally } from './dossier.ts';
import { draftContext, numberFor, subjectOf, withButtons } from './drafting.ts';
import type { Produced, Producer } from './feature.ts';
import type { DocumentServices } from './ports.ts';
import { awardRow, dossierEntries, parseIds, toEntries, type Commendations } from './records.ts';

/** Most recorded decisions offered as buttons (the newest; the rest by number or nominee id). */
export const MAX_DECISION_BUTTONS = 8;

/** Words that ask for the list of recorded decisions. */
const LIST_WORDS = new Set(['ds', 'danhsach', 'list', 'cacquyetdinh', 'all']);

/** A button per recorded decision (newest signing date first), but `except`. */
function decisionButtons(ctx: Ctx, decisions: readonly DecisionRecord[], except?: number): Button[][] {
  return decisions
    .filter((d) => d.id !== except)
    .slice(0, MAX_DECISION_BUTTONS)
    .map((d) => [
      {
        label: msg('documents-button-decision', { number: d.number, date: humanDate(d.signedOn, ctx.locale), count: d.items.length }),
        action: `vb:quyetdinh ${d.number}`,
      },
    ]);
}

/** The decision as recorded: its number and signing date, its nominees with the forms it gave them. */
async function printRecorded(ctx: Ctx, docs: DocumentServices, decision: DecisionRecord, all: readonly DecisionRecord[]): Promise<Produced> {
  const forms = await ctx.services.awardForms();
  const given = new Map<number, AwardForm>();
  for (const i of decision.items) {
    const row = awardRow(forms, i.awardCode, i.subjectType, decision.signedOn);
    if (row) given.set(i.nominationId, row);
  }
  const nominations = (await Promise.all(decision.items.map((i) => ctx.services.nominations.get(i.nominationId)))).filter((n): n is Nomination => !!n);
  // The forms of this decision, whatever came after it.
  const none = new Map<number, Commendations>(nominations.map((n) => [n.id, []]));
  const entries = await toEntries(ctx, nominations, none, given);
  const doc = buildQuyetDinh(await draftContext(ctx, docs, decision.signedOn, decision.number, false), entries);
  const buttons = decisionButtons(ctx, all, decision.id);
  return {
    doc,
    preview: msg('documents-preview-quyet-dinh-recorded', { number: decision.number, date: humanDate(decision.signedOn, ctx.locale), ...tally(entries) }),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

/**
 * Ids that are all in recorded decisions: that decision, or a refusal naming each id's decision
 * when they are in several. Undefined when none of them is decided (a draft is wanted).
 */
async function byNominee(ctx: Ctx, docs: DocumentServices, ids: number[], decisions: readonly DecisionRecord[]): Promise<Produced | undefined> {
  const holder = new Map(ids.map((id) => [id, decisions.find((d) => d.items.some((i) => i.nominationId === id))]));
  const decided = ids.filter((id) => holder.get(id));
  if (decided.length === 0) return undefined;
  const distinct = [...new Set(decided.map((id) => holder.get(id)!))];
  if (decided.length === ids.length && distinct.length === 1) return printRecorded(ctx, docs, distinct[0]!, decisions);
  const lines: Msg[] = decided.map((id) => msg('documents-nominee-decided', { id, number: holder.get(id)!.number }));
  const pending = ids.filter((id) => !holder.get(id));
  if (pending.length > 0) lines.push(msg('documents-decision-mixed', { ids: pending.join(', ') }));
  else lines.push(msg('documents-decision-choose'));
  return { refusal: withButtons([{ lines }], decisionButtons(ctx, distinct)) };
}

/** `/vanban quyetdinh …` — see the module doc. */
export const quyetDinh: Producer = async (ctx, docs, req) => {
  const decisions = (await ctx.services.council.decisions({ planSlug: ctx.catalog.plan.id })).filter((d) => d.authority === 'COMMUNE');
  const asked = req.words.find((w) => w.includes('/'));
  if (asked) {
    const found = decisions.find((d) => foldText(d.number) === foldText(asked));
    if (!found)
      return { refusal: withButtons([{ lines: [msg('documents-decision-not-found', { number: asked.slice(0, 32) })] }], decisionButtons(ctx, decisions)) };
    return printRecorded(ctx, docs, found, decisions);
  }
  if (req.words.length === 1 && LIST_WORDS.has(foldText(req.words[0]!).replace(/\s+/g, ''))) {
    if (decisions.length === 0) return { refusal: [{ lines: [msg('documents-decisions-none')] }] };
    return {
      refusal: [
        {
          lines: [msg('documents-decisions-title', { count: decisions.length, shown: Math.min(decisions.length, MAX_DECISION_BUTTONS) })],
          buttons: decisionButtons(ctx, decisions),
        },
      ],
    };
  }
  const ids = parseIds(req.words);
  if (ids && ids.length > 0) {
    const printed = await byNominee(ctx, docs, ids, decisions);
    if (printed) return printed;
  }
  const d = await dossierEntries(ctx, req);
  if ('refusal' in d) return { refusal: withButtons(d.refusal, decisionButtons(ctx, decisions)) };
  const reg = await numberFor(ctx, docs, 'quyetDinh', subjectOf(d.ids));
  const doc = buildQuyetDinh(await draftContext(ctx, docs, reg.issuedOn, reg.symbol, !reg.signed), d.entries);
  const buttons = decisionButtons(ctx, decisions);
  return {
    doc,
    number: reg.symbol,
    signed: reg.signed,
    preview: msg('documents-preview-quyet-dinh', { number: reg.symbol, ...tally(d.entries) }),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
};
