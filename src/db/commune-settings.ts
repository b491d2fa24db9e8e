/**
 * The commune's document details set in chat (`CommuneSetting` rows): implements core's
 * {@link CommuneSettingsStore}. One row per field key; a row overrides plans/commune.yaml.
 *
 * @module
 */
import type { CommuneSettingsStore } from '../core/documents/settings.ts';
import type { PrismaClient } from './client.ts';

const ASC = 'asc' as const;
const BY_KEY = { key: ASC };

export function createCommuneSettingsStore(prisma: PrismaClient): CommuneSettingsStore {
  return {
    async all() {
      const rows = await prisma.communeSetting.findMany({ orderBy: BY_KEY });
      return new Map(rows.map((r) => [r.key, r.value]));
    },
    async set({ key, value, byId, now }) {
      await prisma.communeSetting.upsert({
        where: { key },
        create: { key, value, updatedById: byId, updatedAt: now },
        update: { value, updatedById: byId, updatedAt: now },
      });
    },
    async clear({ key }) {
      await prisma.communeSetting.deleteMany({ where: { key } });
    },
  };
}
