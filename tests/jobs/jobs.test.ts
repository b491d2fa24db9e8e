/**
 * What the scheduled jobs send: the weekly council digest's content, milestone reminders 7/3/1 days
 * before (the yearly "Gia đình văn hóa" review too) — only to exact days: a year-only review counts
 * down once the standing office recorded its actual date (/ngaymoc); review reminders after 3 days;
 * quota reminders before a dated review, of the whole period's targets; each person's `/nhacnho`
 * choices; nothing new for an unreachable person.
 * Runs on a plan whose dates lie ahead (the shipped plan moved to 2026–2030) and a fake clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxSender, UnreachableError } from '../../src/channels/delivery.ts';
import type { NominationDraft } from '../../src/core/nominations/model.ts';
import { createLogger } from '../../src/logger.ts';
import { FUTURE_PLAN_ID, writeFuturePlan } from '../helpers/future-plan.ts';
import { createTestApp, text, type TestApp } from '../helpers/test-app.ts';

const PLAN = FUTURE_PLAN_ID;
const silent = createLogger({ level: 'silent' });
let plan: Awaited<ReturnType<typeof writeFuturePlan>>;
beforeAll(async () => {
  plan = await writeFuturePlan();
});
afterAll(async () => {
  await plan.remove();
});

let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});

async function app(start: string, env: Record<string, string> = {}): Promise<TestApp> {
  // A short lateness: jumping the clock by days runs that day's occurrence only.
  const t = await createTestApp({ start: new Date(start), env: { PLAN_FILE: plan.file, DEFAULT_LOCALE: 'en', JOBS_MAX_LATENESS_HOURS: '1', ...env } });
  apps.push(t);
  return t;
}

/** Moves the clock to `iso`, wakes the dispatcher and returns the outbox rows this queued. */
async function wake(t: TestApp, iso: string) {
  const before = new Set((await t.outbox()).map((r) => r.key));
  t.advance(Date.parse(iso) - t.now().getTime());
  await t.app.scheduler.tick();
  return (await t.outbox()).filter((r) => !before.has(r.key));
}

/** Records the actual date of a milestone, as the standing office does with /ngaymoc. */
async function setActual(t: TestApp, code: string, date: string): Promise<void> {
  await t.app.services.milestoneDates.set({ planSlug: PLAN, code, date, byId: await t.personId('9000'), now: t.now() });
}

/** 07:00 in Vietnam (the reminders' time) on `day`. */
const reminderTime = (day: string) => `${day}T00:00:00.000Z`;

const draft = (over: Partial<NominationDraft>): NominationDraft => ({
  planSlug: PLAN,
  categoryCode: '3.1.1',
  movementCode: null,
  unitCode: 'vhxh-van-hoa',
  subjectType: 'COLLECTIVE',
  nomineeName: 'Tập thể',
  place: 'Thôn 1',
  achievements: 'Nhiều thành tích',
  selfCheck: [],
  evidence: [],
  ...over,
});

async function submit(t: TestApp, proposerId: number, at: string, over: Partial<NominationDraft>): Promise<number> {
  return (await t.app.services.nominations.submit({ draft: draft(over), proposerId, now: new Date(at) })).id;
}

async function decide(t: TestApp, id: number, state: 'APPROVED' | 'REJECTED', at: string): Promise<void> {
  await t.prisma.nomination.update({ where: { id }, data: { state, decidedAt: new Date(at) } });
}

let deedRef = 0;
async function deed(t: TestApp, submitterId: number, createdAt: string, publishedAt?: string): Promise<void> {
  deedRef++;
  await t.prisma.goodDeed.create({
    data: {
      ref: `VT-T${deedRef}`,
      submitterId,
      doerName: 'Bà Hoa',
      doerKey: 'ba hoa',
      description: 'Giúp người già qua đường',
      descriptionKey: 'giup nguoi gia qua duong',
      place: 'Thôn 2',
      placeKey: 'thon 2',
      whenText: 'hôm qua',
      creditName: true,
      state: publishedAt ? 'PUBLISHED' : 'NEW',
      createdAt: new Date(createdAt),
      publishedAt: publishedAt ? new Date(publishedAt) : null,
    },
  });
}

