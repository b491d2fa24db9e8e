/**
 * Council review through the UI ("Xét hồ sơ đề nghị"): votes are advice, confirmed before they are
 * recorded; reasons; notices to the officers; returning and resubmitting; finished nominations; the
 * history; the vote rule and concurrent votes.
 */
import { describe, expect, it } from 'vitest';
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import { ACH, appsPerTest, last, PROMPTS, recogniseDirect, seed, stateOf, voteVia } from './fixtures.ts';

const open = appsPerTest();

/** Officers o1 (proposer) and o2 of the health station, council members c1…c<council>. */
async function world(opts: { council?: number; env?: Record<string, string> } = {}): Promise<TestApp> {
  const t = await open({ env: opts.env });
  await t.grant('o1', 'OFFICER', 'tram-y-te');
  await t.grant('o2', 'OFFICER', 'tram-y-te');
  for (let i = 1; i <= (opts.council ?? 1); i++) await t.grant(`c${i}`, 'COUNCIL');
  return t;
}

/** Outbox notices about the decision on nomination `id`. */
const decisionNotices = async (t: TestApp, id: number) => (await t.outbox()).filter((n) => n.key.startsWith(`nomination:${id}:decided:`));

/** A council member asks for changes (r) or disagrees (x) through the dialog, typing `reason`, and confirms. */
async function voteWithReason(t: TestApp, member: string, op: 'r' | 'x', id: number, reason: string) {
  return voteVia(t, member, id, op === 'r' ? 'c' : 'd', reason);
}

describe('review: return and reject need a reason', () => {
  it('"ask for changes" asks for a reason, then to confirm; a too short one is refused; the officers are told', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    const queue = await t.say('c1', '/duyet');
    expect(text(queue)).toContain(`Hồ sơ #${n.id} — Trạm Y tế xã (Hội đồng đang xét)`);
    expect(text(queue)).toContain('Ý kiến của thành viên là ý kiến tham mưu');

    let r = await t.tap('c1', button(queue, 'Đề nghị bổ sung'));
    expect(last(r)).toContain(`Đồng chí chọn “Đề nghị bổ sung” cho hồ sơ #${n.id}. Đồng chí nhập lý do`);
    expect(await stateOf(t, n.id)).toBe('SUBMITTED'); // a tap alone decides nothing
    r = await t.say('c1', 'ít');
    expect(text(r)).toContain('cần ít nhất 5 ký tự');
    r = await t.say('c1', 'Cần bổ sung ảnh buổi tiêm chủng');
    expect(last(r)).toContain(`Đồng chí cho ý kiến “Đề nghị bổ sung” đối với hồ sơ #${n.id} (vòng xét 1). Đồng chí xác nhận?`);
    expect(last(r)).toContain('Lý do: Cần bổ sung ảnh buổi tiêm chủng');
    expect(await t.prisma.vote.count()).toBe(0); // not before the confirmation

    r = await t.tap('c1', button(r, 'Xác nhận'));
    expect(text(r)).toContain(`Kết quả xét của Hội đồng: hồ sơ #${n.id} (Trạm Y tế xã) — Hội đồng đề nghị đơn vị bổ sung hồ sơ.`);
    expect(await stateOf(t, n.id)).toBe('RETURNED');

    const notices = await decisionNotices(t, n.id);
    expect(notices.map((x) => x.personId).sort()).toEqual([await t.personId('o1'), await t.personId('o2')].sort());
    for (const x of notices) expect(x.text).toContain('Hội đồng Thi đua – Khen thưởng xã đề nghị bổ sung. Ý kiến: User c1: Cần bổ sung ảnh buổi tiêm chủng');
  });

  it('cancelling the reason dialog casts no vote', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    const r = await t.tap('c1', `rv:v:${n.id}:1:d`);
    expect(text(await t.tap('c1', button(r, 'Hủy')))).toContain('Đã hủy');
    expect(await t.prisma.vote.count()).toBe(0);
    expect(await stateOf(t, n.id)).toBe('SUBMITTED');
    expect(text(await t.say('c1', '/duyet'))).toContain(`Hồ sơ #${n.id}`); // still in the queue
  });

  it('a rejection notice is kind: it thanks, says what was recognised and gives the reason', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1', selfCheck: ['3.1.5.2', '3.1.5.3'] });
    const r = await voteWithReason(t, 'c1', 'x', n.id, 'Chưa có kết quả nổi bật so với các xã khác');
    expect(text(r)).toContain('Hội đồng không đề nghị lần này');
    expect(await stateOf(t, n.id)).toBe('REJECTED');
    const notices = await decisionNotices(t, n.id);
    expect(notices).toHaveLength(2);
    const o1 = await t.personId('o1');
    const notice = notices.find((x) => x.personId === o1)!.text;
    expect(notice).toContain('Cảm ơn đơn vị đã đề nghị Trạm Y tế xã');
    expect(notice).toContain('chưa đề nghị công nhận điển hình tiên tiến');
    expect(notice).toContain(`Hội đồng ghi nhận những việc đã làm (tự đánh giá đạt 2/6 tiêu chí): ${ACH}`);
    expect(notice).toContain('tự đánh giá đạt 2/6 tiêu chí');
    expect(notice).toContain('Ý kiến của Hội đồng: User c1: Chưa có kết quả nổi bật so với các xã khác.');
    expect(notice).toContain('Mong đơn vị tiếp tục bồi dưỡng');
  });

  it('"agree" needs no reason, only the confirmation; the officers hear the Council proposes it, and who decides', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    const asked = await t.tap('c1', `rv:v:${n.id}:1:a`);
    expect(last(asked)).toContain(`Đồng chí cho ý kiến “Đồng ý” đối với hồ sơ #${n.id} (vòng xét 1). Đồng chí xác nhận?`);
    const r = await t.tap('c1', button(asked, 'Xác nhận'));
    expect(text(r)).toContain('Hội đồng thống nhất đề nghị Chủ tịch UBND xã xem xét, quyết định.');
    expect(text(r)).not.toMatch(/công nhận là điển hình|đã quyết định/);
    expect(await stateOf(t, n.id)).toBe('PROPOSED');
    const notices = await decisionNotices(t, n.id);
    expect(notices).toHaveLength(2);
    expect(notices[0]!.text).toContain('Hội đồng Thi đua – Khen thưởng xã thống nhất đề nghị Chủ tịch UBND xã xem xét, quyết định công nhận');
  });
});

