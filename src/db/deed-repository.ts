/**
 * Good deeds ("Việc tốt quanh ta") in SQLite: implements core's {@link DeedRepository}.
 *
 * - Reference codes are `VT-` + 4 characters of the invite alphabet (no 0/O, 1/I/L): 31^4 ≈ 920,000
 *   codes, read aloud or copied by hand without doubt. A collision (unique index) is retried.
 * - Moderation is one conditional `UPDATE … WHERE state = 'NEW'`: of two officers acting at once,
 *   exactly one changes the row; the other is told it was handled.
 * - Public reads select no sender column except the name of a sender who agreed to be credited.
 *
 * @module
 */
import type { DeedBlockEntry, DeedRepository, DeedState, GoodDeed, PublicDeed } from '../core/deeds/model.ts';
import { doerKey, placeKey, textKey } from '../core/deeds/similar.ts';
import type { PrismaClient } from './client.ts';
import type { Prisma } from './generated/client.ts';
import { INVITE_ALPHABET, randomCode } from './role-repository.ts';

/** Characters after `VT-` in a reference code. */
export const DEED_REF_LENGTH = 4;
const REF_PREFIX = 'VT-';

/** States in which a deed is "known" (a target for additions, merges and similar-deed hints). */
const KNOWN: DeedState[] = ['NEW', 'PUBLISHED', 'PROMOTED'];

const FULL = {
  submitter: { select: { displayName: true } },
  photos: { orderBy: { id: 'asc' } },
  additions: { orderBy: { id: 'asc' } },
} satisfies Prisma.GoodDeedInclude;
type FullRow = Prisma.GoodDeedGetPayload<{ include: typeof FULL }>;

const PUBLIC = {
  id: true,
  ref: true,
  doerName: true,
  description: true,
  place: true,
  whenText: true,
  publishedAt: true,
  creditName: true,
  submitter: { select: { displayName: true } },
} satisfies Prisma.GoodDeedSelect;
type PublicRow = Prisma.GoodDeedGetPayload<{ select: typeof PUBLIC }>;

/** Published: PUBLISHED, or PROMOTED after publication. */
const PUBLISHED_WHERE = { publishedAt: { not: null }, state: { in: ['PUBLISHED', 'PROMOTED'] } } satisfies Prisma.GoodDeedWhereInput;

/** A fresh random reference code, e.g. `VT-7K3M`. */
export const generateDeedRef = (): string => `${REF_PREFIX}${randomCode(DEED_REF_LENGTH)}`;

/** What a person typed → the stored reference code, or `null` when it cannot be one ("vt 7k3m", "7K3M"). */
export function normalizeDeedRef(input: string): string | null {
  let code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212#]/g, '');
  if (code.startsWith('VT') && code.length === DEED_REF_LENGTH + 2) code = code.slice(2);
  if (code.length !== DEED_REF_LENGTH || [...code].some((ch) => !INVITE_ALPHABET.includes(ch))) return null;
  return `${REF_PREFIX}${code}`;
}

/** Names of people by id (for additions' senders). */
async function namesOf(prisma: PrismaClient, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const people = await prisma.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(people.map((p) => [p.id, p.displayName]));
}

