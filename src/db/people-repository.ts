/**
 * People and their channel identities (implements core's {@link PeopleRepository}).
 */
import type { Locale } from '../core/channel.ts';
import type { PeopleRepository, Person } from '../core/people.ts';
import type { PrismaClient } from './client.ts';

const asLocale = (l: string | null): Locale | null => (l === 'vi' || l === 'en' ? l : null);
const toPerson = (p: { id: number; displayName: string; locale: string | null }): Person => ({ id: p.id, displayName: p.displayName, locale: asLocale(p.locale) });

/**
 * @param opts.now the clock stamping `lastSeenAt` (the last interaction, which Zalo's 7-day window
 *        is judged by); the app passes its own clock so tests can move time.
 */
export function createPeopleRepository(prisma: PrismaClient, opts: { now?: () => Date } = {}): PeopleRepository {
  const now = opts.now ?? (() => new Date());
  return {
    async ensure({ channel, externalId, displayName }) {
      const found = await prisma.identity.findUnique({ where: { channel_externalId: { channel, externalId } }, include: { person: true } });
      if (found) {
        // Proactive messages go to the identity the person used last.
        await prisma.identity.update({ where: { id: found.id }, data: { lastSeenAt: now() } });
        // Writing again makes a person who had blocked the bot reachable again.
        if (found.person.unreachableAt) await prisma.person.update({ where: { id: found.person.id }, data: { unreachableAt: null } });
        return toPerson(found.person);
      }
      try {
        const created = await prisma.identity.create({
          data: { channel, externalId, lastSeenAt: now(), person: { create: { displayName } } },
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
    async lastSeenAt({ channel, externalId }) {
      const row = await prisma.identity.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { lastSeenAt: true } });
      return row?.lastSeenAt ?? null;
    },
    async markUnreachable({ channel, externalId }, at) {
      const identity = await prisma.identity.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { personId: true } });
      if (identity) await prisma.person.update({ where: { id: identity.personId }, data: { unreachableAt: at } });
    },
    async locales(personIds) {
      const rows = await prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, locale: true } });
      return new Map(rows.map((r) => [r.id, asLocale(r.locale)]));
    },
  };
}
