/**
 * The model of an official document (văn bản): what it says, laid out by the renderers
 * (`src/documents/docx.ts`, `src/documents/xlsx.ts`) per {@link ./layout.ts}. Builders
 * (`./build/*.ts`) make one from records and the commune's data; they are pure.
 *
 * @module
 */

/** A run of text inside a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A column of a table: its title, its share of the table width (0–1) and alignment. */
export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A row of a table: cells, or a section title spanning every column (e.g. "I. TẬP THỂ"). */
export type Row = { cells: string[] } | { section: string };

/** A block of the body. */
export type Block =
  /** A body paragraph: justified with a first-line indent unless `align` says otherwise. */
  | { kind: 'para'; runs: Run[]; align?: 'justify' | 'center' | 'left' | 'right'; indent?: boolean }
  /** A centred bold line inside the body ("QUYẾT ĐỊNH:", "DANH SÁCH …"). */
  | { kind: 'title'; text: string; size?: 'type' | 'body' }
  /** A table (fixed layout, so the widths survive LibreOffice). */
  | { kind: 'table'; columns: Column[]; rows: Row[] }
  /** A new page (the attached list of a tờ trình). */
  | { kind: 'pageBreak' };

/** One signature: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name. */
export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN", "TM. HỘI ĐỒNG" — on behalf of a collective body; optional. */
  onBehalf?: string;
  /** "KT. CHỦ TỊCH" — signing for the head; optional. */
  deputy?: string;
  /** The signer's post: "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THƯ KÝ". */
  post: string;
  /** The signer's name, no academic title (Appendix I, §II.10). */
  name: string;
}

/**
 * An official document. `header` is the two-column header; `number` is the full symbol after
 * "Số: " ("05/TTr-UBND"), absent for documents that carry none (a list, an achievement report);
 * `draft` marks it "DỰ THẢO" until a person signs it.
 */
export interface OfficialDocument {
  /** File name without extension, ASCII (e.g. "to-trinh-05-TTr-UBND-2026"). */
  fileName: string;
  header: {
    /** Parent body, capitals ("ỦY BAN NHÂN DÂN"), or empty. */
    parent: string;
    /** Issuing body, capitals, bold ("XÃ IA BANG"). */
    issuer: string;
    /** "05/TTr-UBND", or undefined (no "Số:" line). */
    number?: string;
    /** "Ia Bang, ngày 05 tháng 01 năm 2026". */
    placeDate: string;
  };
  /** "TỜ TRÌNH", "QUYẾT ĐỊNH", "BIÊN BẢN" … */
  typeName: string;
  /** Trích yếu: "Về việc đề nghị khen thưởng …", may be several lines. */
  summary: string[];
  /** "Kính gửi: …" lines (none for decisions and minutes). */
  addressees: string[];
  /** Opening line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA BANG"), bold, centred. */
  authority?: string;
  /** Căn cứ, already punctuated (";" then "."); shown in italics. */
  bases: string[];
  body: Block[];
  /** One signature (right), or two (left and right, e.g. secretary and chair of a meeting). */
  signatures: Signature[];
  /** "Nơi nhận:" lines, already punctuated; empty when the document has none. */
  recipients: string[];
  /** Appendix after the signature (the attached list): starts on a new page. */
  appendix: Block[];
  draft: boolean;
}

/** A sheet of a workbook: a title, column titles and rows (section rows span the columns). */
export interface Sheet {
  name: string;
  title: string;
  subtitle?: string;
  columns: Column[];
  rows: Row[];
}

/** A workbook: the XLSX form of a list or of progress. */
export interface Workbook {
  fileName: string;
  sheets: Sheet[];
}

/** Shorthand: a paragraph of one plain run. */
export const para = (
  text: string,
  opts: { italic?: boolean; bold?: boolean; indent?: boolean; align?: 'justify' | 'center' | 'left' | 'right' } = {},
): Block => ({
  kind: 'para',
  runs: [{ text, ...(opts.bold ? { bold: true } : {}), ...(opts.italic ? { italic: true } : {}) }],
  ...(opts.align ? { align: opts.align } : {}),
  ...(opts.indent === false ? { indent: false } : {}),
});

/**
 * The document as plain text, line by line (the README sample, a quick look in tests and logs):
 * header columns side by side, then the body; tables as " | "-separated rows.
 */
export function documentText(doc: OfficialDocument): string {
  const out: string[] = [];
  if (doc.draft) out.push('[DỰ THẢO]');
  const left = [doc.header.parent, doc.header.issuer, doc.header.number ? `Số: ${doc.header.number}` : ''].filter((x) => x !== '');
  const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', doc.header.placeDate];
  for (let i = 0; i < Math.max(left.length, right.length); i++) out.push(`${(left[i] ?? '').padEnd(34)}${right[i] ?? ''}`);
  out.push('', doc.typeName, ...doc.summary, '');
  for (const a of doc.addressees) out.push(a);
  if (doc.authority) out.push('', doc.authority, '');
  out.push(...doc.bases.map((b) => `  ${b}`));
  const blocks = (list: Block[]) => {
    for (const b of list) {
      if (b.kind === 'para') out.push(`${b.indent === false || b.align === 'center' ? '' : '  '}${b.runs.map((r) => r.text).join('')}`);
      else if (b.kind === 'title') out.push('', b.text);
      else if (b.kind === 'pageBreak') out.push('', '---');
      else {
        out.push(b.columns.map((c) => c.title).join(' | '));
        for (const r of b.rows) out.push('cells' in r ? r.cells.join(' | ') : r.section);
      }
    }
  };
  blocks(doc.body);
  out.push('');
  for (const s of doc.signatures)
    out.push(
      ...[s.onBehalf, s.deputy, s.post].filter((x): x is string => Boolean(x)).map((x) => `${' '.repeat(40)}${x}`),
      '',
      `${' '.repeat(40)}${s.name}`,
      '',
    );
  if (doc.recipients.length > 0) out.push('Nơi nhận:', ...doc.recipients);
  if (doc.appendix.length > 0) blocks([{ kind: 'pageBreak' }, ...doc.appendix]);
  return out.join('\n');
}
