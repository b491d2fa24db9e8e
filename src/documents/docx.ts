/**
 * Renders an {@link OfficialDocument} to DOCX with the `docx` library, per Decree 30/2020/NĐ-CP
 * Appendix I as encoded in `src/core/documents/layout.ts` (page, margins, font, sizes, rules,
 * page numbers top centre from page 2, "DỰ THẢO" on a draft).
 *
 * Notes from trying it in Word and LibreOffice: tables use a fixed layout (otherwise LibreOffice
 * recomputes the widths); the short rules under the issuer and the motto are empty paragraphs with
 * a bottom border, narrowed by indents; the header is a borderless two-column table.
 *
 * @module
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import { BODY, DRAFT_MARK, FONT_FAMILY, HEADER_COLUMNS, MARGINS_MM, MOTTO, NATION, PAGE_MM, RULE, SIZE_PT } from '../core/documents/layout.ts';
import type { Block, Column, OfficialDocument, Row, Run, Signature } from '../core/documents/model.ts';

/** Millimetres to twips, rounded (the library's own helper truncates: A4 would be 11905 × 16837). */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** Width of the text area in twips (A4 minus the left and right margins). */
export const TEXT_WIDTH_TWIPS = mmToTwips(PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right);
const half = (pt: number) => pt * 2;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const ALIGN = { justify: AlignmentType.JUSTIFIED, center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT } as const;

/** A run in the document's font. */
const run = (text: string, pt: number, opts: { bold?: boolean; italic?: boolean } = {}): TextRun =>
  new TextRun({ text, font: FONT_FAMILY, size: half(pt), ...(opts.bold ? { bold: true } : {}), ...(opts.italic ? { italics: true } : {}) });

/** A centred line (header, titles, signature). */
const centred = (text: string, pt: number, opts: { bold?: boolean; italic?: boolean; after?: number; before?: number } = {}): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: opts.before ?? 0, after: opts.after ?? 0 }, children: [run(text, pt, opts)] });

/** A short centred rule: an empty paragraph with a bottom border, `share` of `width` long. */
function rule(width: number, share: number): Paragraph {
  const side = Math.round((width * (1 - share)) / 2);
  return new Paragraph({ border: { bottom: LINE }, indent: { left: side, right: side }, spacing: { before: 0, after: 120 }, children: [run('', 2)] });
}

/** Body spacing: ≥ 6 pt after, line spacing {@link BODY.lineSpacing} (240 = single). */
const BODY_SPACING = { after: BODY.spaceAfterPt * 20, line: Math.round(240 * BODY.lineSpacing) };
const INDENT = { firstLine: Math.round((BODY.firstLineIndentCm * 1440) / 2.54) };

function bodyPara(runs: Run[], opts: { align?: keyof typeof ALIGN; indent?: boolean; italic?: boolean; pt?: number } = {}): Paragraph {
  const align = opts.align ?? 'justify';
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: BODY_SPACING,
    ...(align === 'justify' && opts.indent !== false ? { indent: INDENT } : {}),
    children: runs.map((r) => run(r.text, opts.pt ?? SIZE_PT.body, { bold: r.bold, italic: r.italic || opts.italic })),
  });
}

/** A borderless two-column table (header, signatures). */
function twoColumns(left: Paragraph[], right: Paragraph[], shares: { left: number; right: number }): Table {
  const widths = [Math.round(TEXT_WIDTH_TWIPS * shares.left), Math.round(TEXT_WIDTH_TWIPS * shares.right)];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children: children.length > 0 ? children : [new Paragraph({})],
      width: { size: width, type: WidthType.DXA },
      borders: NO_BORDERS,
      verticalAlign: VerticalAlign.TOP,
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0]!), cell(right, widths[1]!)] })],
  });
}

/** The two-column header (Appendix I, §II.1–5): bodies and number left; nation, motto, date right. */
function header(doc: OfficialDocument): Table {
  const lw = TEXT_WIDTH_TWIPS * HEADER_COLUMNS.left;
  const rw = TEXT_WIDTH_TWIPS * HEADER_COLUMNS.right;
  const h = doc.header;
  // A report by a person or a household has no agency: the left column stays empty.
  const left = h.issuer
    ? [
        ...(h.parent ? [centred(h.parent, SIZE_PT.parentBody)] : []),
        centred(h.issuer, SIZE_PT.issuer, { bold: true }),
        rule(lw, RULE.issuerShare),
        ...(h.number ? [centred(`Số: ${h.number}`, SIZE_PT.number)] : []),
      ]
    : [];
  const right = [
    centred(NATION, SIZE_PT.nation, { bold: true }),
    centred(MOTTO, SIZE_PT.motto, { bold: true }),
    // The rule under the motto is as long as the motto (~0.62 of the column at 14 pt).
    rule(rw, 0.62),
    centred(h.placeDate, SIZE_PT.placeDate, { italic: true }),
  ];
  return twoColumns(left, right, HEADER_COLUMNS);
}

