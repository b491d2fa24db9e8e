/**
 * Commending an approved exemplar (nom:c:<id>, administrators): a form the commune awards is saved;
 * a form of a higher level asks for confirmation that it is proposed upward; the same nominee is not
 * commended twice for the same plan and movement without an override reason.
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest, decideDirect, last, seed } from './fixtures.ts';

const open = appsPerTest();

async function withExemplar(): Promise<{ t: TestApp; id: number }> {
  const t = await open();
  await t.grant('adm', 'ADMIN');
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  const n = await seed(t, { proposer: 'o1' });
  await decideDirect(t, n.id, 'APPROVE');
  return { t, id: n.id };
}

/** Admin commends nomination `id` with the award whose button contains `award`, up to the question after the date. */
async function commendUpToDate(t: TestApp, id: number, award: string, number: string, date: string) {
  let r = await t.tap('adm', `nom:c:${id}`);
  expect(last(r)).toContain('Chọn hình thức khen thưởng');
  r = await t.tap('adm', button(r, award));
  expect(last(r)).toContain('Gõ số quyết định');
  r = await t.say('adm', number);
  expect(last(r)).toContain('Gõ ngày quyết định');
  return t.say('adm', date);
}

const commendations = (t: TestApp) => t.prisma.commendation.findMany({ orderBy: { id: 'asc' } });

