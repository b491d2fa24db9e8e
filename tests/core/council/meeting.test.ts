/**
 * Recording a council meeting in chat (`/hop`, issue 12): the council chair or the standing office
 * gives the date, start and end (local time, stored UTC), place, members present and absent, who
 * presided and who took the minutes, and the Council's conclusion per nomination from the recorded
 * votes; nothing is written before the confirmation nor by someone whose role was revoked
 * meanwhile; the units are told; the biên bản is drafted from the record, end time included.
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { appsPerTest, seed, stateOf, voteVia } from '../nominations/fixtures.ts';
import { ask, paragraphs, part } from '../../documents/fixtures.ts';

const open = appsPerTest();

/** 30/11/2026 10:00 in Vietnam. */
const START = new Date('2026-11-30T03:00:00Z');

/** Officer o1 of the health station; members c1, c2, c3; the chair; the standing office. */
async function world(): Promise<TestApp> {
  const t = await open({ start: START });
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  for (const c of ['c1', 'c2', 'c3']) await t.grant(c, 'COUNCIL');
  await t.grant('chair', 'CHAIR');
  await t.grant('office', 'ADMIN');
  return t;
}

/** Walks the recorder through date, time, place, presence (c3 absent), chair (a tap) and secretary (typed). */
async function upToItems(t: TestApp, who: string) {
  let r = await t.say(who, '/hop');
  expect(text(r)).toContain('Ghi kết quả cuộc họp Hội đồng Thi đua – Khen thưởng xã (2 hồ sơ đang trong vòng xét)');
  r = await t.say(who, '1/12/2026');
  expect(text(r)).toContain('Ngày họp không được sau ngày hôm nay');
  r = await t.say(who, '30/11/2026');
  r = await t.say(who, '8:00 - 11:00');
  expect(text(r)).toContain('cuộc họp ngày 30/11/2026 chưa kết thúc (kết thúc lúc 11:00)');
  r = await t.say(who, '10:00 - 7:30');
  expect(text(r)).toContain('Giờ kết thúc phải sau giờ bắt đầu');
  r = await t.say(who, '7h30 - 9h45');
  expect(text(r)).toContain('Nhập địa điểm họp');
  r = await t.say(who, 'Hội trường UBND xã');
  expect(text(r)).toContain('Có mặt 4/4 thành viên');
  r = await t.tap(who, button(r, 'User c3'));
  expect(text(r)).toContain('Có mặt 3/4 thành viên');
  expect(r[0]!.buttons.flat().map((b) => b.label)).toContain('❌ User c3');
  r = await t.tap(who, button(r, 'Xong'));
  expect(text(r)).toContain('Ai chủ trì cuộc họp?');
  expect(r[0]!.buttons.flat().map((b) => b.label)).not.toContain('User c3'); // absent: not offered
  r = await t.tap(who, button(r, 'User chair'));
  expect(text(r)).toContain('Ai là thư ký ghi biên bản?');
  return t.say(who, 'Nguyễn Thị Thư');
}

