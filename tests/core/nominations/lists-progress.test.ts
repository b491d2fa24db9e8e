/**
 * /tiendo (progress against the plan's targets), /hoso (my unit's nominations: search, pages) and
 * /guong (the public list of exemplars).
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest, decideDirect, recogniseDirect, rawTap, seed } from './fixtures.ts';

const open = appsPerTest();

async function world(): Promise<TestApp> {
  const t = await open();
  await t.grant('adm', 'ADMIN');
  await t.grant('c1', 'COUNCIL');
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  await t.grant('o2', 'OFFICER', 'cong-an');
  return t;
}

/** The mark line and the counts line of a unit's row in /tiendo. */
function row(progress: string, unit: string): [string, string] {
  const [mark, counts] = rowWithPhases(progress, unit);
  return [mark, counts];
}

/** The row, its counts and the line after (the phases, when something was recognised). */
function rowWithPhases(progress: string, unit: string): [string, string, string] {
  const lines = progress.split('\n');
  const i = lines.findIndex((l) => l.includes(` ${unit} — `));
  if (i < 0) throw new Error(`no row for ${unit} in:\n${progress}`);
  return [lines[i]!, lines[i + 1]!, lines[i + 2] ?? ''];
}

const individual = { subjectType: 'INDIVIDUAL' as const, categoryCode: '3.2.1' };

describe('/tiendo', () => {
  it('counts submitted and approved nominations per unit against the targets, and marks a target met', async () => {
    const t = await world();
    const collective = await seed(t, { proposer: 'o1' });
    const person = await seed(t, { proposer: 'o1', nomineeName: 'Y sĩ Rơ Mah Hiền', ...individual });
    const rejected = await seed(t, { proposer: 'o1', nomineeName: 'Y sĩ Ksor Thuận', ...individual });
    await seed(t, { proposer: 'o2', unitCode: 'cong-an', categoryCode: '3.1.6', movementCode: 'quoc-phong-an-ninh', nomineeName: 'Công an xã Ia Bang' });
    await recogniseDirect(t, collective.id);
    await decideDirect(t, rejected.id, 'DISAGREE', 'Chưa đủ tiêu chí');

    let progress = text(await t.say('c1', '/tiendo'));
    expect(progress).toContain('0/11 chỉ tiêu đã đạt');
    let [mark, counts] = row(progress, 'Trạm Y tế xã');
    expect(mark.startsWith('⚠️')).toBe(true);
    // the rejected one is not counted as submitted
    expect(counts).toContain('tập thể 1/1 đã công nhận (1 đã gửi), cá nhân 0/1 đã công nhận (1 đã gửi)');
    [mark, counts] = row(progress, 'Công an xã');
    expect(mark.startsWith('⚠️')).toBe(true);
    expect(counts).toContain('tập thể 0/1 đã công nhận (1 đã gửi), cá nhân 0/1 đã công nhận (0 đã gửi)');
    expect(row(progress, 'Ban Chỉ huy Quân sự xã')[1]).toContain('tập thể 0/1 đã công nhận (0 đã gửi)');

    await recogniseDirect(t, person.id);
    progress = text(await t.say('c1', '/tiendo'));
    expect(progress).toContain('1/11 chỉ tiêu đã đạt');
    [mark, counts] = row(progress, 'Trạm Y tế xã');
    expect(mark.startsWith('✅')).toBe(true);
    expect(counts).toContain('tập thể 1/1 đã công nhận (1 đã gửi), cá nhân 1/1 đã công nhận (1 đã gửi)');
    expect(row(progress, 'Công an xã')[0].startsWith('⚠️')).toBe(true);
  });

  it('counts approvals in the phase they were decided in', async () => {
    const t = await open({ start: new Date('2023-03-01T03:00:00Z') });
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    const first = await seed(t, { proposer: 'o1' });
    await recogniseDirect(t, first.id); // 1/3/2023: phase 1
    let [, counts, phases] = rowWithPhases(text(await t.say('o1', '/tiendo')), 'Trạm Y tế xã');
    expect(counts).toContain('tập thể 1/1 đã công nhận');
    expect(phases).toContain('Giai đoạn 1 (2021 – 2023): 1 công nhận, Giai đoạn 2 (2023 – 2025): 0 công nhận');

    t.advance(200 * 24 * 60 * 60 * 1000); // mid-September 2023: phase 2
    const second = await seed(t, { proposer: 'o1', nomineeName: 'Y sĩ Rơ Mah Hiền', ...individual });
    await recogniseDirect(t, second.id);
    [, counts, phases] = rowWithPhases(text(await t.say('o1', '/tiendo')), 'Trạm Y tế xã');
    expect(counts).toContain('cá nhân 1/1 đã công nhận');
    expect(phases).toContain('Giai đoạn 1 (2021 – 2023): 1 công nhận, Giai đoạn 2 (2023 – 2025): 1 công nhận');
  });

  it('shows an officer their own unit first; council members and administrators see every unit in plan order', async () => {
    const t = await world();
    const forOfficer = text(await t.say('o2', '/tiendo')).split('\n');
    const mine = forOfficer.indexOf('Đơn vị của bạn:');
    expect(mine).toBe(1);
    expect(forOfficer[mine + 1]).toContain('Công an xã — ');
    expect(forOfficer[mine + 3]).toBe('Các đơn vị khác:');
    expect(forOfficer.filter((l) => l.includes('Công an xã — '))).toHaveLength(1);

    for (const user of ['c1', 'adm']) {
      const all = text(await t.say(user, '/tiendo')).split('\n');
      expect(all).not.toContain('Đơn vị của bạn:');
      expect(all[1]).toContain('Công chức Địa chính'); // the first unit of the plan
      expect(all.filter((l) => /^(✅|⚠️) /.test(l))).toHaveLength(11);
    }
  });
});

