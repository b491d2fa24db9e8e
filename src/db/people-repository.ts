/**
 * People and their channel identities (implements core's {@link PeopleRepository}).
 */
import type { Locale } from '../core/channel.ts';
import type { PeopleRepository, Person } from '../core/people.ts';
import type { PrismaClient } from './client.ts';

const toPerson = (p: { id: number; displayName: string; locale: string | null }): Person => ({
  id: p.id,
  displayName: p.displayName,
  locale: p.locale === 'vi' || p.locale === 'en' ? p.locale : null,
});

export function createPeopleRepository(prisma: PrismaClient): PeopleRepository {
  return {
    async ensure({ channel, externalId, displayName }) {
      const found = await prisma.identity.findUnique({ where: { channel_externalId: { channel, externalId } }, include: { person: true } });
      if (found) return toPerson(found.person);
      try {
        const created = await prisma.identity.create({
          data: { channel, externalId, person: { create: { displayName } } },
          include: { person: true },
        });
        return toPerson(created.person);
      } catch (error) {
        // Two first messages at once: the other one created the identity; use it.
        const again = await prisma.identity.findUnique({ where: { channel_externalId: { channel, externalId } }, include: { person: true } });
        if (again) return toPerson(again.person);
        throw error;
      }
    },
    async setLocale(personId: number, locale: Locale) {
      await prisma.person.update({ where: { id: personId }, data: { locale } });
    },
  };
}