describe('/hop: recording a council meeting', () => {
  it('records the meeting from the recorded votes, tells the units, and the minutes carry it, end time included', async () => {
    const t = await world();
    const a = await seed(t, { proposer: 'o1', nomineeName: 'Trạm Y tế xã' });
    const b = await seed(t, { proposer: 'o1', nomineeName: 'Tổ y tế thôn 2' });
    await voteVia(t, 'c1', a.id, 'a');
    await voteVia(t, 'c2', a.id, 'c', 'Bổ sung ảnh buổi tiêm chủng');
    await voteVia(t, 'c1', b.id, 'd', 'Chưa có kết quả nổi bật');
    await voteVia(t, 'c3', b.id, 'a'); // c3 is absent at the meeting: not in its tally
    expect([await stateOf(t, a.id), await stateOf(t, b.id)]).toEqual(['SUBMITTED', 'SUBMITTED']); // no result in chat

    let r = await upToItems(t, 'chair');
    // Present: c1, c2, the chair. Nomination a: c1 agrees, c2 asks for changes, the chair did not vote.
    expect(text(r)).toContain(`Hồ sơ 1/2: #${a.id} Trạm Y tế xã (vòng xét 1).`);
    expect(text(r)).toContain('Ý kiến đã ghi của các thành viên có mặt: 1 đồng ý, 1 đề nghị bổ sung, 0 không đồng ý; 1 không biểu quyết.');
    r = await t.tap('chair', button(r, 'Hội đồng thống nhất đề nghị'));
    expect(text(r)).toContain(`Hồ sơ 2/2: #${b.id} Tổ y tế thôn 2`);
    expect(text(r)).toContain('0 đồng ý, 0 đề nghị bổ sung, 1 không đồng ý; 2 không biểu quyết.');
    expect(text(r)).toContain('1 ý kiến của thành viên vắng mặt không tính vào kết quả biểu quyết tại cuộc họp.');
    r = await t.tap('chair', button(r, 'Hội đồng không đề nghị'));
    expect(text(r)).toContain(`Nhập ý kiến của Hội đồng đối với hồ sơ #${b.id} (Tổ y tế thôn 2) — Hội đồng không đề nghị`);
    r = await t.tap('chair', button(r, 'Dùng ý kiến đã ghi'));
    expect(text(r)).toContain('Ngày 30/11/2026, từ 07:30 đến 09:45, tại Hội trường UBND xã.');
    expect(text(r)).toContain('Chủ trì: User chair. Thư ký: Nguyễn Thị Thư.');
    expect(text(r)).toContain('Có mặt 3/4: User c1, User c2, User chair. Vắng mặt: User c3.');
    expect(text(r)).toContain(`• #${a.id} Trạm Y tế xã: 1 đồng ý, 1 đề nghị bổ sung, 0 không đồng ý, 1 không biểu quyết — Hội đồng thống nhất đề nghị.`);
    expect(text(r)).toContain(
      `• #${b.id} Tổ y tế thôn 2: 0 đồng ý, 0 đề nghị bổ sung, 1 không đồng ý, 2 không biểu quyết — Hội đồng không đề nghị. User c1: Chưa có kết quả nổi bật.`,
    );
    expect(await t.prisma.councilMeeting.count()).toBe(0); // nothing before the confirmation
    const before = new Set((await t.outbox()).map((x) => x.key));

    r = await t.tap('chair', button(r, 'Ghi kết quả cuộc họp'));
    expect(text(r)).toContain('Đã ghi kết quả cuộc họp Hội đồng ngày 30/11/2026');
    expect(text(r)).toContain('2 hồ sơ, trong đó 1 hồ sơ Hội đồng thống nhất đề nghị Chủ tịch UBND xã xem xét, quyết định.');
    expect([await stateOf(t, a.id), await stateOf(t, b.id)]).toEqual(['PROPOSED', 'REJECTED']);
    const m = (await t.app.services.council.meetings({ planSlug: t.app.catalog().plan.id }))[0]!;
    // Typed in Vietnam time, stored as UTC instants.
    expect([m.heldOn, m.startAt?.toISOString(), m.endAt?.toISOString()]).toEqual(['2026-11-30', '2026-11-30T00:30:00.000Z', '2026-11-30T02:45:00.000Z']);
    expect(m.attendees.map((x) => [x.name, x.present])).toEqual([
      ['User c1', true],
      ['User c2', true],
      ['User c3', false],
      ['User chair', true],
    ]);
    expect([m.chairName, m.secretaryName, m.secretaryId]).toEqual(['User chair', 'Nguyễn Thị Thư', null]);

    // The proposing officer hears the Council's result; the standing office hears one awaits the chairman's decision.
    const fresh = (await t.outbox()).filter((x) => !before.has(x.key));
    const o1 = await t.personId('o1');
    const office = await t.personId('office');
    expect(
      fresh
        .filter((x) => x.personId === o1)
        .map((x) => x.text)
        .join('\n'),
    ).toMatch(/Hội đồng Thi đua – Khen thưởng xã thống nhất đề nghị Chủ tịch UBND xã/);
    expect(fresh.some((x) => x.personId === office && x.text.includes(`Hội đồng thống nhất đề nghị hồ sơ #${a.id}`))).toBe(true);

    // The council chair (no other role) opens the record from that notice and may record the decision.
    const chairId = await t.personId('chair');
    const toChair = await t.prisma.outboxMessage.findFirstOrThrow({ where: { personId: chairId, key: { startsWith: `nomination:${a.id}:proposed:` } } });
    const open = (JSON.parse(toChair.payload) as { buttons: { action: string }[][] }).buttons.flat()[0]!.action;
    const record = await t.tap('chair', open);
    expect(text(record)).toContain(`Hồ sơ #${a.id} — Trạm Y tế xã (Hội đồng thống nhất đề nghị, chờ Chủ tịch UBND xã quyết định)`);
    expect(button(record, 'Ghi quyết định của Chủ tịch UBND xã')).toBe(`qd:d:${a.id}`);

    // The minutes are drafted from the record: start and end, presence, the tally per nominee.
    const minutes = await ask(t.app, 'office', button(r, 'Biên bản cuộc họp').replace(/^vb:/, '/vanban '));
    const lines = paragraphs(await part(minutes.files[0]!.bytes, 'word/document.xml'));
    expect(lines.find((p) => p.startsWith('Hôm nay, vào lúc'))).toMatch(/^Hôm nay, vào lúc 7 giờ 30 .*Hội trường UBND xã/);
    expect(lines.find((p) => p.startsWith('Cuộc họp kết thúc'))).toContain('9 giờ 45');
    expect(lines).toContain('Thành viên vắng mặt: 1 (User c3).');
    expect(t.missing).toEqual([]);
  });

  it('checks the role when the meeting is written: a role revoked meanwhile records nothing', async () => {
    const t = await world();
    const a = await seed(t, { proposer: 'o1' });
    await seed(t, { proposer: 'o1', nomineeName: 'Tổ y tế thôn 2' });
    let r = await upToItems(t, 'office');
    r = await t.tap('office', button(r, 'Hội đồng thống nhất đề nghị'));
    r = await t.tap('office', button(r, 'Không xét tại cuộc họp này'));
    expect(text(r)).toContain('Đồng chí kiểm tra trước khi ghi');
    const grants = await t.prisma.roleGrant.findMany({ where: { personId: await t.personId('office'), role: 'ADMIN' } });
    for (const g of grants) await t.app.services.roles.revoke({ grantId: g.id });
    r = await t.tap('office', button(r, 'Ghi kết quả cuộc họp'));
    expect(text(r)).not.toContain('Đã ghi kết quả cuộc họp');
    expect(await t.prisma.councilMeeting.count()).toBe(0);
    expect(await stateOf(t, a.id)).toBe('SUBMITTED');
    // And people without the role cannot open it.
    expect(text(await t.say('c1', '/hop'))).toContain('Việc này dành cho Chủ tịch Hội đồng Thi đua – Khen thưởng xã hoặc bộ phận thường trực Hội đồng.');
  });

  it('a nomination that moved on while the meeting was being recorded makes the record refused, nothing written', async () => {
    const t = await world();
    const a = await seed(t, { proposer: 'o1' });
    await seed(t, { proposer: 'o1', nomineeName: 'Tổ y tế thôn 2' });
    let r = await upToItems(t, 'chair');
    r = await t.tap('chair', button(r, 'Hội đồng thống nhất đề nghị'));
    r = await t.tap('chair', button(r, 'Hội đồng thống nhất đề nghị'));
    // Meanwhile the chair opens a new round for the first one (e.g. from another device).
    await t.app.services.council.endRound({
      nominationId: a.id,
      round: 1,
      action: 'NEW_ROUND',
      reason: null,
      chairId: await t.personId('chair'),
      now: t.now(),
    });
    r = await t.tap('chair', button(r, 'Ghi kết quả cuộc họp'));
    expect(text(r)).toContain(`Hồ sơ #${a.id} đã thay đổi trong lúc ghi`);
    expect(await t.prisma.councilMeeting.count()).toBe(0);
    expect(await stateOf(t, a.id)).toBe('SUBMITTED');
  });

  it('with nothing under review there is nothing to record', async () => {
    const t = await world();
    expect(text(await t.say('chair', '/hop'))).toContain('Hiện không có hồ sơ nào đang trong vòng xét');
  });

  it('speaks English to an English reader', async () => {
    const t = await world();
    await seed(t, { proposer: 'o1' });
    await t.say('chair', '/lang en');
    const r = await t.say('chair', '/meeting');
    expect(text(r)).toContain("Record a meeting of the commune's Emulation and Commendation Council (1 nomination in an open round)");
    expect(t.missing).toEqual([]);
  });
});