describe('/hoso', () => {
  it("lists my unit's nominations with their state, and only theirs", async () => {
    const t = await world();
    const a = await seed(t, { proposer: 'o1' });
    await decideDirect(t, a.id, 'ASK_CHANGES', 'Bổ sung minh chứng');
    await seed(t, { proposer: 'o1', nomineeName: 'Y sĩ Rơ Mah Hiền', ...individual });
    await seed(t, { proposer: 'o2', unitCode: 'cong-an', categoryCode: '3.1.6', movementCode: 'quoc-phong-an-ninh', nomineeName: 'Công an xã Ia Bang' });

    const mine = text(await t.say('o1', '/hoso'));
    expect(mine).toContain('(1–2 / 2)');
    expect(mine).toContain(`#${a.id} Trạm Y tế xã — mục 3.1.5 — đề nghị bổ sung`);
    expect(mine).toContain('Y sĩ Rơ Mah Hiền — mục 3.2.1 — Hội đồng đang xét');
    expect(mine).not.toContain('Công an xã Ia Bang');
    // the council sees every unit's
    expect(text(await t.say('c1', '/hoso'))).toContain('(1–3 / 3)');
  });

  it('searches by nominee name without diacritics or capitals', async () => {
    const t = await world();
    for (const name of ['Nguyễn Văn An', 'Nguyễn Thị Bình', 'Hộ ông Rơ Mah Đức', 'Trần Văn Đông'])
      await seed(t, { proposer: 'o1', nomineeName: name, ...individual });
    const names = (s: string) =>
      s
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.split(' — ')[0]!.replace(/^#\d+ /, ''));

    expect(names(text(await t.say('o1', '/hoso nguyen')))).toEqual(['Nguyễn Thị Bình', 'Nguyễn Văn An']);
    expect(names(text(await t.say('o1', '/hoso NGUYEN VAN')))).toEqual(['Nguyễn Văn An']);
    expect(names(text(await t.say('o1', '/hoso duc')))).toEqual(['Hộ ông Rơ Mah Đức']);
    expect(names(text(await t.say('o1', '/hoso Đông')))).toEqual(['Trần Văn Đông']);
    expect(text(await t.say('o1', '/hoso xyz'))).toContain('Không có hồ sơ nào có tên khớp với «xyz»');
  });

  it('pages through more than 8 nominations, newest first, also within a search', async () => {
    const t = await world();
    for (let i = 1; i <= 11; i++) {
      await seed(t, { proposer: 'o1', nomineeName: `Nguyễn Văn Số ${i}`, ...individual });
      t.advance(60_000);
    }
    await seed(t, { proposer: 'o1', nomineeName: 'Trần Thị Lan', ...individual });
    const ids = (r: Awaited<ReturnType<TestApp['say']>>) =>
      r[0]!.buttons
        .flat()
        .filter((b) => b.action.startsWith('nom:v:'))
        .map((b) => b.label);

    let r = await t.say('o1', '/hoso');
    expect(text(r)).toContain('(1–8 / 12)');
    expect(ids(r)).toHaveLength(8);
    expect(ids(r)[0]).toContain('Trần Thị Lan'); // newest first
    expect(r[0]!.buttons.flat().map((b) => b.label)).not.toContain('« Trang trước');
    const firstPage = ids(r);
    r = await t.tap('o1', button(r, 'Trang sau'));
    expect(text(r)).toContain('(9–12 / 12)');
    expect(ids(r)).toHaveLength(4);
    expect(ids(r).filter((x) => firstPage.includes(x))).toEqual([]);
    expect(r[0]!.buttons.flat().map((b) => b.label)).not.toContain('Trang sau »');
    r = await t.tap('o1', button(r, 'Trang trước'));
    expect(ids(r)).toEqual(firstPage);

    r = await t.say('o1', '/hoso nguyen van so');
    expect(text(r)).toContain('(1–8 / 11)');
    r = await t.tap('o1', button(r, 'Trang sau'));
    expect(text(r)).toContain('(9–11 / 11)'); // the search is kept on the next page
    expect(text(r)).not.toContain('Trần Thị Lan');
  });
});

describe('/guong', () => {
  it('shows residents the approved exemplars only, without the proposer or the evidence', async () => {
    const t = await world();
    const evidence = [{ kind: 'PHOTO' as const, channel: 'telegram', fileRef: 'secret-photo' }];
    const approved = await seed(t, { proposer: 'o1', evidence });
    const pending = await seed(t, { proposer: 'o1', nomineeName: 'Y sĩ Rơ Mah Hiền', ...individual, evidence });
    const rejected = await seed(t, { proposer: 'o1', nomineeName: 'Y sĩ Ksor Thuận', ...individual });
    const returned = await seed(t, { proposer: 'o1', nomineeName: 'Thôn Plei Ó', ...individual });
    await recogniseDirect(t, approved.id);
    await decideDirect(t, rejected.id, 'DISAGREE', 'Chưa đủ tiêu chí');
    await decideDirect(t, returned.id, 'ASK_CHANGES', 'Bổ sung minh chứng');

    const list = await t.say('r1', '/guong');
    expect(text(list)).toContain('Điển hình tiên tiến của xã Ia Bang (1)');
    expect(text(list)).toContain('Trạm Y tế xã (tập thể, Thôn Plei Ó) — mục 3.1.5 — công nhận 30/11/2026');
    for (const hidden of ['Rơ Mah Hiền', 'Ksor Thuận', 'Chưa đủ tiêu chí', 'User o1']) expect(text(list)).not.toContain(hidden);
    expect(list[0]!.buttons.flat().map((b) => b.action)).toEqual([`gv:${approved.id}`]);

    const open = await rawTap(t, 'r1', `gv:${approved.id}`);
    const shown = text(await t.tap('r1', `gv:${approved.id}`));
    expect(shown).toContain('Được công nhận điển hình tiên tiến ngày 30/11/2026');
    for (const hidden of ['User o1', 'Lịch sử', 'Minh chứng', 'Tự đánh giá']) expect(shown).not.toContain(hidden);
    expect(open.flatMap((r) => r.attachments ?? [])).toEqual([]);
    // while the unit's officer does see the evidence
    expect((await rawTap(t, 'o1', `nom:v:${approved.id}`)).flatMap((r) => r.attachments ?? []).map((a) => a.fileRef)).toEqual(['secret-photo']);

    // nominations that are not approved stay hidden from residents, however asked for
    for (const n of [pending, rejected, returned]) {
      expect(text(await t.tap('r1', `gv:${n.id}`))).toContain('Không tìm thấy hồ sơ này.');
      expect(text(await t.tap('r1', `nom:v:${n.id}`))).toContain('Việc này dành cho cán bộ');
    }
    expect(text(await t.say('r1', '/guong hien'))).toContain('Không có điển hình nào có tên khớp với «hien»');
  });

  it('says so when nothing is approved yet', async () => {
    const t = await world();
    await seed(t, { proposer: 'o1' });
    expect(text(await t.say('r1', '/guong'))).toContain('Chưa có điển hình tiên tiến nào được công nhận');
  });
});
