/**
 * Plans in the database: idempotent import of a validated plan file, and loading a stored one back.
 *
 * One store: the validated plan is kept whole as a JSON document; the only rows besides it are the
 * ones records point at (units and categories, keyed by (plan, code)). Re-importing an unchanged
 * file changes nothing (its content hash matches); an edited file replaces the document, keeps the
 * ids of units and categories whose code stays, adds new ones and removes the ones no longer in the
 * file, all in one transaction.
 */
import { AppError } from '../core/errors.ts';
import { createHash } from 'node:crypto';
import { planFileSchema, type PlanFile } from '../core/plan/plan-schema.ts';
import type { PrismaClient } from './client.ts';

/** What an import did. `changed` is false for a re-import of the same content. */
export interface PlanImportResult {
  slug: string;
  status: 'created' | 'updated' | 'unchanged';
  counts: { categories: number; criteria: number; units: number; movements: number; quotas: number; phases: number; milestones: number };
}

const canonicalHash = (plan: PlanFile): string => createHash('sha256').update(JSON.stringify(plan)).digest('hex');

/**
 * Thrown when an edited plan would remove a row that records still use (a category or unit of
 * existing nominations, roles or invites). Nothing was changed: the import runs in one transaction.
 */
export class PlanImportError extends AppError {
  override name = 'PlanImportError';
  constructor(message: string) {
    super('plan/import-refused', 'error-internal', message);
  }
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Upserts rows of one kind under a parent and deletes the rows whose code left the file.
 * `data(item, position)` gives the columns besides the key.
 */
async function sync<T extends { code: string }>(
  items: T[],
  existing: { id: number; code: string }[],
  ops: {
    create: (item: T, position: number) => Promise<{ id: number }>;
    update: (id: number, item: T, position: number) => Promise<unknown>;
    remove: (ids: number[]) => Promise<unknown>;
  },
): Promise<Map<string, number>> {
  const byCode = new Map(existing.map((e) => [e.code, e.id]));
  const ids = new Map<string, number>();
  for (const [position, item] of items.entries()) {
    const id = byCode.get(item.code);
    if (id === undefined) ids.set(item.code, (await ops.create(item, position)).id);
    else {
      await ops.update(id, item, position);
      ids.set(item.code, id);
    }
  }
  const gone = existing.filter((e) => !ids.has(e.code)).map((e) => e.id);
  if (gone.length > 0) await ops.remove(gone);
  return ids;
}

/**
 * Imports (or updates in place) a validated plan.
 * @throws PlanImportError when the edit removes a row still in use; otherwise whatever the database
 *         throws. Either way the transaction is rolled back: nothing is half-imported.
 */
export async function importPlan(prisma: PrismaClient, plan: PlanFile): Promise<PlanImportResult> {
  const hash = canonicalHash(plan);
  const counts = {
    categories: plan.categories.length,
    criteria: plan.categories.reduce((n, c) => n + c.criteria.length, 0),
    units: plan.units.length,
    movements: plan.movements.length,
    quotas: plan.quotas.length,
    phases: plan.phases.length,
    milestones: plan.milestones.length,
  };
  const found = await prisma.plan.findUnique({ where: { slug: plan.id }, select: { id: true, contentHash: true } });
  if (found?.contentHash === hash) return { slug: plan.id, status: 'unchanged', counts };

  try {
    await prisma.$transaction(async (tx) => {
      const head = { document: JSON.stringify(plan), contentHash: hash };
      const { id: planId } = await tx.plan.upsert({ where: { slug: plan.id }, create: { slug: plan.id, ...head }, update: head, select: { id: true } });
      await syncPlanRows(tx, planId, plan);
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2003') {
      throw new PlanImportError(
        `Plan "${plan.id}" was not updated: the edited file removes a category or unit that nominations or roles still use. Keep that item in the file (you may rename it), then import again.`,
      );
    }
    throw error;
  }
  return { slug: plan.id, status: found ? 'updated' : 'created', counts };
}

/**
 * The rows records point at: units (officers' grants, invites, nominations) and categories
 * (nominations), keyed by code. Everything else of the plan is read from its document.
 */
async function syncPlanRows(tx: Tx, planId: number, plan: PlanFile): Promise<void> {
  const existing = { where: { planId }, select: { id: true, code: true } } as const;
  await sync(plan.units, await tx.unit.findMany(existing), {
    create: (u, position) => tx.unit.create({ data: { planId, code: u.code, position } }),
    update: (id, _u, position) => tx.unit.update({ where: { id }, data: { position } }),
    remove: (ids) => tx.unit.deleteMany({ where: { id: { in: ids } } }),
  });
  await sync(plan.categories, await tx.category.findMany(existing), {
    create: (c) => tx.category.create({ data: { planId, code: c.code } }),
    update: async () => undefined,
    remove: (ids) => tx.category.deleteMany({ where: { id: { in: ids } } }),
  });
}

/**
 * Loads a stored plan by its id (slug), re-validated: for reading a plan other than the one the bot
 * started with (the start builds its catalog from the file it just validated and imported, and does
 * not read it back). Returns `null` when no such plan exists.
 * @throws ZodError if the stored document no longer matches the schema (a newer bot wrote it).
 */
export async function loadPlan(prisma: PrismaClient, slug: string): Promise<PlanFile | null> {
  const row = await prisma.plan.findUnique({ where: { slug }, select: { document: true } });
  return row ? planFileSchema.parse(JSON.parse(row.document)) : null;
}