describe('weekly council digest', () => {
  it('lists the waiting ones with their age, then the Council’s results, the chairman’s decisions and the proposals upward apart, new nominations, targets, deeds, next milestones', async () => {
    const t = await app('2026-11-01T00:00:00Z');
    const member = await t.grant('9101', 'COUNCIL');
    const officer = await t.grant('9102', 'OFFICER', 'vhxh-van-hoa');
    await t.grant('9102', 'OFFICER', 'cong-an');
    // The week of the digest sent Monday 30/11 07:30 (Vietnam): [23/11 07:30, 30/11 07:30).
    const older = await submit(t, officer, '2026-11-10T03:00:00Z', { nomineeName: 'Nhà văn hóa thôn 1' }); // still waiting: the oldest
    const earlier = await submit(t, officer, '2026-11-01T03:00:00Z', {
      nomineeName: 'Công an viên A',
      unitCode: 'cong-an',
      movementCode: 'quoc-phong-an-ninh',
      subjectType: 'INDIVIDUAL',
      categoryCode: '3.2.1',
    });
    await decide(t, earlier, 'APPROVED', '2026-11-20T03:00:00Z'); // decided before the week
    const week: number[] = [];
    for (let k = 1; k <= 7; k++) {
      // Hồ sơ 1 at the very start of the week (included), then one a day.
      week.push(await submit(t, officer, new Date(Date.parse('2026-11-23T00:30:00Z') + (k - 1) * 86_400_000).toISOString(), { nomineeName: `Hồ sơ ${k}` }));
    }
    // The chain through the real records: the Council advises (a vote of a one-member council), the
    // commune chairman decides, or a tờ trình goes to the higher level.
    const { nominations, council } = t.app.services;
    const advise = (id: number, decision: 'AGREE' | 'DISAGREE', at: string) =>
      nominations.castVote({
        id,
        voterId: member,
        decision,
        reason: decision === 'AGREE' ? undefined : 'Chưa nổi bật',
        members: [member],
        rule: { kind: 'majority' },
        now: new Date(at),
      });
    const patrol = await submit(t, officer, '2026-11-24T03:00:00Z', { nomineeName: 'Đội tuần tra', unitCode: 'cong-an', movementCode: 'quoc-phong-an-ninh' });
    await advise(patrol, 'AGREE', '2026-11-26T03:00:00Z');
    await council.recordDecision({
      planSlug: PLAN,
      number: '05/QĐ-UBND',
      signedOn: '2026-11-27',
      items: [{ nominationId: patrol, awardCode: 'giay-khen' }],
      byId: member,
      now: new Date('2026-11-27T03:00:00Z'),
    });
    const group = await submit(t, officer, '2026-11-25T03:00:00Z', { nomineeName: 'Tổ tự quản B' });
    await advise(group, 'DISAGREE', '2026-11-28T03:00:00Z');
    const women = await submit(t, officer, '2026-11-23T00:45:00Z', { nomineeName: 'Hội phụ nữ xã' });
    await advise(women, 'AGREE', '2026-11-28T05:00:00Z');
    await council.recordProposal({
      planSlug: PLAN,
      number: '45/TTr-UBND',
      sentOn: '2026-11-29',
      items: [{ nominationId: women, awardCode: 'bang-khen-ubnd-tinh' }],
      byId: member,
      now: new Date('2026-11-29T03:00:00Z'),
    });
    const draftOne = await submit(t, officer, '2026-11-26T03:00:00Z', { nomineeName: 'Bản nháp' });
    await t.prisma.nomination.update({ where: { id: draftOne }, data: { state: 'DRAFT', submittedAt: null } });
    await submit(t, officer, '2026-11-26T03:00:00Z', { planSlug: 'ia-bang-2021-2025', nomineeName: 'Kế hoạch khác' }); // another plan
    // Good deeds: 4 received in the week (2 published in it), 1 older one published in it, others outside.
    await deed(t, officer, '2026-11-20T03:00:00Z', '2026-11-24T03:00:00Z');
    await deed(t, officer, '2026-11-19T03:00:00Z', '2026-11-22T03:00:00Z');
    await deed(t, officer, '2026-11-23T01:00:00Z', '2026-11-23T05:00:00Z');
    await deed(t, officer, '2026-11-25T01:00:00Z', '2026-11-29T05:00:00Z');
    await deed(t, officer, '2026-11-26T01:00:00Z');
    await deed(t, officer, '2026-11-30T00:29:59Z');
    await deed(t, officer, '2026-11-30T00:30:00Z'); // the next week's

    const rows = (await wake(t, '2026-11-30T00:30:00Z')).filter((r) => r.key.startsWith('digest:'));
    expect(rows.map((r) => r.key)).toEqual([`digest:2026-11-30T07:30:${member}`]);
    const lines = rows[0]!.text.split('\n');
    const vh = 'Culture and social affairs officer (culture)';
    // What needs the council comes first: the waiting ones, oldest first (the longest-waiting one is
    // never cut off); then the Council's advice, the chairman's decisions and the proposals upward in
    // sections of their own (a proposal is not an award), and new nominations, newest first; cut
    // lists say how many more.
    expect(lines.slice(0, 23)).toEqual([
      'Weekly digest of the Emulation and Commendation Council (23/11/2026 – 30/11/2026)',
      "Waiting for the council's review (8), oldest first:",
      `• #${older} Nhà văn hóa thôn 1 — ${vh} — waiting 19 days`,
      `• #${week[0]} Hồ sơ 1 — ${vh} — waiting 7 days`,
      `• #${week[1]} Hồ sơ 2 — ${vh} — waiting 6 days`,
      `• #${week[2]} Hồ sơ 3 — ${vh} — waiting 5 days`,
      `• #${week[3]} Hồ sơ 4 — ${vh} — waiting 4 days`,
      '  … and 3 more',
      "The council's results this week (its advice, 3):",
      `• #${women} Hội phụ nữ xã — proposed by the council to the commune chairman for decision`,
      `• #${group} Tổ tự quản B — not proposed by the council`,
      `• #${patrol} Đội tuần tra — proposed by the council to the commune chairman for decision`,
      'Decided by the commune chairman this week (1):',
      `• #${patrol} Đội tuần tra — recognised and awarded (decision no. 05/QĐ-UBND)`,
      'Proposals to the higher level this week (1):',
      `• #${women} Hội phụ nữ xã — submitted to the higher level (submission no. 45/TTr-UBND), awaiting its answer`,
      'New nominations this week (10):',
      `• #${week[6]} Hồ sơ 7 — ${vh}`,
      `• #${week[5]} Hồ sơ 6 — ${vh}`,
      `• #${week[4]} Hồ sơ 5 — ${vh}`,
      `• #${week[3]} Hồ sơ 4 — ${vh}`,
      `• #${group} Tổ tự quản B — ${vh}`,
      '  … and 5 more',
    ]);
    expect(rows[0]!.text).not.toMatch(/Bản nháp|Kế hoạch khác|Công an viên A/);
    // Targets: the police reached theirs (one collective, one individual); the other ten rows are
    // behind, read as one line per unit: the two units with two rows each get one line each (8 lines).
    expect(lines[23]).toBe('Targets: 1/11 met');
    const behind = lines.slice(24, 32);
    for (const l of behind) expect(l).toMatch(/^⚠️ /);
    expect(behind).toContain(`⚠️ ${vh}: collectives 0/2, individuals 0/2`);
    expect(behind.filter((l) => /\(social affairs\)/.test(l))).toEqual([expect.stringMatching(/collectives 0\/1, individuals 0\/1, households 0\/2$/)]);
    expect(behind.join('\n')).not.toMatch(/Commune police/);
    expect(lines.slice(32)).toEqual([
      'Good deeds: 4 received, 3 published',
      'Good deeds waiting for moderation: 3 (oldest 3 days)', // every NEW deed at the digest's time, the oldest from 26/11
      'Next milestones:',
      '• in 2026, at the year-end review of work: 2026 year-end review: honour and commend the registered models and set directions for nurturing exemplars further',
      '• in 2027, at the year-end review of work: 2027 year-end review: honour and commend the registered models and set directions for nurturing exemplars further',
      expect.stringMatching(/^• on the occasion of the \d+th anniversary .*\(11\/6\/1948 - 11\/6\/2028\): Interim review of discovering/),
    ]);
    const row = await t.prisma.outboxMessage.findFirstOrThrow({ where: { key: `digest:2026-11-30T07:30:${member}` } });
    expect(
      JSON.parse(row.payload)
        .buttons.flat()
        .map((b: { action: string }) => b.action),
    ).toEqual(['rv:open', 'tiendo:']);
  });

  it('goes to every council member in their language, and to nobody else', async () => {
    const t = await app('2026-11-30T00:00:00Z');
    const vi = await t.grant('9111', 'COUNCIL');
    const en = await t.grant('9112', 'COUNCIL');
    await t.app.services.people.setLocale(en, 'en');
    await t.app.services.people.setLocale(vi, 'vi');
    await t.grant('9113', 'OFFICER', 'cong-an');
    await t.personId('9114'); // a resident
    const rows = (await wake(t, '2026-11-30T00:30:00Z')).filter((r) => r.key.startsWith('digest:'));
    expect(rows.map((r) => [r.key, r.text.split('\n')[0]])).toEqual([
      [`digest:2026-11-30T07:30:${vi}`, 'Bản tin tuần của Hội đồng Thi đua – Khen thưởng (23/11/2026 – 30/11/2026)'],
      [`digest:2026-11-30T07:30:${en}`, 'Weekly digest of the Emulation and Commendation Council (23/11/2026 – 30/11/2026)'],
    ]);
    // The Council's advice and the chairman's decisions are two sections in Vietnamese too.
    const vietnamese = rows[0]!.text.split('\n');
    expect(vietnamese).toContain('Kết quả xét của Hội đồng trong tuần: không có');
    expect(vietnamese).toContain('Chủ tịch UBND xã quyết định trong tuần: không có');
  });
});

