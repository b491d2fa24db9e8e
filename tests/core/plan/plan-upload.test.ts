/**
 * Loading a plan in chat (issue 16): an administrator sends the plan workbook to the bot; the file is
 * fetched through the channel (Telegram `getFile` on the fake Bot API), checked, summarised, applied
 * only on confirmation; officers are told what happened to their role; the honour roll spans plans.
 */
import { Api } from 'grammy';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { telegramFileReader } from '../../../src/channels/telegram/files.ts';
import { loadPlanFile } from '../../../src/core/plan/load.ts';
import type { PlanFile } from '../../../src/core/plan/plan-schema.ts';
import { writePlanXlsx } from '../../../src/plan-xlsx/workbook.ts';
import { ROOT } from '../../helpers/core-fixtures.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';
import { button, createTestApp, text, type TestApp } from '../../helpers/test-app.ts';

const SAMPLE = resolve(ROOT, 'plans/sample-2026-2030.yaml');

/**
 * A commune's own 2026–2030 plan, made from the sample: its own id and title; the unit "cong-an"
 * (and its target) left out, "tram-y-te" renamed, a new unit "ban-van-hoa".
 */
function communePlan(): PlanFile {
  const plan = structuredClone(loadPlanFile(SAMPLE));
  plan.id = 'xa-ia-bang-2026-2030';
  plan.sample = false;
  plan.title = { vi: 'Kế hoạch xây dựng điển hình tiên tiến xã Ia Bang 2026 – 2030', en: 'Ia Bang exemplars plan 2026 – 2030' };
  plan.units = plan.units.filter((u) => u.code !== 'cong-an');
  plan.quotas = plan.quotas.filter((q) => q.unit !== 'cong-an');
  plan.units.find((u) => u.code === 'tram-y-te')!.name.vi = 'Trạm Y tế xã Ia Bang';
  plan.units.push({ code: 'ban-van-hoa', name: { vi: 'Ban Văn hóa xã', en: 'Commune culture board' } });
  return plan;
}

let fake: FakeTelegram;
let t: TestApp | undefined;
let fileNo = 0;

beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A test app whose Telegram file reader talks to the fake Bot API. */
async function app(env?: Record<string, string>): Promise<TestApp> {
  t = await createTestApp({ env });
  t.app.services.files.register('telegram', telegramFileReader(new Api(fake.token, { apiRoot: fake.apiRoot }), { token: fake.token, apiRoot: fake.apiRoot }));
  return t;
}

/** `user` sends `bytes` as the document `name` (the file is put on the fake Bot API first). */
async function sendFile(app: TestApp, user: string, name: string, bytes: Uint8Array) {
  const fileRef = `plan-file-${++fileNo}`;
  fake.putFile(fileRef, bytes);
  return app.send(user, [{ kind: 'DOCUMENT', fileRef, fileName: name }]);
}

