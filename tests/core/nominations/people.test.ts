/**
 * People and roles: invite codes (/moi → role → unit → code), joining with /thamgia once, listing
 * people and revoking roles (never the last administrator).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryApp, type MemoryApp } from '../../helpers/memory-app.ts';
import { button, text } from '../../helpers/replies.ts';
import type { RenderedReply } from '../../../src/core/render.ts';
import { last, PROMPTS } from './fixtures.ts';

const open = async () => createMemoryApp();

async function withAdmin(): Promise<MemoryApp> {
  const t = await open();
  await t.grant('adm', 'ADMIN');
  return t;
}

const codeIn = (replies: RenderedReply[]): string => {
  const m = /\/thamgia ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text(replies));
  if (!m) throw new Error(`no invite code in: ${text(replies)}`);
  return m[1]!;
};

describe('invites', () => {
  it('/moi → role → unit gives a code; /thamgia CODE makes that person an officer of the unit, once', async () => {
    const t = await withAdmin();
    let r = await t.say('adm', '/moi');
    expect(text(r)).toContain('Tạo mã mời cho vai trò:');
    r = await t.tap('adm', button(r, 'Cán bộ đơn vị'));
    expect(text(r)).toContain('Cán bộ của đơn vị nào?');
    expect(r[0]!.buttons.flat()).toHaveLength(9); // every unit of the plan
    r = await t.tap('adm', button(r, 'Công an xã'));
    expect(text(r)).toContain('Mã mời Cán bộ đơn vị — Công an xã');
    expect(text(r)).toContain('hết hạn ngày 7/12/2026');
    const code = codeIn(r);

    // before joining, a resident
    expect(text(await t.say('u1', '/dangky'))).toContain('Việc này dành cho cán bộ');
    expect(text(await t.say('u1', `/thamgia ${code}`))).toContain('Bạn đã nhận vai trò: Cán bộ đơn vị — Công an xã');
    expect(last(await t.say('u1', '/dangky'))).toContain(PROMPTS.type);
    expect((await t.app.services.roles.rolesOf({ personId: await t.personId('u1'), planSlug: t.app.catalog().plan.id })).officerUnits).toEqual(['cong-an']);

    // the same code a second time, by someone else or by the same person
    expect(text(await t.say('u2', `/thamgia ${code}`))).toContain('Mã không đúng hoặc không còn dùng được');
    expect(text(await t.say('u2', '/tiendo'))).toContain('Việc này dành cho cán bộ');
    expect(text(await t.say('u1', `/join ${code.toLowerCase()}`))).toContain('Mã không đúng hoặc không còn dùng được');
  });

  it('council and administrator invites need no unit; codes are read without case or dash', async () => {
    const t = await withAdmin();
    const council = codeIn(await t.tap('adm', button(await t.say('adm', '/moi'), 'Thành viên Hội đồng')));
    expect(text(await t.say('u1', `/thamgia ${council.toLowerCase().replace('-', ' ')}`))).toContain('Bạn đã nhận vai trò: Thành viên Hội đồng.');
    expect(text(await t.say('u1', '/duyet'))).toContain('Không có hồ sơ nào chờ đồng chí cho ý kiến');

    const admin = codeIn(await t.tap('adm', button(await t.say('adm', '/moi'), 'Quản trị viên')));
    await t.say('u2', `/thamgia ${admin}`);
    expect(text(await t.say('u2', '/moi'))).toContain('Tạo mã mời cho vai trò:');
  });

  it('a wrong, missing or expired code is refused', async () => {
    const t = await withAdmin();
    expect(text(await t.say('u1', '/thamgia ABCD-EFGH'))).toContain('Mã không đúng');
    expect(text(await t.say('u1', '/thamgia'))).toContain('Gõ /thamgia kèm mã mời');
    const code = codeIn(await t.tap('adm', 'inv:r:COUNCIL'));
    t.advance(8 * 24 * 60 * 60 * 1000);
    expect(text(await t.say('u1', `/thamgia ${code}`))).toContain('Mã không đúng hoặc không còn dùng được');
    expect(text(await t.say('u1', '/duyet'))).toContain('Việc này dành cho thành viên Hội đồng');
  });
});

describe('people and revoking roles', () => {
  it('/nguoi lists the people with their roles', async () => {
    const t = await withAdmin();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    await t.grant('c1', 'COUNCIL');
    const list = text(await t.say('adm', '/nguoi'));
    expect(list).toContain('Người có vai trò (3)');
    expect(list).toContain('User o1 — Cán bộ đơn vị — Trạm Y tế xã');
    expect(list).toContain('User c1 — Thành viên Hội đồng');
  });

  it('the last administrator cannot be revoked', async () => {
    const t = await withAdmin();
    const list = await t.say('adm', '/nguoi');
    const revoke = button(list, 'Thu hồi: User adm – Quản trị viên');
    expect(text(await t.tap('adm', revoke))).toContain('Không thể thu hồi quản trị viên cuối cùng.');
    const grant = revoke.slice('rk:'.length);
    expect(text(await t.tap('adm', `rk:y:${grant}`))).toContain('Không thể thu hồi quản trị viên cuối cùng.');
    expect(await t.app.services.roles.adminIds()).toEqual([await t.personId('adm')]);
    expect(text(await t.say('adm', '/moi'))).toContain('Tạo mã mời');
  });

  it('another role is revoked after confirmation, and the person loses access at once', async () => {
    const t = await withAdmin();
    await t.grant('c1', 'COUNCIL');
    const r = await t.tap('adm', button(await t.say('adm', '/nguoi'), 'Thu hồi: User c1'));
    expect(text(r)).toContain('Thu hồi vai trò “Thành viên Hội đồng” của User c1?');
    expect(text(await t.say('c1', '/duyet'))).not.toContain('Việc này dành cho'); // not yet
    const confirm = button(r, 'Đồng ý thu hồi');
    expect(text(await t.tap('adm', confirm))).toContain('Đã thu hồi vai trò “Thành viên Hội đồng” của User c1.');
    expect(text(await t.say('c1', '/duyet'))).toContain('Việc này dành cho thành viên Hội đồng');
    expect(text(await t.tap('adm', confirm))).toContain('Vai trò này không còn nữa.'); // a second tap
  });

  it('of two administrators one can go, but then the other is the last', async () => {
    const t = await withAdmin();
    await t.grant('adm2', 'ADMIN');
    const list = await t.say('adm', '/nguoi');
    const revokeOther = button(list, 'Thu hồi: User adm2 – Quản trị viên');
    const revokeSelf = button(list, 'Thu hồi: User adm – Quản trị viên');
    // both asked while there are two administrators …
    const confirmOther = button(await t.tap('adm', revokeOther), 'Đồng ý thu hồi');
    const confirmSelf = button(await t.tap('adm', revokeSelf), 'Đồng ý thu hồi');
    // … but confirmed one after the other: the second would leave none
    expect(text(await t.tap('adm', confirmOther))).toContain('Đã thu hồi');
    expect(text(await t.tap('adm', confirmSelf))).toContain('Không thể thu hồi quản trị viên cuối cùng.');
    expect(await t.app.services.roles.adminIds()).toEqual([await t.personId('adm')]);
    expect(text(await t.say('adm2', '/moi'))).toContain('Việc này dành cho quản trị viên');
  });
});
