/**
 * Authorization at the moment of writing (issue [3/9]): every dialog step re-checks the role with
 * the roles read for that message, and revoking a role closes the dialogs that needed it, with a
 * message.
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest } from '../nominations/fixtures.ts';

const app = appsPerTest();

/** An officer of the health station with a submitted nomination and the note dialog open on it. */
async function officerWithOpenNote(t: TestApp): Promise<{ officer: number; id: number }> {
  const officer = await t.grant('o1', 'OFFICER', 'tram-y-te');
  const n = await t.app.services.nominations.submit({
    draft: {
      planSlug: t.app.catalog().plan.id,
      categoryCode: '3.1.5',
      movementCode: 'y-te',
      unitCode: 'tram-y-te',
      subjectType: 'COLLECTIVE',
      nomineeName: 'Trạm Y tế xã',
      place: 'Thôn Plei Ó',
      achievements: 'Tiêm chủng đầy đủ.',
      selfCheck: [],
      evidence: [],
    },
    proposerId: officer,
    now: t.now(),
  });
  await t.tap('o1', `nom:O:${n.id}`);
  expect((await t.app.services.dialogs.current(officer))?.kind).toBe('note');
  return { officer, id: n.id };
}

describe('authorization at the moment of writing', () => {
  it('an administrator revokes an officer: the open note dialog closes with a message and cannot write', async () => {
    const t = await app();
    await t.grant('a1', 'ADMIN');
    const { officer, id } = await officerWithOpenNote(t);
    const people = await t.say('a1', '/nguoi');
    const ask = await t.tap('a1', button(people, /Thu hồi: User o1/));
    expect(text(await t.tap('a1', button(ask, 'Đồng ý thu hồi')))).toContain('Đã thu hồi');

    expect(await t.app.services.dialogs.current(officer)).toBeNull();
    const notice = (await t.outbox()).find((o) => o.personId === officer && o.text.includes('vừa được thu hồi'));
    expect(notice?.text).toContain('việc đang làm dở đã được đóng lại');

    await t.say('o1', 'Ghi chú viết sau khi bị thu hồi vai trò');
    expect(await t.app.services.nominations.notes(id)).toEqual([]);
  });

  it('a role revoked elsewhere (another instance, the database): the next step refuses to write and says why', async () => {
    const t = await app();
    const { officer, id } = await officerWithOpenNote(t);
    const grants = await t.prisma.roleGrant.findMany({ where: { personId: officer } });
    for (const g of grants) await t.app.services.roles.revoke({ grantId: g.id });

    const answer = text(await t.say('o1', 'Ghi chú viết sau khi bị thu hồi vai trò'));
    expect(answer).toContain('không còn vai trò cần cho việc này; chưa có gì được lưu');
    expect(await t.app.services.nominations.notes(id)).toEqual([]);
    expect(await t.app.services.dialogs.current(officer)).toBeNull();
  });

  it('the registration dialog checks the officer’s unit at every step', async () => {
    const t = await app();
    const officer = await t.grant('o2', 'OFFICER', 'tram-y-te');
    await t.say('o2', '/dangky');
    expect((await t.app.services.dialogs.current(officer))?.kind).toBe('register');
    for (const g of await t.prisma.roleGrant.findMany({ where: { personId: officer } })) await t.app.services.roles.revoke({ grantId: g.id });
    expect(text(await t.say('o2', '/tiep'))).toContain('không còn vai trò');
    expect(await t.app.services.dialogs.current(officer)).toBeNull();
  });
});
