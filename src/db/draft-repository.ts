/**
 * Registration drafts in the database (see `DraftRepository` in core).
 */
import type { DraftRepository, DraftState } from '../core/nominations/drafts.ts';
import type { PrismaClient } from './client.ts';

export function createDraftRepository(prisma: PrismaClient): DraftRepository {
  return {
    async save({ personId, planSlug, nomineeName, state, now }) {
      const row = await prisma.registrationDraft.create({
        data: { personId, planSlug, nomineeName, state: JSON.stringify(state), createdAt: now, updatedAt: now },
        select: { id: true },
      });
      return row.id;
    },
    async list({ personId, planSlug }) {
      return prisma.registrationDraft.findMany({
        where: { personId, planSlug },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        select: { id: true, nomineeName: true, updatedAt: true },
      });
    },
    async get({ id, personId }) {
      const row = await prisma.registrationDraft.findFirst({ where: { id, personId } });
      return row
        ? { id: row.id, nomineeName: row.nomineeName, updatedAt: row.updatedAt, planSlug: row.planSlug, state: JSON.parse(row.state) as DraftState }
        : null;
    },
    async remove({ id, personId }) {
      const { count } = await prisma.registrationDraft.deleteMany({ where: { id, personId } });
      return count > 0;
    },
  };
}
