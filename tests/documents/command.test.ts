import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCX_MIME, XLSX_MIME } from '../../src/core/documents/ports.ts';
import { findSoffice } from '../../src/documents/renderer.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { approved, ask, NOMINEES, paragraphs, part, sheetRows } from './fixtures.ts';

/** 5 January 2026, 09:00 in Vietnam. */
const START = new Date('2026-01-05T02:00:00Z');

describe('/vanban: documents drafted from the records and sent as files', () => {
  let t: TestApp;
  let ids: number[];

  beforeEach(async () => {
    t = await createTestApp({ start: START });
    await t.grant('admin', 'ADMIN');
    const officer = await t.grant('officer', 'OFFICER', 'tram-y-te');
    const member = await t.grant('member', 'COUNCIL');
    ids = [];
    for (const n of NOMINEES) ids.push(await approved(t.app, officer, member, n, t.now()));
    // One still under review: never in the dossier.
    await t.app.services.nominations.submit({
      draft: {
        planSlug: 'ia-bang-2021-2025',
        categoryCode: '3.1.5',
        movementCode: null,
        unitCode: 'tram-y-te',
        subjectType: 'COLLECTIVE',
        nomineeName: 'Tổ dân phố Chờ Xét',
        place: '',
        achievements: 'x',
        selfCheck: [],
        evidence: [],
      },
      proposerId: officer,
      now: t.now(),
    });
  });
  afterEach(async () => {
    await t.close();
  });

  it('the tờ trình: a DOCX with number 01/TTr-UBND, the date line, the list of every approved nomination, and a preview line', async () => {
    const r = await ask(t.app, 'admin', '/vanban totrinh');
    expect(r.text).toContain('Tờ trình số 01/TTr-UBND, 4 hồ sơ: 2 tập thể, 1 cá nhân, 1 hộ');
    expect(r.text).toContain('/vanban ky 01/TTr-UBND');
    expect(r.files).toHaveLength(1);
    expect(r.files[0]!.mime).toBe(DOCX_MIME);
    expect(r.files[0]!.name).toBe('to-trinh-01-TTr-UBND-2026-01-05.docx');
    const text = paragraphs(await part(r.files[0]!.bytes, 'word/document.xml'));
    expect(text).toContain('Số: 01/TTr-UBND');
    expect(text).toContain('Ia Bang, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('DỰ THẢO');
    // The attached list has each approved nominee (names exactly as recorded), and nobody else.
    for (const n of NOMINEES) expect(text).toContain(n.nomineeName);
    expect(text.join('\n')).not.toContain('Chờ Xét');
    expect(text).toContain('Tổng cộng: 4 hồ sơ (2 tập thể, 1 cá nhân, 1 hộ gia đình).');
    expect(text).toContain('(Kèm theo Tờ trình số 01/TTr-UBND ngày 05/01/2026 của Ủy ban nhân dân xã Ia Bang)');
  });

  it('the same dossier keeps its number; another selection gets the next; numbers restart on 1 January', async () => {
    expect((await ask(t.app, 'admin', '/vanban totrinh')).text).toContain('01/TTr-UBND');
    expect((await ask(t.app, 'admin', '/vanban totrinh')).text).toContain('01/TTr-UBND');
    const some = await ask(t.app, 'admin', `/vanban totrinh ${ids[0]}, ${ids[2]}`);
    expect(some.text).toContain('Tờ trình số 02/TTr-UBND, 2 hồ sơ: 1 tập thể, 0 cá nhân, 1 hộ');
    // The decision is numbered in the same sequence of the People's Committee.
    expect((await ask(t.app, 'admin', '/vanban quyetdinh')).text).toContain('Dự thảo quyết định số 03/QĐ-UBND');
    t.advance(365 * 24 * 3_600_000);
    const next = await ask(t.app, 'admin', `/vanban totrinh ${ids[1]}`);
    expect(next.text).toContain('01/TTr-UBND');
    expect(paragraphs(await part(next.files[0]!.bytes, 'word/document.xml'))).toContain('Ia Bang, ngày 05 tháng 01 năm 2027');
    const register = await ask(t.app, 'admin', '/vanban so');
    expect(register.text).toContain('Sổ văn bản năm 2027');
    expect(register.text).toContain('01/TTr-UBND');
  });

  it('a signed document loses its draft mark', async () => {
    await ask(t.app, 'admin', '/vanban totrinh');
    expect((await ask(t.app, 'admin', '/vanban ky 01/TTr-UBND')).text).toContain('Đã ghi nhận văn bản số 01/TTr-UBND đã ký');
    const again = await ask(t.app, 'admin', '/vanban totrinh');
    expect(paragraphs(await part(again.files[0]!.bytes, 'word/document.xml'))).not.toContain('DỰ THẢO');
    expect(again.text).not.toContain('/vanban ky');
    expect((await ask(t.app, 'admin', '/vanban ky 09/TTr-UBND')).text).toContain('không có số 09/TTr-UBND');
  });

  it('the list in Excel: one row per approved nomination under its section, matching the records', async () => {
    const r = await ask(t.app, 'member', '/vanban danhsach excel');
    expect(r.text).toContain('Danh sách đề nghị (Excel), 4 hồ sơ: 2 tập thể, 1 cá nhân, 1 hộ');
    expect(r.files[0]!.mime).toBe(XLSX_MIME);
    const rows = await sheetRows(r.files[0]!.bytes);
    const flat = rows.map((row) => row.filter((c) => c !== '').join(' | '));
    expect(flat[0]).toBe('DANH SÁCH Đề nghị khen thưởng điển hình tiên tiến');
    const sections = flat.filter((l) => /^(I|II|III)\. /.test(l));
    expect(sections).toEqual(['I. TẬP THỂ (2)', 'II. CÁ NHÂN (1)', 'III. HỘ GIA ĐÌNH (1)']);
    const data = rows.filter((row) => row.length === 6 && /^\d+$/.test(row[0]!));
    const records = await Promise.all(ids.map((id) => t.app.services.nominations.get(id)));
    expect(data.map((row) => row[1]).sort()).toEqual(records.map((n) => n!.nomineeName).sort());
    for (const row of data) {
      const n = records.find((x) => x!.nomineeName === row[1])!;
      expect(row[2]).toContain(n.place);
      expect(row[4]).toBe(n.achievements);
    }
  });

  it('the list as Word, and a PDF asked for without LibreOffice says so and sends the Word file', async () => {
    const r = await ask(t.app, 'admin', '/vanban danhsach pdf');
    expect(r.files.map((f) => f.mime)).toContain(DOCX_MIME);
    if (findSoffice()) expect(r.files.map((f) => f.name)).toContain('danh-sach-de-nghi-2026-01-05.pdf');
    else expect(r.text).toContain('Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF');
  });

  it('selected nominations that are not approved, or do not exist, are named and nothing is drafted', async () => {
    const r = await ask(t.app, 'admin', `/vanban totrinh ${ids[0]} 99999`);
    expect(r.text).toContain('Không tìm thấy hồ sơ số: 99999');
    expect(r.files).toHaveLength(0);
    expect((await ask(t.app, 'admin', '/vanban totrinh 3x')).text).toContain('Số hồ sơ chỉ gồm chữ số');
    expect((await ask(t.app, 'admin', '/vanban gibberish')).text).toContain('Chưa có loại văn bản “gibberish”');
  });

  it('only the standing office and the Council; never in a group; a menu without arguments', async () => {
    expect((await ask(t.app, 'officer', '/vanban totrinh')).text).toContain('dành cho bộ phận thường trực');
    expect((await ask(t.app, 'resident', '/vanban totrinh')).files).toHaveLength(0);
    const group = await ask(t.app, 'admin', '/vanban totrinh', { chatType: 'group', chatId: '-100123' });
    expect(group.files).toHaveLength(0);
    expect(group.text).toContain('chỉ dùng trong tin nhắn riêng');
    const menu = await ask(t.app, 'admin', '/documents');
    expect(menu.outcome.replies[0]!.buttons!.flat().map((b) => b.action)).toContain('vb:totrinh');
    const tapped = await t.app.core.handle({ channel: 'telegram', userId: 'admin', chatId: 'admin', chatType: 'private', action: 'vb:danhsach xlsx' });
    expect(tapped.replies[0]!.files![0]!.mime).toBe(XLSX_MIME);
  });

  it('in English the preview and the notes are English; the document stays Vietnamese', async () => {
    await ask(t.app, 'admin', '/lang en');
    const r = await ask(t.app, 'admin', '/documents proposal');
    expect(r.text).toContain('Proposal No. 01/TTr-UBND, 4 nominations: 2 collectives, 1 individual, 1 household');
    expect(paragraphs(await part(r.files[0]!.bytes, 'word/document.xml'))).toContain('TỜ TRÌNH');
  });

  it('with nothing approved, says so', async () => {
    await t.app.services.council.recordDecision({
      planSlug: 'ia-bang-2021-2025',
      number: '10/QĐ-UBND',
      signedOn: '2026-01-04',
      items: ids.map((id) => ({ nominationId: id, awardCode: 'giay-khen' })),
      byId: 1,
      now: t.now(),
    });
    expect((await ask(t.app, 'admin', '/vanban totrinh')).text).toContain('Chưa có hồ sơ nào được Hội đồng thống nhất đề nghị');
  });
});
