/**
 * Renders a {@link Workbook} (a list, progress) to XLSX with `exceljs` (not `xlsx`: frozen, with
 * known vulnerabilities). Each sheet: a bold title row and a subtitle merged across the columns, a
 * bold header row frozen in view, then the rows; a section row ("I. TẬP THỂ (3)") is merged and bold.
 * A4 landscape, fitted to the page width, Times New Roman (Decree 30/2020 font) for print.
 *
 * @module
 */
import ExcelJS from 'exceljs';
import { FONT_FAMILY, SIZE_PT } from '../core/documents/layout.ts';
import type { Workbook } from '../core/documents/model.ts';

/** Width of the whole sheet in Excel character units; columns get their share of it. */
const SHEET_WIDTH_CHARS = 150;

/** The XLSX bytes of a workbook. */
export async function renderXlsx(book: Workbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua-bot';
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: s.subtitle ? 3 : 2 }],
    });
    ws.columns = s.columns.map((c) => ({ width: Math.max(5, Math.round(SHEET_WIDTH_CHARS * c.width)) }));
    const font = { name: FONT_FAMILY, size: SIZE_PT.table };
    const n = s.columns.length;
    const merged = (text: string, bold: boolean, italic = false) => {
      const row = ws.addRow([text]);
      ws.mergeCells(row.number, 1, row.number, n);
      row.getCell(1).font = { ...font, bold, italic };
      row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      return row;
    };
    merged(s.title, true);
    if (s.subtitle) merged(s.subtitle, false, true);
    const head = ws.addRow(s.columns.map((c) => c.title));
    head.eachCell((cell) => {
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    for (const r of s.rows) {
      if ('section' in r) {
        const row = ws.addRow([r.section]);
        ws.mergeCells(row.number, 1, row.number, n);
        row.getCell(1).font = { ...font, bold: true };
        continue;
      }
      // A count stays a number in Excel (sums, filters); other cells are text as written.
      const row = ws.addRow(r.cells.map((v) => (/^\d{1,9}$/.test(v) ? Number(v) : v)));
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.font = font;
        cell.alignment = { horizontal: s.columns[col - 1]?.align ?? 'left', vertical: 'top', wrapText: true };
        cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
