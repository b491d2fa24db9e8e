/**
 * Every Word template against the layout rules of documents.md (Decree 30/2020/NĐ-CP, Appendix I),
 * checked on the generated XML: the national name and motto, the number line, the place-and-date
 * line, the type name, the căn cứ, the signature block and "Nơi nhận:" — one rule at a time, for
 * each document the bot drafts, from the shipped `plans/commune.yaml`.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAchievementReport } from '../../src/core/documents/achievement.ts';
import { loadCommuneFile, parseCommuneText } from '../../src/core/documents/commune.ts';
import { buildDanhSach, buildQuyetDinh, buildToTrinh, type DossierContext, type DossierEntry } from '../../src/core/documents/dossier.ts';
import { buildMinutes } from '../../src/core/documents/minutes.ts';
import type { OfficialDocument } from '../../src/core/documents/model.ts';
import { buildYearlyReport } from '../../src/core/documents/yearly.ts';
import { PlanFileError } from '../../src/core/plan/load.ts';
import { renderDocx } from '../../src/documents/docx.ts';
import { paragraphs, paragraphXml, part } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const commune = loadCommuneFile(resolve(ROOT, 'plans/commune.yaml'));
const PLAN_TITLE = 'Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2021 – 2025 trên địa bàn xã Ia Bang';
/** 10 March 2026: a month above 2 (no leading zero) and a day of two digits. */
const ctx = (number: string | undefined, date = '2026-03-10'): DossierContext => ({
  commune,
  planTitle: PLAN_TITLE,
  date,
  ...(number ? { number } : {}),
  draft: true,
});
const entries: DossierEntry[] = [
  {
    id: 1,
    subjectType: 'COLLECTIVE',
    nomineeName: 'Trạm Y tế xã Ia Bang',
    place: 'Thôn Đồng Tâm',
    unitName: 'Trạm Y tế',
    categoryName: 'Y tế',
    achievements: 'Tiêm chủng đầy đủ 98%.',
  },
  {
    id: 2,
    subjectType: 'INDIVIDUAL',
    nomineeName: 'Rơ Mah Hyơn',
    place: 'Làng Bang',
    unitName: 'Công an xã',
    categoryName: 'An ninh',
    achievements: 'Giữ vững an ninh trật tự.',
  },
  {
    id: 3,
    subjectType: 'HOUSEHOLD',
    nomineeName: 'Hộ ông Nguyễn Văn Đức',
    place: 'Thôn Ia Đrăng',
    unitName: 'Công chức ĐC-NN',
    categoryName: 'Hộ sản xuất giỏi',
    achievements: 'Sản xuất giỏi.',
  },
];

/** Every Word document the bot drafts, as the builders make it. */
const DOCUMENTS: [string, OfficialDocument][] = [
  ['tờ trình (xã)', buildToTrinh(ctx('05/TTr-UBND'), entries)],
  [
    'tờ trình đề nghị cấp trên',
    buildToTrinh(
      ctx('06/TTr-UBND'),
      entries.map((e) => ({ ...e, proposedForm: 'Bằng khen của Chủ tịch UBND tỉnh' })),
      { higher: 'Chủ tịch UBND tỉnh' },
    ),
  ],
  ['danh sách', buildDanhSach(ctx(undefined), entries)],
  ['dự thảo quyết định', buildQuyetDinh(ctx('07/QĐ-UBND'), entries)],
  [
    'biên bản',
    buildMinutes(ctx('01/BB-HĐTĐKT'), {
      heldOn: '2026-03-10',
      startsAt: '14:00',
      place: 'Hội trường UBND xã',
      chairName: 'Ksor Trúc',
      secretaryName: 'Nguyễn Thị Thư',
      attendees: [{ name: 'Ủy viên Hà', present: true }],
      items: [{ nomineeName: 'Trạm Y tế xã Ia Bang', subjectType: 'COLLECTIVE', agree: 1, askChanges: 0, disagree: 0, conclusion: 'PROPOSE' }],
    }),
  ],
  ...entries.map((e): [string, OfficialDocument] => [
    `báo cáo thành tích (${e.subjectType})`,
    buildAchievementReport(ctx(undefined), { entry: e, criteria: [], awards: [] }),
  ]),
  ['báo cáo năm', buildYearlyReport(ctx('01/BC-HĐTĐKT'), { year: 2026, progress: [], exemplars: entries, deeds: [] })],
];