describe('an administrator loads a plan by sending the workbook', () => {
  it('checks and summarises it, and changes nothing until confirmed', async () => {
    const a = await app();
    await a.grant('adm', 'ADMIN');
    await a.grant('o-yte', 'OFFICER', 'tram-y-te');
    await a.grant('o-ca', 'OFFICER', 'cong-an');
    const downloads = fake.downloads.length;
    const summary = await sendFile(a, 'adm', 'ke-hoach-2026.xlsx', await writePlanXlsx(communePlan()));
    const said = text(summary);
    expect(fake.downloads.length).toBe(downloads + 1);
    expect(said).toContain('Đã kiểm tra tệp ke-hoach-2026.xlsx: không có lỗi.');
    expect(said).toContain('Kế hoạch: Kế hoạch xây dựng điển hình tiên tiến xã Ia Bang 2026 – 2030');
    expect(said).toContain('Thời gian thực hiện: 1/1/2026 – 31/12/2030');
    expect(said).toMatch(/Gồm 11 phong trào, 12 lĩnh vực, \d+ tiêu chí, 9 đơn vị, 10 chỉ tiêu, \d+ giai đoạn, \d+ mốc\./);
    expect(said).toContain('sẽ thay kế hoạch đang dùng (Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2021 – 2025');
    expect(said).toContain('1 đơn vị mới (ban-van-hoa), 1 đơn vị đổi tên (tram-y-te), 1 đơn vị bị bỏ (cong-an)');
    expect(said).toContain('1 cán bộ sẽ mất vai trò vì đơn vị không còn trong kế hoạch mới: User o-ca');
    expect(said).toContain('1 cán bộ giữ vai trò ở đơn vị cùng mã');
    // Nothing applied yet: the bot still answers from the old plan, and cancelling keeps it.
    expect(a.app.catalog().plan.id).toBe('ia-bang-2021-2025');
    expect(text(await a.tap('adm', button(summary, 'Hủy')))).toContain('Kế hoạch đang dùng không thay đổi');
    expect(a.app.catalog().plan.id).toBe('ia-bang-2021-2025');
    expect(a.missing).toEqual([]);
  });

  it('applies it on confirmation, tells the officers, and keeps the earlier plan readable', async () => {
    const a = await app();
    await a.grant('adm', 'ADMIN');
    await a.grant('adm2', 'ADMIN');
    const kept = await a.grant('o-yte', 'OFFICER', 'tram-y-te');
    const lost = await a.grant('o-ca', 'OFFICER', 'cong-an');
    await a.say('o-ca', '/lang en');
    const week = new Date(a.now().getTime() + 7 * 86_400_000);
    const keptCode = await a.app.services.roles.createInvite({
      role: 'OFFICER',
      planSlug: 'ia-bang-2021-2025',
      unitCode: 'tram-y-te',
      byId: null,
      expiresAt: week,
    });
    const goneCode = await a.app.services.roles.createInvite({
      role: 'OFFICER',
      planSlug: 'ia-bang-2021-2025',
      unitCode: 'cong-an',
      byId: null,
      expiresAt: week,
    });
    const summary = await sendFile(a, 'adm', 'ke-hoach-2026.xlsx', await writePlanXlsx(communePlan()));
    const apply = button(summary, 'Áp dụng');
    // Only the administrator who sent the file applies it.
    expect(text(await a.tap('adm2', apply))).toContain('Chỉ quản trị viên đã gửi tệp mới áp dụng được');
    expect(a.app.catalog().plan.id).toBe('ia-bang-2021-2025');

    const done = text(await a.tap('adm', apply));
    expect(done).toContain('Đã áp dụng kế hoạch: Kế hoạch xây dựng điển hình tiên tiến xã Ia Bang 2026 – 2030.');
    expect(done).toContain('Đã báo 1 cán bộ: tiếp tục vai trò');
    expect(done).toContain('Đã báo 1 cán bộ: đơn vị không còn trong kế hoạch');
    expect(a.app.catalog().plan.id).toBe('xa-ia-bang-2026-2030');
    expect(text(await a.tap('adm', apply))).toContain('Kế hoạch này đã được áp dụng rồi');

    const outbox = await a.outbox();
    const to = (id: number) =>
      outbox
        .filter((o) => o.personId === id)
        .map((o) => o.text)
        .join('\n');
    expect(to(kept)).toContain('Đồng chí tiếp tục là cán bộ của Trạm Y tế xã Ia Bang trong kế hoạch này');
    // Told in their own language (English here), the unit and plan named in it.
    expect(to(lost)).toContain('A new plan was applied: Ia Bang exemplars plan 2026 – 2030. Your unit');
    expect(to(lost)).toContain('is not in this plan');
    expect(to(lost)).toContain('Please contact User adm');
    // The kept officer registers under the new plan; the other no longer may.
    expect(text(await a.say('o-yte', '/dangky'))).not.toContain('dành cho');
    expect(text(await a.say('o-ca', '/dangky'))).toMatch(/This is for officers/);
    // An invite not used yet follows its unit to the new plan; one for a unit that is gone has ended.
    await a.say('newbie', `/thamgia ${keptCode}`);
    expect(text(await a.say('newbie', '/dangky'))).not.toContain('dành cho');
    expect(text(await a.say('late', `/thamgia ${goneCode}`))).toContain('Mã không đúng hoặc không còn dùng được');
    expect(a.missing).toEqual([]);
  });

  it('answers every mistake of the workbook in Vietnamese, with sheet, row and column, and stages nothing', async () => {
    const a = await app();
    await a.grant('adm', 'ADMIN');
    const broken = communePlan();
    broken.categories[0]!.criteria[0]!.text.vi = '';
    broken.units[0]!.code = 'mã sai';
    const said = text(await sendFile(a, 'adm', 'ke-hoach-loi.xlsx', await writePlanXlsx(broken)));
    expect(said).toMatch(/Tệp ke-hoach-loi\.xlsx có \d+ lỗi, chưa nạp gì/);
    expect(said).toMatch(/Sheet Tiêu chí, dòng \d+, cột [A-Z]+: thiếu/);
    expect(said).toMatch(/Sheet Đơn vị, dòng \d+, cột A: mã “?«?mã sai/);
    expect(said).not.toContain('Áp dụng');
    expect(a.app.catalog().plan.id).toBe('ia-bang-2021-2025');
  });

  it('refuses a confirmation from someone who is no longer an administrator', async () => {
    const a = await app();
    const adm = await a.grant('adm', 'ADMIN');
    const summary = await sendFile(a, 'adm', 'ke-hoach.xlsx', await writePlanXlsx(communePlan()));
    await a.prisma.roleGrant.deleteMany({ where: { personId: adm, role: 'ADMIN' } });
    await a.grant('someone-else', 'ADMIN');
    const apply = button(summary, 'Áp dụng');
    expect(text(await a.tap('adm', apply))).toContain('Việc này dành cho quản trị viên');
    // The write itself checks again (a role removed between the tap and the write).
    const uploadId = Number(apply.split(':')[2]);
    expect(await a.app.services.plans.apply({ uploadId, byId: adm, now: a.now() })).toEqual({ ok: false, reason: 'denied' });
    expect(a.app.catalog().plan.id).toBe('ia-bang-2021-2025');
  });

  it('does not read files from people who are not administrators', async () => {
    const a = await app();
    const downloads = fake.downloads.length;
    const said = text(await sendFile(a, 'resident', 'ke-hoach.xlsx', await writePlanXlsx(communePlan())));
    expect(said).toContain('không có hồ sơ nào đang mở');
    expect(fake.downloads.length).toBe(downloads);
  });

  it('says so when the file is the active plan already', async () => {
    const a = await app();
    await a.grant('adm', 'ADMIN');
    const said = text(await sendFile(a, 'adm', 'ke-hoach.xlsx', await writePlanXlsx(a.app.catalog().plan)));
    expect(said).toContain('giống hệt kế hoạch đang dùng');
  });

  it('keeps the applied plan active after a restart, and the honour roll shows exemplars of both plans', async () => {
    const a = await app();
    const adm = await a.grant('adm', 'ADMIN');
    // An exemplar recognised under the 2021–2025 plan.
    const oldPlan = await a.prisma.plan.findUniqueOrThrow({ where: { slug: 'ia-bang-2021-2025' }, select: { id: true } });
    const category = await a.prisma.category.findFirstOrThrow({ where: { planId: oldPlan.id }, select: { id: true } });
    const unit = await a.prisma.unit.findFirstOrThrow({ where: { planId: oldPlan.id, code: 'tram-y-te' }, select: { id: true } });
    await a.prisma.nomination.create({
      data: {
        planId: oldPlan.id,
        categoryId: category.id,
        unitId: unit.id,
        proposerId: adm,
        subjectType: 'INDIVIDUAL',
        nomineeName: 'Rơ Mah Hlim',
        nomineeKey: 'ro mah hlim',
        place: 'Làng Bang',
        achievements: 'Vận động tiêm chủng',
        selfCheck: '[]',
        state: 'APPROVED',
        decidedAt: new Date('2025-12-20T03:00:00Z'),
      },
    });
    const summary = await sendFile(a, 'adm', 'ke-hoach.xlsx', await writePlanXlsx(communePlan()));
    await a.tap('adm', button(summary, 'Áp dụng'));
    const roll = await a.say('resident', '/guong');
    expect(text(roll)).toContain('Rơ Mah Hlim');
    expect(text(roll)).toContain('Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2021 – 2025');
    expect(text(await a.tap('resident', button(roll, 'Rơ Mah Hlim')))).toContain('Vận động tiêm chủng');

    // A second start on the same database, with the same PLAN_FILE (unchanged since the last start).
    const again = await createTestApp({ databaseUrl: a.databaseUrl });
    try {
      expect(await again.app.syncActivePlan()).toBe(false);
      expect(again.app.catalog().plan.id).toBe('xa-ia-bang-2026-2030');
      expect(text(await again.say('resident', '/guong'))).toContain('Rơ Mah Hlim');
    } finally {
      await again.close();
    }
  });
});

