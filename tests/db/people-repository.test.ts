import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPeopleRepository } from '../../src/db/people-repository.ts';
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