describe('reminders', () => {
  it('announce milestones 7, 3 and 1 days before, the yearly family review included, to officers and council', async () => {
    const t = await app('2026-12-19T23:30:00Z', { FAMILY_REVIEW_DATE: '12-28' });
    const council = await t.grant('9201', 'COUNCIL');
    const officer = await t.grant('9202', 'OFFICER', 'vhxh-van-hoa');
    await t.personId('9203'); // a resident: not responsible for milestones
    await setActual(t, 'tong-ket-nam-2026', '2026-12-31'); // the plan says "năm 2026, vào dịp tổng kết công tác năm"
    const got: string[] = [];
    const texts = new Map<string, string>();
    for (let d = 20; d <= 31; d++) {
      for (const r of await wake(t, reminderTime(`2026-12-${d}`))) {
        if (!r.key.startsWith('milestone:')) continue;
        got.push(`${d}/12 ${r.key}`);
        texts.set(r.key, r.text);
      }
    }
    const expected = [
      [21, 'gdvh-2026:2026-12-28:7'],
      [24, 'tong-ket-nam-2026:2026-12-31:7'],
      [25, 'gdvh-2026:2026-12-28:3'],
      [27, 'gdvh-2026:2026-12-28:1'],
      [28, 'tong-ket-nam-2026:2026-12-31:3'],
      [30, 'tong-ket-nam-2026:2026-12-31:1'],
    ].flatMap(([d, k]) => [officer, council].sort((a, b) => a - b).map((p) => `${d}/12 milestone:${PLAN}:${k}:${p}`));
    expect(got.sort()).toEqual(expected.sort());
    expect(texts.get(`milestone:${PLAN}:gdvh-2026:2026-12-28:7:${officer}`)).toBe(
      '⏰ 7 days to the milestone of 28/12/2026: Deadline of the 2026 “Cultured Family” review',
    );
    expect(texts.get(`milestone:${PLAN}:tong-ket-nam-2026:2026-12-31:1:${council}`)).toMatch(
      /^⏰ 1 day to the milestone of 31\/12\/2026: 2026 year-end review/,
    );
  });

  it('remind each council member of nominations waiting more than 3 days, until they voted', async () => {
    const t = await app('2026-12-01T02:00:00Z');
    const a = await t.grant('9301', 'COUNCIL');
    const b = await t.grant('9302', 'COUNCIL');
    const officer = await t.grant('9303', 'OFFICER', 'vhxh-van-hoa');
    const id = await submit(t, officer, '2026-12-01T03:00:00Z', { nomineeName: 'Chi hội phụ nữ thôn 3' }); // 10:00 on 1/12
    const reviewKeys = async (day: string) => (await wake(t, reminderTime(day))).filter((r) => r.key.startsWith('review-reminder:'));
    for (const day of ['2026-12-02', '2026-12-03', '2026-12-04']) expect(await reviewKeys(day)).toEqual([]); // 2 d 21 h at most
    const fifth = await reviewKeys('2026-12-05');
    expect(fifth.map((r) => r.key)).toEqual([`review-reminder:2026-12-05:${a}`, `review-reminder:2026-12-05:${b}`]);
    expect(fifth[0]!.text.split('\n')[0]).toBe('⏰ 1 nomination has waited for your review for more than 3 days.');
    await t.app.services.nominations.castVote({ id, voterId: a, decision: 'AGREE', members: [a, b], rule: { kind: 'majority' }, now: t.now() });
    expect((await reviewKeys('2026-12-06')).map((r) => r.key)).toEqual([`review-reminder:2026-12-06:${b}`]);
    await t.app.services.nominations.castVote({ id, voterId: b, decision: 'AGREE', members: [a, b], rule: { kind: 'majority' }, now: t.now() });
    expect(await reviewKeys('2026-12-07')).toEqual([]);
  });

  it('remind officers of units behind their whole-period target 30 and 7 days before a dated review', async () => {
    const t = await app('2028-05-11T23:30:00Z');
    await setActual(t, 'so-ket-2028', '2028-06-11'); // the interim review, held on the anniversary itself
    const behindOfficer = await t.grant('9401', 'OFFICER', 'vhxh-van-hoa');
    const metOfficer = await t.grant('9402', 'OFFICER', 'cong-an');
    await t.grant('9403', 'COUNCIL');
    for (const [subjectType, categoryCode] of [
      ['COLLECTIVE', '3.1.1'],
      ['INDIVIDUAL', '3.2.1'],
    ] as const) {
      const id = await submit(t, metOfficer, '2028-04-01T03:00:00Z', {
        unitCode: 'cong-an',
        movementCode: 'quoc-phong-an-ninh',
        subjectType,
        categoryCode,
        nomineeName: `Công an ${subjectType}`,
      });
      await decide(t, id, 'APPROVED', '2028-05-01T03:00:00Z');
    }
    const quota = async (day: string) => (await wake(t, reminderTime(day))).filter((r) => r.key.startsWith('quota:'));
    const first = await quota('2028-05-12');
    expect(first.map((r) => r.key)).toEqual([`quota:${PLAN}:so-ket-2028:2028-06-11:30:q02:${behindOfficer}`]);
    const said = first[0]!.text.split('\n')[0]!;
    expect(said).toMatch(/^⏰ 30 days until Interim review of discovering, nurturing and building exemplars.* \(11\/6\/2028\)\. /);
    expect(said).toContain(
      "Culture and social affairs officer (culture)'s target for the whole period 2026 – 2030 (The movement “All people unite to build a cultural life”",
    );
    expect(said).not.toMatch(/phase/i);
    expect(await quota('2028-05-13')).toEqual([]);
    expect((await quota('2028-06-04')).map((r) => r.key)).toEqual([`quota:${PLAN}:so-ket-2028:2028-06-11:7:q02:${behindOfficer}`]);
    expect(await quota('2028-06-05')).toEqual([]);
  });
});