describe('review: the life of a nomination', () => {
  it("a returned nomination is edited, resubmitted and back in every member's queue", async () => {
    const t = await world({ council: 3, env: { COUNCIL_VOTE_RULE: '1' } });
    const n = await seed(t, { proposer: 'o1' });
    await voteWithReason(t, 'c1', 'r', n.id, 'Thành tích cần cụ thể hơn');
    expect(await stateOf(t, n.id)).toBe('RETURNED');
    for (const c of ['c1', 'c2']) expect(text(await t.say(c, '/duyet'))).toContain('Không có hồ sơ nào chờ đồng chí cho ý kiến');

    // the officer opens it from the notice's button
    const notice = (
      await t.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: `nomination:${n.id}:decided:` }, personId: await t.personId('o1') } })
    ).payload;
    const edit = (JSON.parse(notice) as { buttons: { action: string }[][] }).buttons.flat()[0]!.action;
    expect(edit).toBe(`nom:e:${n.id}`);
    let r = await t.tap('o1', edit);
    expect(last(r)).toContain(PROMPTS.summary);
    expect(r.flatMap((x) => x.buttons.flat().map((b) => b.label))).toContain('✅ Gửi lại');

    // back to the achievements (summary → self-check → evidence → achievements) and change them
    for (const prompt of [PROMPTS.check, PROMPTS.evidence, PROMPTS.achievements]) {
      r = await t.tap('o1', button(r, 'Quay lại'));
      expect(last(r)).toContain(prompt);
    }
    const better = 'Tiêm chủng 100% trẻ em dưới 1 tuổi; không có ca dịch nào trong năm 2024.';
    r = await t.say('o1', better);
    r = await t.send('o1', [{ kind: 'PHOTO', fileRef: 'new-photo' }]);
    r = await t.tap('o1', button(r, 'Xong (1 minh chứng)'));
    r = await t.tap('o1', button(r, 'Đạt tất cả'));
    r = await t.tap('o1', button(r, /^Xong$/));
    expect(last(r)).toContain(`Thành tích: ${better}`);
    r = await t.tap('o1', button(r, 'Gửi lại'));
    expect(text(r)).toContain(`Đã gửi lại hồ sơ #${n.id}`);

    const again = (await t.app.services.nominations.get(n.id))!;
    expect(again).toMatchObject({ state: 'SUBMITTED', round: 2, achievements: better });
    expect(again.evidence.map((e) => e.fileRef)).toEqual(['new-photo']);
    expect(await t.prisma.nomination.count()).toBe(1); // the same nomination, not a new one
    // the council is told again, and c1 (who voted in round 1) may vote in round 2
    const told = (await t.outbox()).filter((x) => x.key.startsWith(`nomination:${n.id}:submitted:r2:`));
    expect(told).toHaveLength(3);
    const queue = await t.say('c1', '/duyet');
    expect(text(queue)).toContain(better);
    const asked = await t.tap('c1', button(queue, 'Đồng ý'));
    expect(text(await t.tap('c1', button(asked, 'Xác nhận')))).toContain('Hội đồng thống nhất đề nghị');
  });

  it('two officers resubmitting the same returned nomination: the second is refused clearly, not crashed', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    await voteWithReason(t, 'c1', 'r', n.id, 'Thiếu ảnh minh chứng');
    const first = await t.tap('o1', `nom:e:${n.id}`);
    const second = await t.tap('o2', `nom:e:${n.id}`);
    expect(text(await t.tap('o1', button(first, 'Gửi lại')))).toContain('Đã gửi lại hồ sơ');
    const late = text(await t.tap('o2', button(second, 'Gửi lại')));
    expect(late).toContain('Hồ sơ đang ở trạng thái “Hội đồng đang xét” nên không sửa được');
    expect((await t.app.services.nominations.get(n.id))!.round).toBe(2); // resubmitted once
    expect((await t.app.services.nominations.history(n.id)).filter((e) => e.action === 'RESUBMIT')).toHaveLength(1);
  });

  it('a finished nomination cannot be edited or voted on, only annotated', async () => {
    const t = await world();
    const approved = await seed(t, { proposer: 'o1' });
    await recogniseDirect(t, approved.id);
    const rejected = await seed(t, { proposer: 'o1', nomineeName: 'Nguyễn Văn An', subjectType: 'INDIVIDUAL', categoryCode: '3.2.1' });
    await voteWithReason(t, 'c1', 'x', rejected.id, 'Chưa đủ tiêu chí');

    for (const n of [approved, rejected]) {
      const edit = text(await t.tap('o1', `nom:e:${n.id}`));
      expect(edit).toContain('nên không sửa được; chỉ có thể thêm ghi chú');
      expect(edit).not.toContain(PROMPTS.summary);
      const stale = text(await t.tap('c1', `rv:v:${n.id}:1:a`));
      expect(stale).toContain('Nút này đã hết hiệu lực.');
      expect(stale).toContain(`Hồ sơ #${n.id}`); // the current version
    }
    expect(await t.prisma.dialogState.count()).toBe(0);

    const view = await t.tap('o1', `nom:v:${approved.id}`);
    expect(view[0]!.buttons.flat().map((b) => b.action)).not.toContain(`nom:e:${approved.id}`);
    let r = await t.tap('o1', button(view, 'Thêm ghi chú'));
    expect(last(r)).toContain(`Gõ nội dung ghi chú cho hồ sơ #${approved.id}`);
    r = await t.say('o1', 'Đã tổ chức tham quan, học tập kinh nghiệm');
    expect(text(r)).toContain(`Đã lưu ghi chú cho hồ sơ #${approved.id}`);
    r = await t.tap('o1', `nom:R:${approved.id}`);
    r = await t.say('o1', 'Nhân rộng mô hình sang thôn Plei Ó');
    expect(text(r)).toContain('Đã lưu hoạt động nhân rộng cho hồ sơ');
    const after = text(await t.tap('o1', `nom:v:${approved.id}`));
    expect(after).toContain('ghi chú: Đã tổ chức tham quan, học tập kinh nghiệm');
    expect(after).toContain('nhân rộng: Nhân rộng mô hình sang thôn Plei Ó');
    expect(await stateOf(t, approved.id)).toBe('APPROVED');
    expect(await stateOf(t, rejected.id)).toBe('REJECTED');
  });

  it('the history shows every change: who, from which state to which, and why', async () => {
    const t = await world();
    const n = await seed(t, { proposer: 'o1' });
    await voteWithReason(t, 'c1', 'r', n.id, 'Thiếu ảnh minh chứng');
    let r = await t.tap('o1', `nom:e:${n.id}`);
    await t.tap('o1', button(r, 'Gửi lại'));
    await voteWithReason(t, 'c1', 'x', n.id, 'Chưa có kết quả nổi bật');
    r = await t.tap('o2', `nom:O:${n.id}`);
    await t.say('o2', 'Đơn vị sẽ đề nghị lại năm sau');

    const view = text(await t.tap('o1', `nom:v:${n.id}`));
    const history = view
      .slice(view.indexOf('Lịch sử:'), view.indexOf('Bồi dưỡng, nhân rộng, ghi chú:'))
      .split('\n')
      .filter((l) => l.startsWith('•'));
    const strip = (l: string) => l.replace(/^• \d+\/\d+\/\d{4} \d{2}:\d{2} — /, '');
    expect(history.map(strip)).toEqual([
      'User o1: tạo hồ sơ (bản nháp)',
      'User o1: gửi Hội đồng xét (bản nháp → Hội đồng đang xét)',
      'User c1: cho ý kiến “Đề nghị bổ sung” (vòng 1) (Hội đồng đang xét). Lý do: Thiếu ảnh minh chứng',
      'User c1: Hội đồng đề nghị bổ sung (vòng 1) (Hội đồng đang xét → đề nghị bổ sung). Lý do: User c1: Thiếu ảnh minh chứng',
      'User o1: bổ sung, gửi lại (vòng 2) (đề nghị bổ sung → Hội đồng đang xét)',
      'User c1: cho ý kiến “Không đồng ý” (vòng 2) (Hội đồng đang xét). Lý do: Chưa có kết quả nổi bật',
      'User c1: Hội đồng không đề nghị (vòng 2) (Hội đồng đang xét → chưa được đề nghị). Lý do: User c1: Chưa có kết quả nổi bật',
      'User o2: ghi chú (chưa được đề nghị)',
    ]);
    expect(view).toContain('ghi chú: Đơn vị sẽ đề nghị lại năm sau');
  });
});

