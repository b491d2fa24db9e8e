/**
 * What an English reader (`/lang en`) and the council chair see: English names in /help, the unit's
 * name in each council member's own language in "new nomination" notices, no raw "-" for a missing
 * movement, natural plurals, a reason never followed by a doubled full stop, and a digest that says
 * "none" for an empty section.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { asSentence } from '../../src/core/text/fold.ts';
import { button, createTestApp, text, type TestApp } from '../helpers/test-app.ts';

let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});
async function open(opts: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const t = await createTestApp(opts);
  apps.push(t);
  return t;
}

const ACH = 'Vaccinated every child and held free check-ups for 400 elderly residents in 2024.';

/** An officer of the health station registers a collective (3.1.5) through the dialog, in English. */
async function register(t: TestApp, officer: string, movement: 'suggested' | 'none' = 'suggested') {
  let r = await t.tap(officer, button(await t.say(officer, '/nominate'), 'Collective'));
  r = await t.tap(officer, button(r, '3.1.5'));
  r = await t.tap(officer, button(r, movement === 'none' ? 'No particular movement' : '(suggested)'));
  await t.say(officer, 'Commune health station');
  await t.say(officer, 'Village 3');
  r = await t.say(officer, ACH);
  r = await t.tap(officer, button(r, 'Skip'));
  r = await t.tap(officer, button(r, 'All met'));
  return t.tap(officer, button(r, /^Done$/));
}

