/**
 * Which plan is active, and plans sent in chat (issue 16), in the database.
 *
 * - The active plan is the newest {@link PlanActivation} row (one active plan at a time); earlier
 *   plans keep their rows, their nominations and their documents, readable.
 * - A plan file sent in chat is kept as a {@link PlanUpload} until its sender confirms it; applying
 *   imports it ({@link importPlan}, idempotent) and then, in one transaction, checks again that the
 *   sender is still an administrator, marks the upload applied (once: a second tap finds it applied),
 *   records the activation and carries officers to the unit of the same code in the new plan.
 *
 * @module
 */
import { planFileSchema, type PlanFile } from '../core/plan/plan-schema.ts';
import type { OfficerMove, PlanEntry, PlanApplyResult, StagedPlan } from '../core/plan/library.ts';
import type { PrismaClient } from './client.ts';
import { importPlan, loadPlan, PlanImportError } from './plan-repository.ts';

const parsePlan = (document: string): PlanFile => planFileSchema.parse(JSON.parse(document));

/** The slug of the active plan, or `null` before any activation was recorded. */
export async function activePlanSlug(prisma: PrismaClient): Promise<string | null> {
  const row = await prisma.planActivation.findFirst({ orderBy: { id: 'desc' }, select: { planSlug: true } });
  return row?.planSlug ?? null;
}

/** Records that `planSlug` is the active plan from now on (`FILE`: PLAN_FILE at start). */
export async function recordActivation(
  prisma: PrismaClient,
  input: { planSlug: string; source: 'FILE' | 'CHAT'; byId?: number | null; now?: Date },
): Promise<void> {
  await prisma.planActivation.create({
    data: { planSlug: input.planSlug, source: input.source, byId: input.byId ?? null, ...(input.now ? { activatedAt: input.now } : {}) },
  });
}

/**
 * At start, after PLAN_FILE was imported: decides the active plan and returns its slug. PLAN_FILE's
 * plan becomes active when nothing is active yet, or when the file changed since the last start (it
 * names another plan, or its content was edited): the operator meant it. Otherwise the active plan
 * stays, which may be one an administrator applied in chat.
 */
export async function settleActivePlan(
  prisma: PrismaClient,
  input: { fileSlug: string; fileStatus: 'created' | 'updated' | 'unchanged'; now: Date },
): Promise<string> {
  const active = await activePlanSlug(prisma);
  const lastFile =
    (await prisma.planActivation.findFirst({ where: { source: 'FILE' }, orderBy: { id: 'desc' }, select: { planSlug: true } }))?.planSlug ?? null;
  const fileMoved = lastFile !== input.fileSlug || input.fileStatus !== 'unchanged';
  if (active === null || (fileMoved && (active !== input.fileSlug || lastFile !== input.fileSlug))) {
    await recordActivation(prisma, { planSlug: input.fileSlug, source: 'FILE', now: input.now });
    return input.fileSlug;
  }
  return active;
}