describe('review: the council vote rule', () => {
  it('by default a simple majority of all members proposes: with 3 members one agreement is not enough, two are', async () => {
    const t = await world({ council: 3 });
    const n = await seed(t, { proposer: 'o1' });
    let r = await voteVia(t, 'c1', n.id, 'a');
    expect(text(r)).toContain('Kết quả hiện tại: 1 đồng ý, 0 đề nghị bổ sung, 0 không đồng ý (3 thành viên được biểu quyết).');
    expect(text(r)).not.toContain('Kết quả xét của Hội đồng');
    expect(await stateOf(t, n.id)).toBe('SUBMITTED');
    expect(await decisionNotices(t, n.id)).toEqual([]);

    r = await voteVia(t, 'c2', n.id, 'a');
    expect(text(r)).toContain('Kết quả xét của Hội đồng');
    expect(await stateOf(t, n.id)).toBe('PROPOSED');
    expect(await decisionNotices(t, n.id)).toHaveLength(2);
    // the third member finds nothing left to vote on
    expect(text(await t.say('c3', '/duyet'))).toContain('Không có hồ sơ nào chờ đồng chí cho ý kiến');
  });

  it('split votes decide nothing until one kind has a majority; each reason keeps its voter', async () => {
    const t = await world({ council: 3 });
    const n = await seed(t, { proposer: 'o1' });
    await voteVia(t, 'c1', n.id, 'a');
    await voteWithReason(t, 'c2', 'x', n.id, 'Chưa đủ tiêu chí');
    expect(await stateOf(t, n.id)).toBe('SUBMITTED');
    await voteWithReason(t, 'c3', 'x', n.id, 'Thành tích chưa nổi bật');
    expect(await stateOf(t, n.id)).toBe('REJECTED');
    const [notice] = await decisionNotices(t, n.id);
    expect(notice!.text).toContain('User c2: Chưa đủ tiêu chí; User c3: Thành tích chưa nổi bật');
  });

  it('with COUNCIL_VOTE_RULE=1 one vote gives the result', async () => {
    const t = await world({ council: 3, env: { COUNCIL_VOTE_RULE: '1' } });
    const n = await seed(t, { proposer: 'o1' });
    const r = await voteVia(t, 'c1', n.id, 'a');
    expect(text(r)).toContain('Kết quả xét của Hội đồng');
    expect(await stateOf(t, n.id)).toBe('PROPOSED');
  });

  it('two members confirming at the same moment give exactly one result and one notice per officer', async () => {
    const t = await world({ council: 3, env: { COUNCIL_VOTE_RULE: '1' } });
    const n = await seed(t, { proposer: 'o1' });
    const asked = await Promise.all(['c1', 'c2'].map((c) => t.tap(c, `rv:v:${n.id}:1:a`)));
    const replies = await Promise.all(['c1', 'c2'].map((c, i) => t.tap(c, button(asked[i]!, 'Xác nhận'))));
    expect(replies.filter((r) => text(r).includes('Kết quả xét của Hội đồng'))).toHaveLength(1);
    expect(replies.filter((r) => text(r).includes('Nút này đã hết hiệu lực.'))).toHaveLength(1);

    const results = (await t.app.services.nominations.history(n.id)).filter((e) => e.fromState === 'SUBMITTED' && e.toState !== 'SUBMITTED');
    expect(results).toHaveLength(1);
    const notices = await decisionNotices(t, n.id);
    expect(notices.map((x) => x.personId).sort()).toEqual([await t.personId('o1'), await t.personId('o2')].sort());
  });

  it('three members agreeing at once under the majority rule give one result', async () => {
    const t = await world({ council: 3 });
    const n = await seed(t, { proposer: 'o1' });
    await Promise.all(['c1', 'c2', 'c3'].map((c) => voteVia(t, c, n.id, 'a')));
    const results = (await t.app.services.nominations.history(n.id)).filter((e) => e.action === 'PROPOSE');
    expect(results).toHaveLength(1);
    expect(await decisionNotices(t, n.id)).toHaveLength(2);
    expect(await stateOf(t, n.id)).toBe('PROPOSED');
  });
});

