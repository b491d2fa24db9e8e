/**
 * The in-memory ports (memory-ports.ts) against the repositories they stand in for: the same checks
 * run on each fake and on its database implementation, so a core test on the fakes sees what the
 * bot sees. When a repository's behaviour changes, this fails until the fake follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogStore } from '../../src/core/dialog/engine.ts';
import type { DraftRepository } from '../../src/core/nominations/drafts.ts';
import type { Notifier } from '../../src/core/notify.ts';
import type { PeopleRepository } from '../../src/core/people.ts';
import type { MilestoneDateRepository } from '../../src/core/plan/actual-dates.ts';
import type { PreferenceRepository } from '../../src/core/preferences.ts';
import type { UnansweredQuestionStore } from '../../src/core/qa/unanswered.ts';
import type { RoleRepository } from '../../src/core/roles.ts';
import { createDialogStore } from '../../src/db/dialog-store.ts';
import { createDraftRepository } from '../../src/db/draft-repository.ts';
import { createMilestoneDateRepository } from '../../src/db/milestone-date-repository.ts';
import { createOutbox } from '../../src/db/outbox.ts';
import { createPeopleRepository } from '../../src/db/people-repository.ts';
import { importPlan } from '../../src/db/plan-repository.ts';
import { createPreferenceRepository } from '../../src/db/preference-repository.ts';
import { createRoleRepository } from '../../src/db/role-repository.ts';
import { createUnansweredRepository } from '../../src/db/unanswered-repository.ts';
import { shippedCatalog } from './core-fixtures.ts';
import {
  memoryDialogs,
  memoryDrafts,
  memoryMilestoneDates,
  memoryNotifier,
  memoryPeople,
  memoryPreferences,
  memoryRoles,
  memoryUnanswered,
} from './memory-ports.ts';
import { createTempDatabase, type TempDatabase } from './temp-db.ts';

interface Ports {
  people: PeopleRepository;
  roles: RoleRepository;
  notifier: Notifier;
  dialogs: DialogStore;
  preferences: PreferenceRepository;
  drafts: DraftRepository;
  milestoneDates: MilestoneDateRepository;
  unanswered: UnansweredQuestionStore;
}

const plan = shippedCatalog().plan;
const T0 = new Date('2026-12-01T03:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const clock = () => T0;

function memory(): Ports {
  const people = memoryPeople({ now: clock });
  return {
    people,
    roles: memoryRoles({ people, units: (slug) => (slug === plan.id ? plan.units.map((u) => u.code) : []) }),
    notifier: memoryNotifier({ people, defaultLocale: 'vi' }),
    dialogs: memoryDialogs(),
    preferences: memoryPreferences(),
    drafts: memoryDrafts(),
    milestoneDates: memoryMilestoneDates(),
    unanswered: memoryUnanswered(),
  };
}

function database(db: TempDatabase): Ports {
  return {
    people: createPeopleRepository(db.prisma, { now: clock }),
    roles: createRoleRepository(db.prisma),
    notifier: createOutbox(db.prisma, { defaultLocale: 'vi', now: clock }),
    dialogs: createDialogStore(db.prisma),
    preferences: createPreferenceRepository(db.prisma),
    drafts: createDraftRepository(db.prisma),
    milestoneDates: createMilestoneDateRepository(db.prisma),
    unanswered: createUnansweredRepository(db.prisma),
  };
}

let db: TempDatabase;
beforeAll(async () => {
  db = await createTempDatabase();
  await importPlan(db.prisma, plan);
});
afterAll(async () => {
  await db.close();
});

// Each engine's checks run on fresh ports; the database is shared, so each check makes its own people.
let seq = 0;
const someone = async (p: Ports) => (await p.people.ensure({ channel: 'telegram', externalId: `contract-${++seq}`, displayName: `Person ${seq}` })).id;

describe.each([
  ['in memory', () => memory()],
  ['on the database', () => database(db)],
])('core ports %s', (_engine, make) => {
  it('people: one person per identity, languages, last seen, unreachable', async () => {
    const p = make();
    const a = await p.people.ensure({ channel: 'telegram', externalId: `people-${++seq}`, displayName: 'Lan' });
    expect(a).toEqual({ id: a.id, displayName: 'Lan', locale: null });
    expect((await p.people.ensure({ channel: 'telegram', externalId: `people-${seq}`, displayName: 'Other name' })).id).toBe(a.id);
    expect((await p.people.ensure({ channel: 'zalo', externalId: `people-${seq}`, displayName: 'Lan' })).id).not.toBe(a.id);
    await p.people.setLocale(a.id, 'en');
    expect(await p.people.locales([a.id, 999_999])).toEqual(new Map([[a.id, 'en']]));
    expect(await p.people.lastSeenAt({ channel: 'telegram', externalId: `people-${seq}` })).toEqual(T0);
    expect(await p.people.lastSeenAt({ channel: 'telegram', externalId: 'never-seen' })).toBeNull();
    await p.people.markUnreachable({ channel: 'telegram', externalId: 'never-seen' }, T0); // nothing happens
  });

  it('roles: grants once, officers need a unit of the plan, units in plan order', async () => {
    const p = make();
    const id = await someone(p);
    await p.roles.grant({ personId: id, role: 'COUNCIL', planSlug: plan.id });
    await p.roles.grant({ personId: id, role: 'COUNCIL', planSlug: plan.id });
    const [first, second] = [plan.units[0]!.code, plan.units[1]!.code];
    await p.roles.grant({ personId: id, role: 'OFFICER', planSlug: plan.id, unitCode: second });
    await p.roles.grant({ personId: id, role: 'OFFICER', planSlug: plan.id, unitCode: first });
    await expect(p.roles.grant({ personId: id, role: 'OFFICER', planSlug: plan.id })).rejects.toThrow('needs a unit code');
    await expect(p.roles.grant({ personId: id, role: 'OFFICER', planSlug: plan.id, unitCode: 'no-such-unit' })).rejects.toThrow('Unknown unit');
    await expect(p.roles.grant({ personId: id, role: 'ADMIN', planSlug: plan.id, unitCode: first })).rejects.toThrow('not bound to a unit');
    expect(await p.roles.rolesOf({ personId: id, planSlug: plan.id })).toEqual({ admin: false, council: true, chair: false, officerUnits: [first, second] });
    expect(await p.roles.rolesOf({ personId: id, planSlug: 'another-plan' })).toEqual({ admin: false, council: true, chair: false, officerUnits: [] });
    const listed = (await p.roles.listPeopleWithRoles({ planSlug: plan.id })).find((x) => x.id === id)!;
    expect(listed.grants.map((g) => [g.role, g.unitCode])).toEqual([
      ['COUNCIL', null],
      ['OFFICER', second],
      ['OFFICER', first],
    ]);
    expect(await p.roles.officersOf({ planSlug: plan.id, unitCode: first })).toContain(id);
    expect(await p.roles.councilMembers()).toContain(id);
    expect(await p.roles.revoke({ grantId: listed.grants[0]!.id })).toBe(true);
    expect(await p.roles.revoke({ grantId: listed.grants[0]!.id })).toBe(false);
    expect((await p.roles.rolesOf({ personId: id, planSlug: plan.id })).council).toBe(false);
  });

  it('invites: redeemed once, then used; unknown, expired and cancelled codes refused', async () => {
    const p = make();
    const admin = (await p.people.ensure({ channel: 'telegram', externalId: `admin-${++seq}`, displayName: 'Quản trị' })).id;
    const [joiner, late] = [await someone(p), await someone(p)];
    const unit = plan.units[2]!.code;
    const code = await p.roles.createInvite({ role: 'OFFICER', planSlug: plan.id, unitCode: unit, byId: admin, expiresAt: at(60) });
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const open = (await p.roles.openInvites({ now: T0 })).find((i) => i.codeTail === code.slice(-4))!;
    expect(open).toMatchObject({ role: 'OFFICER', unitCode: unit, createdByName: 'Quản trị' });
    expect(await p.roles.redeemInvite({ code: ` ${code.toLowerCase().replace('-', '–')} `, personId: joiner, now: at(1) })).toEqual({
      ok: true,
      role: 'OFFICER',
      unitCode: unit,
    });
    expect(await p.roles.redeemInvite({ code, personId: late, now: at(2) })).toEqual({ ok: false, reason: 'used' });
    expect(await p.roles.redeemInvite({ code: 'ZZZZ-ZZZZ', personId: late, now: at(2) })).toEqual({ ok: false, reason: 'unknown' });
    expect(await p.roles.redeemInvite({ code: 'nonsense', personId: late, now: at(2) })).toEqual({ ok: false, reason: 'unknown' });
    expect((await p.roles.rolesOf({ personId: joiner, planSlug: plan.id })).officerUnits).toEqual([unit]);
    const expiring = await p.roles.createInvite({ role: 'COUNCIL', planSlug: plan.id, byId: admin, expiresAt: at(10) });
    expect(await p.roles.redeemInvite({ code: expiring, personId: late, now: at(10) })).toEqual({ ok: false, reason: 'expired' });
    const cancelled = await p.roles.createInvite({ role: 'COUNCIL', planSlug: plan.id, byId: admin, expiresAt: at(60) });
    const cancelId = (await p.roles.openInvites({ now: T0 })).find((i) => i.codeTail === cancelled.slice(-4))!.id;
    expect(await p.roles.cancelInvite({ id: cancelId, now: at(3) })).toBe(true);
    expect(await p.roles.cancelInvite({ id: cancelId, now: at(4) })).toBe(false);
    expect(await p.roles.redeemInvite({ code: cancelled, personId: late, now: at(5) })).toEqual({ ok: false, reason: 'expired' });
  });

  it('notifier: one message per key, none for a person without an identity', async () => {
    const p = make();
    const id = await someone(p);
    const notice = { personId: id, key: `contract:${id}`, reply: { lines: [{ key: 'lang-switched' }] } };
    expect(await p.notifier.notify([notice, notice])).toBe(1);
    expect(await p.notifier.notify([notice])).toBe(0);
    expect(await p.notifier.notify([{ ...notice, personId: 999_999, key: `contract:nobody:${id}` }])).toBe(0);
  });

  it('dialogs: one per person, copied in and out, each expired one taken once', async () => {
    const p = make();
    const id = await someone(p);
    expect(await p.dialogs.get(id)).toBeNull();
    const dialog = { kind: 'k', step: 's', data: { n: 1 }, history: ['a'], channel: 'telegram', chatId: 'c', expiresAt: at(5) };
    await p.dialogs.save(id, dialog);
    dialog.data.n = 2;
    expect(await p.dialogs.get(id)).toEqual({ ...dialog, data: { n: 1 } });
    expect((await p.dialogs.takeExpired(at(4))).filter((d) => d.personId === id)).toEqual([]);
    expect((await p.dialogs.takeExpired(at(5))).filter((d) => d.personId === id)).toEqual([{ personId: id, ...dialog, data: { n: 1 } }]);
    expect(await p.dialogs.get(id)).toBeNull();
  });

  it('preferences: the default until set; filtering and subscribers', async () => {
    const p = make();
    const [a, b] = [await someone(p), await someone(p)];
    expect(await p.preferences.of(a)).toEqual({});
    expect(await p.preferences.filterEnabled([a, b], 'bulletin')).toEqual([]);
    await p.preferences.set(a, 'bulletin', true);
    await p.preferences.set(b, 'digest', false);
    expect(await p.preferences.of(a)).toEqual({ bulletin: true });
    expect(await p.preferences.filterEnabled([a, b], 'bulletin')).toEqual([a]);
    expect(await p.preferences.filterEnabled([a, b], 'digest')).toEqual([a]);
    expect(await p.preferences.subscribers('bulletin')).toContain(a);
  });

  it('drafts: newest first, only the owner sees or removes one', async () => {
    const p = make();
    const [a, b] = [await someone(p), await someone(p)];
    const state = { step: 'name', history: [], data: { x: 1 } };
    const older = await p.drafts.save({ personId: a, planSlug: plan.id, nomineeName: 'Một', state, now: at(1) });
    const newer = await p.drafts.save({ personId: a, planSlug: plan.id, nomineeName: 'Hai', state, now: at(2) });
    expect((await p.drafts.list({ personId: a, planSlug: plan.id })).map((d) => d.id)).toEqual([newer, older]);
    expect(await p.drafts.list({ personId: a, planSlug: 'another-plan' })).toEqual([]);
    expect(await p.drafts.get({ id: older, personId: b })).toBeNull();
    expect(await p.drafts.get({ id: older, personId: a })).toEqual({ id: older, nomineeName: 'Một', updatedAt: at(1), planSlug: plan.id, state });
    expect(await p.drafts.remove({ id: older, personId: b })).toBe(false);
    expect(await p.drafts.remove({ id: older, personId: a })).toBe(true);
  });

  it('milestone dates and unanswered questions', async () => {
    const p = make();
    const by = await someone(p);
    const slug = `contract-plan-${seq}`;
    await p.milestoneDates.set({ planSlug: slug, code: 'm1', date: '2025-12-19', byId: by, now: T0 });
    await p.milestoneDates.set({ planSlug: slug, code: 'm1', date: '2025-12-20', byId: by, now: T0 });
    expect(await p.milestoneDates.list(slug)).toEqual(new Map([['m1', '2025-12-20']]));
    expect(await p.milestoneDates.clear({ planSlug: slug, code: 'm1' })).toBe(true);
    expect(await p.milestoneDates.clear({ planSlug: slug, code: 'm1' })).toBe(false);

    const key = (k: string) => `${k}-${seq}`;
    const q = (k: string, minutes: number, text = k) =>
      p.unanswered.record({ text, key: key(k), locale: 'vi', channel: 'telegram', offered: [k], at: at(1000 * seq + minutes) });
    await q('old', -1);
    await q('a', 1, 'A một');
    await q('a', 2, 'A hai');
    await q('b', 3);
    const top = await p.unanswered.mostFrequent({ since: at(1000 * seq), limit: 5 });
    expect(top.filter((t) => t.key.endsWith(`-${seq}`))).toEqual([
      { key: key('a'), count: 2, lastAt: at(1000 * seq + 2), text: 'A hai', offered: ['a'] },
      { key: key('b'), count: 1, lastAt: at(1000 * seq + 3), text: 'b', offered: ['b'] },
    ]);
  });
});
