import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { renderReply } from '../../src/core/render.ts';
import { approved, ask, NOMINEES, paragraphs, part, PLAN } from './fixtures.ts';

/** 15 March 2026, 09:00 in Vietnam. */
const START = new Date('2026-03-15T02:00:00Z');
const [TRAM, HYON, DUC, CHI_HOI] = NOMINEES.map((n) => n.nomineeName) as [string, string, string, string];

describe('/vanban quyetdinh: choosing the decision to print — by number, by nominee, from the recorded list', () => {
  let t: TestApp;
  let ids: number[];

  beforeEach(async () => {
    t = await createTestApp({ start: START });
    await t.grant('admin', 'ADMIN');
    const chair = await t.grant('chair', 'CHAIR');
    const officer = await t.grant('officer', 'OFFICER', 'tram-y-te');
    const member = await t.grant('member', 'COUNCIL');
    ids = [];
    for (const n of NOMINEES) ids.push(await approved(t.app, officer, member, n, t.now()));
    const council = t.app.services.council;
    await council.recordDecision({
      planSlug: PLAN,
      number: '07/QĐ-UBND',
      signedOn: '2026-03-10',
      items: [
        { nominationId: ids[0]!, awardCode: 'giay-khen' },
        { nominationId: ids[1]!, awardCode: 'lao-dong-tien-tien' },
      ],
      byId: chair,
      now: t.now(),
    });
    await council.recordDecision({
      planSlug: PLAN,
      number: '08/QĐ-UBND',
      signedOn: '2026-03-12',
      items: [{ nominationId: ids[2]!, awardCode: 'gia-dinh-van-hoa' }],
      byId: chair,
      now: t.now(),
    });
    // ids[3] (the women's branch) still awaits the chairman.
  });
  afterEach(async () => {
    await t.close();
  });

  const actions = (r: Awaited<ReturnType<typeof ask>>) =>
    r.outcome.replies
      .flatMap((x) => x.buttons ?? [])
      .flat()
      .map((b) => b.action);
  /** The button labels as a person reads them. */
  const labels = (r: Awaited<ReturnType<typeof ask>>) =>
    r.outcome.replies.flatMap((x) =>
      renderReply(t.app.translator, r.outcome.locale, x, 'plain')
        .buttons.flat()
        .map((b) => b.label),
    );
  const docText = async (bytes: Uint8Array) => paragraphs(await part(bytes, 'word/document.xml'));

  it('the draft holds only what awaits the decision; the recorded decisions come as buttons, newest first, and a tap prints one as recorded', async () => {
    const r = await ask(t.app, 'admin', '/vanban quyetdinh');
    expect(r.text).toContain('Dự thảo quyết định số 01/QĐ-UBND, 1 hồ sơ: 1 tập thể');
    const draft = await docText(r.files[0]!.bytes);
    expect(draft).toContain(CHI_HOI);
    expect(draft.join('\n')).not.toContain(TRAM);
    expect(actions(r)).toEqual(['vb:quyetdinh 08/QĐ-UBND', 'vb:quyetdinh 07/QĐ-UBND']);
    expect(labels(r)).toEqual(['Quyết định số 08/QĐ-UBND ngày 12/03/2026 (1 hồ sơ)', 'Quyết định số 07/QĐ-UBND ngày 10/03/2026 (2 hồ sơ)']);

    const tapped = await t.app.core.handle({ channel: 'telegram', userId: 'admin', chatId: 'admin', chatType: 'private', action: 'vb:quyetdinh 07/QĐ-UBND' });
    const file = tapped.replies.flatMap((x) => x.files ?? [])[0]!;
    const text = await docText(file.bytes);
    expect(text.some((p) => p.includes('Số: 07/QĐ-UBND'))).toBe(true);
    expect(text).toContain('Ia Bang, ngày 10 tháng 3 năm 2026');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain(TRAM);
    expect(text).toContain(HYON);
    expect(text.join('\n')).not.toContain(DUC);
    // Each nominee with the title or form this decision gave.
    expect(text).toContain('Lao động tiên tiến');
    expect(text).toContain('Giấy khen của Chủ tịch UBND xã');
    // The other decision is offered under it.
    expect(
      tapped.replies
        .flatMap((x) => x.buttons ?? [])
        .flat()
        .map((b) => b.action),
    ).toEqual(['vb:quyetdinh 08/QĐ-UBND']);
  });

  it('by a nominee’s id: the decision that awarded it; ids in several decisions or not decided are explained, nothing guessed', async () => {
    const one = await ask(t.app, 'admin', `/vanban quyetdinh ${ids[2]}`);
    expect(one.text).toContain('Quyết định số 08/QĐ-UBND ngày 12/03/2026 (đã ghi nhận): 1 hồ sơ: 0 tập thể, 0 cá nhân, 1 hộ');
    const text = await docText(one.files[0]!.bytes);
    expect(text).toContain(DUC);
    expect(text).toContain('Gia đình văn hóa');

    const both = await ask(t.app, 'admin', `/vanban quyetdinh ${ids[1]} ${ids[0]}`);
    expect(both.text).toContain('Quyết định số 07/QĐ-UBND ngày 10/03/2026 (đã ghi nhận): 2 hồ sơ');

    const several = await ask(t.app, 'admin', `/vanban quyetdinh ${ids[0]} ${ids[2]}`);
    expect(several.files).toHaveLength(0);
    expect(several.text).toContain(`Hồ sơ số ${ids[0]} đã có Quyết định số 07/QĐ-UBND.`);
    expect(several.text).toContain(`Hồ sơ số ${ids[2]} đã có Quyết định số 08/QĐ-UBND.`);
    expect(several.text).toContain('đồng chí chọn quyết định cần in');
    expect(actions(several).sort()).toEqual(['vb:quyetdinh 07/QĐ-UBND', 'vb:quyetdinh 08/QĐ-UBND']);

    const mixed = await ask(t.app, 'admin', `/vanban quyetdinh ${ids[0]} ${ids[3]}`);
    expect(mixed.files).toHaveLength(0);
    expect(mixed.text).toContain(`Các hồ sơ sau chưa có quyết định: ${ids[3]}`);
    expect(actions(mixed)).toEqual(['vb:quyetdinh 07/QĐ-UBND']);

    const pending = await ask(t.app, 'admin', `/vanban quyetdinh ${ids[3]}`);
    expect(pending.text).toContain('Dự thảo quyết định số');
    expect(await docText(pending.files[0]!.bytes)).toContain(CHI_HOI);
  });

  it('the list of recorded decisions to choose from; an unknown number offers them too; none yet is said', async () => {
    const list = await ask(t.app, 'chair', '/vanban quyetdinh ds');
    expect(list.files).toHaveLength(0);
    expect(list.text).toContain('Có 2 quyết định khen thưởng của Chủ tịch UBND xã đã ghi nhận');
    expect(actions(list)).toEqual(['vb:quyetdinh 08/QĐ-UBND', 'vb:quyetdinh 07/QĐ-UBND']);
    const unknown = await ask(t.app, 'chair', '/vanban quyetdinh 99/QĐ-UBND');
    expect(unknown.text).toContain('Không có quyết định khen thưởng của Chủ tịch UBND xã số “99/QĐ-UBND”');
    expect(actions(unknown)).toHaveLength(2);
    await ask(t.app, 'admin', '/lang en');
    const en = await ask(t.app, 'admin', '/documents decision list');
    expect(en.text).toContain('2 award decisions of the commune chairman recorded');
    expect(labels(en)).toContain('Decision No. 07/QĐ-UBND of 10 Mar 2026 (2 nominations)');
  });

  it('with no decision recorded, the list says so', async () => {
    const fresh = await createTestApp({ start: START });
    try {
      await fresh.grant('admin', 'ADMIN');
      expect((await ask(fresh.app, 'admin', '/vanban quyetdinh ds')).text).toContain('Chưa có quyết định khen thưởng nào của Chủ tịch UBND xã được ghi nhận');
    } finally {
      await fresh.close();
    }
  });
});