/** Keeps a validated plan sent in chat until its sender confirms it; returns its id. */
export async function stagePlan(prisma: PrismaClient, input: { plan: PlanFile; fileName: string; byId: number; now: Date }): Promise<number> {
  const newest = await prisma.planActivation.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  const row = await prisma.planUpload.create({
    data: {
      fileName: input.fileName.slice(0, 200),
      document: JSON.stringify(input.plan),
      uploadedById: input.byId,
      afterActivationId: newest?.id ?? 0,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return row.id;
}

/** A plan sent in chat, or `null` when unknown. */
export async function stagedPlan(prisma: PrismaClient, id: number): Promise<StagedPlan | null> {
  const row = await prisma.planUpload.findUnique({ where: { id } });
  if (!row) return null;
  return { id: row.id, fileName: row.fileName, plan: parsePlan(row.document), byId: row.uploadedById, createdAt: row.createdAt, appliedAt: row.appliedAt };
}

/** Officer grants of a plan, as (grant, person, unit code). */
async function officersOf(prisma: PrismaClient, planSlug: string) {
  const rows = await prisma.roleGrant.findMany({
    where: { role: 'OFFICER', unit: { plan: { slug: planSlug } } },
    select: { personId: true, unit: { select: { code: true } } },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ personId: r.personId, unitCode: r.unit!.code }));
}

/**
 * Applies a plan sent in chat: imports it, then (one transaction) re-checks that `byId` is still an
 * administrator and the sender, marks the upload applied, records the activation and gives each
 * officer of the previous active plan the same role on the unit of the same code in the new plan
 * (unused officer invites move the same way; those of a unit not in the new plan end now).
 * `kept` are the officers carried (or, for an edit of the active plan, still on their unit); `lost`
 * the ones whose unit code is not in the new plan (their old grant stays with the old plan).
 * Never throws for a refusal: `{ ok: false, reason }`; throws what the database throws otherwise.
 */
export async function applyStagedPlan(prisma: PrismaClient, input: { uploadId: number; byId: number; now: Date }): Promise<PlanApplyResult> {
  const upload = await prisma.planUpload.findUnique({ where: { id: input.uploadId } });
  if (!upload) return { ok: false, reason: 'gone' };
  if (upload.appliedAt) return { ok: false, reason: 'applied' };
  if (upload.uploadedById !== input.byId) return { ok: false, reason: 'denied' };
  const isAdmin = async (db: Pick<PrismaClient, 'roleGrant'>) => (await db.roleGrant.count({ where: { personId: input.byId, role: 'ADMIN' } })) > 0;
  if (!(await isAdmin(prisma))) return { ok: false, reason: 'denied' };
  // Another plan was applied since this one was summarised: the summary no longer says what changes.
  const newer = await prisma.planActivation.count({ where: { id: { gt: upload.afterActivationId } } });
  if (newer > 0) return { ok: false, reason: 'stale' };
  const plan = parsePlan(upload.document);
  const previousSlug = await activePlanSlug(prisma);
  const before = previousSlug ? await officersOf(prisma, previousSlug) : [];
  try {
    await importPlan(prisma, plan);
  } catch (error) {
    if (error instanceof PlanImportError) return { ok: false, reason: 'in-use' };
    throw error;
  }
  const codes = new Set(plan.units.map((u) => u.code));
  const kept: OfficerMove[] = before.filter((o) => codes.has(o.unitCode));
  const lost: OfficerMove[] = before.filter((o) => !codes.has(o.unitCode));
  const done = await prisma.$transaction(async (tx) => {
    if (!(await isAdmin(tx))) return false;
    const marked = await tx.planUpload.updateMany({ where: { id: upload.id, appliedAt: null }, data: { appliedAt: input.now } });
    if (marked.count === 0) return false;
    await tx.planActivation.create({ data: { planSlug: plan.id, source: 'CHAT', byId: input.byId, activatedAt: input.now } });
    if (previousSlug !== plan.id) {
      const units = new Map((await tx.unit.findMany({ where: { plan: { slug: plan.id } }, select: { id: true, code: true } })).map((u) => [u.code, u.id]));
      for (const o of kept) {
        const unitId = units.get(o.unitCode)!;
        const has = await tx.roleGrant.findFirst({ where: { personId: o.personId, role: 'OFFICER', unitId }, select: { id: true } });
        if (!has) await tx.roleGrant.create({ data: { personId: o.personId, role: 'OFFICER', unitId, grantedById: input.byId } });
      }
      // Officer invites not used yet follow their unit code to the new plan; the ones whose unit is
      // gone end now (they would give a role in a plan that is no longer active).
      const open = await tx.invite.findMany({
        where: { usedAt: null, expiresAt: { gt: input.now }, unit: { plan: { slug: previousSlug ?? '' } } },
        select: { id: true, unit: { select: { code: true } } },
      });
      for (const invite of open) {
        const unitId = units.get(invite.unit!.code);
        await tx.invite.update({ where: { id: invite.id }, data: unitId === undefined ? { expiresAt: input.now } : { unitId } });
      }
    }
    return true;
  });
  if (!done) return { ok: false, reason: (await isAdmin(prisma)) ? 'applied' : 'denied' };
  const previous = previousSlug ? await loadPlan(prisma, previousSlug) : null;
  return { ok: true, plan, previous, switched: previousSlug !== plan.id, kept, lost };
}

/** What {@link planHistory} shows of a plan, by `slug` + `contentHash` (content-addressed: safe to share). */
const headings = new Map<string, Pick<PlanEntry, 'title' | 'period' | 'sample'>>();
const headingKey = (p: { slug: string; contentHash: string }) => `${p.slug}\u0000${p.contentHash}`;

/**
 * Every imported plan, the active one first, then by their last activation (newest first), then
 * plans never activated (newest import first).
 */
export async function planHistory(prisma: PrismaClient): Promise<PlanEntry[]> {
  // Plain SQL (the same on both engines): read by every list across plans (/guong, the earlier plans …).
  const plans = await prisma.$queryRaw<{ slug: string; contentHash: string }[]>`SELECT "slug", "contentHash" FROM "Plan" ORDER BY "id" DESC`;
  const activations = await prisma.$queryRaw<{ planSlug: string }[]>`SELECT "planSlug" FROM "PlanActivation" ORDER BY "id" DESC`;
  // A plan's document is read and parsed once per content (it is large); its hash names the content.
  const unread = plans.filter((p) => !headings.has(headingKey(p)));
  if (unread.length > 0) {
    const docs = await prisma.plan.findMany({ where: { slug: { in: unread.map((p) => p.slug) } }, select: { slug: true, contentHash: true, document: true } });
    for (const d of docs) {
      const plan = JSON.parse(d.document) as PlanFile;
      headings.set(headingKey(d), { title: plan.title, period: plan.period, sample: plan.sample === true });
    }
  }
  const order = [...new Set(activations.map((a) => a.planSlug))];
  const rank = (slug: string) => {
    const i = order.indexOf(slug);
    return i < 0 ? order.length : i;
  };
  return plans
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.slug) - rank(b.p.slug) || a.i - b.i)
    .flatMap(({ p }) => {
      const heading = headings.get(headingKey(p));
      return heading ? [{ slug: p.slug, ...heading, active: order[0] === p.slug }] : []; // deleted meanwhile
    });
}
