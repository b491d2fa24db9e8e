import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basesOn, loadCommuneFile, parseCommuneText } from '../../src/core/documents/commune.ts';
import { buildQuyetDinh, buildToTrinh, type DossierContext, type DossierEntry } from '../../src/core/documents/dossier.ts';
import { documentSymbol, placeAndDate, punctuateBases } from '../../src/core/documents/layout.ts';
import { documentText } from '../../src/core/documents/model.ts';
import { renderDocx } from '../../src/documents/docx.ts';
import { createDocumentRenderer } from '../../src/documents/renderer.ts';
import { PlanFileError } from '../../src/core/plan/load.ts';
import { paragraphs, paragraphXml, part } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const commune = loadCommuneFile(resolve(ROOT, 'plans/commune.yaml'));
const PLAN_TITLE = 'Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2021 – 2025 trên địa bàn xã Ia Bang';
const ctx = (over: Partial<DossierContext> = {}): DossierContext => ({
  commune,
  planTitle: PLAN_TITLE,
  date: '2026-01-05',
  number: '05/TTr-UBND',
  draft: true,
  ...over,
});
const entries: DossierEntry[] = [
  {
    id: 1,
    subjectType: 'HOUSEHOLD',
    nomineeName: 'Hộ bà Ksor H’Bia',
    place: 'Buôn Ia Ring',
    unitName: 'Công chức ĐC-NN',
    categoryName: 'Hộ sản xuất giỏi',
    achievements: 'Trồng cà phê, hồ tiêu; thu nhập khá.',
  },
  {
    id: 2,
    subjectType: 'COLLECTIVE',
    nomineeName: 'Trường Tiểu học Lê Quý Đôn',
    place: 'Thôn Đồng Tâm',
    unitName: 'Công chức VH-XH',
    categoryName: 'Dạy tốt, học tốt',
    achievements: 'Đạt chuẩn quốc gia mức độ 2.',
  },
  {
    id: 3,
    subjectType: 'INDIVIDUAL',
    nomineeName: 'Đinh Thị Ưng',
    place: 'Làng Bang',
    unitName: 'Công an xã',
    categoryName: 'Quốc phòng – an ninh',
    achievements: 'Bắt giữ đối tượng trộm cắp.',
  },
];

