/**
 * The sample plan's warning (issue 16: "the sample 2026–2030 plan stays clearly a sample:
 * registration under it warns each time").
 */
import { msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';

/**
 * While the active plan is a sample (`sample: true`, e.g. plans/sample-2026-2030.yaml): the warning
 * shown each time a registration (nomination, good deed) starts; `undefined` for a real plan.
 */
export function sampleWarning(ctx: Ctx): Reply | undefined {
  const { plan } = ctx.catalog;
  if (!plan.sample) return undefined;
  return { lines: [msg('plan-sample-warning', { years: `${plan.period.start.slice(0, 4)} – ${plan.period.end.slice(0, 4)}` })] };
}