describe('an edit of the active plan (same code)', () => {
  it('is updated in place: officers keep their unit, nobody is told of a new plan', async () => {
    const a = await app();
    await a.grant('adm', 'ADMIN');
    const officer = await a.grant('o-yte', 'OFFICER', 'tram-y-te');
    const edited = structuredClone(a.app.catalog().plan);
    edited.units.find((u) => u.code === 'tram-y-te')!.name.vi = 'Trạm Y tế xã Ia Bang';
    const summary = await sendFile(a, 'adm', 'ke-hoach-sua.xlsx', await writePlanXlsx(edited));
    expect(text(summary)).toContain('Đây là bản sửa của kế hoạch đang dùng (cùng mã ia-bang-2021-2025)');
    expect(text(summary)).toContain('1 đơn vị đổi tên (tram-y-te)');
    expect(text(await a.tap('adm', button(summary, 'Áp dụng')))).toContain('Đã áp dụng kế hoạch');
    expect(a.app.catalog().unitName('tram-y-te', 'vi')).toBe('Trạm Y tế xã Ia Bang');
    expect((await a.outbox()).filter((o) => o.personId === officer)).toEqual([]);
    expect(text(await a.say('o-yte', '/dangky'))).not.toContain('dành cho');
  });

  it('that removes a unit records still use is refused, and nothing changes', async () => {
    const a = await app();
    const adm = await a.grant('adm', 'ADMIN');
    const plan = await a.prisma.plan.findUniqueOrThrow({ where: { slug: 'ia-bang-2021-2025' }, select: { id: true } });
    const category = await a.prisma.category.findFirstOrThrow({ where: { planId: plan.id }, select: { id: true } });
    const unit = await a.prisma.unit.findFirstOrThrow({ where: { planId: plan.id, code: 'cong-an' }, select: { id: true } });
    await a.prisma.nomination.create({
      data: {
        planId: plan.id,
        categoryId: category.id,
        unitId: unit.id,
        proposerId: adm,
        subjectType: 'INDIVIDUAL',
        nomineeName: 'Ksor Y',
        nomineeKey: 'ksor y',
        place: 'Làng Bang',
        achievements: 'Giữ gìn an ninh',
        selfCheck: '[]',
        state: 'SUBMITTED',
      },
    });
    const edited = structuredClone(a.app.catalog().plan);
    edited.units = edited.units.filter((u) => u.code !== 'cong-an');
    edited.quotas = edited.quotas.filter((q) => q.unit !== 'cong-an');
    const summary = await sendFile(a, 'adm', 'ke-hoach-sua.xlsx', await writePlanXlsx(edited));
    expect(text(summary)).toContain('1 đơn vị bị bỏ (cong-an)');
    expect(text(await a.tap('adm', button(summary, 'Áp dụng')))).toContain('Chưa áp dụng được: bản sửa bỏ một lĩnh vực hoặc đơn vị mà hồ sơ đã có đang dùng');
    expect(a.app.catalog().plan.units.some((u) => u.code === 'cong-an')).toBe(true);
  });
});

