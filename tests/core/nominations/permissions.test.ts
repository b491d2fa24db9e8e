/**
 * The permission matrix, checked in core through what people type and tap: residents, officers of
 * one unit, council members and administrators, and forged button actions.
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest, decideDirect, recogniseDirect, last, PROMPTS, seed, sharedApp, stateOf, voteVia, walkTo } from './fixtures.ts';

const open = appsPerTest();

const DENIED = {
  officer: 'Việc này dành cho cán bộ của đơn vị chủ trì',
  council: 'Việc này dành cho thành viên Hội đồng',
  admin: 'Việc này dành cho quản trị viên',
  staff: 'Việc này dành cho cán bộ, thành viên Hội đồng và quản trị viên',
} as const;

async function world(): Promise<TestApp> {
  const t = await open();
  await populate(t);
  return t;
}

async function populate(t: TestApp): Promise<void> {
  await t.grant('adm', 'ADMIN');
  await t.grant('c1', 'COUNCIL');
  await t.grant('c2', 'COUNCIL');
  await t.grant('c3', 'COUNCIL');
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  await t.grant('o2', 'OFFICER', 'cong-an');
}

describe('permissions: a resident', () => {
  const shared = sharedApp(async (t) => {
    await populate(t);
    await seed(t, { proposer: 'o1' });
  });

  it.each([
    ['/dangky', DENIED.officer],
    ['/nominate', DENIED.officer],
    ['/duyet', DENIED.council],
    ['/review', DENIED.council],
    ['/tiendo', DENIED.staff],
    ['/hoso', DENIED.staff],
    ['/moi', DENIED.admin],
    ['/nguoi', DENIED.admin],
  ])('cannot use %s', async (command, refusal) => {
    const t = shared();
    const reply = text(await t.say('r1', command));
    expect(reply).toContain(refusal);
    expect(reply).not.toContain('Trạm Y tế xã'); // nothing of the data leaks
    expect(await t.prisma.dialogState.count()).toBe(0);
  });

  it('gets no further with forged buttons either', async () => {
    const t = shared();
    const n = (await t.app.services.nominations.list({ planSlug: t.app.catalog().plan.id, offset: 0, limit: 1 })).items[0]!;
    expect(text(await t.tap('r1', `rv:a:${n.id}`))).toContain(DENIED.council);
    expect(text(await t.tap('r1', `rv:x:${n.id}`))).toContain(DENIED.council);
    expect(text(await t.tap('r1', `nom:v:${n.id}`))).toContain(DENIED.staff);
    expect(text(await t.tap('r1', `nom:O:${n.id}`))).toContain(DENIED.staff);
    expect(text(await t.tap('r1', 'hs:0:'))).toContain(DENIED.officer);
    expect(text(await t.tap('r1', 'inv:r:ADMIN'))).toContain(DENIED.admin);
    expect(text(await t.tap('r1', 'd:sum:ok'))).toContain('Nút này đã cũ');
    expect(await stateOf(t, n.id)).toBe('SUBMITTED');
    expect(await t.prisma.vote.count()).toBe(0);
    expect(await t.prisma.invite.count()).toBe(0);
    expect(await t.prisma.dialogState.count()).toBe(0);
  });
});

describe('permissions: roles revoked in the middle of a dialog', () => {
  it('an officer whose role is revoked in the middle of /dangky cannot submit', async () => {
    const t = await world();
    const r = await walkTo(t, 'o1', 'summary');
    const grant = await t.prisma.roleGrant.findFirstOrThrow({ where: { personId: await t.personId('o1'), role: 'OFFICER' } });
    await t.app.services.roles.revoke({ grantId: grant.id });
    const after = text(await t.tap('o1', button(r, 'Gửi đề nghị')));
    expect(after).toContain('không còn vai trò cần cho việc này; chưa có gì được lưu');
    expect(after).not.toContain('Đã gửi hồ sơ');
    expect(await t.prisma.nomination.count()).toBe(0);
  });
});

describe('permissions: an officer of another unit', () => {
  it('cannot open, edit or annotate a nomination of another unit, nor find it in /hoso', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    expect(text(await t.tap('o2', `nom:v:${n.id}`))).toContain(DENIED.staff);
    expect(text(await t.tap('o2', `nom:O:${n.id}`))).toContain(DENIED.staff);
    expect(text(await t.say('o2', '/hoso'))).toContain('Đơn vị chưa có hồ sơ nào');
    expect(text(await t.say('o2', '/hoso tram'))).toContain('Không có hồ sơ nào có tên khớp');

    await decideDirect(t, n.id, 'ASK_CHANGES', 'Thiếu minh chứng');
    const edit = text(await t.tap('o2', `nom:e:${n.id}`));
    expect(edit).toContain(DENIED.staff);
    expect(edit).not.toContain(PROMPTS.summary);
    expect(await t.prisma.dialogState.count()).toBe(0);

    // the unit's own officer can (the same actions are not simply broken)
    expect(text(await t.tap('o1', `nom:v:${n.id}`))).toContain(`Hồ sơ #${n.id} — Trạm Y tế xã`);
    expect(last(await t.tap('o1', `nom:e:${n.id}`))).toContain(PROMPTS.summary);
  });

  it("sees only the public record of another unit's approved exemplar", async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    await recogniseDirect(t, n.id);
    const view = text(await t.tap('o2', `nom:v:${n.id}`));
    expect(view).toContain('Được công nhận điển hình tiên tiến');
    expect(view).not.toContain('Lịch sử');
    expect(view).not.toContain('User o1');
  });
});

describe('permissions: council members', () => {
  it('a member may change their vote while the round is open; one vote row, and the other members still vote', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    expect(text(await voteVia(t, 'c1', n.id, 'a'))).toContain('Kết quả hiện tại: 1 đồng ý');
    const changed = text(await voteVia(t, 'c1', n.id, 'd', 'Nghĩ lại: chưa đủ minh chứng'));
    expect(changed).toContain(`Đã đổi ý kiến của đồng chí cho hồ sơ #${n.id} thành “Không đồng ý”`);
    expect(changed).toContain('Kết quả hiện tại: 0 đồng ý, 0 đề nghị bổ sung, 1 không đồng ý');
    expect(await t.prisma.vote.count()).toBe(1);
    expect(await stateOf(t, n.id)).toBe('SUBMITTED');
    // the record shows the member's own vote and reason
    expect(text(await t.tap('c1', `rv:o:${n.id}`))).toContain('Ý kiến hiện tại của đồng chí (vòng 1): Không đồng ý');
    expect(text(await t.tap('o1', `nom:v:${n.id}`))).toContain('User c1: Không đồng ý — Nghĩ lại: chưa đủ minh chứng (đã đổi ý kiến)');
    // the nomination left this member's queue but not the others'
    expect(text(await t.say('c1', '/duyet'))).toContain('Không có hồ sơ nào chờ đồng chí cho ý kiến');
    expect(text(await t.say('c2', '/duyet'))).toContain(`Hồ sơ #${n.id}`);
  });

  it('cannot record decisions, create invites or revoke roles', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    await decideDirect(t, n.id, 'AGREE');
    for (const action of [`nom:c:${n.id}`, `qd:d:${n.id}`, `qd:p:${n.id}`, `qd:x:${n.id}`])
      expect(text(await t.tap('c1', action))).toContain('Chủ tịch Hội đồng Thi đua – Khen thưởng xã hoặc bộ phận thường trực');
    expect(text(await t.say('c1', '/moi'))).toContain(DENIED.admin);
    expect(text(await t.tap('c1', 'inv:r:COUNCIL'))).toContain(DENIED.admin);
    const grant = await t.prisma.roleGrant.findFirstOrThrow({ where: { role: 'ADMIN' } });
    expect(text(await t.tap('c1', `rk:${grant.id}`))).toContain(DENIED.admin);
    expect(text(await t.tap('c1', `rk:y:${grant.id}`))).toContain(DENIED.admin);
    expect(await t.prisma.roleGrant.count({ where: { role: 'ADMIN' } })).toBe(1);
    expect(await t.prisma.invite.count()).toBe(0);
    expect(await t.prisma.decision.count()).toBe(0);
    expect(await stateOf(t, n.id)).toBe('PROPOSED');
  });

  it('a member whose role is revoked while typing a reason cannot vote', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    expect(last(await t.tap('c1', `rv:v:${n.id}:1:d`))).toContain('Đồng chí nhập lý do');
    const grant = await t.prisma.roleGrant.findFirstOrThrow({ where: { personId: await t.personId('c1'), role: 'COUNCIL' } });
    await t.app.services.roles.revoke({ grantId: grant.id });
    expect(text(await t.say('c1', 'Không đủ tiêu chí của lĩnh vực'))).toContain('không còn vai trò cần cho việc này; chưa có gì được lưu');
    expect(await t.prisma.vote.count()).toBe(0);
  });
});

describe('permissions: only administrators manage invites and roles', () => {
  const shared = sharedApp(populate);

  it.each(['o1', 'c1', 'r1'])('%s cannot create an invite by command or button', async (user) => {
    const t = shared();
    expect(text(await t.say(user, '/moi'))).toContain(DENIED.admin);
    for (const action of ['inv:r:OFFICER', 'inv:r:COUNCIL', 'inv:r:ADMIN', 'inv:u:cong-an']) {
      expect(text(await t.tap(user, action))).toContain(DENIED.admin);
    }
    expect(await t.prisma.invite.count()).toBe(0);
  });

  it('an administrator can', async () => {
    const t = await world();
    const r = await t.tap('adm', 'inv:r:COUNCIL');
    expect(text(r)).toMatch(/Mã mời Thành viên Hội đồng: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(await t.prisma.invite.count()).toBe(1);
  });
});

describe('permissions: forged actions with other ids are refused politely', () => {
  const shared = sharedApp(async (t) => {
    await populate(t);
    const n = await seed(t, { proposer: 'o1' });
    await recogniseDirect(t, n.id);
  });

  it.each([
    ['o1', 'nom:v:999999', 'Không tìm thấy hồ sơ này.'],
    ['o1', 'nom:e:999999', 'Không tìm thấy hồ sơ này.'],
    ['o1', 'nom:v:abc', 'Không tìm thấy hồ sơ này.'],
    ['o1', 'nom:v:1e20', 'Không tìm thấy hồ sơ này.'],
    ['r1', 'gv:999999', 'Không tìm thấy hồ sơ này.'],
    ['r1', 'gv:abc', 'Không tìm thấy hồ sơ này.'],
    ['r1', 'gv:1e20', 'Không tìm thấy hồ sơ này.'],
    ['o1', 'hs:1e30:', 'Hồ sơ đề nghị'],
    ['r1', 'gu:1e30:', 'Điển hình tiên tiến của xã Ia Bang'],
    ['c1', 'rv:v:999999:1:a', 'Không tìm thấy hồ sơ này.'],
    ['c1', 'rv:v:1e20:1:a', 'Nút này đã cũ'],
    ['c1', 'rv:a:999999', 'Nút này đã hết hiệu lực.'],
    ['c1', 'rv:z:1', 'Nút này đã cũ'],
    ['adm', 'rk:999999', 'Vai trò này không còn nữa.'],
    ['adm', 'inv:u:no-such-unit', 'Nút này đã cũ'],
    ['adm', 'inv:r:SUPERUSER', 'Nút này đã cũ'],
  ])('%s tapping %s', async (user, action, answer) => {
    const t = shared();
    expect(text(await t.tap(user, action))).toContain(answer);
  });

  it('a return or rejection of a missing or decided nomination is refused before asking for a reason', async () => {
    const t = await world();
    const decided = await seed(t, { proposer: 'o1' });
    await recogniseDirect(t, decided.id);
    for (const action of ['rv:v:999999:1:c', `rv:v:${decided.id}:1:d`, `rv:v:${decided.id}:1:c`]) {
      const reply = text(await t.tap('c1', action));
      expect(reply).toMatch(/Không tìm thấy hồ sơ này|Nút này đã hết hiệu lực/);
      expect(reply).not.toContain('nhập lý do');
    }
    expect(await t.prisma.dialogState.count()).toBe(0);
    expect(await stateOf(t, decided.id)).toBe('APPROVED');
  });

  it('an administrator cannot record a decision for a nomination the Council has not proposed', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    for (const action of [`nom:c:${n.id}`, `qd:d:${n.id}`, `qd:p:${n.id}`]) {
      expect(text(await t.tap('adm', action))).toContain('Chỉ hồ sơ Hội đồng đã thống nhất đề nghị mới ghi được quyết định, tờ trình.');
    }
    expect(await t.prisma.dialogState.count()).toBe(0);
  });
});
