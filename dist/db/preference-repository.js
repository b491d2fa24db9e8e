/**
 * Preferences in the database (implements {@link PreferenceRepository}).
 */
import { defaultEnabled, PREFERENCE_KINDS } from "../core/preferences.js";
export function createPreferenceRepository(prisma) {
    return {
        async of(personId) {
            const rows = await prisma.preference.findMany({ where: { personId } });
            return Object.fromEntries(rows.filter((r) => PREFERENCE_KINDS.includes(r.kind)).map((r) => [r.kind, r.enabled]));
        },
        async set(personId, kind, enabled) {
            await prisma.preference.upsert({ where: { personId_kind: { personId, kind } }, create: { personId, kind, enabled }, update: { enabled } });
        },
        async filterEnabled(personIds, kind) {
            if (personIds.length === 0)
                return [];
            const rows = await prisma.preference.findMany({ where: { kind, personId: { in: personIds } } });
            const explicit = new Map(rows.map((r) => [r.personId, r.enabled]));
            return personIds.filter((id) => explicit.get(id) ?? defaultEnabled(kind));
        },
        async subscribers(kind) {
            const rows = await prisma.preference.findMany({ where: { kind, enabled: true }, select: { personId: true }, orderBy: { personId: 'asc' } });
            return rows.map((r) => r.personId);
        },
    };
}
//# sourceMappingURL=preference-repository.js.map