import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CouncilMeetingInput } from '../../src/core/council/model.ts';
import { DOCX_MIME } from '../../src/core/documents/ports.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { ask, NOMINEES, paragraphs, part, PLAN, unescapeXml } from './fixtures.ts';

/** 5 March 2026, 09:00 in Vietnam. */
const START = new Date('2026-03-05T02:00:00Z');

/** The rows of the tally table (the one headed "STT") of a DOCX body, each as its cells' texts. */
function tableRows(xml: string): string[][] {
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const table = tables.find((x) => x.includes('>STT<')) ?? '';
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('')),
  );
}

describe('/vanban bienban and the tờ trình from the council records', () => {
  let t: TestApp;
  let ids: number[];
  let chair: number;
  let members: number[];

  beforeEach(async () => {
    t = await createTestApp({ start: START });
    await t.grant('admin', 'ADMIN');
    chair = await t.grant('chair', 'CHAIR');
    const officer = await t.grant('officer', 'OFFICER', 'tram-y-te');
    members = [await t.grant('ha', 'COUNCIL'), await t.grant('minh', 'COUNCIL'), await t.grant('tu', 'COUNCIL')];
    ids = [];
    for (const n of NOMINEES.slice(0, 3)) {
      const s = await t.app.services.nominations.submit({ draft: { planSlug: PLAN, selfCheck: [], evidence: [], ...n }, proposerId: officer, now: t.now() });
      ids.push(s.id);
    }
  });
  afterEach(async () => {
    await t.close();
  });

  const meeting = (over: Partial<CouncilMeetingInput>): CouncilMeetingInput => ({
    planSlug: PLAN,
    heldOn: '2026-03-05',
    startsAt: '14:00',
    place: 'Hội trường UBND xã',
    chairId: chair,
    chairName: 'Ksor Trúc',
    secretaryName: 'Nguyễn Thị Thư',
    attendees: [
      { personId: members[0], name: 'Ủy viên Hà', present: true },
      { personId: members[1], name: 'Ủy viên Minh', present: true },
      { personId: members[2], name: 'Ủy viên Tư', present: false, absentReason: 'Đi công tác' },
    ],
    items: [],
    recordedById: chair,
    now: t.now(),
    ...over,
  });

  /** Meeting 1: nominee 0 proposed 2–0–0, nominee 1 returned 0–2–0; nominee 2 left under review. */
  const firstMeeting = () =>
    t.app.services.council.recordMeeting(
      meeting({
        items: [
          { nominationId: ids[0]!, agree: 2, askChanges: 0, disagree: 0, abstain: 0, conclusion: 'PROPOSE', awardCode: 'giay-khen' },
          { nominationId: ids[1]!, agree: 0, askChanges: 2, disagree: 0, abstain: 0, conclusion: 'RETURN', remarks: 'Bổ sung minh chứng' },
        ],
      }),
    );

  it('minutes of the latest recorded meeting: members present and absent, chair, secretary, and each tally as recorded', async () => {
    const m1 = await firstMeeting();
    const m2 = await t.app.services.council.recordMeeting(
      meeting({
        heldOn: '2026-03-12',
        attendees: [
          { personId: members[0], name: 'Ủy viên Hà', present: true },
          { personId: members[1], name: 'Ủy viên Minh', present: false, absentReason: 'Ốm' },
          { personId: members[2], name: 'Ủy viên Tư', present: true },
        ],
        items: [{ nominationId: ids[2]!, agree: 1, askChanges: 0, disagree: 1, abstain: 0, conclusion: 'REJECT', remarks: 'Chưa đủ tiêu chí' }],
      }),
    );
    // The chair (a role of its own) may draft; the latest meeting is the default.
    const r = await ask(t.app, 'chair', '/vanban bienban');
    expect(r.text).toContain(
      `Biên bản họp Hội đồng số 01/BB-HĐTĐKT (cuộc họp số ${m2.id}, ngày 12/03/2026): có mặt 2/3 thành viên; xét 1 hồ sơ, thống nhất đề nghị 0`,
    );
    expect(r.files).toHaveLength(1);
    expect(r.files[0]!.mime).toBe(DOCX_MIME);
    expect(r.files[0]!.name).toBe('bien-ban-hop-hoi-dong-2026-03-12.docx');
    // The other meeting is offered as a button.
    const buttons = r.outcome.replies.flatMap((x) => x.buttons ?? []).flat();
    expect(buttons.map((b) => b.action)).toEqual([`vb:bienban ${m1.id}`]);

    const r1 = await ask(t.app, 'admin', `/vanban bienban ${m1.id}`);
    const xml = await part(r1.files[0]!.bytes, 'word/document.xml');
    const text = paragraphs(xml);
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Chủ trì: Ksor Trúc.');
    expect(text).toContain('Thư ký: Nguyễn Thị Thư.');
    expect(text).toContain('Thành viên có mặt: 2/3 (Ủy viên Hà, Ủy viên Minh).');
    expect(text).toContain('Thành viên vắng mặt: 1 (Ủy viên Tư – Đi công tác).');
    expect(text.find((p) => p.startsWith('Hôm nay, vào lúc 14 giờ 00'))).toContain('Hội trường UBND xã');
    const rows = tableRows(xml);
    expect(rows[0]).toEqual(['STT', 'Tên tập thể, cá nhân, hộ gia đình', 'Đồng ý', 'Đề nghị bổ sung', 'Không đồng ý', 'Kết luận']);
    // The tallies are the recorded ones, per nominee (in list order: collectives first).
    expect(rows.slice(1)).toEqual([
      ['1', 'Trạm Y tế xã Ia Bang', '2', '0', '0', 'Hội đồng thống nhất đề nghị'],
      ['2', 'Rơ Mah Hyơn', '0', '2', '0', 'Đề nghị bổ sung hồ sơ (Bổ sung minh chứng)'],
    ]);
    expect(text.find((p) => p.startsWith('Hội đồng thống nhất đề nghị Chủ tịch'))).toContain('khen thưởng 1 hồ sơ');
    // Signed by this meeting's secretary and chair.
    expect(text).toContain('Ksor Trúc');
    expect(text).toContain('Nguyễn Thị Thư');
    // Asking again for the same meeting keeps its number; the other meeting has its own.
    expect(r1.text).toContain('02/BB-HĐTĐKT');
    expect((await ask(t.app, 'admin', `/vanban bienban ${m1.id}`)).text).toContain('02/BB-HĐTĐKT');
  });

  it('no meeting yet, an unknown meeting, or a bad number: a clear answer, no file', async () => {
    const none = await ask(t.app, 'admin', '/vanban bienban');
    expect(none.text).toContain('Chưa có cuộc họp Hội đồng nào được ghi nhận');
    expect(none.files).toHaveLength(0);
    await firstMeeting();
    const unknown = await ask(t.app, 'admin', '/vanban bienban 999');
    expect(unknown.text).toContain('Không có cuộc họp Hội đồng số 999');
    expect(unknown.files).toHaveLength(0);
    expect((await ask(t.app, 'admin', '/vanban bienban ba')).text).toContain('Cú pháp: /vanban bienban');
    // A resident may not draft.
    expect((await ask(t.app, 'resident', '/vanban bienban')).files).toHaveLength(0);
  });

  it('the tờ trình lists exactly the nominations the Council proposed at its meeting', async () => {
    await firstMeeting();
    const r = await ask(t.app, 'admin', '/vanban totrinh');
    expect(r.text).toContain('Tờ trình số 01/TTr-UBND, 1 hồ sơ: 1 tập thể');
    const text = paragraphs(await part(r.files[0]!.bytes, 'word/document.xml'));
    expect(text).toContain('Trạm Y tế xã Ia Bang');
    expect(text).not.toContain('Rơ Mah Hyơn');
    expect(text).not.toContain('Hộ ông Nguyễn Văn Đức');
    // The returned one cannot be put in by hand either.
    expect((await ask(t.app, 'admin', `/vanban totrinh ${ids[1]}`)).files).toHaveLength(0);
  });

  it('the decision as the chairman recorded it: its own number and signing date, its nominees, no draft mark', async () => {
    await firstMeeting();
    await t.app.services.council.recordDecision({
      planSlug: PLAN,
      number: '07/QĐ-UBND',
      signedOn: '2026-03-10',
      items: [{ nominationId: ids[0]!, awardCode: 'giay-khen' }],
      byId: chair,
      now: t.now(),
    });
    const r = await ask(t.app, 'chair', '/vanban quyetdinh 07/QĐ-UBND');
    expect(r.text).toContain('Quyết định số 07/QĐ-UBND ngày 10/03/2026 (đã ghi nhận): 1 hồ sơ: 1 tập thể');
    const text = paragraphs(await part(r.files[0]!.bytes, 'word/document.xml'));
    expect(text).not.toContain('DỰ THẢO');
    expect(text.some((p) => p.includes('Số: 07/QĐ-UBND'))).toBe(true);
    expect(text.some((p) => p.includes('ngày 10 tháng 3 năm 2026'))).toBe(true);
    expect(text).toContain('Trạm Y tế xã Ia Bang');
    const unknown = await ask(t.app, 'chair', '/vanban quyetdinh 99/QĐ-UBND');
    expect(unknown.text).toContain('Không có quyết định khen thưởng của Chủ tịch UBND xã số “99/QĐ-UBND”');
    expect(unknown.files).toHaveLength(0);
  });
});
