/**
 * `/chitieu`: the targets of plan section IV.1 (Chỉ tiêu) — which unit must find how many
 * collectives, individuals or households, in which movement or field.
 */
import { msg, type Locale, type Msg, type Reply } from '../channel.ts';
import { pick, type PlanCatalog } from './catalog.ts';

export function targetsReply(catalog: PlanCatalog, locale: Locale): Reply {
  const { plan } = catalog;
  if (plan.quotas.length === 0) return { lines: [msg('targets-none')] };
  const lines: Msg[] = [msg('targets-title', { section: plan.quotas[0]!.section, start: plan.period.start.slice(0, 4), end: plan.period.end.slice(0, 4) })];
  plan.quotas.forEach((q, i) => {
    lines.push(msg('targets-row', { n: i + 1, unit: catalog.unitName(q.unit, locale), field: pick(q.field, locale) }));
    const counts = (['collectives', 'individuals', 'households', 'any'] as const)
      .filter((kind) => q.targets[kind] > 0)
      .map((kind) => msg('targets-count', { kind, count: q.targets[kind] }));
    lines.push(msg('targets-counts', { counts }));
    if (q.note) lines.push(msg('targets-note', { note: pick(q.note, locale) }));
  });
  return { lines };
}
