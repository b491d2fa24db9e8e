/**
 * The dossier of an award round (hồ sơ khen thưởng), built from plain typed inputs: the tờ trình
 * with its attached list, the list alone (DOCX and XLSX), and the draft decision for the chairman.
 * Pure: no database, no files; wording from the commune's data ({@link CommuneFile}), layout from
 * `./layout.ts`. See `../shared/docs/documents.md` and Decree 30/2020/NĐ-CP, Appendix I.
 *
 * @module
 */
import type { SubjectType } from '../plan/plan-schema.ts';
import { clip } from '../text/fold.ts';
import { basesOn, fill, signatureOf, type CommuneFile, type DocumentKind } from './commune.ts';
import { placeAndDate, punctuateBases, punctuateRecipients, shortDate } from './layout.ts';
import { para, type Block, type Column, type OfficialDocument, type Row, type Sheet, type Workbook } from './model.ts';

/** One nominee in the dossier (a nomination the Council proposes). */
export interface DossierEntry {
  /** Nomination id (a reference in file names and previews). */
  id: number;
  subjectType: SubjectType;
  nomineeName: string;
  /** Village or organisation. */
  place: string;
  /** The unit that proposes it (đơn vị chủ trì tham mưu). */
  unitName: string;
  /** Category (mô hình, lĩnh vực) name. */
  categoryName: string;
  achievements: string;
  /** The title or form proposed (from the record, else the commune's default for the subject type). */
  proposedForm?: string;
}

/** What every document of the dossier needs. */
export interface DossierContext {
  commune: CommuneFile;
  /** The plan's title (Vietnamese), for căn cứ and wording. */
  planTitle: string;
  /** Issue date `YYYY-MM-DD` (Asia/Ho_Chi_Minh): picks the căn cứ in force and prints the date line. */
  date: string;
  /** The register's number of this document ("05/TTr-UBND"), when it has one. */
  number?: string;
  /** Unsigned: marked "DỰ THẢO". */
  draft: boolean;
}

/** Tallies by subject type. */
export interface Tally {
  total: number;
  collectives: number;
  individuals: number;
  households: number;
}

export const SUBJECT_ORDER: readonly SubjectType[] = ['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD'];

/** Counts entries by subject type. */
export function tally(entries: readonly { subjectType: SubjectType }[]): Tally {
  const count = (t: SubjectType) => entries.filter((e) => e.subjectType === t).length;
  return { total: entries.length, collectives: count('COLLECTIVE'), individuals: count('INDIVIDUAL'), households: count('HOUSEHOLD') };
}

/** Longest achievement summary in a list cell, in characters (the full text is in the báo cáo thành tích). */
export const LIST_SUMMARY_CHARS = 400;

/** The header, number, type and summary every document shares. */
export function documentFrame(
  ctx: DossierContext,
  kind: DocumentKind,
  values: Record<string, string | number> = {},
): Omit<OfficialDocument, 'fileName' | 'body' | 'appendix' | 'bases'> & { bases: string[] } {
  const s = ctx.commune.documents[kind];
  const issuer = ctx.commune.issuers[s.issuer]!;
  const signature = signatureOf(ctx.commune, s.signature);
  const second = signatureOf(ctx.commune, s.secondSignature);
  return {
    header: { parent: issuer.parent, issuer: issuer.name, ...(ctx.number ? { number: ctx.number } : {}), placeDate: placeAndDate(ctx.commune.place, ctx.date) },
    typeName: s.typeName,
    summary: s.summary.map((l) => fill(l, values)),
    addressees: s.addressees.map((a, i) => (i === 0 ? `Kính gửi: ${fill(a, values)}` : fill(a, values))),
    bases: punctuateBases(basesOn(ctx.commune, kind, ctx.date, { planTitle: ctx.planTitle })),
    signatures: [...(second ? [second] : []), ...(signature ? [signature] : [])],
    recipients: s.recipients.length > 0 ? punctuateRecipients(s.recipients, s.archive) : [],
    draft: ctx.draft,
  };
}

/** A paragraph of a document's wording (`paragraphs.<key>` in the commune file), filled. */
export const wording = (commune: CommuneFile, kind: DocumentKind, key: string, values: Record<string, string | number> = {}): string =>
  fill(commune.documents[kind].paragraphs[key] ?? `{${key}}`, values);

const formOf = (commune: CommuneFile, e: DossierEntry): string => e.proposedForm ?? commune.proposedForms[e.subjectType];

