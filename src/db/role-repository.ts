/**
 * Roles and invite codes in the database (implements core's {@link RoleRepository}).
 *
 * - OFFICER grants point at a {@link Unit} row of one plan (found by plan slug + unit code);
 *   COUNCIL and ADMIN grants have `unitId` null and hold for every plan.
 * - SQLite treats NULLs as distinct in the unique index (personId, role, unitId), so the index
 *   alone would let two COUNCIL rows of one person in; {@link grantIn} checks first, inside a
 *   transaction (the better-sqlite3 adapter serialises transactions on its single connection).
 * - Invite codes are 8 characters of {@link INVITE_ALPHABET}, stored without a dash and shown as
 *   `XXXX-XXXX`. Redeeming is one conditional `UPDATE … WHERE usedAt IS NULL AND expiresAt > now`:
 *   of two people sending the same code at once, exactly one sees a changed row.
 *
 * A unit removed from the plan file by a re-import sets `unitId` to null on its grants and invites
 * (`ON DELETE SET NULL`): such officer grants no longer count in {@link RoleRepository.rolesOf}
 * but stay listed (unit `null`) so an administrator can revoke them; such invites answer `expired`.
 *
 * @module
 */
import { randomInt } from 'node:crypto';
import type { Grant, OpenInvite, PersonWithGrants, RedeemResult, Role, RoleRepository, Roles } from '../core/roles.ts';
import type { PrismaClient } from './client.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
type Db = PrismaClient | Tx;

/** Invite code alphabet: no 0/O, 1/I/L, so a code read aloud or copied by hand stays unambiguous. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in an invite code (shown as two groups of four). */
export const INVITE_LENGTH = 8;

const ROLES: readonly Role[] = ['OFFICER', 'COUNCIL', 'CHAIR', 'ADMIN'];
const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** `length` random characters of {@link INVITE_ALPHABET} (also used for deed references and link codes). */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** A fresh random invite code, without the dash. */
export const generateInviteCode = (): string => randomCode(INVITE_LENGTH);

/** `ABCD2345` → `ABCD-2345`. */
export const formatInviteCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * What a person typed → the stored form of a code, or `null` when it cannot be one. Case, spaces
 * and dashes (any Unicode dash, as phones like to turn `-` into `–`) are ignored; full-width
 * characters are folded by NFKC.
 */
export function normalizeInviteCode(input: string): string | null {
  const code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (code.length !== INVITE_LENGTH) return null;
  for (const ch of code) if (!INVITE_ALPHABET.includes(ch)) return null;
  return code;
}

/**
 * The unit id a grant or invite of `role` needs: the unit `unitCode` of plan `planSlug` for
 * OFFICER, null otherwise.
 * @throws Error for an OFFICER without a unit code, an unknown plan or unit, or a unit code given
 * with another role.
 */
async function unitIdFor(db: Db, role: Role, planSlug: string, unitCode: string | null | undefined): Promise<number | null> {
  if (role !== 'OFFICER') {
    if (unitCode != null) throw new Error(`Role ${role} is not bound to a unit (got unit "${unitCode}")`);
    return null;
  }
  if (unitCode == null || unitCode === '') throw new Error('An OFFICER role needs a unit code');
  const unit = await db.unit.findFirst({ where: { code: unitCode, plan: { slug: planSlug } }, select: { id: true } });
  if (!unit) throw new Error(`Unknown unit "${unitCode}" in plan "${planSlug}"`);
  return unit.id;
}

/** Creates the grant unless the person already holds it. Call inside a transaction. */
async function grantIn(tx: Tx, personId: number, role: Role, unitId: number | null, byId: number | null): Promise<void> {
  const existing = await tx.roleGrant.findFirst({ where: { personId, role, unitId }, select: { id: true } });
  if (!existing) await tx.roleGrant.create({ data: { personId, role, unitId, grantedById: byId } });
}

