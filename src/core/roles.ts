/**
 * Roles and permissions. Everyone is a resident (người dân); an officer (cán bộ) is bound to one
 * responsible unit of the plan; council members (thành viên HĐTĐKT) review; administrators (the
 * council's standing office) manage people and invites; the council chair (chủ tịch Hội đồng, usually
 * the commune chairman) ends rounds the votes cannot end, records council meetings and the
 * chairman's decisions (plan IV.5). One person may hold several roles.
 * Every permission is checked here in core, never in channel adapters.
 */
export type Role = 'OFFICER' | 'COUNCIL' | 'CHAIR' | 'ADMIN';

/** The roles a person holds in the active plan. */
export interface Roles {
  admin: boolean;
  council: boolean;
  /** Chủ tịch Hội đồng Thi đua – Khen thưởng xã (issue 12). */
  chair: boolean;
  /** Unit codes the person is an officer of (usually one). */
  officerUnits: string[];
}

export const NO_ROLES: Roles = { admin: false, council: false, chair: false, officerUnits: [] };

export interface Grant {
  id: number;
  role: Role;
  unitCode: string | null;
}

export interface PersonWithGrants {
  id: number;
  displayName: string;
  grants: Grant[];
}

/** Result of redeeming an invite code. */
export type RedeemResult = { ok: true; role: Role; unitCode: string | null } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** An invite not used yet and not expired, as an administrator sees it (the code itself is not shown again). */
export interface OpenInvite {
  id: number;
  role: Role;
  unitCode: string | null;
  /** The last 4 characters of the code, so the administrator can tell which one it is. */
  codeTail: string;
  createdByName: string | null;
  expiresAt: Date;
}

/** Repository port (implemented in `src/db/role-repository.ts`). Unit codes are those of `planSlug`. */
export interface RoleRepository {
  rolesOf(input: { personId: number; planSlug: string }): Promise<Roles>;
  /** Idempotent: granting a role the person already holds changes nothing. */
  grant(input: { personId: number; role: Role; planSlug: string; unitCode?: string | null; byId?: number | null }): Promise<void>;
  /** Removes one grant; returns false when it did not exist. */
  revoke(input: { grantId: number }): Promise<boolean>;
  /** People holding at least one role, by name. */
  listPeopleWithRoles(input: { planSlug: string }): Promise<PersonWithGrants[]>;
  /** Person ids of every council member. */
  councilMembers(): Promise<number[]>;
  /** Person ids of every council chair (usually one). */
  chairIds(): Promise<number[]>;
  /** Person ids of the officers of a unit. */
  officersOf(input: { planSlug: string; unitCode: string }): Promise<number[]>;
  adminIds(): Promise<number[]>;
  /**
   * Creates a single-use invite code (8 characters from an unambiguous alphabet, shown as XXXX-XXXX),
   * valid until `expiresAt`. `byId` null for the first administrator's code.
   */
  createInvite(input: { role: Role; planSlug: string; unitCode?: string | null; byId: number | null; expiresAt: Date }): Promise<string>;
  /**
   * Redeems a code (case, spaces and dashes ignored) atomically: a code works once, even when two
   * people send it at the same moment. Grants the role on success.
   */
  redeemInvite(input: { code: string; personId: number; now: Date }): Promise<RedeemResult>;
  /** Unused, unexpired invites, soonest expiry first. */
  openInvites(input: { now: Date }): Promise<OpenInvite[]>;
  /** Cancels an unused invite (it expires now); false when it was used, expired or unknown. */
  cancelInvite(input: { id: number; now: Date }): Promise<boolean>;
  /** An unused, unexpired invite for ADMIN with no creator (the first administrator's code), if any. */
  pendingBootstrapInvite(now: Date): Promise<string | null>;
}