describe('review: every round ends (the council chair)', () => {
  it('the three-way split tells the chair, who opens a new round; a round-1 button then records nothing; the chair can also return it', async () => {
    const t = await world({ council: 3 });
    await t.grant('chair', 'CHAIR');
    const n = await seed(t, { proposer: 'o1' });
    await voteVia(t, 'c1', n.id, 'a');
    await voteWithReason(t, 'c2', 'r', n.id, 'Bổ sung ảnh minh chứng');
    const third = text(await voteWithReason(t, 'c3', 'x', n.id, 'Chưa đủ tiêu chí'));
    expect(third).toContain('Chủ tịch Hội đồng đã được báo');
    const told = (await t.outbox()).filter((x) => x.key.startsWith(`round:${n.id}:1:stalled:`));
    expect(told.map((x) => x.personId)).toEqual([await t.personId('chair')]);
    expect(told[0]!.text).toContain('tất cả thành viên đã cho ý kiến nhưng chưa có kết quả');

    // A member cannot end the round; the chair can.
    expect(text(await t.tap('c1', `ct:n:${n.id}:1`))).toContain('Chủ tịch Hội đồng Thi đua – Khen thưởng xã hoặc bộ phận thường trực');
    const ask = await t.tap('chair', `ct:n:${n.id}:1`);
    expect(text(ask)).toContain(`Mở vòng xét 2 cho hồ sơ #${n.id}?`);
    expect(text(await t.tap('chair', button(ask, 'Xác nhận')))).toContain(`Đã mở vòng xét 2 cho hồ sơ #${n.id}`);
    expect((await t.app.services.nominations.get(n.id))!.round).toBe(2);
    expect(await t.prisma.vote.count({ where: { round: 2 } })).toBe(0);

    // c1's round-1 button: nothing recorded, the current version shown.
    const stale = text(await t.tap('c1', `rv:v:${n.id}:1:a`));
    expect(stale).toContain('Nút này đã hết hiệu lực.');
    expect(stale).toContain(`Hồ sơ #${n.id}`);
    expect(await t.prisma.vote.count({ where: { round: 2 } })).toBe(0);

    // Round 2 splits again: the chair returns it for changes.
    let r = await t.tap('chair', `ct:r:${n.id}:2`);
    r = await t.say('chair', 'Đơn vị bổ sung minh chứng theo ý kiến các thành viên');
    expect(text(r)).toContain(`Đã trả lại hồ sơ #${n.id} để đơn vị bổ sung`);
    expect(await stateOf(t, n.id)).toBe('RETURNED');
    expect(text(await t.tap('chair', `ct:n:${n.id}:2`))).toContain('Nút này đã hết hiệu lực.');
  });
});