export function createDeedRepository(prisma: PrismaClient): DeedRepository {
  async function toDeeds(rows: FullRow[]): Promise<GoodDeed[]> {
    const names = await namesOf(
      prisma,
      rows.flatMap((r) => r.additions.map((a) => a.submitterId)),
    );
    return rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      submitterId: r.submitterId,
      submitterName: r.submitter.displayName,
      doerName: r.doerName,
      description: r.description,
      place: r.place,
      whenText: r.whenText,
      creditName: r.creditName,
      state: r.state as DeedState,
      reason: r.reason,
      mergedIntoId: r.mergedIntoId,
      nominationId: r.nominationId,
      moderatorId: r.moderatorId,
      createdAt: r.createdAt,
      moderatedAt: r.moderatedAt,
      publishedAt: r.publishedAt,
      original:
        r.originalDoerName === null && r.originalDescription === null && r.originalPlace === null
          ? null
          : { doerName: r.originalDoerName ?? r.doerName, description: r.originalDescription ?? r.description, place: r.originalPlace ?? r.place },
      correctedById: r.correctedById,
      correctedAt: r.correctedAt,
      photos: r.photos.map((p) => ({ channel: p.channel, fileRef: p.fileRef })),
      additions: r.additions.map((a) => ({
        submitterId: a.submitterId,
        submitterName: names.get(a.submitterId) ?? '-',
        text: a.text,
        creditName: a.creditName,
        createdAt: a.createdAt,
      })),
    }));
  }

  const toPublic = (r: PublicRow): PublicDeed => ({
    id: r.id,
    ref: r.ref,
    doerName: r.doerName,
    description: r.description,
    place: r.place,
    whenText: r.whenText,
    publishedAt: r.publishedAt!,
    creditedName: r.creditName ? r.submitter.displayName : null,
  });

  async function get(id: number): Promise<GoodDeed | null> {
    const row = await prisma.goodDeed.findUnique({ where: { id }, include: FULL });
    return row ? (await toDeeds([row]))[0]! : null;
  }

  /** NEW → `state` with `data`, only while NEW. */
  async function moderate(id: number, data: Prisma.GoodDeedUpdateManyMutationInput): Promise<boolean> {
    const { count } = await prisma.goodDeed.updateMany({ where: { id, state: 'NEW' }, data });
    return count === 1;
  }

  return {
    async create({ draft, submitterId, now }) {
      for (let attempt = 0; ; attempt++) {
        const ref = generateDeedRef();
        try {
          const row = await prisma.goodDeed.create({
            data: {
              ref,
              submitterId,
              doerName: draft.doerName,
              doerKey: doerKey(draft.doerName),
              description: draft.description,
              descriptionKey: textKey(draft.description),
              place: draft.place,
              placeKey: placeKey(draft.place),
              whenText: draft.whenText,
              creditName: draft.creditName,
              createdAt: now,
              photos: { create: draft.photos.map((p) => ({ channel: p.channel, fileRef: p.fileRef, createdAt: now })) },
            },
            include: FULL,
          });
          return (await toDeeds([row]))[0]!;
        } catch (error) {
          const taken = await prisma.goodDeed.findUnique({ where: { ref }, select: { id: true } });
          if (!taken || attempt >= 4) throw error;
        }
      }
    },

    async addTo({ deedId, submitterId, text, creditName, photos, now }) {
      const open = await prisma.$transaction(async (tx) => {
        const target = await tx.goodDeed.findFirst({ where: { id: deedId, state: { in: KNOWN } }, select: { id: true } });
        if (!target) return false;
        await tx.goodDeedAddition.create({ data: { deedId, submitterId, text, creditName, createdAt: now } });
        if (photos.length > 0)
          await tx.goodDeedPhoto.createMany({ data: photos.map((p) => ({ deedId, channel: p.channel, fileRef: p.fileRef, createdAt: now })) });
        return true;
      });
      return open ? get(deedId) : null;
    },

    get,

    async byRef(input) {
      const ref = normalizeDeedRef(input);
      if (!ref) return null;
      const row = await prisma.goodDeed.findUnique({ where: { ref }, select: { id: true } });
      return row ? get(row.id) : null;
    },

    async similarCandidates({ doerKey: doer, placeKey: place, since, excludeId, limit }) {
      const or: Prisma.GoodDeedWhereInput[] = [];
      if (doer) or.push({ doerKey: doer });
      if (place) or.push({ placeKey: place });
      if (or.length === 0) return [];
      const rows = await prisma.goodDeed.findMany({
        where: { state: { in: KNOWN }, createdAt: { gte: since }, OR: or, ...(excludeId !== undefined ? { id: { not: excludeId } } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
        include: FULL,
      });
      return toDeeds(rows);
    },

    async recentSubmissions({ submitterId, since }) {
      const [deeds, additions] = await Promise.all([
        prisma.goodDeed.findMany({ where: { submitterId, createdAt: { gte: since } }, select: { createdAt: true, descriptionKey: true } }),
        prisma.goodDeedAddition.findMany({ where: { submitterId, createdAt: { gte: since } }, select: { createdAt: true, text: true } }),
      ]);
      return [
        ...deeds.map((d) => ({ at: d.createdAt, textKey: d.descriptionKey })),
        ...additions.map((a) => ({ at: a.createdAt, textKey: textKey(a.text) })),
      ].sort((a, b) => b.at.getTime() - a.at.getTime());
    },

    async queue({ limit }) {
      const where = { state: 'NEW' };
      const [rows, total] = await Promise.all([
        prisma.goodDeed.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit, include: FULL }),
        prisma.goodDeed.count({ where }),
      ]);
      return { items: await toDeeds(rows), total };
    },

    async correct({ id, moderatorId, text, now }) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.goodDeed.findFirst({
          where: { id, state: 'NEW' },
          select: { doerName: true, description: true, place: true, originalDoerName: true, originalDescription: true, originalPlace: true },
        });
        if (!row) return false;
        // The resident's words as first sent: taken from the shown text only while no original is kept.
        const { count } = await tx.goodDeed.updateMany({
          where: { id, state: 'NEW' },
          data: {
            doerName: text.doerName,
            doerKey: doerKey(text.doerName),
            description: text.description,
            descriptionKey: textKey(text.description),
            place: text.place,
            placeKey: placeKey(text.place),
            originalDoerName: row.originalDoerName ?? row.doerName,
            originalDescription: row.originalDescription ?? row.description,
            originalPlace: row.originalPlace ?? row.place,
            correctedById: moderatorId,
            correctedAt: now,
          },
        });
        return count === 1;
      });
    },

    publish: ({ id, moderatorId, now }) => moderate(id, { state: 'PUBLISHED', moderatorId, moderatedAt: now, publishedAt: now }),

    reject: ({ id, moderatorId, reason, now }) => moderate(id, { state: 'REJECTED', moderatorId, moderatedAt: now, reason }),

    async merge({ id, intoId, moderatorId, now }) {
      if (id === intoId) return false;
      return prisma.$transaction(async (tx) => {
        const [deed, into] = await Promise.all([
          tx.goodDeed.findFirst({ where: { id, state: 'NEW' }, include: { photos: true } }),
          tx.goodDeed.findFirst({ where: { id: intoId, state: { in: KNOWN } }, select: { id: true } }),
        ]);
        if (!deed || !into) return false;
        const { count } = await tx.goodDeed.updateMany({
          where: { id, state: 'NEW' },
          data: { state: 'MERGED', mergedIntoId: intoId, moderatorId, moderatedAt: now },
        });
        if (count !== 1) return false;
        const text = `${deed.doerName} — ${deed.description} (${deed.place}, ${deed.whenText})`;
        await tx.goodDeedAddition.create({
          data: { deedId: intoId, submitterId: deed.submitterId, text, creditName: deed.creditName, createdAt: deed.createdAt },
        });
        if (deed.photos.length > 0)
          await tx.goodDeedPhoto.createMany({ data: deed.photos.map((p) => ({ deedId: intoId, channel: p.channel, fileRef: p.fileRef, createdAt: now })) });
        return true;
      });
    },

    async markPromoted({ id, nominationId, moderatorId, now }) {
      const { count } = await prisma.goodDeed.updateMany({
        where: { id, state: { in: ['NEW', 'PUBLISHED'] } },
        data: { state: 'PROMOTED', nominationId, moderatorId, moderatedAt: now },
      });
      return count === 1;
    },

    async recentPublished({ offset, limit }) {
      const [rows, total] = await Promise.all([
        prisma.goodDeed.findMany({ where: PUBLISHED_WHERE, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], skip: offset, take: limit, select: PUBLIC }),
        prisma.goodDeed.count({ where: PUBLISHED_WHERE }),
      ]);
      return { items: rows.map(toPublic), total };
    },

    async publishedBetween({ from, to, limit }) {
      const rows = await prisma.goodDeed.findMany({
        where: { ...PUBLISHED_WHERE, publishedAt: { gt: from, lte: to } },
        orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
        take: limit,
        select: PUBLIC,
      });
      return rows.map(toPublic);
    },

    async block({ personId, byId, reason, now }) {
      await prisma.deedBlock.upsert({ where: { personId }, create: { personId, byId, reason: reason ?? null, createdAt: now }, update: {} });
    },

    async unblock({ personId }) {
      const { count } = await prisma.deedBlock.deleteMany({ where: { personId } });
      return count > 0;
    },

    async isBlocked(personId) {
      return (await prisma.deedBlock.findUnique({ where: { personId }, select: { id: true } })) !== null;
    },

    async blocked(): Promise<DeedBlockEntry[]> {
      const rows = await prisma.deedBlock.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      const names = await namesOf(
        prisma,
        rows.map((r) => r.personId),
      );
      return rows.map((r) => ({ personId: r.personId, name: names.get(r.personId) ?? '-', at: r.createdAt }));
    },
  };
}
