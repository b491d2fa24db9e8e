/**
 * `/vanban` (`/documents`): drafts an official document from the records and sends it as a file,
 * with a one-line preview ("Tờ trình số 05/TTr-UBND, 7 hồ sơ: 3 tập thể, 3 cá nhân, 1 hộ").
 * For the standing office (administrators) and the Council; private chats only (a dossier names
 * people). Without arguments it offers the documents as buttons.
 *
 *   /vanban totrinh [3 5 7] [pdf]      tờ trình with its attached list (default: every nomination the
 *                                       Council agreed to propose and not yet commended, whose award
 *                                       the commune chairman may give)
 *   /vanban captren [ids | 45/TTr-UBND] the tờ trình to the higher level: only awards above the
 *                                       commune chairman (see ./higher.ts)
 *   /vanban danhsach [ids] [excel|pdf] the list alone, DOCX or XLSX
 *   /vanban quyetdinh [ids] [pdf]      draft decision for the chairman, or the recorded decision of
 *                                       those nominees; recorded decisions offered as buttons
 *   /vanban quyetdinh 07/QĐ-UBND       the chairman's recorded decision (its number and date)
 *   /vanban quyetdinh ds               the recorded decisions, to choose one (see ./decision.ts)
 *   /vanban bienban [id]               minutes of the Council's latest recorded meeting (or meeting id)
 *   /vanban so                         the numbers given this year
 *   /vanban ky 05/TTr-UBND             record that the signed original exists (no more "DỰ THẢO")
 *   /vanban caidat                     administrators: the commune's document details (./settings-dialog.ts)
 *
 * @module
 */