describe('Decree 30/2020 layout helpers', () => {
  it('numbers below 10 get a leading zero; the symbol has no spaces', () => {
    expect(documentSymbol(5, 'TTr', 'UBND')).toBe('05/TTr-UBND');
    expect(documentSymbol(12, 'QĐ', 'UBND')).toBe('12/QĐ-UBND');
    expect(documentSymbol(3, 'BB', 'HĐTĐKT')).toBe('03/BB-HĐTĐKT');
    expect(() => documentSymbol(0, 'TTr', 'UBND')).toThrow(RangeError);
  });

  it('the place and date line: a leading zero for days below 10 and for months 1–2 only', () => {
    expect(placeAndDate('Ia Bang', '2026-01-05')).toBe('Ia Bang, ngày 05 tháng 01 năm 2026');
    expect(placeAndDate('Ia Bang', '2025-12-31')).toBe('Ia Bang, ngày 31 tháng 12 năm 2025');
    expect(placeAndDate('Ia Bang', '2026-02-09')).toBe('Ia Bang, ngày 09 tháng 02 năm 2026');
    // Months 3–12 take no leading zero (Appendix I, §II.5).
    expect(placeAndDate('Ia Bang', '2026-03-10')).toBe('Ia Bang, ngày 10 tháng 3 năm 2026');
    expect(() => placeAndDate('Ia Bang', '5/1/2026')).toThrow(RangeError);
  });

  it('căn cứ end with ";" and the last with "."', () => {
    expect(punctuateBases(['Căn cứ A.', 'Căn cứ B;', 'Căn cứ C'])).toEqual(['Căn cứ A;', 'Căn cứ B;', 'Căn cứ C.']);
  });

  it('the legal bases are those in force on the document date, so an old round re-renders with its own', () => {
    const on = (date: string) => basesOn(commune, 'toTrinh', date, { planTitle: 'KH' }).join('\n');
    expect(on('2023-06-11')).toContain('Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003');
    expect(on('2023-06-11')).toContain('Nghị định số 91/2017/NĐ-CP');
    expect(on('2023-06-11')).not.toContain('98/2023');
    expect(on('2024-12-20')).toContain('Nghị định số 98/2023/NĐ-CP');
    expect(on('2024-12-20')).toContain('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
    expect(on('2025-06-30')).toContain('98/2023');
    expect(on('2025-07-01')).toContain('152/2025/NĐ-CP');
    expect(on('2025-07-01')).not.toContain('98/2023');
    expect(on('2026-01-05')).toContain('Căn cứ KH của Ủy ban nhân dân xã Ia Bang');
  });

  it('a commune file naming a signer or issuer it does not define is refused with the path', () => {
    const broken = JSON.stringify({ ...commune, documents: { ...commune.documents, toTrinh: { ...commune.documents.toTrinh, issuer: 'NOPE' } } });
    expect(() => parseCommuneText(broken)).toThrow(PlanFileError);
    expect(() => parseCommuneText(broken)).toThrow(/documents\.toTrinh\.issuer/);
  });
});

describe('the tờ trình as DOCX (Decree 30/2020, Appendix I)', async () => {
  const bytes = await renderDocx(buildToTrinh(ctx(), entries));
  const xml = await part(bytes, 'word/document.xml');
  const text = paragraphs(xml);

  it('A4 portrait with the margins of the decree (top/bottom 20 mm, left 30 mm, right 15 mm)', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('the header: parent body, issuer (bold), number with its leading zero; nation and motto (bold), italic date line', () => {
    expect(text.slice(0, 8)).toEqual([
      'DỰ THẢO',
      'ỦY BAN NHÂN DÂN',
      'XÃ IA BANG',
      'Số: 05/TTr-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Ia Bang, ngày 05 tháng 01 năm 2026',
      'TỜ TRÌNH',
    ]);
    expect(paragraphXml(xml, 'ỦY BAN NHÂN DÂN')).not.toContain('<w:b/>');
    expect(paragraphXml(xml, 'ỦY BAN NHÂN DÂN')).toContain('<w:sz w:val="26"/>');
    expect(paragraphXml(xml, 'XÃ IA BANG')).toContain('<w:b/>');
    expect(paragraphXml(xml, 'Số: 05/TTr-UBND')).toContain('<w:sz w:val="26"/>');
    expect(paragraphXml(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(paragraphXml(xml, 'Độc lập - Tự do - Hạnh phúc')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(paragraphXml(xml, 'Ia Bang, ngày 05 tháng 01 năm 2026')).toMatch(/<w:i\/>[\s\S]*<w:sz w:val="28"\/>/);
    // The rules under the issuer and the motto: bordered empty paragraphs.
    expect(xml.match(/<w:pBdr><w:bottom w:val="single"/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('type name and summary bold 14; the căn cứ italic, justified, the last ending with "."', () => {
    expect(paragraphXml(xml, 'TỜ TRÌNH')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(paragraphXml(xml, 'Về việc đề nghị khen thưởng điển hình tiên tiến')).toContain('<w:b/>');
    const bases = text.filter((p) => p.startsWith('Căn cứ'));
    expect(bases.length).toBeGreaterThanOrEqual(3);
    expect(bases.slice(0, -1).every((b) => b.endsWith(';'))).toBe(true);
    expect(bases.at(-1)!.endsWith('.')).toBe(true);
    for (const b of bases) expect(paragraphXml(xml, b)).toMatch(/<w:jc w:val="both"\/>[\s\S]*<w:i\/>/);
  });

  it('the body is justified 14 pt with a 1.27 cm first-line indent and 6 pt after', () => {
    const intro = text.find((p) => p.startsWith('Trên cơ sở đề nghị'))!;
    const p = paragraphXml(xml, intro);
    expect(p).toContain('<w:jc w:val="both"/>');
    expect(p).toContain('w:firstLine="720"');
    expect(p).toMatch(/<w:spacing w:after="120"/);
    expect(p).toContain('<w:sz w:val="28"/>');
    expect(intro).toContain('3 hồ sơ');
  });

  it('Times New Roman everywhere; Vietnamese letters intact (NFC)', () => {
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(text.join('\n')).toContain('Hộ bà Ksor H’Bia');
    expect(text.join('\n')).toContain('Đinh Thị Ưng');
    expect(text.join('\n').normalize('NFC')).toBe(text.join('\n'));
  });

  it('signature (TM. / KT. / post / name, bold) and "Nơi nhận:" 12 bold italic, recipients 11', () => {
    for (const line of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', commune.signers.viceChairman!.name])
      expect(paragraphXml(xml, line)).toContain('<w:b/>');
    expect(paragraphXml(xml, 'Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(paragraphXml(xml, '- Như trên;')).toContain('<w:sz w:val="22"/>');
    expect(text).toContain('- Lưu: VT, VHXH.');
  });

  it('the attached list: collectives, individuals, households in sections, in a fixed-layout table', () => {
    const i = text.indexOf('I. TẬP THỂ (1)');
    expect(i).toBeGreaterThan(0);
    expect(text.indexOf('II. CÁ NHÂN (1)')).toBeGreaterThan(i);
    expect(text.indexOf('III. HỘ GIA ĐÌNH (1)')).toBeGreaterThan(text.indexOf('II. CÁ NHÂN (1)'));
    expect(text.indexOf('Trường Tiểu học Lê Quý Đôn')).toBeGreaterThan(i);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toContain('<w:br w:type="page"/>');
  });

  it('page numbers top centre, not on page 1 (a different first page with no header of its own)', async () => {
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:headerReference w:type="default"/);
    expect(xml).not.toMatch(/<w:headerReference w:type="first"/);
    const header = await part(bytes, 'word/header1.xml');
    expect(header).toContain('PAGE');
    expect(header).toContain('<w:jc w:val="center"/>');
  });

  it('several documents in one file: one section each, numbered from 1, sharing the one page-number header', async () => {
    const two = await renderDocx([buildToTrinh(ctx(), entries), buildToTrinh(ctx({ number: '06/TTr-UBND' }), entries)]);
    const both = await part(two, 'word/document.xml');
    expect(both.match(/<w:sectPr>/g)).toHaveLength(2);
    expect(both.match(/<w:titlePg\/>/g)).toHaveLength(2);
    expect(both.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(2);
    expect(both.match(/<w:headerReference /g)).toHaveLength(1);
    expect(paragraphs(both)).toContain('Số: 06/TTr-UBND');
  });

  it('a signed document has no draft mark', async () => {
    const signed = paragraphs(await part(await renderDocx(buildToTrinh(ctx({ draft: false }), entries)), 'word/document.xml'));
    expect(signed).not.toContain('DỰ THẢO');
    expect(signed[0]).toBe('ỦY BAN NHÂN DÂN');
  });
});

describe('the draft decision', () => {
  it('is the chairman\'s: authority line, căn cứ of its own date, "Xét đề nghị" closing them, Điều 1–3', () => {
    const doc = buildQuyetDinh(ctx({ number: '07/QĐ-UBND', date: '2025-03-04' }), entries, { number: '05/TTr-UBND', date: '2025-03-01' });
    const text = documentText(doc);
    expect(doc.authority).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ IA BANG');
    expect(text).toContain('Nghị định số 98/2023/NĐ-CP');
    expect(text).not.toContain('152/2025');
    expect(doc.bases.at(-1)).toBe('Xét đề nghị của Hội đồng Thi đua – Khen thưởng xã tại Tờ trình số 05/TTr-UBND ngày 01/03/2025.');
    expect(doc.bases.slice(0, -1).every((b) => b.endsWith(';'))).toBe(true);
    expect(text).toMatch(/Điều 1\. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho 3 tập thể, cá nhân, hộ gia đình/);
    expect(text).toContain('(Kèm theo Quyết định số 07/QĐ-UBND ngày 04/03/2025 của Ủy ban nhân dân xã Ia Bang)');
    expect(doc.signatures.map((s) => s.post)).toEqual(['CHỦ TỊCH']);
  });
});

describe('PDF', () => {
  it('without LibreOffice the renderer gives null (the command then says so and sends the Word file)', async () => {
    const renderer = createDocumentRenderer({ soffice: null });
    expect(await renderer.pdf(new Uint8Array([1, 2, 3]), 'x')).toBeNull();
  });
});