/** Sorted as the list prints them: collectives, individuals, households; then by name (Vietnamese order). */
export function inListOrder<T extends { subjectType: SubjectType; nomineeName: string }>(entries: readonly T[]): T[] {
  const collator = new Intl.Collator('vi');
  return [...entries].sort(
    (a, b) => SUBJECT_ORDER.indexOf(a.subjectType) - SUBJECT_ORDER.indexOf(b.subjectType) || collator.compare(a.nomineeName, b.nomineeName),
  );
}

/** The list's columns and rows (sections I–III, numbered within each), shared by DOCX and XLSX. */
export function listTable(commune: CommuneFile, entries: readonly DossierEntry[]): { columns: Column[]; rows: Row[] } {
  const w = (key: string, values: Record<string, string | number> = {}) => wording(commune, 'danhSach', key, values);
  const columns: Column[] = [
    { title: w('colNo'), width: 0.06, align: 'center' },
    { title: w('colName'), width: 0.2 },
    { title: w('colUnit'), width: 0.15 },
    { title: w('colCategory'), width: 0.17 },
    { title: w('colAchievements'), width: 0.27 },
    { title: w('colForm'), width: 0.15 },
  ];
  const rows: Row[] = [];
  const sections: Record<SubjectType, string> = { COLLECTIVE: 'sectionCollectives', INDIVIDUAL: 'sectionIndividuals', HOUSEHOLD: 'sectionHouseholds' };
  for (const type of SUBJECT_ORDER) {
    const group = inListOrder(entries.filter((e) => e.subjectType === type));
    if (group.length === 0) continue;
    rows.push({ section: w(sections[type], { count: group.length }) });
    group.forEach((e, i) =>
      rows.push({
        cells: [
          String(i + 1),
          e.nomineeName,
          e.place ? `${e.place} (${e.unitName})` : e.unitName,
          e.categoryName,
          clip(e.achievements.replace(/\s+/g, ' ').trim(), LIST_SUMMARY_CHARS),
          formOf(commune, e),
        ],
      }),
    );
  }
  return { columns, rows };
}

/** The list's blocks: title, "(Kèm theo …)" line, table and total. `attachedTo` names the tờ trình. */
function listBlocks(ctx: DossierContext, entries: readonly DossierEntry[], attachedTo?: { number: string; date: string; issuer: string }): Block[] {
  const t = tally(entries);
  const s = ctx.commune.documents.danhSach;
  const note = attachedTo
    ? wording(ctx.commune, 'danhSach', 'attachedTo', { number: attachedTo.number, date: shortDate(attachedTo.date), issuer: attachedTo.issuer })
    : wording(ctx.commune, 'danhSach', 'standalone', { date: shortDate(ctx.date) });
  return [
    { kind: 'title', text: s.typeName, size: 'type' },
    ...s.summary.map((l): Block => ({ kind: 'title', text: l, size: 'body' })),
    para(note, { italic: true, align: 'center' }),
    { kind: 'table', ...listTable(ctx.commune, entries) },
    para(wording(ctx.commune, 'danhSach', 'total', { ...t }), { indent: false }),
  ];
}

/** ASCII file name part from a symbol: "05/TTr-UBND" → "05-TTr-UBND"; Vietnamese letters folded. */
export const fileSafe = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Tờ trình đề nghị khen thưởng: the count per subject type, the căn cứ of its date, and the list
 * attached after the signature (documents.md, "The dossier of one round").
 *
 * `to` picks the addressee: `commune` (kind `toTrinh`) for what the commune chairman may award;
 * `{ higher: authority }` (kind `toTrinhCapTren`) for what only a higher level may award, addressed
 * to `authority` ("Chủ tịch UBND tỉnh"). The caller chooses the entries (see `records.ts`): this
 * builder lists exactly what it is given.
 */
export function buildToTrinh(ctx: DossierContext, entries: readonly DossierEntry[], to: 'commune' | { higher: string } = 'commune'): OfficialDocument {
  const kind: DocumentKind = to === 'commune' ? 'toTrinh' : 'toTrinhCapTren';
  const t = tally(entries);
  const authority = to === 'commune' ? '' : to.higher;
  const w = (key: string, values: Record<string, string | number> = {}) =>
    wording(ctx.commune, kind, key, { planTitle: ctx.planTitle, authority, ...t, ...values });
  const frame = documentFrame(ctx, kind, { authority });
  const issuer = ctx.commune.issuers[ctx.commune.documents[kind].issuer]!;
  const counts: Block[] = [];
  if (t.collectives > 0) counts.push(para(`- ${w('collectives', { count: t.collectives })}`));
  if (t.individuals > 0) counts.push(para(`- ${w('individuals', { count: t.individuals })}`));
  if (t.households > 0) counts.push(para(`- ${w('households', { count: t.households })}`));
  return {
    ...frame,
    fileName: `${kind === 'toTrinh' ? 'to-trinh' : 'to-trinh-cap-tren'}-${ctx.number ? fileSafe(ctx.number) : 'du-thao'}-${ctx.date}`,
    body: [para(w('intro')), ...counts, para(w('form')), para(w('attached'), { italic: true }), para(w('closing'))],
    appendix: listBlocks(ctx, entries, ctx.number ? { number: ctx.number, date: ctx.date, issuer: issuer.fullName } : undefined),
  };
}