describe('honest dates', () => {
  it('a year-only review is never counted down to; once the standing office records its date in chat, reminders count to it', async () => {
    const t = await app('2026-12-19T23:30:00Z');
    await t.grant('9701', 'ADMIN');
    const officer = await t.grant('9702', 'OFFICER', 'vhxh-van-hoa');
    const milestoneKeys = async (day: string) => (await wake(t, reminderTime(day))).filter((r) => r.key.startsWith('milestone:')).map((r) => r.key);
    for (const d of ['2026-12-20', '2026-12-24', '2026-12-28', '2026-12-30']) expect(await milestoneKeys(d)).toEqual([]); // no "31/12" invented

    const list = text(await t.say('9701', '/setdate'));
    expect(list).toContain('2026 year-end review');
    expect(list).toContain('in 2026, at the year-end review of work');
    expect(text(await t.tap('9701', 'md:tong-ket-nam-2027'))).toContain('The plan says: in 2027, at the year-end review of work');
    expect(text(await t.say('9701', '31/2/2027'))).toContain('not a valid date');
    expect(text(await t.say('9701', '15/1/2028'))).toContain('Recorded 15/1/2028 as the date of: 2027 year-end review');
    expect(text(await t.say('9701', '/timeline'))).toContain('in 2027, at the year-end review of work — set for 15/1/2028');

    t.advance(Date.parse('2028-01-07T23:30:00Z') - t.now().getTime());
    const keys = await milestoneKeys('2028-01-08');
    expect(keys).toEqual([`milestone:${PLAN}:tong-ket-nam-2027:2028-01-15:7:${officer}`]); // the administrator is neither officer nor council
    // Only administrators (the standing office) record dates.
    expect(text(await t.tap('9702', 'md:tong-ket-nam-2028'))).not.toContain('The plan says');
  });

  it('"trước ngày X" counts down to the day before X', async () => {
    const t = await app('2026-08-16T23:30:00Z');
    const officer = await t.grant('9711', 'OFFICER', 'vhxh-van-hoa');
    const got: string[] = [];
    for (const d of ['2026-08-17', '2026-08-18', '2026-08-21', '2026-08-23', '2026-08-24']) {
      for (const r of await wake(t, reminderTime(d))) if (r.key.startsWith('milestone:')) got.push(r.key);
    }
    // The plan: "gửi về … trước ngày 25/8/2026" — the last day is 24/8.
    expect(got).toEqual([7, 3, 1].map((n) => `milestone:${PLAN}:nop-ke-hoach-2026:2026-08-24:${n}:${officer}`));
  });
});

