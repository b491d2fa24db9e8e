/**
 * The layout of an administrative document (thể thức và kỹ thuật trình bày văn bản hành chính),
 * Decree 30/2020/NĐ-CP, Appendix I — every constant in one place a reader can check against the
 * decree. The renderers (`src/documents/docx.ts`, `xlsx.ts`) read only these; wording comes from the
 * commune's data file (`plans/commune.yaml`), never from code.
 *
 * Units: millimetres for the page, points for type, centimetres for the indent (as the decree
 * writes them); the renderers convert (1 mm = 56.69 twips, 1 pt = 20 twips = 2 half-points).
 *
 * @module
 */

/** A4 portrait (Appendix I, §I.2). */
export const PAGE_MM = { width: 210, height: 297 } as const;

/**
 * Margins (Appendix I, §I.3): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. We take the
 * low end of each range so a two-page list stays on two pages.
 */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Times New Roman, Unicode (TCVN 6909:2001), black (Appendix I, §I.1). */
export const FONT_FAMILY = 'Times New Roman';

/** Type sizes in points, each inside the decree's range (Appendix I, §II). */
export const SIZE_PT = {
  /** "ỦY BAN NHÂN DÂN" — parent body, capitals, 12–13, not bold. */
  parentBody: 13,
  /** "XÃ IA BANG" — issuing body, capitals, 12–13, bold. */
  issuer: 13,
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", capitals, 12–13, bold. */
  nation: 13,
  /** "Độc lập - Tự do - Hạnh phúc", 13–14, bold. */
  motto: 14,
  /** "Số: 05/TTr-UBND", 13. */
  number: 13,
  /** "Ia Bang, ngày 05 tháng 01 năm 2026", italic 13–14. */
  placeDate: 14,
  /** "TỜ TRÌNH", capitals, bold 13–14. */
  typeName: 14,
  /** Trích yếu (the summary under the type name), bold 13–14. */
  summary: 14,
  /** Body text, 13–14. */
  body: 14,
  /** Tables (lists) may use a smaller size so rows fit: 12–13. */
  table: 12,
  /** "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", the signer's name: bold 13–14. */
  signature: 14,
  /** "Nơi nhận:", italic bold 12. */
  recipientsTitle: 12,
  /** Recipients, one per line, upright 11. */
  recipients: 11,
  /** Page numbers, 13–14. */
  pageNumber: 13,
  /** The "DỰ THẢO" mark of an unsigned draft. */
  draftMark: 13,
} as const;

/** Body paragraphs (Appendix I, §II.8): justified, first-line indent 1–1.27 cm, ≥ 6 pt apart, line spacing 1–1.5. */
export const BODY = { firstLineIndentCm: 1.27, spaceAfterPt: 6, lineSpacing: 1.2 } as const;

/** The short rules under the issuer's name and the summary: a share of the text's width (1/3–1/2). */
export const RULE = { issuerShare: 0.4, summaryShare: 0.3 } as const;

/** The header's two columns, as shares of the text width (the motto side is wider). */
export const HEADER_COLUMNS = { left: 0.42, right: 0.58 } as const;

/** The mark an unsigned document carries until a person signs it. */
export const DRAFT_MARK = 'DỰ THẢO';

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" — the national name (quốc hiệu). */
export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** "Độc lập - Tự do - Hạnh phúc" — the motto (tiêu ngữ), hyphens with spaces around them. */
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Two digits: numbers below 10 get a leading zero ("05"); 10 and above are written as they are. */
export const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "05/TTr-UBND": the register number (leading zero below 10), the type's abbreviation and the
 * issuer's, capitals as given, no spaces (Appendix I, §II.4).
 * @throws RangeError for a number below 1 or not an integer.
 */
export function documentSymbol(number: number, typeAbbr: string, issuerAbbr: string): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`document number must be a positive integer, got ${number}`);
  const symbol = typeAbbr ? `${typeAbbr}-${issuerAbbr}` : issuerAbbr;
  return `${twoDigits(number)}/${symbol.replace(/\s+/g, '')}`;
}

/**
 * "Ia Bang, ngày 05 tháng 01 năm 2026" (Appendix I, §II.5): days below 10 and months 1–2 take a
 * leading zero; months 3–12 are written as they are ("ngày 10 tháng 3 năm 2026").
 * @param date calendar day `YYYY-MM-DD` (Asia/Ho_Chi_Minh)
 * @throws RangeError for anything else.
 */
export function placeAndDate(place: string, date: string): string {
  return `${place}, ${longDate(date)}`;
}

/**
 * "ngày 05 tháng 01 năm 2026" for `2026-01-05`, "ngày 10 tháng 3 năm 2026" for `2026-03-10`
 * (the decree's zeros: day below 10, month 1 or 2). @throws RangeError for a malformed date.
 */
export function longDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  const month = Number(m[2]);
  return `ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`;
}

/** "05/01/2026" for `2026-01-05` (tables, short references). */
export const shortDate = (date: string): string => date.split('-').reverse().join('/');

/**
 * Căn cứ lines as the decree punctuates them: each ends with ";", the last with "." (any
 * trailing punctuation in the data is replaced).
 */
export function punctuateBases(lines: readonly string[]): string[] {
  return lines.map((line, i) => `${line.trim().replace(/[;.,:]+$/, '')}${i === lines.length - 1 ? '.' : ';'}`);
}

/**
 * Recipients under "Nơi nhận:": "- …;" one per line, the last "- Lưu: VT, …." (Appendix I, §II.11).
 * `archive` is the last line's content without the dash (e.g. "Lưu: VT, VHXH").
 */
export function punctuateRecipients(lines: readonly string[], archive: string): string[] {
  return [...lines.map((l) => `- ${l.trim().replace(/[;.,]+$/, '')};`), `- ${archive.trim().replace(/[;.,]+$/, '')}.`];
}