import { msg, type Button, type Msg, type OutFile, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import type { Roles } from '../roles.ts';
import { foldText } from '../text/fold.ts';
import { buildDanhSach, buildDanhSachWorkbook, buildToTrinh, tally } from './dossier.ts';
import type { OfficialDocument, Workbook } from './model.ts';
import { DOCX_MIME, PDF_MIME, XLSX_MIME, type DocumentServices } from './ports.ts';
import { dossierEntries } from './records.ts';
import { bienBan } from './meeting-minutes.ts';
import { extraProducers } from './reports.ts';
import { humanDate } from './chat-date.ts';
import { toTrinhCapTren } from './higher.ts';
import { quyetDinh } from './decision.ts';
import { draftContext, numberFor, subjectOf } from './drafting.ts';
import { startCommuneSettings } from './settings-dialog.ts';

export { humanDate } from './chat-date.ts';

/** Who may draft documents: the standing office (administrators), Council members and the council chair. */
export const mayDraft = (roles: Roles): boolean => roles.admin || roles.council || roles.chair;

export type Format = 'docx' | 'xlsx' | 'pdf';

/** What a producer is asked for: the words after the document's name, and the format wanted. */
export interface Request {
  words: string[];
  format: Format;
}

/** A producer: a document (or workbook) and its preview, or replies that say why not. */
export type Produced =
  | {
      doc?: OfficialDocument;
      bundle?: { fileName: string; docs: OfficialDocument[] };
      book?: Workbook;
      preview: Msg;
      number?: string;
      signed?: boolean;
      buttons?: Button[][];
    }
  | { refusal: Reply[] };
export type Producer = (ctx: Ctx, docs: DocumentServices, req: Request) => Promise<Produced>;

const NAMES: Record<string, string> = {
  totrinh: 'totrinh',
  tt: 'totrinh',
  proposal: 'totrinh',
  captren: 'captren',
  totrinhcaptren: 'captren',
  higher: 'captren',
  danhsach: 'danhsach',
  ds: 'danhsach',
  list: 'danhsach',
  quyetdinh: 'quyetdinh',
  qd: 'quyetdinh',
  decision: 'quyetdinh',
  thanhtich: 'thanhtich',
  baocaothanhtich: 'thanhtich',
  achievements: 'thanhtich',
  nam: 'nam',
  baocaonam: 'nam',
  year: 'nam',
  yearly: 'nam',
  tiendo: 'tiendo',
  progress: 'tiendo',
  bienban: 'bienban',
  minutes: 'bienban',
  so: 'so',
  numbers: 'so',
  ky: 'ky',
  signed: 'ky',
  caidat: 'caidat',
  settings: 'caidat',
  thietlap: 'caidat',
};
const FORMATS: Record<string, Format> = { pdf: 'pdf', xlsx: 'xlsx', excel: 'xlsx', docx: 'docx', word: 'docx' };

const toTrinh: Producer = async (ctx, docs, req) => {
  const d = await dossierEntries(ctx, req);
  if ('refusal' in d) return d;
  const reg = await numberFor(ctx, docs, 'toTrinh', subjectOf(d.ids));
  const doc = buildToTrinh(await draftContext(ctx, docs, reg.issuedOn, reg.symbol, !reg.signed), d.entries);
  return { doc, number: reg.symbol, signed: reg.signed, preview: msg('documents-preview-to-trinh', { number: reg.symbol, ...tally(d.entries) }) };
};

/** `/vanban danhsach [captren] [ids]`: the commune's list, or with "captren" the list sent upward. */
const danhSach: Producer = async (ctx, docs, req) => {
  const higher = req.words.some((w) => NAMES[foldText(w)] === 'captren');
  const d = await dossierEntries(ctx, { words: req.words.filter((w) => NAMES[foldText(w)] !== 'captren') }, higher ? 'HIGHER' : 'COMMUNE');
  if ('refusal' in d) return d;
  const c = await draftContext(ctx, docs, ctx.today, undefined, true);
  const preview = msg('documents-preview-danh-sach', { format: req.format, ...tally(d.entries) });
  return req.format === 'xlsx' ? { book: buildDanhSachWorkbook(c, d.entries), preview } : { doc: buildDanhSach(c, d.entries), preview };
};

const PRODUCERS: Record<string, Producer> = {
  totrinh: toTrinh,
  captren: toTrinhCapTren,
  danhsach: danhSach,
  quyetdinh: quyetDinh,
  bienban: bienBan,
  ...extraProducers,
};

/** Renders what a producer made into files: DOCX (and PDF when asked and possible) or XLSX. */
async function deliver(docs: DocumentServices, made: Exclude<Produced, { refusal: Reply[] }>, format: Format): Promise<Reply[]> {
  const files: OutFile[] = [];
  const lines: Msg[] = [made.preview];
  if (made.book) {
    files.push({ name: `${made.book.fileName}.xlsx`, mime: XLSX_MIME, bytes: await docs.renderer.xlsx(made.book) });
  } else if (made.doc || made.bundle) {
    const fileName = made.doc?.fileName ?? made.bundle!.fileName;
    const docx = await docs.renderer.docx(made.doc ?? made.bundle!.docs);
    files.push({ name: `${fileName}.docx`, mime: DOCX_MIME, bytes: docx });
    if (format === 'pdf') {
      const pdf = await docs.renderer.pdf(docx, fileName);
      if (pdf) files.push({ name: `${fileName}.pdf`, mime: PDF_MIME, bytes: pdf });
      else lines.push(msg('documents-pdf-unavailable'));
    }
  }
  if (made.number && !made.signed) lines.push(msg('documents-draft-note', { number: made.number }));
  return [{ lines, files, ...(made.buttons ? { buttons: made.buttons } : {}) }];
}

/** The menu: a button per document, and how to ask for a part of the dossier. */
function menu(): Reply[] {
  const b = (key: string, action: string) => ({ label: msg(key), action: `vb:${action}` });
  return [
    {
      lines: [msg('documents-menu-title'), msg('documents-usage')],
      buttons: [
        [b('documents-button-to-trinh', 'totrinh'), b('documents-button-quyet-dinh', 'quyetdinh')],
        [b('documents-button-to-trinh-cap-tren', 'captren')],
        [b('documents-button-danh-sach', 'danhsach'), b('documents-button-danh-sach-xlsx', 'danhsach xlsx')],
        [b('documents-button-bao-cao-nam', 'nam'), b('documents-button-tien-do', 'tiendo')],
        [b('documents-button-bien-ban', 'bienban'), b('documents-button-settings', 'caidat')],
      ],
    },
  ];
}

async function numbers(ctx: Ctx, docs: DocumentServices): Promise<Reply[]> {
  const year = Number(ctx.today.slice(0, 4));
  const rows = await docs.register.list({ year });
  if (rows.length === 0) return [{ lines: [msg('documents-numbers-empty', { year: String(year) })] }];
  return [
    {
      lines: [
        msg('documents-numbers-title', { year: String(year) }),
        ...rows.map((r) => msg('documents-numbers-row', { number: r.symbol, date: humanDate(r.issuedOn, ctx.locale), signed: r.signed ? 'yes' : 'no' })),
      ],
    },
  ];
}

async function sign(ctx: Ctx, docs: DocumentServices, words: string[]): Promise<Reply[]> {
  const symbol = words[0];
  if (!symbol) return [{ lines: [msg('documents-sign-usage')] }];
  const done = await docs.register.markSigned({ symbol, year: Number(ctx.today.slice(0, 4)), now: ctx.now });
  return [{ lines: [msg(done ? 'documents-signed' : 'documents-sign-unknown', { number: symbol })] }];
}

/** Runs `/vanban <args>` (or a menu button) for a person allowed to. */
export async function documentsCommand(ctx: Ctx, docs: DocumentServices, args: string): Promise<Reply[]> {
  if (!mayDraft(ctx.roles)) return [{ lines: [msg('documents-access-denied')] }];
  // A dossier names people and their achievements: never into a group.
  if (ctx.message.chatType !== 'private') return [{ lines: [msg('documents-private-only')] }];
  const raw = args.split(/[\s,;]+/).filter(Boolean);
  if (raw.length === 0) return menu();
  const name = NAMES[foldText(raw[0]!).replace(/\s+/g, '')];
  if (!name) return [{ lines: [msg('documents-unknown', { name: raw[0]!.slice(0, 32) }), msg('documents-usage')] }];
  if (name === 'so') return numbers(ctx, docs);
  if (name === 'ky') return sign(ctx, docs, raw.slice(1));
  if (name === 'caidat') return startCommuneSettings(ctx);
  const producer = PRODUCERS[name];
  if (!producer) return [{ lines: [msg('documents-not-yet', { name: raw[0]!.slice(0, 32) })] }];
  const rest = raw.slice(1);
  const format = rest.map((w) => FORMATS[foldText(w)]).find((f) => f !== undefined) ?? 'docx';
  const words = rest.filter((w) => FORMATS[foldText(w)] === undefined);
  const made = await producer(ctx, docs, { words, format });
  if ('refusal' in made) return made.refusal;
  return deliver(docs, made, format);
}

/** The feature, given the documents services (renderer, register, commune data). */
export function createDocumentsFeature(docs: DocumentServices): Feature {
  return {
    commands: { vanban: (ctx, args) => documentsCommand(ctx, docs, args) },
    actions: { vb: (ctx, payload) => documentsCommand(ctx, docs, payload) },
  };
}