describe('each person’s choices and reachability', () => {
  it('/nhacnho turns a kind off (and on again) for that person only; pf: actions outside one’s kinds are refused', async () => {
    const t = await app('2026-12-23T23:30:00Z');
    await setActual(t, 'tong-ket-nam-2026', '2026-12-31');
    const choosy = await t.grant('9501', 'COUNCIL');
    const other = await t.grant('9502', 'COUNCIL');
    const shown = text(await t.say('9501', '/nhacnho'));
    expect(shown.split('\n')).toEqual([
      'Reminders and bulletins — tap to turn on/off:',
      '🔔 milestone reminders',
      '🔔 reminders of nominations waiting for review',
      "🔔 the council's weekly digest",
      '🔕 the weekly “Good deeds around us” bulletin',
    ]);
    const toggled = await t.tap('9501', 'pf:reminder:milestone');
    expect(text(toggled)).toMatch(/^🔕 milestone reminders$/m);
    expect(toggled[0]!.buttons.flat()[0]).toEqual({ label: '🔕 Turn on: milestone reminders', action: 'pf:reminder:milestone' });
    await t.tap('9501', 'pf:digest');
    expect(await t.app.services.preferences.of(choosy)).toEqual({ 'reminder:milestone': false, digest: false });

    const milestoneFor = (rows: { key: string; personId: number }[]) => rows.filter((r) => r.key.startsWith('milestone:')).map((r) => r.personId);
    expect(milestoneFor(await wake(t, reminderTime('2026-12-24')))).toEqual([other]); // 7 days to 31/12
    await t.tap('9501', 'pf:reminder:milestone'); // on again
    expect(milestoneFor(await wake(t, reminderTime('2026-12-28')))).toEqual([choosy, other].sort((a, b) => a - b)); // 3 days
    expect((await wake(t, '2026-12-28T00:30:00Z')).filter((r) => r.key.startsWith('digest:')).map((r) => r.personId)).toEqual([other]); // digest still off

    // A resident is not offered work reminders: the action is refused and nothing is stored.
    await t.personId('9503');
    expect(text(await t.tap('9503', 'pf:reminder:quota'))).not.toMatch(/milestone reminders/);
    expect(await t.app.services.preferences.of(await t.personId('9503'))).toEqual({});
  });

  it('a person marked unreachable gets no new sends until they write again', async () => {
    const t = await app('2026-12-23T23:30:00Z');
    await setActual(t, 'tong-ket-nam-2026', '2026-12-31');
    const blocked = await t.grant('9601', 'COUNCIL');
    const fine = await t.grant('9602', 'COUNCIL');
    const sent: string[] = [];
    const sender = createOutboxSender({
      store: t.app.stores.outbox,
      channel: 'telegram',
      logger: silent,
      perChatMs: 0,
      now: () => t.now(),
      send: async (chatId) => {
        if (chatId === '9601') throw new UnreachableError('Forbidden: bot was blocked by the user');
        sent.push(chatId);
      },
    });
    await wake(t, reminderTime('2026-12-24'));
    expect(await sender.deliverDue()).toBe(1);
    expect(sent).toEqual(['9602']);
    expect((await t.prisma.identity.findFirstOrThrow({ where: { personId: blocked, channel: 'telegram' } })).unreachableAt).toEqual(t.now());

    // The next reminder is kept (UNREACHABLE), not sent.
    const queued = await wake(t, reminderTime('2026-12-28'));
    expect(queued.filter((r) => r.key.startsWith('milestone:')).map((r) => [r.personId, r.state])).toEqual([
      [blocked, 'UNREACHABLE'],
      [fine, 'PENDING'],
    ]);
    expect(await sender.deliverDue()).toBe(1);
    expect(sent).toEqual(['9602', '9602']);

    // They unblock the bot and write: later messages reach them again (and what was held, if still worth it).
    await t.say('9601', '/start');
    expect((await t.prisma.identity.findFirstOrThrow({ where: { personId: blocked, channel: 'telegram' } })).unreachableAt).toBeNull();
    const later = await wake(t, reminderTime('2026-12-30'));
    expect(later.filter((r) => r.key.startsWith('milestone:')).map((r) => [r.personId, r.state])).toEqual([
      [blocked, 'PENDING'],
      [fine, 'PENDING'],
    ]);
  });
});
