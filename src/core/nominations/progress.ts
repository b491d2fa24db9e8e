/**
 * `/tiendo` (alias `/progress`): each unit's targets of plan section IV.1 against its submitted and
 * approved nominations, by subject type, for the whole plan and per phase.
 *
 * A nomination counts toward the target row of its unit with the same movement; when the unit has
 * a single row, toward that row. "Submitted" counts every nomination past the draft that is not
 * rejected; "approved" the recognised exemplars. A phase counts approvals decided within its dates
 * (calendar days in the people's zone).
 */
import { deniedReply, mayUse } from '../access.ts';
import { msg, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { pick } from '../plan/catalog.ts';
import { localDate } from '../plan/dates.ts';
import { phaseOfDay } from '../plan/phases.ts';
import type { PlanFile, Quota } from '../plan/plan-schema.ts';
import type { ProgressRow } from './model.ts';

type Kind = 'collectives' | 'individuals' | 'households' | 'any';
const KINDS: Kind[] = ['collectives', 'individuals', 'households', 'any'];
type Counts = Record<Kind, number>;
const zero = (): Counts => ({ collectives: 0, individuals: 0, households: 0, any: 0 });

export interface QuotaProgress {
  quota: Quota;
  submitted: Counts;
  approved: Counts;
  /** Approved per phase code. */
  approvedByPhase: Record<string, Counts>;
  /** Every target of the row reached by approved exemplars. */
  met: boolean;
}

/** The quota row a nomination counts toward, or undefined. */
export function quotaFor(plan: PlanFile, row: Pick<ProgressRow, 'unitCode' | 'movementCode'>): Quota | undefined {
  const rows = plan.quotas.filter((q) => q.unit === row.unitCode);
  return rows.find((q) => row.movementCode && q.movement === row.movementCode) ?? (rows.length === 1 ? rows[0] : undefined);
}

function add(counts: Counts, quota: Quota, subject: ProgressRow['subjectType'], n: number): void {
  const kind: Kind = subject === 'COLLECTIVE' ? 'collectives' : subject === 'INDIVIDUAL' ? 'individuals' : 'households';
  // A row asking for "any" exemplar counts every subject type there.
  counts[quota.targets[kind] > 0 || quota.targets.any === 0 ? kind : 'any'] += n;
}

/** Pure: progress of every quota row of the plan. */
export function computeProgress(plan: PlanFile, rows: ProgressRow[], timeZone: string): QuotaProgress[] {
  const result = new Map(
    plan.quotas.map((q) => [
      q.code,
      {
        quota: q,
        submitted: zero(),
        approved: zero(),
        approvedByPhase: Object.fromEntries(plan.phases.map((p) => [p.code, zero()])) as Record<string, Counts>,
        met: false,
      },
    ]),
  );
  for (const row of rows) {
    const quota = quotaFor(plan, row);
    if (!quota || row.state === 'DRAFT' || row.state === 'REJECTED') continue;
    const entry = result.get(quota.code)!;
    const n = row.count ?? 1;
    add(entry.submitted, quota, row.subjectType, n);
    if (row.state !== 'APPROVED') continue;
    add(entry.approved, quota, row.subjectType, n);
    const day = row.decidedAt ? localDate(row.decidedAt, timeZone) : undefined;
    const phase = day ? phaseOfDay(plan, day) : undefined;
    if (phase) add(entry.approvedByPhase[phase.code]!, quota, row.subjectType, n);
  }
  for (const entry of result.values()) entry.met = KINDS.every((k) => entry.approved[k] >= entry.quota.targets[k]);
  return [...result.values()];
}

function rowLines(ctx: Ctx, p: QuotaProgress): Msg[] {
  const parts = KINDS.filter((k) => p.quota.targets[k] > 0).map((k) =>
    msg('progress-count', { kind: k, approved: p.approved[k], target: p.quota.targets[k], submitted: p.submitted[k] }),
  );
  const perPhase = ctx.catalog.plan.phases.map((ph) => ({ ph, approved: KINDS.reduce((n, k) => n + p.approvedByPhase[ph.code]![k], 0) }));
  const lines = [
    msg('progress-row', { met: p.met ? 'yes' : 'no', unit: ctx.catalog.unitName(p.quota.unit, ctx.locale), field: pick(p.quota.field, ctx.locale) }),
    msg('progress-counts', { counts: parts }),
  ];
  // Phases are shown once something was recognised in one of them; a row of zeros says nothing.
  if (perPhase.some((x) => x.approved > 0)) {
    lines.push(msg('progress-phases', { phases: perPhase.map((x) => msg('progress-phase', { phase: pick(x.ph.name, ctx.locale), approved: x.approved })) }));
  }
  return lines;
}

async function progress(ctx: Ctx): Promise<Reply[]> {
  const rows = await ctx.services.nominations.progressRows(ctx.catalog.plan.id);
  const all = computeProgress(ctx.catalog.plan, rows, ctx.services.settings.timeZone);
  const mine = all.filter((p) => ctx.roles.officerUnits.includes(p.quota.unit));
  const others = all.filter((p) => !ctx.roles.officerUnits.includes(p.quota.unit));
  const met = all.filter((p) => p.met).length;
  const lines: Msg[] = [msg('progress-title', { met, total: all.length, today: ctx.today.split('-').reverse().join('/') })];
  if (mine.length > 0) {
    lines.push(msg('progress-mine'));
    mine.forEach((p) => lines.push(...rowLines(ctx, p)));
    if (others.length > 0) lines.push(msg('progress-others'));
  }
  others.forEach((p) => lines.push(...rowLines(ctx, p)));
  return [{ lines }];
}

export const progressFeature: Feature = {
  commands: { tiendo: progress },
  actions: { tiendo: async (ctx) => (mayUse(ctx.roles, 'staff') ? progress(ctx) : [deniedReply('staff')]) },
};
