/**
 * `/vanban captren`: the tờ trình to the higher level (đề nghị cấp trên khen thưởng). It lists only
 * what the commune chairman may not award himself — awards whose row in `plans/award-forms.yaml`
 * says `authority: HIGHER` (Law 06/2022 Art. 80; domain-corrections §2, §4) — and never the
 * commune's own awards, which go in the commune's tờ trình and decision (`/vanban totrinh`,
 * `/vanban quyetdinh`), where these never appear.
 *
 *   /vanban captren [ids]          a draft for the nominations the Council proposed at a meeting
 *                                  with a higher award (numbered …/TTr-UBND in the register)
 *   /vanban captren 45/TTr-UBND    the tờ trình as recorded (issue 12's `ProposalRecord`): its own
 *                                  number, date and addressee, its nominees, no "DỰ THẢO"
 *
 * Recorded tờ trình of the plan are offered as buttons under either answer.
 *
 * @module
 */
import { msg, type Button } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { AwardForm } from '../awards.ts';
import type { ProposalRecord } from '../council/model.ts';
import type { Nomination } from '../nominations/model.ts';
import { foldText } from '../text/fold.ts';
import { humanDate } from './chat-date.ts';
import { buildToTrinh, tally } from './dossier.ts';
import { withButtons } from './drafting.ts';
import type { Producer } from './feature.ts';
import type { DocumentServices } from './ports.ts';
import { awardRow, dossierEntries, toEntries, type Commendations } from './records.ts';

/** Most recorded tờ trình offered as buttons. */
export const MAX_PROPOSAL_BUTTONS = 6;

/** "Chủ tịch UBND tỉnh", or several joined, from the awards' rows (file order kept). */
const authorities = (awards: Iterable<AwardForm>): string => [...new Set([...awards].map((a) => a.authorityName.vi))].join('; ');

/** A button per recorded tờ trình of the plan (newest first), but `except`. */
function proposalButtons(ctx: Ctx, proposals: ProposalRecord[], except?: number): Button[][] {
  return proposals
    .filter((p) => p.id !== except)
    .slice(0, MAX_PROPOSAL_BUTTONS)
    .map((p) => [
      {
        label: msg('documents-button-proposal', { number: p.number, date: humanDate(p.sentOn, ctx.locale), count: p.items.length }),
        action: `vb:captren ${p.number}`,
      },
    ]);
}

/** The recorded tờ trình `number`, printed as sent: only its items whose award is the higher level's on its date. */
async function recorded(ctx: Ctx, docs: DocumentServices, proposals: ProposalRecord[], number: string): ReturnType<Producer> {
  const p = proposals.find((x) => foldText(x.number) === foldText(number));
  if (!p) return { refusal: withButtons([{ lines: [msg('documents-proposal-not-found', { number: number.slice(0, 32) })] }], proposalButtons(ctx, proposals)) };
  const forms = await ctx.services.awardForms();
  const awards = new Map<number, AwardForm>();
  for (const item of p.items) {
    const row = awardRow(forms, item.awardCode, item.subjectType, p.sentOn);
    if (row?.authority === 'HIGHER') awards.set(item.nominationId, row);
  }
  const nominations = (await Promise.all([...awards.keys()].map((id) => ctx.services.nominations.get(id)))).filter((n): n is Nomination => !!n);
  if (nominations.length === 0)
    return { refusal: withButtons([{ lines: [msg('documents-proposal-empty', { number: p.number })] }], proposalButtons(ctx, proposals, p.id)) };
  // The form of each row is the one this tờ trình proposed, whatever was decided since.
  const none = new Map<number, Commendations>(nominations.map((n) => [n.id, []]));
  const entries = await toEntries(ctx, nominations, none, awards);
  const authority = p.toAuthority.trim() || authorities(awards.values());
  const doc = buildToTrinh({ commune: await docs.commune(), planTitle: ctx.catalog.plan.title.vi, date: p.sentOn, number: p.number, draft: false }, entries, {
    higher: authority,
  });
  const buttons = proposalButtons(ctx, proposals, p.id);
  return {
    doc,
    preview: msg('documents-preview-to-trinh-cap-tren-recorded', { number: p.number, date: humanDate(p.sentOn, ctx.locale), authority, ...tally(entries) }),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

/** `/vanban captren …` — see the module doc. */
export const toTrinhCapTren: Producer = async (ctx, docs, req) => {
  const proposals = await ctx.services.council.proposals({ planSlug: ctx.catalog.plan.id });
  const asked = req.words.find((w) => w.includes('/'));
  if (asked) return recorded(ctx, docs, proposals, asked);
  const d = await dossierEntries(ctx, req, 'HIGHER');
  if ('refusal' in d) return { refusal: withButtons(d.refusal, proposalButtons(ctx, proposals)) };
  const commune = await docs.commune();
  const s = commune.documents.toTrinhCapTren;
  const subject = d.ids.length > 0 ? [...d.ids].sort((a, b) => a - b).join(',') : 'all';
  const reg = await docs.register.reserve({
    issuerAbbr: commune.issuers[s.issuer]!.abbreviation,
    typeAbbr: s.typeAbbr,
    subject: `toTrinhCapTren:${ctx.catalog.plan.id}:${subject}`,
    issuedOn: ctx.today,
    byId: ctx.personId,
  });
  const authority = authorities(d.nominations.map((n) => d.councilAwards.get(n.id)!));
  const doc = buildToTrinh({ commune, planTitle: ctx.catalog.plan.title.vi, date: reg.issuedOn, number: reg.symbol, draft: !reg.signed }, d.entries, {
    higher: authority,
  });
  const buttons = proposalButtons(ctx, proposals);
  return {
    doc,
    number: reg.symbol,
    signed: reg.signed,
    preview: msg('documents-preview-to-trinh-cap-tren', { number: reg.symbol, authority, ...tally(d.entries) }),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
};