/** Danh sách đề nghị as a document of its own (collectives, individuals, households in sections). */
export function buildDanhSach(ctx: DossierContext, entries: readonly DossierEntry[], attachedTo?: { number: string; date: string }): OfficialDocument {
  const frame = documentFrame(ctx, 'danhSach');
  const issuer = ctx.commune.issuers[ctx.commune.documents.danhSach.issuer]!;
  const blocks = listBlocks(ctx, entries, attachedTo ? { ...attachedTo, issuer: issuer.fullName } : undefined);
  return {
    ...frame,
    // The list repeats its title inside the body (after the header), as an appendix does.
    typeName: '',
    summary: [],
    header: { ...frame.header },
    fileName: `danh-sach-de-nghi-${ctx.date}`,
    bases: [],
    body: blocks,
    appendix: [],
  };
}

/** The list as a workbook: one sheet, the same rows as the DOCX. */
export function buildDanhSachWorkbook(ctx: DossierContext, entries: readonly DossierEntry[], attachedTo?: { number: string; date: string }): Workbook {
  const s = ctx.commune.documents.danhSach;
  const issuer = ctx.commune.issuers[s.issuer]!;
  const subtitle = attachedTo
    ? wording(ctx.commune, 'danhSach', 'attachedTo', { number: attachedTo.number, date: shortDate(attachedTo.date), issuer: issuer.fullName })
    : wording(ctx.commune, 'danhSach', 'standalone', { date: shortDate(ctx.date) });
  const sheet: Sheet = { name: 'Danh sách', title: [s.typeName, ...s.summary].join(' '), subtitle, ...listTable(ctx.commune, entries) };
  return { fileName: `danh-sach-de-nghi-${ctx.date}`, sheets: [sheet] };
}

/**
 * Dự thảo quyết định khen thưởng for the chairman (Law 06/2022 Art. 80: the chairman decides, the
 * Council advises): căn cứ of the decision date, "Xét đề nghị …", Điều 1–3, and the list attached.
 * `proposal` names the tờ trình the Council's proposal came in, if known.
 */
export function buildQuyetDinh(ctx: DossierContext, entries: readonly DossierEntry[], proposal?: { number: string; date: string }): OfficialDocument {
  const t = tally(entries);
  const forms = [...new Set(entries.map((e) => formOf(ctx.commune, e)))];
  const values = {
    planTitle: ctx.planTitle,
    ...t,
    form: forms.join(', ') || ctx.commune.proposedForms.COLLECTIVE,
    proposalRef: proposal ? ` tại Tờ trình số ${proposal.number} ngày ${shortDate(proposal.date)}` : '',
  };
  const w = (key: string) => wording(ctx.commune, 'quyetDinh', key, values);
  const frame = documentFrame(ctx, 'quyetDinh');
  const bases = punctuateBases([...basesOn(ctx.commune, 'quyetDinh', ctx.date, { planTitle: ctx.planTitle })]);
  // "Xét đề nghị …" closes the căn cứ: italic like them, ending with a full stop.
  const article = (text: string): Block => {
    const m = /^(Điều \d+\.)\s*(.*)$/s.exec(text);
    return m ? { kind: 'para', runs: [{ text: `${m[1]} `, bold: true }, { text: m[2]! }] } : para(text);
  };
  return {
    ...frame,
    authority: w('authority'),
    bases: [...bases.map((b, i) => (i === bases.length - 1 ? b.replace(/\.$/, ';') : b)), w('proposal')],
    fileName: `du-thao-quyet-dinh-${ctx.number ? fileSafe(ctx.number) : ctx.date}`,
    body: [{ kind: 'title', text: w('decides'), size: 'type' }, article(w('article1')), article(w('article2')), article(w('article3'))],
    appendix: listBlocks(
      ctx,
      entries,
      ctx.number ? { number: ctx.number, date: ctx.date, issuer: ctx.commune.issuers[ctx.commune.documents.quyetDinh.issuer]!.fullName } : undefined,
    ).map((b) =>
      b.kind === 'para' && b.runs[0]?.text.startsWith('(Kèm theo Tờ trình')
        ? para(b.runs[0].text.replace('Tờ trình', 'Quyết định'), { italic: true, align: 'center' })
        : b,
    ),
  };
}
