import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCommuneFile } from '../../src/core/documents/commune.ts';
import { buildMinutes, type MeetingInput } from '../../src/core/documents/minutes.ts';
import { documentText } from '../../src/core/documents/model.ts';
import { renderDocx } from '../../src/documents/docx.ts';
import { XLSX_MIME } from '../../src/core/documents/ports.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { approved, ask, NOMINEES, paragraphs, part, sheetRows } from './fixtures.ts';

const START = new Date('2026-03-10T02:00:00Z');

describe('reports drafted from the records', () => {
  let t: TestApp;
  let ids: number[];

  beforeEach(async () => {
    t = await createTestApp({ start: START });
    await t.grant('admin', 'ADMIN');
    const officer = await t.grant('officer', 'OFFICER', 'tram-y-te');
    const member = await t.grant('member', 'COUNCIL');
    ids = [];
    for (const n of NOMINEES)
      ids.push(await approved(t.app, officer, member, { ...n, selfCheck: n.categoryCode === '3.1.5' ? ['3.1.5.2', '3.1.5.3'] : [] }, t.now()));
    const resident = await t.personId('resident');
    const deed = await t.app.services.deeds.create({
      draft: {
        doerName: 'Anh Siu Đen',
        description: 'Nhặt được ví, trả lại người đánh rơi',
        place: 'Làng Bang',
        whenText: 'hôm qua',
        creditName: true,
        photos: [],
      },
      submitterId: resident,
      now: t.now(),
    });
    await t.app.services.deeds.publish({ id: deed.id, moderatorId: officer, now: t.now() });
  });
  afterEach(async () => {
    await t.close();
  });

  const decideAll = async () =>
    t.app.services.council.recordDecision({
      planSlug: 'ia-bang-2021-2025',
      number: '07/QĐ-UBND',
      signedOn: '2026-03-10',
      items: ids.map((id) => ({ nominationId: id, awardCode: 'giay-khen' })),
      byId: await t.personId('admin'),
      now: t.now(),
    });

  it('báo cáo thành tích of a collective: its situation, achievements, criteria met, signed by the head of the unit', async () => {
    const r = await ask(t.app, 'admin', `/vanban thanhtich ${ids[0]}`);
    expect(r.text).toContain(`Báo cáo thành tích của Trạm Y tế xã Ia Bang (hồ sơ số ${ids[0]}, mẫu tập thể)`);
    const text = paragraphs(await part(r.files[0]!.bytes, 'word/document.xml'));
    expect(text).toContain('TRẠM Y TẾ XÃ IA BANG');
    expect(text).toContain('BÁO CÁO THÀNH TÍCH');
    expect(text).toContain('I. ĐẶC ĐIỂM, TÌNH HÌNH');
    expect(text).toContain('Tiêm chủng đầy đủ 98%; phòng, chống dịch hiệu quả.');
    expect(text.find((p) => p.startsWith('Tiêu chí đã tự đánh giá đạt'))).toMatch(/\(2\/\d+\)/);
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('an individual reports a short biography and signs it; a household is signed by its head; neither has an agency header', async () => {
    const person = paragraphs(await part((await ask(t.app, 'admin', `/vanban thanhtich ${ids[1]}`)).files[0]!.bytes, 'word/document.xml'));
    expect(person[0]).toBe('DỰ THẢO');
    expect(person[1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(person).toContain('I. SƠ LƯỢC LÝ LỊCH');
    expect(person).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
    expect(person).toContain('Rơ Mah Hyơn');
    const household = paragraphs(await part((await ask(t.app, 'admin', `/vanban thanhtich ${ids[2]}`)).files[0]!.bytes, 'word/document.xml'));
    expect(household).toContain('I. THÔNG TIN HỘ GIA ĐÌNH');
    expect(household).toContain('CHỦ HỘ');
    expect(household).toContain('XÁC NHẬN CỦA ỦY BAN NHÂN DÂN XÃ');
    expect((await ask(t.app, 'admin', '/vanban thanhtich mười')).text).toContain('/vanban thanhtich 12');
  });

  it('without a number: every report of the dossier in one file, one section (and page numbering) each', async () => {
    const r = await ask(t.app, 'admin', '/vanban thanhtich');
    expect(r.text).toContain('Báo cáo thành tích của 4 hồ sơ trong một tệp');
    expect(r.files).toHaveLength(1);
    const xml = await part(r.files[0]!.bytes, 'word/document.xml');
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(4);
    const text = paragraphs(xml);
    expect(text.filter((p) => p === 'BÁO CÁO THÀNH TÍCH')).toHaveLength(4);
    for (const n of NOMINEES) expect(text.join('\n')).toContain(n.achievements);
  });

  it("the yearly report: every IV.1 target row, the year's exemplars, the published deeds, numbered by the Council", async () => {
    // The year's exemplars are those the chairman's decision recognised (issue 12), not only proposed.
    await decideAll();
    await ask(t.app, 'admin', '/vanban totrinh');
    const r = await ask(t.app, 'admin', '/vanban nam');
    const quotas = t.app.catalog().plan.quotas.length;
    expect(r.text).toContain(`Báo cáo năm 2026 của Hội đồng: 0/${quotas} chỉ tiêu đã đạt, 4 điển hình được Hội đồng thống nhất đề nghị, 1 việc tốt được đăng`);
    const xml = await part(r.files[0]!.bytes, 'word/document.xml');
    const text = paragraphs(xml);
    // The Council keeps its own sequence: its first number of the year, whatever the UBND gave.
    expect(text).toContain('Số: 01/BC-HĐTĐKT');
    expect(text).toContain('HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân xã Ia Bang');
    for (const q of t.app.catalog().plan.quotas) expect(text).toContain(q.field.vi);
    expect(text).toContain('Nhặt được ví, trả lại người đánh rơi');
    for (const n of NOMINEES) expect(text).toContain(n.nomineeName);
    expect(text).toContain('TM. HỘI ĐỒNG');
  });

  it('progress and the lists as Excel: the target rows, the exemplars and the deeds, one sheet each', async () => {
    // The year's exemplars are those the chairman's decision recognised (issue 12), not only proposed.
    await decideAll();
    const r = await ask(t.app, 'admin', '/vanban tiendo');
    expect(r.files[0]!.mime).toBe(XLSX_MIME);
    const targets = await sheetRows(r.files[0]!.bytes, 1);
    const numbered = targets.filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(numbered).toHaveLength(t.app.catalog().plan.quotas.length);
    const medical = numbered.find((row) => row[1]!.includes('Trạm Y tế'))!;
    // Two collectives of the health station were agreed by the Council.
    expect(medical[5]).toMatch(/02 tập thể/);
    const exemplars = (await sheetRows(r.files[0]!.bytes, 2)).filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(exemplars.map((row) => row[1]).sort()).toEqual(NOMINEES.map((n) => n.nomineeName).sort());
    const deeds = (await sheetRows(r.files[0]!.bytes, 3)).filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(deeds).toEqual([['1', 'Nhặt được ví, trả lại người đánh rơi', 'Anh Siu Đen', 'Làng Bang', '10/03/2026']]);
  });
});

describe('biên bản họp Hội đồng', () => {
  const commune = loadCommuneFile(resolve(import.meta.dirname, '../../plans/commune.yaml'));
  const meeting: MeetingInput = {
    heldOn: '2026-01-05',
    startsAt: '08:00',
    endsAt: '10:30',
    place: 'Hội trường Ủy ban nhân dân xã',
    chairName: 'Nguyễn Văn Hùng',
    secretaryName: 'Lê Thị Hoa',
    attendees: [
      { name: 'Nguyễn Văn Hùng', present: true },
      { name: 'Lê Thị Hoa', present: true },
      { name: 'Ksor Y Đức', present: true },
      { name: 'Rơ Châm Ngơm', present: false, absentReason: 'đi công tác' },
    ],
    items: [
      { nomineeName: 'Rơ Mah Hyơn', subjectType: 'INDIVIDUAL', agree: 3, askChanges: 0, disagree: 0, conclusion: 'PROPOSE' },
      {
        nomineeName: 'Trạm Y tế xã Ia Bang',
        subjectType: 'COLLECTIVE',
        agree: 1,
        askChanges: 2,
        disagree: 0,
        conclusion: 'RETURN',
        remarks: 'bổ sung minh chứng',
      },
      { nomineeName: 'Hộ ông Nguyễn Văn Đức', subjectType: 'HOUSEHOLD', agree: 2, askChanges: 0, disagree: 1, conclusion: 'PROPOSE' },
    ],
  };

  it('the tallies per nominee are the recorded ones, with the conclusion; present and absent members; the chair and secretary sign', async () => {
    const doc = buildMinutes({ commune, planTitle: 'KH', date: '2026-01-05', number: '01/BB-HĐTĐKT', draft: true }, meeting);
    const text = paragraphs(await part(await renderDocx(doc), 'word/document.xml'));
    expect(text).toContain('Số: 01/BB-HĐTĐKT');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(
      'Hôm nay, vào lúc 8 giờ 00 ngày 05 tháng 01 năm 2026, tại Hội trường Ủy ban nhân dân xã, Hội đồng Thi đua – Khen thưởng xã Ia Bang họp xét đề nghị khen thưởng.',
    );
    expect(text).toContain('Thành viên có mặt: 3/4 (Nguyễn Văn Hùng, Lê Thị Hoa, Ksor Y Đức).');
    expect(text).toContain('Thành viên vắng mặt: 1 (Rơ Châm Ngơm – đi công tác).');
    const dump = documentText(doc);
    // Rows in list order (collectives, individuals, households), each with its tally.
    expect(dump).toContain('1 | Trạm Y tế xã Ia Bang | 1 | 2 | 0 | Đề nghị bổ sung hồ sơ (bổ sung minh chứng)');
    expect(dump).toContain('2 | Rơ Mah Hyơn | 3 | 0 | 0 | Hội đồng thống nhất đề nghị');
    expect(dump).toContain('3 | Hộ ông Nguyễn Văn Đức | 2 | 0 | 1 | Hội đồng thống nhất đề nghị');
    expect(text).toContain('Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân xã xem xét khen thưởng 2 hồ sơ có tên trong danh sách kèm theo.');
    expect(text).toContain('Cuộc họp kết thúc vào lúc 10 giờ 30 cùng ngày. Biên bản đã được thông qua trước Hội đồng./.');
    expect(doc.signatures.map((s) => [s.post, s.name])).toEqual([
      ['THƯ KÝ', 'Lê Thị Hoa'],
      ['CHỦ TỊCH', 'Nguyễn Văn Hùng'],
    ]);
    expect(text).toContain('TM. HỘI ĐỒNG');
  });
});