describe('records of earlier plans', () => {
  it('stay readable from /hoso after a switch, whole for staff, without buttons that would change them', async () => {
    const a = await app();
    const adm = await a.grant('adm', 'ADMIN');
    await a.grant('o-yte', 'OFFICER', 'tram-y-te');
    const oldPlan = await a.prisma.plan.findUniqueOrThrow({ where: { slug: 'ia-bang-2021-2025' }, select: { id: true } });
    const category = await a.prisma.category.findFirstOrThrow({ where: { planId: oldPlan.id }, select: { id: true } });
    const unit = await a.prisma.unit.findFirstOrThrow({ where: { planId: oldPlan.id, code: 'tram-y-te' }, select: { id: true } });
    const old = await a.prisma.nomination.create({
      data: {
        planId: oldPlan.id,
        categoryId: category.id,
        unitId: unit.id,
        proposerId: adm,
        subjectType: 'INDIVIDUAL',
        nomineeName: 'Siu Thuong',
        nomineeKey: 'siu thuong',
        place: 'Làng Tơ',
        achievements: 'Hiến đất làm đường',
        selfCheck: '[]',
        state: 'RETURNED',
      },
    });
    const summary = await sendFile(a, 'adm', 'ke-hoach.xlsx', await writePlanXlsx(communePlan()));
    await a.tap('adm', button(summary, 'Áp dụng'));

    const mine = await a.say('o-yte', '/hoso');
    const earlier = await a.tap('o-yte', button(mine, 'Hồ sơ của các kế hoạch trước'));
    expect(text(earlier)).toContain('Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2021 – 2025');
    expect(text(earlier)).toContain(`#${old.id} Siu Thuong`);
    const opened = await a.tap('o-yte', button(earlier, 'Siu Thuong'));
    expect(text(opened)).toContain('Hiến đất làm đường');
    expect(opened.flatMap((r) => r.buttons.flat()).map((b) => b.label)).toEqual([]);
    // The buttons of the earlier plan's record no longer act on it.
    expect(text(await a.tap('o-yte', `nom:e:${old.id}`))).toContain('Không tìm thấy');
    // A resident sees nothing of a record that was not recognised.
    expect(text(await a.tap('resident', `nom:v:${old.id}`))).toContain('Không tìm thấy');
    expect(a.missing).toEqual([]);
  });
});

