/**
 * People and their channel identities (implements core's {@link PeopleRepository}).
 */
import type { ChannelName, Locale } from '../core/channel.ts';
import type { PeopleRepository, Person } from '../core/people.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';
import { grantsOf, rolesFromGrants, type GrantRow } from './role-repository.ts';
import { isolated } from './unit-of-work.ts';
import { cleanName } from '../core/text/name.ts';
import type { Logger } from '../logger.ts';
import { holdIdentity, releaseHeld } from './held.ts';
import { sqlTime } from './datetime-format.ts';

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

/** Most identities kept by the cache of who is writing (least recently used dropped first). */
export const IDENTITY_CACHE_SIZE = 10_000;

/** What the cache keeps about one channel identity: enough for `ensure` and `identify` without reading. */
interface Known {
  identityId: number;
  personId: number;
  /** `Person.cacheVersion` when this was read: any change to what is kept here changes it. */
  version: bigint;
  /** The person as stored (name cleaned). */
  person: Person;
  lastSeenAt: Date;
  /** The latest `lastSeenAt` of the person's other identities, if any. */
  othersLastSeenAt: Date | null;
  unreachable: boolean;
  grants: GrantRow[];
}

/**
 * @param opts.now the clock stamping `lastSeenAt` (the last interaction, which Zalo's 7-day window
 *        is judged by); the app passes its own clock so tests can move time.
 * @param opts.logger where releases of held messages are logged (one line per dropped message).
 *
 * Who is writing (the identity, the person, their roles) is read for every update; it is kept in a
 * process cache of at most {@link IDENTITY_CACHE_SIZE} identities, checked on each use by one read of
 * `Person.cacheVersion`, which database triggers change whenever any of it changes, whoever writes
 * (another instance, an administrator's shell, a migration): see prisma/schema.prisma.
 */