/** A person's grant as {@link rolesFromGrants} reads it. */
export interface GrantRow {
  role: string;
  unit: { code: string; position: number; plan: { slug: string } } | null;
}

/** Every grant of a person, with its unit and plan (one query when no grant names a unit). */
export async function grantsOf(prisma: Db, personId: number): Promise<GrantRow[]> {
  const grants = await prisma.roleGrant.findMany({ where: { personId }, select: { role: true, unitId: true } });
  // Most people hold no officer grant: the units are read only when some grant names one.
  const unitIds = grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId]));
  if (unitIds.length === 0) return grants.map((g) => ({ role: g.role, unit: null }));
  const units = await prisma.unit.findMany({
    where: { id: { in: unitIds } },
    select: { id: true, code: true, position: true, plan: { select: { slug: true } } },
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  return grants.map((g) => ({ role: g.role, unit: (g.unitId !== null ? byId.get(g.unitId) : undefined) ?? null }));
}

/** The roles that `grants` give under the plan `planSlug` (officer units in the plan's order). */
export function rolesFromGrants(grants: readonly GrantRow[], planSlug: string): Roles {
  const units = grants
    .filter((g) => g.role === 'OFFICER' && g.unit?.plan.slug === planSlug)
    .map((g) => g.unit!)
    .sort((a, b) => a.position - b.position)
    .map((u) => u.code);
  return {
    admin: grants.some((g) => g.role === 'ADMIN'),
    council: grants.some((g) => g.role === 'COUNCIL'),
    chair: grants.some((g) => g.role === 'CHAIR'),
    officerUnits: [...new Set(units)],
  };
}

export function createRoleRepository(prisma: PrismaClient): RoleRepository {
  const personIdsWithRole = async (role: Role): Promise<number[]> => {
    const rows = await prisma.roleGrant.findMany({ where: { role }, select: { personId: true }, distinct: ['personId'], orderBy: { personId: 'asc' } });
    return rows.map((r) => r.personId);
  };

  return {
    async rolesOf({ personId, planSlug }): Promise<Roles> {
      return rolesFromGrants(await grantsOf(prisma, personId), planSlug);
    },

    async grant({ personId, role, planSlug, unitCode, byId }) {
      // Check-then-insert (the unique key cannot stop a duplicate when the unit is NULL: NULLs are
      // distinct on both engines): correct because transactions are serializable on both engines;
      // on PostgreSQL the second of two grants at the same moment is run again and finds the first.
      await prisma.$transaction(async (tx) => {
        const unitId = await unitIdFor(tx, role, planSlug, unitCode);
        await grantIn(tx, personId, role, unitId, byId ?? null);
      });
    },

    async revoke({ grantId }) {
      const { count } = await prisma.roleGrant.deleteMany({ where: { id: grantId } });
      return count > 0;
    },

    async listPeopleWithRoles({ planSlug }) {
      const people = await prisma.person.findMany({
        where: { grants: { some: {} } },
        select: {
          id: true,
          displayName: true,
          grants: {
            orderBy: { id: 'asc' },
            select: { id: true, role: true, unitId: true, unit: { select: { code: true, plan: { select: { slug: true } } } } },
          },
        },
      });
      const result: PersonWithGrants[] = [];
      for (const p of people) {
        const grants: Grant[] = [];
        for (const g of p.grants) {
          if (!isRole(g.role)) continue;
          // Officer grants of another plan's units are not this plan's business; orphaned ones
          // (unit removed from the plan file) are listed with unit null so they can be revoked.
          if (g.role === 'OFFICER' && g.unit && g.unit.plan.slug !== planSlug) continue;
          grants.push({ id: g.id, role: g.role, unitCode: g.role === 'OFFICER' ? (g.unit?.code ?? null) : null });
        }
        if (grants.length > 0) result.push({ id: p.id, displayName: p.displayName, grants });
      }
      const collator = new Intl.Collator('vi', { sensitivity: 'base' });
      return result.sort((a, b) => collator.compare(a.displayName, b.displayName) || a.id - b.id);
    },

    councilMembers: () => personIdsWithRole('COUNCIL'),

    chairIds: () => personIdsWithRole('CHAIR'),

    adminIds: () => personIdsWithRole('ADMIN'),

    async officersOf({ planSlug, unitCode }) {
      const rows = await prisma.roleGrant.findMany({
        where: { role: 'OFFICER', unit: { code: unitCode, plan: { slug: planSlug } } },
        select: { personId: true },
        distinct: ['personId'],
        orderBy: { personId: 'asc' },
      });
      return rows.map((r) => r.personId);
    },

    async createInvite({ role, planSlug, unitCode, byId, expiresAt }) {
      const unitId = await unitIdFor(prisma, role, planSlug, unitCode);
      // 31^8 ≈ 8.5e11 codes: a collision is very unlikely, but the unique index would reject it.
      for (let attempt = 0; ; attempt++) {
        const code = generateInviteCode();
        try {
          await prisma.invite.create({ data: { code, role, unitId, createdById: byId, expiresAt } });
          return formatInviteCode(code);
        } catch (error) {
          const taken = await prisma.invite.findUnique({ where: { code }, select: { id: true } });
          if (!taken || attempt >= 4) throw error;
        }
      }
    },

    async redeemInvite({ code: input, personId, now }): Promise<RedeemResult> {
      const code = normalizeInviteCode(input);
      if (code === null) return { ok: false, reason: 'unknown' };
      return prisma.$transaction(async (tx): Promise<RedeemResult> => {
        const { count } = await tx.invite.updateMany({
          where: {
            code,
            usedAt: null,
            expiresAt: { gt: now },
            // An officer invite whose unit left the plan can no longer be honoured.
            OR: [{ role: { not: 'OFFICER' } }, { unitId: { not: null } }],
          },
          data: { usedAt: now, usedById: personId },
        });
        const invite = await tx.invite.findUnique({
          where: { code },
          select: { role: true, unitId: true, usedAt: true, createdById: true, unit: { select: { code: true } } },
        });
        if (!invite || !isRole(invite.role)) return { ok: false, reason: 'unknown' };
        if (count !== 1) return { ok: false, reason: invite.usedAt ? 'used' : 'expired' };
        await grantIn(tx, personId, invite.role, invite.role === 'OFFICER' ? invite.unitId : null, invite.createdById);
        return { ok: true, role: invite.role, unitCode: invite.role === 'OFFICER' ? (invite.unit?.code ?? null) : null };
      });
    },

    async openInvites({ now }) {
      const rows = await prisma.invite.findMany({
        where: { usedAt: null, expiresAt: { gt: now } },
        orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
        select: { id: true, code: true, role: true, expiresAt: true, createdById: true, unit: { select: { code: true } } },
      });
      const creators = new Map(
        (
          await prisma.person.findMany({
            where: { id: { in: rows.flatMap((r) => (r.createdById === null ? [] : [r.createdById])) } },
            select: { id: true, displayName: true },
          })
        ).map((p) => [p.id, p.displayName]),
      );
      return rows.flatMap((r): OpenInvite[] =>
        isRole(r.role)
          ? [
              {
                id: r.id,
                role: r.role,
                unitCode: r.unit?.code ?? null,
                codeTail: r.code.slice(-4),
                createdByName: r.createdById === null ? null : (creators.get(r.createdById) ?? null),
                expiresAt: r.expiresAt,
              },
            ]
          : [],
      );
    },

    async cancelInvite({ id, now }) {
      const { count } = await prisma.invite.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
      return count === 1;
    },

    async pendingBootstrapInvite(now) {
      const invite = await prisma.invite.findFirst({
        where: { role: 'ADMIN', createdById: null, usedAt: null, expiresAt: { gt: now } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { code: true },
      });
      return invite ? formatInviteCode(invite.code) : null;
    },
  };
}