describe('commendation', () => {
  it('offers the forms valid today, marked by who awards them; the admin button is shown to admins only', async () => {
    const { t, id } = await withExemplar();
    const view = await t.tap('adm', `nom:v:${id}`);
    const r = await t.tap('adm', button(view, 'Khen thưởng'));
    const labels = r.flatMap((x) => x.buttons.flat().map((b) => b.label));
    expect(labels).toContain('Giấy khen (xã tặng)');
    expect(labels).toContain('Bằng khen của Chủ tịch UBND tỉnh (đề nghị cấp trên)');
    expect(labels).toContain('Tập thể lao động tiên tiến (đề nghị cấp trên)');
    expect((await t.tap('o1', `nom:v:${id}`))[0]!.buttons.flat().map((b) => b.action)).not.toContain(`nom:c:${id}`);
  });

  it('a form the commune awards is saved with its decision number and date', async () => {
    const { t, id } = await withExemplar();
    const r = await commendUpToDate(t, id, 'Giấy khen (xã tặng)', '12/QĐ-UBND', '15/11/2026');
    expect(text(r)).toContain(`Đã lưu khen thưởng cho hồ sơ #${id}.`);
    expect((await commendations(t)).map((c) => [c.awardCode, c.decisionNumber, c.decisionDate, c.proposedHigher])).toEqual([['giay-khen', '12/QĐ-UBND', '2026-11-15', false]]);
    const view = text(await t.tap('o1', `nom:v:${id}`));
    expect(view).toContain('Giấy khen, quyết định số 12/QĐ-UBND ngày 15/11/2026');
    expect(view).not.toContain('(đề nghị cấp trên)');
    expect(view).toContain('khen thưởng (đã công nhận)');
    expect(view).toContain('tạo hồ sơ (bản nháp)');
    expect(view).not.toMatch(/\(- →|đã công nhận → đã công nhận/);
    // and it shows in the public record
    expect(text(await t.tap('r1', `gv:${id}`))).toContain('Giấy khen, quyết định số 12/QĐ-UBND ngày 15/11/2026');
  });

  it('refuses a bad decision number or date with a clear message and asks again', async () => {
    const { t, id } = await withExemplar();
    let r = await t.tap('adm', `nom:c:${id}`);
    r = await t.tap('adm', button(r, 'Giấy khen'));
    r = await t.say('adm', 'x'.repeat(61));
    expect(text(r)).toContain('Số quyết định cần từ 1 đến 60 ký tự.');
    expect(last(r)).toContain('Gõ số quyết định');
    r = await t.say('adm', '12/QĐ-UBND');
    r = await t.say('adm', '31/2/2026');
    expect(text(r)).toContain('Ngày chưa đúng');
    expect(last(r)).toContain('Gõ ngày quyết định');
    r = await t.say('adm', '1/12/2026'); // tomorrow in Vietnam
    expect(text(r)).toContain('Ngày quyết định không thể ở tương lai.');
    expect(await commendations(t)).toEqual([]);
  });

  it('a form of a higher level asks to confirm it is proposed upward, and saves nothing until confirmed', async () => {
    const { t, id } = await withExemplar();
    let r = await commendUpToDate(t, id, 'Bằng khen của Chủ tịch UBND tỉnh', '20/TTr-UBND', '20/11/2026');
    expect(last(r)).toContain('Xã không tự tặng được “Bằng khen của Chủ tịch UBND tỉnh”');
    expect(last(r)).toContain('đề nghị cấp trên');
    expect(await commendations(t)).toEqual([]);
    expect(text(await t.tap('adm', button(r, 'Hủy')))).toContain('Đã hủy');
    expect(await commendations(t)).toEqual([]);

    r = await commendUpToDate(t, id, 'Bằng khen của Chủ tịch UBND tỉnh', '20/TTr-UBND', '20/11/2026');
    r = await t.tap('adm', button(r, 'Xác nhận đề nghị cấp trên'));
    expect(text(r)).toContain(`Đã lưu đề nghị cấp trên khen thưởng cho hồ sơ #${id}.`);
    expect((await commendations(t)).map((c) => [c.awardCode, c.proposedHigher])).toEqual([['bang-khen-ubnd-tinh', true]]);
    expect(text(await t.tap('o1', `nom:v:${id}`))).toContain('quyết định số 20/TTr-UBND ngày 20/11/2026 (đề nghị cấp trên)');
  });

  it('the same nominee twice for the same plan and movement needs an override reason', async () => {
    const { t, id } = await withExemplar();
    await commendUpToDate(t, id, 'Giấy khen', '12/QĐ-UBND', '15/11/2026');
    // the same station nominated again (name written differently), approved, commended again
    const again = await seed(t, { proposer: 'o1', nomineeName: 'tram y te XA' });
    await decideDirect(t, again.id, 'APPROVE');

    let r = await commendUpToDate(t, again.id, 'Giấy khen', '30/QĐ-UBND', '20/11/2026');
    expect(last(r)).toContain('Một thành tích không khen hai lần');
    expect(await commendations(t)).toHaveLength(1);
    r = await t.say('adm', 'ok');
    expect(text(r)).toContain('cần ít nhất 5 ký tự');
    expect(await commendations(t)).toHaveLength(1);
    r = await t.say('adm', 'Thành tích phòng chống dịch năm 2026, khác lần trước');
    expect(text(r)).toContain(`Đã lưu khen thưởng cho hồ sơ #${again.id}.`);
    const saved = await commendations(t);
    expect(saved.map((c) => [c.nominationId, c.overrideReason])).toEqual([
      [id, null],
      [again.id, 'Thành tích phòng chống dịch năm 2026, khác lần trước'],
    ]);
    expect(text(await t.tap('adm', `nom:v:${again.id}`))).toContain('khen thưởng (đã công nhận). Lý do: Thành tích phòng chống dịch năm 2026, khác lần trước');

    // the very same nomination commended a second time is the same achievement too
    r = await commendUpToDate(t, id, 'Lao động tiên tiến', '31/QĐ-UBND', '21/11/2026');
    expect(last(r)).toContain('Một thành tích không khen hai lần');
  });

  it('the same name under another movement is another achievement: no override asked', async () => {
    const { t, id } = await withExemplar();
    await commendUpToDate(t, id, 'Giấy khen', '12/QĐ-UBND', '15/11/2026');
    const other = await seed(t, { proposer: 'o1', movementCode: 'sang-kien' });
    await decideDirect(t, other.id, 'APPROVE');
    const r = await commendUpToDate(t, other.id, 'Giấy khen', '13/QĐ-UBND', '16/11/2026');
    expect(text(r)).toContain(`Đã lưu khen thưởng cho hồ sơ #${other.id}.`);
    expect(await commendations(t)).toHaveLength(2);
  });

  it('an administrator whose role is revoked in the middle of the dialog cannot save', async () => {
    const { t, id } = await withExemplar();
    await t.grant('adm2', 'ADMIN');
    let r = await t.tap('adm', `nom:c:${id}`);
    r = await t.tap('adm', button(r, 'Giấy khen'));
    r = await t.say('adm', '12/QĐ-UBND');
    const grant = await t.prisma.roleGrant.findFirstOrThrow({ where: { personId: await t.personId('adm'), role: 'ADMIN' } });
    await t.app.services.roles.revoke({ grantId: grant.id });
    r = await t.say('adm', '15/11/2026');
    expect(text(r)).toContain('không còn vai trò cần cho việc này; chưa có gì được lưu');
    expect(await commendations(t)).toEqual([]);
  });
});
