import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPeopleRepository } from '../../src/db/people-repository.ts';
import { createRoleRepository } from '../../src/db/role-repository.ts';
import { createTempDatabase, type TempDatabase } from '../helpers/temp-db.ts';

describe('people repository', () => {
  let db: TempDatabase;
  beforeEach(async () => {
    db = await createTempDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  it('creates a person on first contact and finds them again', async () => {
    const people = createPeopleRepository(db.prisma);
    const a = await people.ensure({ channel: 'telegram', externalId: '42', displayName: 'Lan' });
    const b = await people.ensure({ channel: 'telegram', externalId: '42', displayName: 'Lan' });
    expect(b.id).toBe(a.id);
    expect(a.locale).toBeNull();
    const other = await people.ensure({ channel: 'console', externalId: '42', displayName: 'x' });
    expect(other.id).not.toBe(a.id);
  });

  it('two first messages at once give one person', async () => {
    const people = createPeopleRepository(db.prisma);
    const [a, b] = await Promise.all([
      people.ensure({ channel: 'telegram', externalId: '7', displayName: 'A' }),
      people.ensure({ channel: 'telegram', externalId: '7', displayName: 'A' }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db.prisma.person.count()).toBe(1);
  });

  it('remembers the chosen language', async () => {
    const people = createPeopleRepository(db.prisma);
    const a = await people.ensure({ channel: 'telegram', externalId: '1', displayName: 'A' });
    await people.setLocale(a.id, 'en');
    expect((await people.ensure({ channel: 'telegram', externalId: '1', displayName: 'A' })).locale).toBe('en');
  });
});

/**
 * Who is writing is cached per process (issue 10: no five reads per update) and checked against
 * `Person.cacheVersion`, which triggers change: whatever another instance, an administrator's
 * shell or a rolled-back transaction did is seen on the very next message.
 */
describe('who is writing (identify), cached', () => {
  let db: TempDatabase;
  beforeEach(async () => {
    db = await createTempDatabase();
  });
  afterEach(async () => {
    await db.close();
  });
  const lan = { channel: 'telegram' as const, externalId: '42', displayName: 'Lan' };
  const plan = 'ia-bang-2021-2025';
  /** A plan with two units, as the plan import writes them. */
  async function units(): Promise<void> {
    await db.prisma.plan.create({
      data: {
        slug: plan,
        document: '{}',
        contentHash: 'x',
        units: {
          create: [
            { code: 'vhxh', position: 0 },
            { code: 'ytế', position: 1 },
          ],
        },
      },
    });
  }

  it('sees a role granted and revoked by another instance on the next message', async () => {
    await units();
    const here = createPeopleRepository(db.prisma);
    const elsewhere = createRoleRepository(db.prisma);
    const first = await here.identify!(lan, plan);
    expect(first.roles).toEqual({ admin: false, council: false, chair: false, officerUnits: [] });
    await elsewhere.grant({ personId: first.person.id, role: 'COUNCIL', planSlug: plan });
    await elsewhere.grant({ personId: first.person.id, role: 'OFFICER', planSlug: plan, unitCode: 'ytế' });
    expect((await here.identify!(lan, plan)).roles).toEqual({ admin: false, council: true, chair: false, officerUnits: ['ytế'] });
    const [grant] = (await elsewhere.listPeopleWithRoles({ planSlug: plan }))[0]!.grants.filter((g) => g.role === 'COUNCIL');
    await elsewhere.revoke({ grantId: grant!.id });
    expect((await here.identify!(lan, plan)).roles.council).toBe(false);
  });

  it('sees a language, a name and a renamed unit changed by plain SQL (an administrator’s shell)', async () => {
    await units();
    const here = createPeopleRepository(db.prisma);
    const { person } = await here.identify!(lan, plan);
    await createRoleRepository(db.prisma).grant({ personId: person.id, role: 'OFFICER', planSlug: plan, unitCode: 'vhxh' });
    expect((await here.identify!(lan, plan)).roles.officerUnits).toEqual(['vhxh']);
    await db.prisma.$executeRawUnsafe(`UPDATE "Person" SET "locale" = 'en', "displayName" = 'Lan Anh' WHERE "id" = ${person.id}`);
    await db.prisma.$executeRawUnsafe(`UPDATE "Unit" SET "code" = 'van-hoa' WHERE "code" = 'vhxh'`);
    const after = await here.identify!(lan, plan);
    expect(after.person).toMatchObject({ id: person.id, locale: 'en', displayName: 'Lan Anh' });
    expect(after.roles.officerUnits).toEqual(['van-hoa']);
  });

  it('follows an identity moved to another person (accounts linked elsewhere)', async () => {
    const here = createPeopleRepository(db.prisma);
    const { person: a } = await here.identify!(lan, plan);
    const b = await db.prisma.person.create({ data: { displayName: 'Nguyễn Thị Lan', locale: 'en' } });
    await db.prisma.identity.updateMany({ where: { personId: a.id }, data: { personId: b.id } });
    expect((await here.identify!(lan, plan)).person).toMatchObject({ id: b.id, locale: 'en' });
  });

  it('forgets what it read inside a transaction that was rolled back', async () => {
    await units();
    const here = createPeopleRepository(db.prisma);
    const { person } = await here.identify!(lan, plan);
    await expect(
      db.unitOfWork(async () => {
        await createRoleRepository(db.prisma).grant({ personId: person.id, role: 'ADMIN', planSlug: plan });
        expect((await here.identify!(lan, plan)).roles.admin).toBe(true); // seen inside, then undone
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await here.identify!(lan, plan)).roles.admin).toBe(false);
    // A later change that commits is seen (the rolled-back version is not reused).
    await createRoleRepository(db.prisma).grant({ personId: person.id, role: 'CHAIR', planSlug: plan });
    expect((await here.identify!(lan, plan)).roles).toMatchObject({ admin: false, chair: true });
  });
});