describe('English readers', () => {
  it('/help lists the English command names first, the Vietnamese ones in brackets; Vietnamese readers keep theirs', async () => {
    const t = await open();
    await t.say('en1', '/lang en');
    const en = text(await t.say('en1', '/help'));
    expect(en).toContain('/criteria (/tieuchi) — Criteria for selecting exemplars');
    expect(en).toContain('/timeline (/moc) — Phases and milestones');
    expect(en).toContain('/lang (/ngonngu) — Change language');
    expect(en).not.toContain('/tieuchi (/criteria)');
    expect(text(await t.say('vi1', '/help'))).toContain('/tieuchi (/criteria)');
  });

  it('a council member reading English is told of a new nomination with the unit’s English name; a Vietnamese one with the Vietnamese name', async () => {
    const t = await open();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    const en = await t.grant('c-en', 'COUNCIL');
    const vi = await t.grant('c-vi', 'COUNCIL');
    await t.say('o1', '/lang en');
    await t.say('c-en', '/lang en');
    const summary = await register(t, 'o1');
    await t.tap('o1', button(summary, 'Submit'));
    const notices = (await t.outbox()).filter((n) => n.key.includes(':submitted:'));
    const of = (id: number) => notices.find((n) => n.personId === id)!.text;
    expect(of(en)).toMatch(/^📥 New nomination for the council: #\d+ Commune health station — Commune health station, category 3\.1\.5\./);
    expect(of(en)).not.toContain('Trạm Y tế xã');
    expect(of(vi)).toContain('— Trạm Y tế xã, mục 3.1.5');
  });

  it('a resubmitted nomination is announced as resubmitted, not as new', async () => {
    const t = await open();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    const member = await t.grant('c1', 'COUNCIL');
    for (const u of ['o1', 'c1']) await t.say(u, '/lang en');
    await t.tap('o1', button(await register(t, 'o1'), 'Submit'));
    const id = (await t.prisma.nomination.findFirstOrThrow()).id;
    await t.tap('c1', `rv:v:${id}:1:c`);
    const confirm = await t.say('c1', 'Please add photos of the check-up days.');
    const decided = await t.tap('c1', button(confirm, 'Confirm'));
    expect(text(decided)).toContain('Tally so far: 0 agree, 1 ask for changes, 0 disagree (1 member may vote).');

    const returned = (await t.outbox()).find((n) => n.key.startsWith(`nomination:${id}:decided:`))!;
    expect(returned.text).toContain('Comments: User c1: Please add photos of the check-up days.\nTap the button below');
    expect(returned.text).not.toContain('days..');

    let r = await t.tap('o1', `nom:e:${id}`);
    for (let i = 0; i < 10 && !r.some((x) => x.buttons.flat().some((b) => b.label.includes('Resubmit'))); i++) {
      const keep = r.flatMap((x) => x.buttons.flat()).find((b) => /Keep it|^Done$|^Continue$|\(suggested\)/.test(b.label));
      r = await t.tap('o1', keep!.action);
    }
    await t.tap('o1', button(r, 'Resubmit'));
    const again = (await t.outbox()).filter((n) => n.personId === member && n.key.startsWith(`nomination:${id}:submitted:r2`));
    expect(again.map((n) => n.text.split('.')[0])).toEqual([
      `📥 Nomination completed and sent again to the council: #${id} Commune health station — Commune health station, category 3`,
    ]);
  });

  it('the summary says “No particular movement” instead of a bare dash', async () => {
    const t = await open();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    await t.say('o1', '/lang en');
    const summary = text(await register(t, 'o1', 'none'));
    expect(summary).toContain('Movement / field: No particular movement');
    expect(summary).not.toMatch(/Movement: -/);
  });

  it('counts read naturally: one nomination is, two nominations are', async () => {
    const t = await open();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    await t.grant('c1', 'COUNCIL');
    await t.say('c1', '/lang en');
    const submit = (name: string) =>
      t.app.services.nominations.submit({
        draft: {
          planSlug: t.app.catalog().plan.id,
          categoryCode: '3.1.5',
          movementCode: 'y-te',
          unitCode: 'tram-y-te',
          subjectType: 'COLLECTIVE',
          nomineeName: name,
          place: 'Village 3',
          achievements: ACH,
          selfCheck: [],
          evidence: [],
        },
        proposerId: 1,
        now: t.now(),
      });
    await submit('Team A');
    expect(text(await t.say('c1', '/review'))).toContain('1 nomination is waiting for your vote (oldest first).');
    await submit('Team B');
    expect(text(await t.say('c1', '/review'))).toContain('2 nominations are waiting for your vote (oldest first).');
  });

  it('/targets shows a note in italics without doubled brackets', async () => {
    const t = await open();
    await t.say('en1', '/lang en');
    const targets = text(await t.say('en1', '/targets'));
    expect(targets).toContain('   For each branch separately (the commune police and the military command each find at least 1 collective and 1 individual)\n');
    expect(targets).not.toContain('((');
    expect(targets).not.toContain('))');
  });
});

describe('a typed reason ends as one sentence', () => {
  it('gets a full stop when it has none, and keeps its own (., !, ?, …) without doubling it', () => {
    expect(asSentence('Missing photos')).toBe('Missing photos.');
    expect(asSentence('Missing photos.  ')).toBe('Missing photos.');
    expect(asSentence('Really?')).toBe('Really?');
    expect(asSentence('Thiếu ảnh…')).toBe('Thiếu ảnh…');
    expect(asSentence('-')).toBe('-');
  });
});

describe('dates and times read alike everywhere', () => {
  it('/schedule shows the next run and the last period as d/m/yyyy hh:mm, like every other date', async () => {
    const t = await open({ env: { SCHEDULE_DIGEST: '* * * * *' } });
    await t.grant('adm', 'ADMIN');
    await t.say('adm', '/lang en');
    t.advance(60_000);
    await t.app.scheduler.tick();
    const shown = text(await t.say('adm', '/schedule'));
    expect(shown).toContain('“Good deeds around us” bulletin (0 17 * * 5) — next: 4/12/2026 17:00');
    expect(shown).toMatch(/Council weekly digest \(\* \* \* \* \*\) — next: 30\/11\/2026 09:02\n {3}Last 30\/11\/2026 09:01: done/);
    expect(shown).not.toMatch(/\b0\d\/\d{2}\/2026|2026-11-30/);
  });
});

describe('the council chair’s digest', () => {
  it('says “none” for an empty section instead of a bare “(0):” heading', async () => {
    const t = await open({ env: { SCHEDULE_DIGEST: '* * * * *' } });
    const chair = await t.grant('chair', 'COUNCIL');
    await t.app.services.people.setLocale(chair, 'en');
    t.advance(60_000);
    await t.app.scheduler.tick();
    const digest = (await t.outbox()).find((r) => r.key.startsWith('digest:') && r.personId === chair)!;
    const lines = digest.text.split('\n');
    expect(lines.slice(1, 4)).toEqual([
      "Waiting for the council's review: none",
      "The council's results this week (its advice): none",
      'Decided by the commune chairman this week: none',
    ]);
    expect(digest.text).not.toContain('(0)');
  });
});
