/**
 * One page of nominations over several plans (issue 16: records of earlier plans stay readable):
 * the plans in the order given, each plan's nominations newest first, `offset` counted over all.
 */
import type { Ctx } from '../context.ts';
import type { PlanEntry } from '../plan/library.ts';
import type { Nomination, NominationState } from './model.ts';

/** A page: the total over every plan, and the plans with nominations on this page, in order. */
export interface PlansPage {
  total: number;
  sections: { plan: PlanEntry; items: Nomination[] }[];
}

/** Every plan held, the bot's active plan (this instance's catalog) first. */
export async function plansActiveFirst(ctx: Ctx): Promise<PlanEntry[]> {
  const held = await ctx.services.plans.history();
  const active = ctx.catalog.plan.id;
  return [...held.filter((p) => p.slug === active), ...held.filter((p) => p.slug !== active)];
}

/** Reads at most `limit` nominations from `offset` over `plans` (one count per plan, then the slices). */
export async function pageAcrossPlans(
  ctx: Ctx,
  plans: PlanEntry[],
  filter: { states?: NominationState[]; unitCodes?: string[]; nameQuery?: string },
  offset: number,
  limit: number,
): Promise<PlansPage> {
  const repo = ctx.services.nominations;
  const totals = await Promise.all(plans.map(async (p) => (await repo.list({ planSlug: p.slug, ...filter, offset: 0, limit: 0 })).total));
  const sections: PlansPage['sections'] = [];
  let start = 0;
  let shown = 0;
  for (const [i, plan] of plans.entries()) {
    const count = totals[i]!;
    const from = offset - start;
    start += count;
    if (count === 0 || from >= count || shown >= limit) continue;
    const { items } = await repo.list({ planSlug: plan.slug, ...filter, offset: Math.max(0, from), limit: limit - shown });
    if (items.length === 0) continue;
    sections.push({ plan, items });
    shown += items.length;
  }
  return { total: totals.reduce((a, b) => a + b, 0), sections };
}
