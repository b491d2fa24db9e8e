/**
 * Private things stay private in groups (issue [3/9]) and groups only hear our own commands
 * (issue [2/9 b]): every command of the bot, under every name and with typical arguments, is sent
 * in a group by a person holding every role, with private data in the database; nothing private
 * may come back to the group, no code is made, no dialog opens there.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core/commands.ts';
import type { InboundMessage, Outcome } from '../../../src/core/channel.ts';
import { ACTION_GROUP_POLICY, commandGroupPolicy, undecidedCommands } from '../../../src/core/group-policy.ts';
import { renderReply } from '../../../src/core/render.ts';
import { text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest } from '../nominations/fixtures.ts';

const app = appsPerTest();
const SECRETS = ['Hồ Sơ Mật', 'THÀNH TÍCH MẬT', 'VIỆC TỐT CHƯA DUYỆT', 'Người Giữ Vai Trò'];

/** A database with a submitted dossier, an unpublished deed, people with roles and an open invite. */
async function seeded(): Promise<{ t: TestApp; boss: string; codes: string[] }> {
  const t = await app();
  const boss = '500';
  const bossId = await t.grant(boss, 'ADMIN');
  await t.grant(boss, 'COUNCIL');
  await t.grant(boss, 'OFFICER', 'tram-y-te');
  const other = await t.app.services.people.ensure({ channel: 'telegram', externalId: '501', displayName: 'Người Giữ Vai Trò' });
  await t.app.services.roles.grant({ personId: other.id, role: 'COUNCIL', planSlug: t.app.catalog().plan.id });
  await t.app.services.nominations.submit({
    draft: {
      planSlug: t.app.catalog().plan.id,
      categoryCode: '3.1.5',
      movementCode: 'y-te',
      unitCode: 'tram-y-te',
      subjectType: 'COLLECTIVE',
      nomineeName: 'Hồ Sơ Mật',
      place: 'Thôn Đồng Tâm',
      achievements: 'THÀNH TÍCH MẬT',
      selfCheck: [],
      evidence: [],
    },
    proposerId: bossId,
    now: t.now(),
  });
  await t.app.services.deeds.create({
    draft: { doerName: 'Bà Lan', description: 'VIỆC TỐT CHƯA DUYỆT', place: 'Thôn Đồng Tâm', whenText: 'hôm qua', creditName: true, photos: [] },
    submitterId: other.id,
    now: t.now(),
  });
  const invite = await t.app.services.roles.createInvite({
    role: 'ADMIN',
    planSlug: t.app.catalog().plan.id,
    byId: bossId,
    expiresAt: new Date(t.now().getTime() + 86_400_000),
  });
  const link = text(await t.say(boss, '/lienket'));
  const codes = [invite, ...(/([A-Z0-9]{3,5}-[A-Z0-9]{3,5})/.exec(link) ?? []).slice(1)];
  return { t, boss, codes };
}

const inGroup = async (t: TestApp, user: string, extra: Partial<InboundMessage>): Promise<Outcome> =>
  t.app.core.handle({ channel: 'telegram', userId: user, chatId: '-1001', chatType: 'group', displayName: `User ${user}`, ...extra });
const plain = (t: TestApp, o: Outcome) => o.replies.map((r) => renderReply(t.app.translator, o.locale, r, 'plain').text).join('\n');

describe('groups: one table decides per command', () => {
  it('every command of the bot has an explicit entry', () => {
    expect(undecidedCommands()).toEqual([]);
  });

  it('walks every command in a group: nothing private, no code, no dialog, no new invite', async () => {
    const { t, boss, codes } = await seeded();
    const bossId = await t.personId(boss);
    const invitesBefore = await t.prisma.invite.count();
    const linkCodesBefore = await t.prisma.linkCode.count();
    for (const spec of COMMANDS) {
      for (const name of new Set([spec.name, spec.english, ...spec.aliases])) {
        for (const args of ['', ' ABCD-EFGH', ' y te', ' 1']) {
          const o = await inGroup(t, boss, { text: `/${name}${args}` });
          const said = plain(t, o);
          for (const secret of [...SECRETS, ...codes]) expect(said, `/${name}${args}`).not.toContain(secret);
          expect(
            o.replies
              .flatMap((r) => r.buttons ?? [])
              .flat()
              .every((b) => ACTION_GROUP_POLICY[b.action.split(':')[0]!] === 'public'),
            `/${name}${args} buttons`,
          ).toBe(true);
          if (commandGroupPolicy(spec.name) === 'private') {
            expect(o.replies).toHaveLength(1);
            expect(o.replies[0]!.deepLink).toBe(spec.name);
            expect(said).toContain('chỉ dùng trong tin nhắn riêng');
          } else {
            expect(o.replies.length, `/${name}${args}`).toBeGreaterThan(0);
          }
          expect(await t.app.services.dialogs.current(bossId), `/${name}${args} opened a dialog`).toBeNull();
        }
      }
    }
    expect(await t.prisma.invite.count()).toBe(invitesBefore);
    expect(await t.prisma.linkCode.count()).toBe(linkCodesBefore);
  });

  it('help in a group lists only the commands answered there, and shows nobody’s roles', async () => {
    const { t, boss } = await seeded();
    const said = plain(t, await inGroup(t, boss, { text: '/help' }));
    expect(said).toContain('/tieuchi');
    for (const hidden of ['/moi', '/nguoi', '/duyet', '/dangky', '/lienket']) expect(said).not.toContain(hidden);
  });

  it('a code typed in a group is not taken, and the group is told it is now known to all', async () => {
    const { t, codes } = await seeded();
    const said = plain(t, await inGroup(t, '777', { text: `/thamgia ${codes[0]}` }));
    expect(said).toContain('mọi người trong nhóm đều đã thấy');
    expect((await t.prisma.invite.findFirstOrThrow({ where: { code: codes[0]!.replace('-', '') } })).usedAt).toBeNull();
  });

  it('taps of private buttons in a group (forged or left over) only get the note', async () => {
    const { t, boss } = await seeded();
    const invitesBefore = await t.prisma.invite.count();
    for (const action of ['inv:r:ADMIN', 'rk:1', 'rv:open', 'rv:a:1', 'nom:v:1', 'hs:0', 'vt:v:1', 'pf:bulletin', 'd:_:cancel', 'tiendo', 'lang:en']) {
      const o = await inGroup(t, boss, { action });
      expect(plain(t, o), action).toBe('Nút này chỉ dùng trong tin nhắn riêng với trợ lý.');
    }
    expect(await t.prisma.invite.count()).toBe(invitesBefore);
    // Buttons of public answers still work in the group.
    expect(plain(t, await inGroup(t, boss, { action: 'criteria' }))).not.toContain('chỉ dùng trong tin nhắn riêng');
  });

  it('another bot’s bare command and chatter in a group get no answer and cost no lookup', async () => {
    const t = await app();
    const people = await t.prisma.person.count();
    for (const text of ['/ban @spammer', '/warn', 'chào cả nhà']) {
      expect((await inGroup(t, '900', { text })).replies, text).toEqual([]);
    }
    expect(await t.prisma.person.count()).toBe(people);
  });

  it('the deep link opens the private chat and runs the command asked for in the group', async () => {
    const { t, boss } = await seeded();
    const viaLink = text(await t.say(boss, '/start nguoi'));
    expect(viaLink).toContain('Người Giữ Vai Trò');
    // A dialog command from the group starts its dialog in the private chat.
    expect(text(await t.say('600', '/start viectot'))).not.toContain('Lệnh /viectot');
    expect(await t.app.services.dialogs.current(await t.personId('600'))).not.toBeNull();
  });
});
