/**
 * People and their channel identities (implements core's {@link PeopleRepository}).
 */
import type { Locale } from '../core/channel.ts';
import type { PeopleRepository, Person } from '../core/people.ts';
import type { PrismaClient } from './client.ts';
import { isolated } from './unit-of-work.ts';
import { cleanName } from '../core/text/name.ts';
import type { Logger } from '../logger.ts';
import { holdIdentity, releaseHeld } from './held.ts';

const asLocale = (l: string | null): Locale | null => (l === 'vi' || l === 'en' ? l : null);
const toPerson = (p: { id: number; displayName: string; locale: string | null }): Person => ({
  id: p.id,
  displayName: p.displayName,
  locale: asLocale(p.locale),
});

/**
 * `lastSeenAt` is kept to this resolution: a message within it of the stored value writes nothing,
 * unless another identity of the person was seen since (the "last channel used" must stay right).
 * Zalo's 7-day window and the channel choice need no finer time, and a burst of messages then costs
 * no write per update.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * @param opts.now the clock stamping `lastSeenAt` (the last interaction, which Zalo's 7-day window
 *        is judged by); the app passes its own clock so tests can move time.
 * @param opts.logger where releases of held messages are logged (one line per dropped message).
 */
export function createPeopleRepository(prisma: PrismaClient, opts: { now?: () => Date; logger?: Logger } = {}): PeopleRepository {
  const now = opts.now ?? (() => new Date());
  return {
    async ensure({ channel, externalId, displayName }) {
      const found = await prisma.identity.findUnique({
        where: { channel_externalId: { channel, externalId } },
        include: { person: { include: { identities: { select: { id: true, lastSeenAt: true } } } } },
      });
      if (found) {
        // Proactive messages go to the identity the person used last.
        const at = now();
        const behind = found.person.identities.some((o) => o.id !== found.id && o.lastSeenAt >= found.lastSeenAt);
        if (behind || at.getTime() - found.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
          // Not awaited: the reply never waits for this write, so a database locked by another
          // process (a backup) holds up no chat that only reads. A lost stamp is redone next message.
          prisma.identity.update({ where: { id: found.id }, data: { lastSeenAt: at } }).catch(() => undefined);
        }
        // Writing again makes this identity reachable again: what was held for it and is still worth
        // sending goes out, the rest is dropped (src/db/held.ts).
        if (found.unreachableAt) {
          const { released, dropped } = await releaseHeld(prisma, { channel, externalId, now: now() });
          if (released.length > 0 || dropped.length > 0)
            opts.logger?.info({ channel, personId: found.personId, released: released.length }, 'reachable again: held messages released');
          for (const d of dropped) opts.logger?.info({ channel, personId: found.personId, outboxId: d.id, key: d.key, why: d.why }, 'held message dropped');
        }
        // A name stored raw by an older release (bidi overrides, zero-width, controls) is cleaned on contact.
        const clean = cleanName(found.person.displayName) || externalId;
        if (clean !== found.person.displayName) {
          await prisma.person.update({ where: { id: found.person.id }, data: { displayName: clean } });
          return toPerson({ ...found.person, displayName: clean });
        }
        return toPerson(found.person);
      }
      try {
        const created = await isolated(prisma, (tx) =>
          tx.identity.create({
            data: { channel, externalId, lastSeenAt: now(), person: { create: { displayName } } },
            include: { person: true },
          }),
        );
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
      await holdIdentity(prisma, { channel, externalId, at });
    },
    async localeOf({ channel, externalId }) {
      const row = await prisma.identity.findUnique({
        where: { channel_externalId: { channel, externalId } },
        select: { person: { select: { locale: true } } },
      });
      return asLocale(row?.person.locale ?? null);
    },
    async locales(personIds) {
      const rows = await prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, locale: true } });
      return new Map(rows.map((r) => [r.id, asLocale(r.locale)]));
    },
  };
}
