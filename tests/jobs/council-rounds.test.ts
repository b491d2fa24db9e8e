/**
 * Rounds open too long (issue 12: every round ends): the daily `council-rounds` job brings a round
 * open longer than COUNCIL_ROUND_DAYS to the council chair (with the chair's buttons) and to the
 * standing office, each in their language, once per round; a round the chair reopens is a new round
 * with its own clock; a nomination the Council already advised on is left alone. Fake clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NominationDraft } from '../../src/core/nominations/model.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});

/** 07:00 in Vietnam (the daily run) on `day`. */
const at7 = (day: string) => `${day}T00:00:00.000Z`;

async function wake(t: TestApp, iso: string) {
  const before = new Set((await t.outbox()).map((r) => r.key));
  t.advance(Date.parse(iso) - t.now().getTime());
  await t.app.scheduler.tick();
  return (await t.outbox()).filter((r) => !before.has(r.key));
}

async function submit(t: TestApp, proposer: number, nomineeName: string): Promise<number> {
  const draft: NominationDraft = {
    planSlug: t.app.catalog().plan.id,
    categoryCode: '3.1.5',
    movementCode: 'y-te',
    unitCode: 'tram-y-te',
    subjectType: 'COLLECTIVE',
    nomineeName,
    place: 'Thôn Plei Ó',
    achievements: 'Tiêm chủng đầy đủ',
    selfCheck: [],
    evidence: [],
  };
  return (await t.app.services.nominations.submit({ draft, proposerId: proposer, now: t.now() })).id;
}

describe('council-rounds job', () => {
  it('tells the chair and the standing office once when a round has been open longer than COUNCIL_ROUND_DAYS, each in their language', async () => {
    // 30/11/2026 10:00 in Vietnam.
    const t = await createTestApp({ start: new Date('2026-11-30T03:00:00Z'), env: { COUNCIL_ROUND_DAYS: '3', JOBS_MAX_LATENESS_HOURS: '1' } });
    apps.push(t);
    const chair = await t.grant('chair', 'CHAIR');
    await t.app.services.people.setLocale(chair, 'en');
    const office = await t.grant('office', 'ADMIN');
    const c1 = await t.grant('c1', 'COUNCIL');
    await t.grant('c2', 'COUNCIL');
    const officer = await t.grant('o1', 'OFFICER', 'tram-y-te');

    const slow = await submit(t, officer, 'Trạm Y tế xã');
    const advised = await submit(t, officer, 'Tổ y tế thôn 2');
    await t.app.services.nominations.castVote({ id: advised, voterId: c1, decision: 'AGREE', members: [c1], rule: { kind: 'majority' }, now: t.now() });
    t.advance(86_400_000); // a day later
    const later = await submit(t, officer, 'Y sĩ Rơ Mah Hiền');

    const told = async (day: string) => (await wake(t, at7(day))).filter((r) => r.key.includes(':stalled:'));
    expect(await told('2026-12-01')).toEqual([]);
    expect(await told('2026-12-02')).toEqual([]);
    expect(await told('2026-12-03')).toEqual([]); // 2 days 21 hours

    const fourth = await told('2026-12-04'); // 3 days 21 hours: only the first one
    expect(fourth.map((r) => [r.personId, r.key]).sort()).toEqual(
      [
        [chair, `round:${slow}:1:stalled:${chair}`],
        [office, `round:${slow}:1:stalled:${office}`],
      ].sort(),
    );
    const toChair = fourth.find((r) => r.personId === chair)!.text;
    expect(toChair).toContain(`Nomination #${slow} (Trạm Y tế xã), round 1: the round has been open for more than 3 days without a result.`);
    const actions = async (personId: number) => {
      const row = await t.prisma.outboxMessage.findFirstOrThrow({ where: { key: `round:${slow}:1:stalled:${personId}` } });
      return (JSON.parse(row.payload) as { buttons: { action: string }[][] }).buttons.flat().map((b) => b.action);
    };
    expect(await actions(chair)).toEqual([`ct:n:${slow}:1`, `ct:r:${slow}:1`, 'hop:new']); // the chair's three ways to end it
    expect(await actions(office)).toEqual(['hop:new', `nom:v:${slow}`]); // record the meeting, open the record
    const toOffice = fourth.find((r) => r.personId === office)!.text;
    expect(toOffice).toContain(`Hồ sơ #${slow} (Trạm Y tế xã), vòng xét 1: vòng xét đã mở quá 3 ngày mà chưa có kết quả.`);
    expect(toOffice).toContain('Đã báo đồng chí Chủ tịch Hội đồng.');
    const round = (await t.app.services.council.openRounds({ planSlug: t.app.catalog().plan.id })).find((r) => r.nominationId === slow);
    expect(round).toMatchObject({ stalledWhy: 'TOO_LONG' });

    // The next day: the later one (opened a day after), and the first one not again.
    expect((await told('2026-12-05')).map((r) => r.key).sort()).toEqual([`round:${later}:1:stalled:${chair}`, `round:${later}:1:stalled:${office}`].sort());
    expect(await told('2026-12-06')).toEqual([]);

    // The chair opens round 2 of the first one: its own clock, told again after 3 more days.
    await t.app.services.council.endRound({ nominationId: slow, round: 1, action: 'NEW_ROUND', reason: null, chairId: chair, now: t.now() });
    expect(await told('2026-12-08')).toEqual([]);
    expect((await told('2026-12-09')).map((r) => r.key).sort()).toEqual([`round:${slow}:2:stalled:${chair}`, `round:${slow}:2:stalled:${office}`].sort());
    expect(t.missing).toEqual([]);
    const status = (await t.app.services.jobStatus()).find((j) => j.name === 'council-rounds');
    expect(status?.last?.result).toBeTruthy();
  });

  it('with nobody holding the chair role, the standing office is asked to give it or to record the meeting', async () => {
    const t = await createTestApp({ start: new Date('2026-11-30T03:00:00Z'), env: { COUNCIL_ROUND_DAYS: '2', JOBS_MAX_LATENESS_HOURS: '1' } });
    apps.push(t);
    const office = await t.grant('office', 'ADMIN');
    const officer = await t.grant('o1', 'OFFICER', 'tram-y-te');
    const id = await submit(t, officer, 'Trạm Y tế xã');
    const rows = (await wake(t, at7('2026-12-03'))).filter((r) => r.key.includes(':stalled:'));
    expect(rows.map((r) => r.key)).toEqual([`round:${id}:1:stalled:${office}`]);
    expect(rows[0]!.text).toContain('Chưa có ai được giao vai trò Chủ tịch Hội đồng trên hệ thống');
  });
});
