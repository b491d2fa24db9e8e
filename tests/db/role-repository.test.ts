import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlanFile } from '../../src/core/plan/load.ts';
import { importPlan } from '../../src/db/plan-repository.ts';
import { createRoleRepository, formatInviteCode, INVITE_ALPHABET, normalizeInviteCode } from '../../src/db/role-repository.ts';
import type { RoleRepository } from '../../src/core/roles.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

const PLAN = 'ia-bang-2021-2025';
const NOW = new Date('2025-03-01T08:00:00Z');
const LATER = new Date('2025-03-08T08:00:00Z');
/** Parsed once per file (the YAML and its validation are what is slow, not the import). */
const planFile = loadPlanFile(`plans/${PLAN}.yaml`);

describe('role repository', () => {
  let db: TempDatabase;
  let roles: RoleRepository;
  let lan: number;
  let minh: number;
  let an: number;

  beforeEach(async () => {
    db = await createTempDatabase();
    await importPlan(db.prisma, planFile);
    roles = createRoleRepository(db.prisma);
    lan = (await db.prisma.person.create({ data: { displayName: 'Lan' } })).id;
    minh = (await db.prisma.person.create({ data: { displayName: 'Minh' } })).id;
    an = (await db.prisma.person.create({ data: { displayName: 'Ánh' } })).id;
  });
  afterEach(async () => {
    await db.close();
  });

  it('a person without grants is a resident only', async () => {
    expect(await roles.rolesOf({ personId: lan, planSlug: PLAN })).toEqual({ admin: false, council: false, chair: false, officerUnits: [] });
  });

  it('grant is idempotent, also for COUNCIL and ADMIN (NULL unit)', async () => {
    await roles.grant({ personId: lan, role: 'COUNCIL', planSlug: PLAN });
    await roles.grant({ personId: lan, role: 'COUNCIL', planSlug: PLAN, unitCode: null, byId: minh });
    await Promise.all([roles.grant({ personId: lan, role: 'ADMIN', planSlug: PLAN }), roles.grant({ personId: lan, role: 'ADMIN', planSlug: PLAN })]);
    await roles.grant({ personId: lan, role: 'OFFICER', planSlug: PLAN, unitCode: 'tram-y-te' });
    await roles.grant({ personId: lan, role: 'OFFICER', planSlug: PLAN, unitCode: 'tram-y-te' });
    expect(await db.prisma.roleGrant.count()).toBe(3);
    expect(await roles.rolesOf({ personId: lan, planSlug: PLAN })).toEqual({ admin: true, council: true, chair: false, officerUnits: ['tram-y-te'] });
    expect(await roles.councilMembers()).toEqual([lan]);
    expect(await roles.adminIds()).toEqual([lan]);
  });

  it('binds an officer to a unit code of the plan', async () => {
    await roles.grant({ personId: minh, role: 'OFFICER', planSlug: PLAN, unitCode: 'tram-y-te' });
    await roles.grant({ personId: minh, role: 'OFFICER', planSlug: PLAN, unitCode: 'cong-an' });
    await roles.grant({ personId: an, role: 'OFFICER', planSlug: PLAN, unitCode: 'tram-y-te' });
    expect((await roles.rolesOf({ personId: minh, planSlug: PLAN })).officerUnits).toEqual(['cong-an', 'tram-y-te']); // plan order
    expect((await roles.rolesOf({ personId: minh, planSlug: 'other-plan' })).officerUnits).toEqual([]);
    expect(await roles.officersOf({ planSlug: PLAN, unitCode: 'tram-y-te' })).toEqual([minh, an].sort((a, b) => a - b));
    expect(await roles.officersOf({ planSlug: PLAN, unitCode: 'tu-phap' })).toEqual([]);
    await expect(roles.grant({ personId: minh, role: 'OFFICER', planSlug: PLAN, unitCode: 'no-such-unit' })).rejects.toThrow(/Unknown unit/);
    await expect(roles.grant({ personId: minh, role: 'OFFICER', planSlug: PLAN })).rejects.toThrow(/needs a unit/);
    await expect(roles.grant({ personId: minh, role: 'COUNCIL', planSlug: PLAN, unitCode: 'cong-an' })).rejects.toThrow(/not bound to a unit/);
  });

  it('revokes one grant and reports a missing one', async () => {
    await roles.grant({ personId: lan, role: 'COUNCIL', planSlug: PLAN });
    await roles.grant({ personId: lan, role: 'OFFICER', planSlug: PLAN, unitCode: 'tram-y-te' });
    const [person] = await roles.listPeopleWithRoles({ planSlug: PLAN });
    const council = person!.grants.find((g) => g.role === 'COUNCIL')!;
    expect(await roles.revoke({ grantId: council.id })).toBe(true);
    expect(await roles.revoke({ grantId: council.id })).toBe(false);
    expect(await roles.rolesOf({ personId: lan, planSlug: PLAN })).toEqual({ admin: false, council: false, chair: false, officerUnits: ['tram-y-te'] });
  });

  it('lists people holding roles, by name, with their grants', async () => {
    await roles.grant({ personId: minh, role: 'COUNCIL', planSlug: PLAN });
    await roles.grant({ personId: an, role: 'OFFICER', planSlug: PLAN, unitCode: 'cong-an' });
    await roles.grant({ personId: an, role: 'ADMIN', planSlug: PLAN });
    const list = await roles.listPeopleWithRoles({ planSlug: PLAN });
    expect(list.map((p) => p.displayName)).toEqual(['Ánh', 'Minh']); // Lan holds nothing; Vietnamese collation
    expect(list[0]!.grants.map(({ role, unitCode }) => ({ role, unitCode }))).toEqual([
      { role: 'OFFICER', unitCode: 'cong-an' },
      { role: 'ADMIN', unitCode: null },
    ]);
    expect(list[0]!.id).toBe(an);
  });

  it('invite codes look like XXXX-XXXX and are single-use', async () => {
    const code = await roles.createInvite({ role: 'OFFICER', planSlug: PLAN, unitCode: 'tram-y-te', byId: lan, expiresAt: LATER });
    expect(code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{4}-[${INVITE_ALPHABET}]{4}$`));
    const typed = ` ${code.toLowerCase().replace('-', ' – ')} `;
    expect(await roles.redeemInvite({ code: typed, personId: minh, now: NOW })).toEqual({ ok: true, role: 'OFFICER', unitCode: 'tram-y-te' });
    expect(await roles.rolesOf({ personId: minh, planSlug: PLAN })).toEqual({ admin: false, council: false, chair: false, officerUnits: ['tram-y-te'] });
    const grant = await db.prisma.roleGrant.findFirstOrThrow({ where: { personId: minh } });
    expect(grant.grantedById).toBe(lan);
    expect(await roles.redeemInvite({ code, personId: an, now: NOW })).toEqual({ ok: false, reason: 'used' });
    expect(await roles.redeemInvite({ code, personId: minh, now: NOW })).toEqual({ ok: false, reason: 'used' });
    expect((await roles.rolesOf({ personId: an, planSlug: PLAN })).officerUnits).toEqual([]);
  });

  it('an expired code answers expired and grants nothing', async () => {
    const code = await roles.createInvite({ role: 'COUNCIL', planSlug: PLAN, byId: lan, expiresAt: NOW });
    expect(await roles.redeemInvite({ code, personId: minh, now: NOW })).toEqual({ ok: false, reason: 'expired' }); // expiresAt is exclusive
    expect(await roles.redeemInvite({ code, personId: minh, now: LATER })).toEqual({ ok: false, reason: 'expired' });
    expect(await roles.rolesOf({ personId: minh, planSlug: PLAN })).toEqual({ admin: false, council: false, chair: false, officerUnits: [] });
    const fresh = await roles.createInvite({ role: 'COUNCIL', planSlug: PLAN, byId: lan, expiresAt: LATER });
    expect(await roles.redeemInvite({ code: fresh, personId: minh, now: new Date(LATER.getTime() - 1) })).toEqual({
      ok: true,
      role: 'COUNCIL',
      unitCode: null,
    });
  });

  it('unknown and malformed codes answer unknown', async () => {
    await roles.createInvite({ role: 'COUNCIL', planSlug: PLAN, byId: lan, expiresAt: LATER });
    for (const code of ['ABCD-EFGH', '', 'ABCD-EFG', 'ABCD-EFGHJ', 'ABCD-EFG0', 'OOOO-1111']) {
      expect(await roles.redeemInvite({ code, personId: minh, now: NOW })).toEqual({ ok: false, reason: 'unknown' });
    }
    expect(await db.prisma.roleGrant.count()).toBe(0);
  });

  it('normalises typed codes', () => {
    expect(normalizeInviteCode('abcd-2345')).toBe('ABCD2345');
    expect(normalizeInviteCode(' AB CD—23 45 ')).toBe('ABCD2345');
    expect(normalizeInviteCode('ＡＢＣＤ２３４５')).toBe('ABCD2345');
    expect(normalizeInviteCode('ABCD-O345')).toBeNull();
    expect(formatInviteCode('ABCD2345')).toBe('ABCD-2345');
  });

  it('two people redeeming one code at once: exactly one wins', async () => {
    const code = await roles.createInvite({ role: 'ADMIN', planSlug: PLAN, byId: lan, expiresAt: LATER });
    const results = await Promise.all([minh, an, lan].map((personId) => roles.redeemInvite({ code, personId, now: NOW })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'used' },
      { ok: false, reason: 'used' },
    ]);
    expect(await db.prisma.roleGrant.count({ where: { role: 'ADMIN' } })).toBe(1);
    const invite = await db.prisma.invite.findFirstOrThrow();
    expect(await roles.adminIds()).toEqual([invite.usedById]);
  });

  it('an officer invite whose unit left the plan no longer works', async () => {
    const code = await roles.createInvite({ role: 'OFFICER', planSlug: PLAN, unitCode: 'tu-phap', byId: lan, expiresAt: LATER });
    await db.prisma.unit.deleteMany({ where: { code: 'tu-phap' } }); // what a re-import without the unit does
    expect(await roles.redeemInvite({ code, personId: minh, now: NOW })).toEqual({ ok: false, reason: 'expired' });
    expect(await db.prisma.roleGrant.count()).toBe(0);
  });

  it('finds the pending bootstrap invite (ADMIN, no creator, unused, unexpired)', async () => {
    expect(await roles.pendingBootstrapInvite(NOW)).toBeNull();
    await roles.createInvite({ role: 'ADMIN', planSlug: PLAN, byId: lan, expiresAt: LATER }); // has a creator
    await roles.createInvite({ role: 'COUNCIL', planSlug: PLAN, byId: null, expiresAt: LATER }); // not ADMIN
    expect(await roles.pendingBootstrapInvite(NOW)).toBeNull();
    const code = await roles.createInvite({ role: 'ADMIN', planSlug: PLAN, byId: null, expiresAt: LATER });
    expect(await roles.pendingBootstrapInvite(NOW)).toBe(code);
    expect(await roles.pendingBootstrapInvite(LATER)).toBeNull();
    expect(await roles.redeemInvite({ code, personId: minh, now: NOW })).toEqual({ ok: true, role: 'ADMIN', unitCode: null });
    expect(await roles.pendingBootstrapInvite(NOW)).toBeNull();
    expect(await roles.rolesOf({ personId: minh, planSlug: PLAN })).toMatchObject({ admin: true });
  });
});