/** Run properties of a paragraph: bold, italic and the sizes in points. */
function props(xml: string, text: string): { bold: boolean; italic: boolean; sizes: number[] } {
  const p = paragraphXml(xml, text);
  return { bold: /<w:b\/>/.test(p), italic: /<w:i\/>/.test(p), sizes: [...new Set([...p.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2))] };
}
const within = (sizes: number[], lo: number, hi: number) => sizes.length > 0 && sizes.every((s) => s >= lo && s <= hi);

describe.each(DOCUMENTS)('%s: the layout rules of Decree 30/2020 on the generated XML', async (name, doc) => {
  const xml = await part(await renderDocx(doc), 'word/document.xml');
  const text = paragraphs(xml);

  it('"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" bold 12–13, over "Độc lập - Tự do - Hạnh phúc" bold 13–14 with spaced hyphens', () => {
    const nation = text.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(nation).toBeGreaterThanOrEqual(0);
    expect(text[nation + 1]).toBe('Độc lập - Tự do - Hạnh phúc');
    const n = props(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(n.bold && within(n.sizes, 12, 13)).toBe(true);
    const m = props(xml, 'Độc lập - Tự do - Hạnh phúc');
    expect(m.bold && within(m.sizes, 13, 14)).toBe(true);
  });

  it('the issuing body in capitals: the parent body not bold, the body itself bold, 12–13', () => {
    if (!doc.header.issuer) return; // a person's or household's own report has no agency
    for (const line of [doc.header.parent, doc.header.issuer].filter(Boolean)) expect(line).toBe(line.toLocaleUpperCase('vi'));
    if (doc.header.parent) expect(props(xml, doc.header.parent)).toMatchObject({ bold: false });
    const issuer = props(xml, doc.header.issuer);
    expect(issuer.bold && within(issuer.sizes, 12, 13)).toBe(true);
  });

  it('"Số: 05/TTr-UBND": a leading zero below 10, the symbol without spaces, size 13', () => {
    const line = text.find((p) => p.startsWith('Số:'));
    if (!doc.header.number) return expect(line).toBeUndefined();
    expect(line).toBe(`Số: ${doc.header.number}`);
    expect(line).toMatch(/^Số: (0[1-9]|[1-9]\d+)\/[A-Za-zĐđ]+-[A-ZĐ]+$/u);
    expect(props(xml, line!).sizes).toEqual([13]);
  });

  it('"Ia Bang, ngày 10 tháng 3 năm 2026": italic 13–14, zeros only for days below 10 and months 1–2', () => {
    const line = text.find((p) => / ngày \d+ tháng \d+ năm \d{4}$/.test(p))!;
    expect(line).toBe('Ia Bang, ngày 10 tháng 3 năm 2026');
    const p = props(xml, line);
    expect(p.italic && within(p.sizes, 13, 14)).toBe(true);
  });

  it('the type name in capitals, bold 13–14; the summary bold', () => {
    const title = doc.typeName || text.find((p) => p === 'DANH SÁCH')!;
    expect(title).toBe(title.toLocaleUpperCase('vi'));
    const t = props(xml, title);
    expect(t.bold && within(t.sizes, 13, 14)).toBe(true);
    for (const s of doc.summary) expect(props(xml, s).bold).toBe(true);
  });

  it('căn cứ in italics, each ending ";", the last "."', () => {
    const bases = doc.bases;
    if (bases.length === 0) return;
    for (const b of bases) expect(props(xml, b).italic).toBe(true);
    expect(bases.slice(0, -1).every((b) => b.endsWith(';'))).toBe(true);
    expect(bases.at(-1)!.endsWith('.')).toBe(true);
  });

  it('signature: "TM." / "KT." / post in bold capitals, the name bold with no title before it', () => {
    // The list is an appendix (phụ lục) of the tờ trình: no signature of its own.
    if (name === 'danh sách') return expect(doc.signatures).toEqual([]);
    expect(doc.signatures.length).toBeGreaterThan(0);
    for (const s of doc.signatures) {
      if (s.onBehalf) expect(s.onBehalf).toMatch(/^TM\. \S/u);
      if (s.deputy) expect(s.deputy).toMatch(/^(KT|TL|TUQ|Q)\. \S/u);
      for (const line of [s.onBehalf, s.deputy, s.post].filter((x): x is string => Boolean(x))) {
        expect(line).toBe(line.toLocaleUpperCase('vi'));
        expect(props(xml, line).bold).toBe(true);
      }
      // A post under "TM. …" is the post alone ("CHỦ TỊCH", not "CHỦ TỊCH HỘI ĐỒNG").
      if (s.onBehalf && !s.deputy) expect(s.post).toBe('CHỦ TỊCH');
      if (s.name && !/^…+$/.test(s.name)) {
        expect(props(xml, s.name).bold).toBe(true);
        expect(s.name).not.toMatch(/^(GS|PGS|TS|ThS|KS|BS)\.?\s/u);
      }
    }
  });

  it('"Nơi nhận:" 12 bold italic; recipients 11 upright, "- …;" one per line, the last "- Lưu: VT, …."', () => {
    if (doc.recipients.length === 0) return expect(text).not.toContain('Nơi nhận:');
    const title = props(xml, 'Nơi nhận:');
    expect(title).toEqual({ bold: true, italic: true, sizes: [12] });
    const lines = doc.recipients;
    expect(lines.slice(0, -1).every((l) => /^- \S.*;$/u.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^- Lưu: VT, .+\.$/u);
    for (const l of lines) expect(props(xml, l)).toEqual({ bold: false, italic: false, sizes: [11] });
  });

  it('marked "DỰ THẢO" until signed; Times New Roman only', () => {
    expect(text[0]).toBe('DỰ THẢO');
    expect(new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(['Times New Roman']));
  });
});

describe('the commune file is checked against the same rules when it is read', () => {
  const withSigner = (over: object) => JSON.stringify({ ...commune, signers: { ...commune.signers, chairman: { ...commune.signers.chairman, ...over } } });
  it('a signer with an academic title before the name, or a post not in capitals, is refused with the path', () => {
    expect(() => parseCommuneText(withSigner({ name: 'TS. Nguyễn Văn A' }))).toThrow(/signers\.chairman\.name/);
    expect(() => parseCommuneText(withSigner({ post: 'Chủ tịch' }))).toThrow(/signers\.chairman\.post/);
    expect(() => parseCommuneText(withSigner({ post: 'Chủ tịch' }))).toThrow(PlanFileError);
  });
  it('"TM." and "KT." lines and the issuer lines must be written as the decree writes them', () => {
    const sig = JSON.stringify({
      ...commune,
      documents: { ...commune.documents, toTrinh: { ...commune.documents.toTrinh, signature: { onBehalf: 'Thay mặt UBND', signer: 'chairman' } } },
    });
    expect(() => parseCommuneText(sig)).toThrow(/documents\.toTrinh\.signature\.onBehalf/);
    const issuer = JSON.stringify({ ...commune, issuers: { ...commune.issuers, UBND: { ...commune.issuers.UBND, name: 'Xã Ia Bang' } } });
    expect(() => parseCommuneText(issuer)).toThrow(/issuers\.UBND\.name/);
  });
});
