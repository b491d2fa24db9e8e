import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CouncilMeetingInput } from '../../src/core/council/model.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { ask, NOMINEES, paragraphs, part, PLAN, sheetRows } from './fixtures.ts';

/** 5 March 2026, 09:00 in Vietnam. */
const START = new Date('2026-03-05T02:00:00Z');
const [TRAM, HYON, DUC, CHI_HOI] = NOMINEES.map((n) => n.nomineeName) as [string, string, string, string];

describe('the tờ trình to the higher level lists only what the commune chairman may not award; the commune’s own documents never list it', () => {
  let t: TestApp;
  let ids: number[];
  let chair: number;

  beforeEach(async () => {
    t = await createTestApp({ start: START });
    await t.grant('admin', 'ADMIN');
    chair = await t.grant('chair', 'CHAIR');
    const officer = await t.grant('officer', 'OFFICER', 'tram-y-te');
    const member = await t.grant('ha', 'COUNCIL');
    ids = [];
    for (const n of NOMINEES)
      ids.push(
        (await t.app.services.nominations.submit({ draft: { planSlug: PLAN, selfCheck: [], evidence: [], ...n }, proposerId: officer, now: t.now() })).id,
      );
    // The Council proposes: the health station a giấy khen of the commune chairman (commune), Hyơn
    // "Chiến sĩ thi đua cơ sở" and the Đức household a provincial bằng khen (both HIGHER in
    // plans/award-forms.yaml on this date), the women's branch with no form named (commune's default).
    const input: CouncilMeetingInput = {
      planSlug: PLAN,
      heldOn: '2026-03-05',
      startsAt: '14:00',
      place: 'Hội trường UBND xã',
      chairId: chair,
      chairName: 'Ksor Trúc',
      secretaryName: 'Nguyễn Thị Thư',
      attendees: [{ personId: member, name: 'Ủy viên Hà', present: true }],
      items: [
        { nominationId: ids[0]!, agree: 1, askChanges: 0, disagree: 0, abstain: 0, conclusion: 'PROPOSE', awardCode: 'giay-khen' },
        { nominationId: ids[1]!, agree: 1, askChanges: 0, disagree: 0, abstain: 0, conclusion: 'PROPOSE', awardCode: 'chien-si-thi-dua-co-so' },
        { nominationId: ids[2]!, agree: 1, askChanges: 0, disagree: 0, abstain: 0, conclusion: 'PROPOSE', awardCode: 'bang-khen-ubnd-tinh' },
        { nominationId: ids[3]!, agree: 1, askChanges: 0, disagree: 0, abstain: 0, conclusion: 'PROPOSE' },
      ],
      recordedById: chair,
      now: t.now(),
    };
    await t.app.services.council.recordMeeting(input);
  });
  afterEach(async () => {
    await t.close();
  });

  const docText = async (r: Awaited<ReturnType<typeof ask>>) => paragraphs(await part(r.files[0]!.bytes, 'word/document.xml'));

  it('the commune’s tờ trình, list and draft decision hold only the commune chairman’s awards', async () => {
    const r = await ask(t.app, 'admin', '/vanban totrinh');
    expect(r.text).toContain('Tờ trình số 01/TTr-UBND, 2 hồ sơ: 2 tập thể, 0 cá nhân, 0 hộ');
    const text = await docText(r);
    expect(text).toContain('Kính gửi: Hội đồng Thi đua – Khen thưởng xã Ia Bang');
    expect(text).toContain(TRAM);
    expect(text).toContain(CHI_HOI);
    expect(text.join('\n')).not.toContain(HYON);
    expect(text.join('\n')).not.toContain(DUC);
    expect(text.join('\n')).not.toContain('Chiến sĩ thi đua cơ sở');
    expect(text.join('\n')).not.toContain('Bằng khen');
    // The form the Council named is the one in the list.
    expect(text).toContain('Giấy khen của Chủ tịch UBND xã');

    const decision = await docText(await ask(t.app, 'admin', '/vanban quyetdinh'));
    expect(decision.join('\n')).not.toContain(HYON);
    expect(decision.join('\n')).not.toContain(DUC);
    expect(decision).toContain(TRAM);

    const rows = (await sheetRows((await ask(t.app, 'admin', '/vanban danhsach excel')).files[0]!.bytes)).map((row) => row.join(' | '));
    expect(rows.some((row) => row.includes(TRAM))).toBe(true);
    expect(rows.some((row) => row.includes(HYON) || row.includes(DUC))).toBe(false);

    // Asked for by number, a higher-level nominee is refused by name, and nothing is drafted.
    const refused = await ask(t.app, 'admin', `/vanban totrinh ${ids[0]} ${ids[1]}`);
    expect(refused.files).toHaveLength(0);
    expect(refused.text).toContain(`thuộc thẩm quyền cấp trên, nên không đưa vào văn bản của xã: ${ids[1]}`);
    expect((await ask(t.app, 'admin', `/vanban quyetdinh ${ids[2]}`)).files).toHaveLength(0);
  });

  it('the draft to the higher level: only the awards above the commune chairman, addressed to who awards them', async () => {
    const r = await ask(t.app, 'admin', '/vanban captren');
    expect(r.text).toContain('Tờ trình đề nghị cấp trên khen thưởng số 01/TTr-UBND');
    expect(r.text).toContain('2 hồ sơ: 0 tập thể, 1 cá nhân, 1 hộ');
    expect(r.files[0]!.name).toBe('to-trinh-cap-tren-01-TTr-UBND-2026-03-05.docx');
    const text = await docText(r);
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Số: 01/TTr-UBND');
    expect(text).toContain('DỰ THẢO');
    expect(text.find((p) => p.startsWith('Kính gửi: '))).toContain('Chủ tịch UBND tỉnh');
    expect(text).toContain(HYON);
    expect(text).toContain(DUC);
    expect(text).toContain('Chiến sĩ thi đua cơ sở');
    expect(text).toContain('Bằng khen của Chủ tịch UBND tỉnh');
    expect(text.join('\n')).not.toContain(TRAM);
    expect(text.join('\n')).not.toContain(CHI_HOI);
    expect(text.join('\n')).not.toContain('Giấy khen của Chủ tịch UBND xã');
    // Signed by the chairman for the People's Committee.
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('CHỦ TỊCH');
    // A commune award asked for by number is refused by name.
    const refused = await ask(t.app, 'admin', `/vanban captren ${ids[0]}`);
    expect(refused.files).toHaveLength(0);
    expect(refused.text).toContain(`vượt thẩm quyền của Chủ tịch UBND xã, nên không đưa vào tờ trình đề nghị cấp trên: ${ids[0]}`);
    // The list of the higher level's tờ trình, as a workbook, is the same two.
    const rows = (await sheetRows((await ask(t.app, 'admin', '/vanban danhsach captren excel')).files[0]!.bytes)).map((row) => row.join(' | '));
    expect(rows.filter((row) => row.includes(HYON) || row.includes(DUC))).toHaveLength(2);
    expect(rows.some((row) => row.includes(TRAM))).toBe(false);
  });

  it('a recorded tờ trình prints as sent, never with a commune award in it, and is offered as a button', async () => {
    // A commune award slipped into the record (the repository does not check authority): never printed upward.
    await t.app.services.council.recordProposal({
      planSlug: PLAN,
      number: '45/TTr-UBND',
      sentOn: '2026-03-06',
      toAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh Gia Lai',
      items: [
        { nominationId: ids[1]!, awardCode: 'chien-si-thi-dua-co-so' },
        { nominationId: ids[2]!, awardCode: 'bang-khen-ubnd-tinh' },
        { nominationId: ids[0]!, awardCode: 'giay-khen' },
      ],
      byId: chair,
      now: t.now(),
    });
    const r = await ask(t.app, 'chair', '/vanban captren 45/TTr-UBND');
    expect(r.text).toContain(
      'Tờ trình số 45/TTr-UBND ngày 06/03/2026 gửi Chủ tịch Ủy ban nhân dân tỉnh Gia Lai (đã ghi nhận): 2 hồ sơ: 0 tập thể, 1 cá nhân, 1 hộ',
    );
    const text = await docText(r);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('Số: 45/TTr-UBND');
    expect(text).toContain('Ia Bang, ngày 06 tháng 3 năm 2026');
    expect(text).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Gia Lai');
    expect(text).toContain(HYON);
    expect(text).toContain(DUC);
    expect(text.join('\n')).not.toContain(TRAM);
    expect(text.join('\n')).not.toContain('Giấy khen của Chủ tịch UBND xã');

    // Sent upward (PROPOSED_HIGHER), they are in no commune document either.
    const commune = await ask(t.app, 'admin', '/vanban totrinh');
    expect((await docText(commune)).join('\n')).not.toContain(HYON);
    // Nothing left to propose upward: said so, with the recorded tờ trình as a button.
    const none = await ask(t.app, 'admin', '/vanban captren');
    expect(none.files).toHaveLength(0);
    expect(none.text).toContain('Chưa có hồ sơ nào được Hội đồng thống nhất đề nghị danh hiệu, hình thức khen thưởng thuộc thẩm quyền cấp trên');
    expect(
      none.outcome.replies
        .flatMap((x) => x.buttons ?? [])
        .flat()
        .map((b) => b.action),
    ).toEqual(['vb:captren 45/TTr-UBND']);
    expect((await ask(t.app, 'admin', '/vanban captren 99/TTr-UBND')).text).toContain('Không có tờ trình đề nghị cấp trên số “99/TTr-UBND”');
  });

  it('in English the preview is English; the document stays Vietnamese', async () => {
    await ask(t.app, 'admin', '/lang en');
    const r = await ask(t.app, 'admin', '/documents higher');
    expect(r.text).toContain('Proposal to the higher level No. 01/TTr-UBND');
    expect(r.text).toContain('2 nominations: 0 collectives, 1 individual, 1 household');
    expect(await docText(r)).toContain('TỜ TRÌNH');
  });
});
