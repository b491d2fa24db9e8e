/**
 * Unanswered free-text questions in the database (implements {@link UnansweredQuestionStore}).
 */
import type { UnansweredQuestionStore } from '../core/qa/unanswered.ts';
import type { PrismaClient } from './client.ts';
import { sqlTime } from './datetime-format.ts';

const parseOffered = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function createUnansweredRepository(prisma: PrismaClient): UnansweredQuestionStore {
  return {
    // Plain SQL (the same on both engines): it runs for every question the bot cannot answer, and a
    // model query costs about three times as much in Prisma's client (see src/db/sqlite-direct.ts).
    async record(q) {
      await prisma.$executeRaw`INSERT INTO "UnansweredQuestion" ("text", "key", "locale", "channel", "offered", "createdAt")
        VALUES (${q.text}, ${q.key}, ${q.locale}, ${q.channel}, ${JSON.stringify(q.offered)}, ${sqlTime(q.at)})`;
    },
    async mostFrequent({ since, limit }) {
      const groups = await prisma.unansweredQuestion.groupBy({
        by: ['key'],
        where: { createdAt: { gte: since } },
        _count: { _all: true },
        _max: { createdAt: true },
      });
      const top = groups
        .map((g) => ({ key: g.key, count: g._count._all, lastAt: g._max.createdAt ?? since }))
        .sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime())
        .slice(0, Math.max(0, limit));
      const out = [];
      for (const g of top) {
        const last = await prisma.unansweredQuestion.findFirst({
          where: { key: g.key, createdAt: { gte: since } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        });
        out.push({ ...g, text: last?.text ?? g.key, offered: parseOffered(last?.offered ?? '[]') });
      }
      return out;
    },
  };
}