export function createPeopleRepository(prisma: PrismaClient, opts: { now?: () => Date; logger?: Logger } = {}): PeopleRepository {
  const now = opts.now ?? (() => new Date());
  const cache = new Map<string, Known>();
  const keyOf = (channel: string, externalId: string) => `${channel}\u0000${externalId}`;

  /** The cached entry if still current (one query), else `undefined`. */
  async function cached(key: string): Promise<Known | undefined> {
    const known = cache.get(key);
    if (!known) return undefined;
    // Plain SQL (the same on both engines): a model query costs about three times as much in
    // Prisma's client, and this one runs for every update.
    const rows = await prisma.$queryRaw<{ v: bigint | number | string }[]>`SELECT "cacheVersion" AS "v" FROM "Person" WHERE "id" = ${known.personId}`;
    cache.delete(key); // re-inserted below when current: the Map's order is least recently used first
    if (rows.length === 0 || String(rows[0]!.v) !== String(known.version)) return undefined;
    cache.set(key, known);
    return known;
  }

  /** Reads the identity, its person (version first) and their grants; `null` for an unknown identity. */
  async function load(channel: ChannelName, externalId: string): Promise<Known | null> {
    const found = await prisma.identity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      include: { person: { include: { identities: { select: { id: true, lastSeenAt: true } } } } },
    });
    if (!found) return null;
    const others = found.person.identities.filter((o) => o.id !== found.id).map((o) => o.lastSeenAt.getTime());
    // A name stored raw by an older release (bidi overrides, zero-width, controls) is cleaned on contact.
    const clean = cleanName(found.person.displayName) || externalId;
    if (clean !== found.person.displayName) await prisma.person.update({ where: { id: found.person.id }, data: { displayName: clean } });
    return {
      identityId: found.id,
      personId: found.personId,
      version: found.person.cacheVersion,
      person: toPerson({ ...found.person, displayName: clean }),
      lastSeenAt: found.lastSeenAt,
      othersLastSeenAt: others.length > 0 ? new Date(Math.max(...others)) : null,
      unreachable: found.unreachableAt !== null,
      grants: await grantsOf(prisma, found.personId),
    };
  }

  /** What writing again does: the stamp of the last channel used, and the release of held messages. */
  async function contact(known: Known, channel: ChannelName, externalId: string): Promise<void> {
    // Proactive messages go to the identity the person used last.
    const at = now();
    const behind = known.othersLastSeenAt !== null && known.othersLastSeenAt >= known.lastSeenAt;
    if (behind || at.getTime() - known.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      // Not awaited: the reply never waits for this write, so a database locked by another
      // process (a backup) holds up no chat that only reads. A lost stamp is redone next message.
      // (The write changes the person's cacheVersion: the next message reads them afresh.)
      prisma.identity
        .update({ where: { id: known.identityId }, data: { lastSeenAt: at } })
        .then(() => void (known.lastSeenAt = at))
        .catch(() => undefined);
    }
    // Writing again makes this identity reachable again: what was held for it and is still worth
    // sending goes out, the rest is dropped (src/db/held.ts).
    if (known.unreachable) {
      const { released, dropped } = await releaseHeld(prisma, { channel, externalId, now: now() });
      if (released.length > 0 || dropped.length > 0)
        opts.logger?.info({ channel, personId: known.personId, released: released.length }, 'reachable again: held messages released');
      for (const d of dropped) opts.logger?.info({ channel, personId: known.personId, outboxId: d.id, key: d.key, why: d.why }, 'held message dropped');
    }
  }

  async function ensureKnown({ channel, externalId, displayName }: { channel: ChannelName; externalId: string; displayName: string }): Promise<Known> {
    const key = keyOf(channel, externalId);
    const hit = await cached(key);
    if (hit) {
      await contact(hit, channel, externalId);
      return hit;
    }
    // A first message: one plain read says so, instead of the model read of everything about them.
    const exists = await prisma.$queryRaw<unknown[]>`SELECT "id" FROM "Identity" WHERE "channel" = ${channel} AND "externalId" = ${externalId}`;
    const known = exists.length > 0 ? await load(channel, externalId) : null;
    if (known) {
      await contact(known, channel, externalId);
      remember(key, known);
      return known;
    }
    let created: Known | null;
    try {
      // Plain SQL (the same on both engines), in a savepoint: one person and their identity, once per
      // person, three model queries' worth of Prisma's client otherwise. Read back after the inserts:
      // the person's cacheVersion as the identity's trigger left it.
      const at = now();
      const row = await isolated(prisma, async (tx) => {
        const [person] = await tx.$queryRaw<{ id: number | bigint }[]>`INSERT INTO "Person" ("displayName", "createdAt", "updatedAt")
          VALUES (${displayName}, ${sqlTime(at)}, ${sqlTime(at)}) RETURNING "id"`;
        const personId = Number(person!.id);
        const [identity] = await tx.$queryRaw<{ id: number | bigint }[]>`INSERT INTO "Identity" ("channel", "externalId", "personId", "createdAt", "lastSeenAt")
          VALUES (${channel}, ${externalId}, ${personId}, ${sqlTime(at)}, ${sqlTime(at)}) RETURNING "id"`;
        const [version] = await tx.$queryRaw<{ v: bigint | number | string }[]>`SELECT "cacheVersion" AS "v" FROM "Person" WHERE "id" = ${personId}`;
        return { personId, identityId: Number(identity!.id), version: BigInt(version!.v) };
      });
      created = {
        identityId: row.identityId,
        personId: row.personId,
        version: row.version,
        person: { id: row.personId, displayName, locale: null },
        lastSeenAt: at,
        othersLastSeenAt: null,
        unreachable: false,
        grants: [],
      };
    } catch (error) {
      // Two first messages at once: the other one created the identity; use it.
      if (!isUniqueViolation(error)) throw error;
      created = await load(channel, externalId);
      if (!created) throw error;
    }
    remember(key, created);
    return created;
  }

  function remember(key: string, known: Known): void {
    cache.set(key, known);
    if (cache.size > IDENTITY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }

  return {
    async ensure(identity) {
      return (await ensureKnown(identity)).person;
    },
    async identify(identity, planSlug) {
      const known = await ensureKnown(identity);
      return { person: known.person, roles: rolesFromGrants(known.grants, planSlug) };
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
