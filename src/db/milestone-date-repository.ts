/**
 * Actual milestone dates in the database (see `MilestoneDateRepository` in core).
 */
import type { MilestoneDateRepository } from '../core/plan/actual-dates.ts';
import type { PrismaClient } from './client.ts';

export function createMilestoneDateRepository(prisma: PrismaClient): MilestoneDateRepository {
  return {
    async list(planSlug) {
      // Plain SQL (the same on both engines): read by every /moc and every reminder run.
      const rows = await prisma.$queryRaw<{ code: string; date: string }[]>`SELECT "code", "date" FROM "MilestoneActualDate" WHERE "planSlug" = ${planSlug}`;
      return new Map(rows.map((r) => [r.code, r.date]));
    },
    async set({ planSlug, code, date, byId, now }) {
      await prisma.milestoneActualDate.upsert({
        where: { planSlug_code: { planSlug, code } },
        create: { planSlug, code, date, setById: byId, setAt: now },
        update: { date, setById: byId, setAt: now },
      });
    },
    async clear({ planSlug, code }) {
      const { count } = await prisma.milestoneActualDate.deleteMany({ where: { planSlug, code } });
      return count > 0;
    },
  };
}
