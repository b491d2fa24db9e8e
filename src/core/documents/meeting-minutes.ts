/**
 * `/vanban bienban [id]`: the minutes (biên bản) of a Council meeting as recorded by the council
 * chair (issue 12's `CouncilMeetingRecord`): the latest meeting of the active plan by default, or
 * the meeting with that id. The tallies are the recorded ones, item by item, never recounted here.
 * When the plan has other meetings, buttons offer their minutes (`vb:bienban <id>`).
 *
 * Numbered in the Council's own register (…/BB-HĐTĐKT), one number per meeting, dated the meeting
 * day. Source: documents.md (biên bản); Law 06/2022 Art. 80.
 *
 * @module
 */
import { msg, type Button } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { CouncilMeetingRecord } from '../council/model.ts';
import { localTime } from '../plan/local-time.ts';
import type { DossierContext } from './dossier.ts';
import type { Producer } from './feature.ts';
import { buildMinutes, type MeetingInput } from './minutes.ts';
import type { DocumentServices } from './ports.ts';
import { parseIds } from './records.ts';

/** Most other meetings offered as buttons under the minutes. */
export const MAX_MEETING_BUTTONS = 6;

/**
 * The recorded meeting as the minutes builder takes it (names, presence, tally and conclusion per
 * nominee); start and end read as local "HH:MM" in `timeZone` (the bot's, `settings.timeZone`).
 */
export function meetingInput(m: CouncilMeetingRecord, timeZone: string): MeetingInput {
  return {
    heldOn: m.heldOn,
    startsAt: m.startAt ? localTime(m.startAt, timeZone) : m.startsAt,
    endsAt: m.endAt ? localTime(m.endAt, timeZone) : null,
    place: m.place,
    chairName: m.chairName,
    secretaryName: m.secretaryName,
    attendees: m.attendees.map((a) => ({ name: a.name, present: a.present, absentReason: a.absentReason })),
    items: m.items.map((i) => ({
      nomineeName: i.nomineeName,
      subjectType: i.subjectType,
      agree: i.agree,
      askChanges: i.askChanges,
      disagree: i.disagree,
      conclusion: i.conclusion,
      remarks: i.remarks,
    })),
  };
}

const dayOf = (date: string, locale: Ctx['locale']): string => {
  const [y, m, d] = date.split('-');
  return locale === 'en' ? `${y}-${m}-${d}` : `${d}/${m}/${y}`;
};

/** `/vanban bienban [id]` — see the module doc. */
export const bienBan: Producer = async (ctx, docs: DocumentServices, req) => {
  const ids = parseIds(req.words);
  if (!ids || ids.length > 1) return { refusal: [{ lines: [msg('documents-meeting-usage')] }] };
  const all = await ctx.services.council.meetings({ planSlug: ctx.catalog.plan.id });
  if (all.length === 0) return { refusal: [{ lines: [msg('documents-no-meeting')] }] };
  const meeting = ids.length === 1 ? all.find((m) => m.id === ids[0]) : all[0];
  if (!meeting) return { refusal: [{ lines: [msg('documents-meeting-not-found', { id: ids[0]! }), msg('documents-meeting-usage')] }] };
  const commune = await docs.commune();
  const s = commune.documents.bienBan;
  const reg = await docs.register.reserve({
    issuerAbbr: commune.issuers[s.issuer]!.abbreviation,
    typeAbbr: s.typeAbbr,
    subject: `bienBan:${ctx.catalog.plan.id}:meeting:${meeting.id}`,
    issuedOn: meeting.heldOn,
    byId: ctx.personId,
  });
  const c: DossierContext = { commune, planTitle: ctx.catalog.plan.title.vi, date: meeting.heldOn, number: reg.symbol, draft: !reg.signed };
  const doc = buildMinutes(c, meetingInput(meeting, ctx.services.settings.timeZone));
  const present = meeting.attendees.filter((a) => a.present).length;
  const proposed = meeting.items.filter((i) => i.conclusion === 'PROPOSE').length;
  const others = all.filter((m) => m.id !== meeting.id).slice(0, MAX_MEETING_BUTTONS);
  const buttons: Button[][] = others.map((m) => [
    { label: msg('documents-button-meeting', { id: m.id, date: dayOf(m.heldOn, ctx.locale) }), action: `vb:bienban ${m.id}` },
  ]);
  return {
    doc,
    number: reg.symbol,
    signed: reg.signed,
    preview: msg('documents-preview-bien-ban', {
      number: reg.symbol,
      id: meeting.id,
      date: dayOf(meeting.heldOn, ctx.locale),
      present,
      size: meeting.attendees.length,
      items: meeting.items.length,
      proposed,
    }),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
};