describe('several instances on one database', () => {
  it('a plan applied on one instance reaches the other at its next sync', async () => {
    const a = await app();
    await a.grant('adm', 'ADMIN');
    const other = await createTestApp({ databaseUrl: a.databaseUrl });
    try {
      const summary = await sendFile(a, 'adm', 'ke-hoach.xlsx', await writePlanXlsx(communePlan()));
      await a.tap('adm', button(summary, 'Áp dụng'));
      expect(text(await other.say('r1', '/chitieu'))).toContain('Chỉ tiêu giai đoạn 2021 – 2025');
      expect(await other.app.syncActivePlan()).toBe(true);
      expect(other.app.catalog().plan.id).toBe('xa-ia-bang-2026-2030');
      expect(text(await other.say('r1', '/chitieu'))).toContain('Chỉ tiêu giai đoạn 2026 – 2030');
    } finally {
      await other.close();
    }
  });
});

describe('the sample plan', () => {
  it('warns at every registration while it is the active plan, and not under a real plan', async () => {
    const a = await app({ PLAN_FILE: SAMPLE });
    await a.grant('o1', 'OFFICER', 'tram-y-te');
    expect(text(await a.say('o1', '/dangky'))).toContain('bot đang dùng kế hoạch MẪU giai đoạn 2026 – 2030');
    await a.say('o1', '/huy');
    expect(text(await a.say('r1', '/viectot'))).toContain('Những gì đăng ký bây giờ được ghi theo kế hoạch mẫu này');
    expect(a.missing).toEqual([]);
    await a.close();
    t = undefined;
    const real = await app();
    await real.grant('o1', 'OFFICER', 'tram-y-te');
    expect(text(await real.say('o1', '/dangky'))).not.toContain('MẪU');
  });
});