/** A bordered table with a fixed layout; its header row repeats on every page. */
function table(columns: Column[], rows: Row[]): Table {
  const widths = columns.map((c) => Math.round(TEXT_WIDTH_TWIPS * c.width));
  const total = widths.reduce((a, b) => a + b, 0);
  const cellParas = (text: string, align: Column['align'], bold = false) =>
    text
      .split('\n')
      .map((line) => new Paragraph({ alignment: ALIGN[align ?? 'left'], spacing: { before: 40, after: 40 }, children: [run(line, SIZE_PT.table, { bold })] }));
  const headRow = new TableRow({
    tableHeader: true,
    children: columns.map(
      (c, i) =>
        new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: cellParas(c.title, 'center', true) }),
    ),
  });
  const bodyRows = rows.map((r) =>
    'section' in r
      ? new TableRow({
          children: [new TableCell({ columnSpan: columns.length, width: { size: total, type: WidthType.DXA }, children: cellParas(r.section, 'left', true) })],
        })
      : new TableRow({
          cantSplit: false,
          children: columns.map((c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: cellParas(r.cells[i] ?? '', c.align) })),
        }),
  );
  return new Table({ layout: TableLayoutType.FIXED, width: { size: total, type: WidthType.DXA }, columnWidths: widths, rows: [headRow, ...bodyRows] });
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  return list.map((b) => {
    switch (b.kind) {
      case 'para':
        return bodyPara(b.runs, { align: b.align, indent: b.indent });
      case 'title':
        return centred(b.text, b.size === 'body' ? SIZE_PT.body : SIZE_PT.typeName, { bold: true, before: 120, after: 60 });
      case 'pageBreak':
        return new Paragraph({ children: [new PageBreak()] });
      case 'table':
        return table(b.columns, b.rows);
    }
  });
}

/** A signature column: "TM. …" / "KT. …" / post, room for the signature and seal, then the name. */
function signatureParas(s: Signature): Paragraph[] {
  const lines = [s.onBehalf, s.deputy, s.post].filter((x): x is string => Boolean(x));
  return [
    ...lines.map((l) => centred(l, SIZE_PT.signature, { bold: true })),
    // About 3 cm of room for the signature and the seal.
    new Paragraph({ spacing: { before: 1440 }, children: [] }),
    centred(s.name, SIZE_PT.signature, { bold: true }),
  ];
}

/** "Nơi nhận:" (12, bold italic) and the recipients (11, upright), one per line. */
function recipientParas(lines: string[]): Paragraph[] {
  if (lines.length === 0) return [];
  return [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', SIZE_PT.recipientsTitle, { bold: true, italic: true })] }),
    ...lines.map((l) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(l, SIZE_PT.recipients)] })),
  ];
}

function signOff(doc: OfficialDocument): (Paragraph | Table)[] {
  const [first, second] = doc.signatures;
  if (!first) return recipientParas(doc.recipients);
  const spacer = new Paragraph({ spacing: { after: 120 }, children: [] });
  if (second) return [spacer, twoColumns(signatureParas(first), signatureParas(second), { left: 0.5, right: 0.5 }), ...recipientParas(doc.recipients)];
  return [spacer, twoColumns(recipientParas(doc.recipients), signatureParas(first), { left: 0.45, right: 0.55 })];
}

/** Top-centre page number on every page but the first (Appendix I, §II.12). */
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT_FAMILY, size: half(SIZE_PT.pageNumber) })],
      }),
    ],
  });

/**
 * One document as a section of its own: A4, margins, page numbers from its second page. Only the
 * first section carries the page-number header; later ones inherit it (OOXML sections without a
 * header reference use the previous section's), and with `titlePage` and no first-page header the
 * first page of each shows none — one header part for a bundle of fifty reports instead of a hundred.
 */
function sectionOf(doc: OfficialDocument, index: number): ISectionOptions {
  const children: (Paragraph | Table)[] = [];
  if (doc.draft) {
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 60 }, children: [run(DRAFT_MARK, SIZE_PT.draftMark, { bold: true })] }));
  }
  children.push(header(doc), new Paragraph({ spacing: { after: 120 }, children: [] }));
  if (doc.typeName) {
    children.push(centred(doc.typeName, SIZE_PT.typeName, { bold: true, before: 240 }));
    children.push(...doc.summary.map((s) => centred(s, SIZE_PT.summary, { bold: true })));
    if (doc.summary.length > 0) children.push(rule(TEXT_WIDTH_TWIPS, RULE.summaryShare));
  }
  if (doc.addressees.length > 0) children.push(...doc.addressees.map((a) => centred(a, SIZE_PT.body, { after: 120 })));
  if (doc.authority) children.push(centred(doc.authority, SIZE_PT.typeName, { bold: true, before: 120, after: 120 }));
  children.push(...doc.bases.map((b) => bodyPara([{ text: b }], { italic: true })));
  children.push(...blocks(doc.body), ...signOff(doc));
  if (doc.appendix.length > 0) children.push(...blocks([{ kind: 'pageBreak' }, ...doc.appendix]));
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) },
        margin: { top: mmToTwips(MARGINS_MM.top), bottom: mmToTwips(MARGINS_MM.bottom), left: mmToTwips(MARGINS_MM.left), right: mmToTwips(MARGINS_MM.right) },
        // Each document of a bundle numbers its own pages from 1.
        pageNumbers: { start: 1 },
      },
    },
    ...(index === 0 ? { headers: { default: pageNumberHeader() } } : {}),
    children,
  };
}

/**
 * Builds the `docx` Document (exposed for tests that inspect it before packing). Several documents
 * (e.g. every achievement report of a round) go into one file, each a section starting on a new
 * page with its own page numbering: one file to print, and one packing instead of fifty.
 */
export function toDocx(docs: OfficialDocument | readonly OfficialDocument[]): Document {
  const list = Array.isArray(docs) ? (docs as readonly OfficialDocument[]) : [docs as OfficialDocument];
  const first = list[0];
  return new Document({
    creator: 'thidua-bot',
    title: first ? [first.typeName, ...first.summary].join(' ').trim() || first.fileName : '',
    styles: { default: { document: { run: { font: FONT_FAMILY, size: half(SIZE_PT.body) } } } },
    sections: list.map((d, i) => sectionOf(d, i)),
  });
}

/** The DOCX bytes of a document, or of several in one file (see {@link toDocx}). */
export async function renderDocx(docs: OfficialDocument | readonly OfficialDocument[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(toDocx(docs)));
}
