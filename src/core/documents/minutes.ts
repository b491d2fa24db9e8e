/**
 * Biên bản họp Hội đồng Thi đua – Khen thưởng — the minutes of a recorded Council meeting: time,
 * place, chair and secretary, members present and absent, per nominee the tally (đồng ý / đề nghị
 * bổ sung / không đồng ý) and the conclusion, and the Council's conclusion (documents.md; Law
 * 06/2022 Art. 80: the Council advises, so it "thống nhất đề nghị"). Signed by the secretary (left)
 * and the chair (right). Pure: the input is the meeting as recorded.
 *
 * @module
 */
import type { SubjectType } from '../plan/plan-schema.ts';
import { documentFrame, inListOrder, wording, type DossierContext } from './dossier.ts';
import { longDate } from './layout.ts';
import { para, type Block, type OfficialDocument } from './model.ts';

/** The Council's conclusion on one nominee at the meeting. */
export type MeetingConclusion = 'PROPOSE' | 'RETURN' | 'REJECT' | 'PENDING';

/** A recorded meeting, as the minutes need it. */
export interface MeetingInput {
  /** `YYYY-MM-DD`. */
  heldOn: string;
  /** "HH:MM" local, when known. */
  startsAt: string | null;
  endsAt?: string | null;
  place: string;
  chairName: string;
  secretaryName: string;
  attendees: { name: string; present: boolean; absentReason?: string | null }[];
  items: {
    nomineeName: string;
    subjectType: SubjectType;
    agree: number;
    askChanges: number;
    disagree: number;
    conclusion: MeetingConclusion;
    remarks?: string | null;
  }[];
}

const CONCLUSION_KEY: Record<MeetingConclusion, string> = { PROPOSE: 'agreed', RETURN: 'returned', REJECT: 'rejected', PENDING: 'pending' };

/** "8 giờ 00" for "08:00"; "…" when unknown. */
const clock = (hhmm: string | null | undefined): string => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm ?? '');
  return m ? `${Number(m[1])} giờ ${m[2]}` : '… giờ …';
};

/** The minutes; `ctx.number` is the Council's own ("…/BB-HĐTĐKT"), `ctx.date` the meeting day. */
export function buildMinutes(ctx: DossierContext, meeting: MeetingInput): OfficialDocument {
  const w = (k: string, v: Record<string, string | number> = {}) => wording(ctx.commune, 'bienBan', k, v);
  const present = meeting.attendees.filter((a) => a.present);
  const absent = meeting.attendees.filter((a) => !a.present);
  const items = inListOrder(meeting.items);
  const agreed = items.filter((i) => i.conclusion === 'PROPOSE').length;
  const table: Block = {
    kind: 'table',
    columns: [
      { title: w('colNo'), width: 0.06, align: 'center' },
      { title: w('colName'), width: 0.3 },
      { title: w('colAgree'), width: 0.11, align: 'center' },
      { title: w('colMore'), width: 0.13, align: 'center' },
      { title: w('colDisagree'), width: 0.13, align: 'center' },
      { title: w('colConclusion'), width: 0.27 },
    ],
    rows: items.map((i, n) => ({
      cells: [
        String(n + 1),
        i.nomineeName,
        String(i.agree),
        String(i.askChanges),
        String(i.disagree),
        `${w(CONCLUSION_KEY[i.conclusion])}${i.remarks ? ` (${i.remarks})` : ''}`,
      ],
    })),
  };
  const names = (list: { name: string; absentReason?: string | null }[]) =>
    list.map((a) => (a.absentReason ? `${a.name} – ${a.absentReason}` : a.name)).join(', ');
  const body: Block[] = [
    para(w('opened', { time: clock(meeting.startsAt), date: longDate(meeting.heldOn), place: meeting.place })),
    para(w('chair', { name: meeting.chairName })),
    para(w('secretary', { name: meeting.secretaryName })),
    para(w('present', { count: present.length, size: meeting.attendees.length, names: names(present) })),
    ...(absent.length > 0 ? [para(w('absent', { count: absent.length, names: names(absent) }))] : []),
    para(w('content', { total: items.length })),
    table,
    para(w('conclusion', { agreed })),
    para(w('closed', { time: clock(meeting.endsAt) })),
  ];
  const frame = documentFrame(ctx, 'bienBan');
  // The signatures carry the names of this meeting's chair and secretary, not the file's defaults.
  const [secretary, chair] = frame.signatures;
  return {
    ...frame,
    signatures: [...(secretary ? [{ ...secretary, name: meeting.secretaryName }] : []), ...(chair ? [{ ...chair, name: meeting.chairName }] : [])],
    fileName: `bien-ban-hop-hoi-dong-${meeting.heldOn}`,
    body,
    appendix: [],
  };
}
