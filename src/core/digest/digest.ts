/**
 * The weekly council digest (Bản tin tuần của Hội đồng): first what needs the council — nominations
 * waiting for review with their age, oldest first —, then the week's chain in three sections never
 * merged (plan IV.5; Law 06/2022/QH15 Art. 80; domain-corrections §2): the Council's results (advice:
 * "Hội đồng thống nhất đề nghị" / đề nghị bổ sung / không đề nghị), the commune chairman's decisions
 * ("Chủ tịch UBND xã quyết định", with their number, or not recognised), and the proposals to the
 * higher level (a tờ trình is a proposal, not an award; the higher level's answer when it came),
 * then new nominations (newest first), every unit's progress against its targets (met / behind),
 * good deeds received and published, and the next milestones. Short lists (the counts are complete, "… and N more"), with
 * buttons to open the details. Long digests are split safely by the channel.
 */
import { msg, type Locale, type Msg, type Reply } from '../channel.ts';
import type { ProgressRow } from '../nominations/model.ts';
import { computeProgress } from '../nominations/progress.ts';
import { pick, type PlanCatalog } from '../plan/catalog.ts';
import { formatLocalDate, milestoneLastDay } from '../plan/dates.ts';
import { milestoneWhen, type ActualDates } from '../plan/timeline.ts';

/** How many items of each list the digest shows (the counts are always complete). */
export const DIGEST_LIST_LIMIT = 5;

interface Item {
  id: number;
  nomineeName: string;
  unitCode: string;
}

/** The facts of one week, read by the digest repository (src/db/digest-repository.ts). */
/** The Council's result of a round (events PROPOSE / RETURN / REJECT), by votes, the chair or a meeting. */
export type CouncilResultKind = 'PROPOSE' | 'RETURN' | 'REJECT';
/** The commune chairman's act on a proposed nomination (events DECIDE / DECLINE). */
export type ChairmanDecisionKind = 'DECIDE' | 'DECLINE';
/** The higher level's chain (events PROPOSE_HIGHER: a tờ trình sent; HIGHER_AWARD / HIGHER_REFUSE: its answer). */
export type HigherKind = 'PROPOSE_HIGHER' | 'HIGHER_AWARD' | 'HIGHER_REFUSE';

/** One step of the chain in the week: what happened to which nomination, when (UTC), with the document number. */
export type ChainItem<K extends string> = Item & { kind: K; at: Date; number: string | null };

export interface WeekFacts {
  newNominations: (Item & { createdAt: Date })[];
  newCount: number;
  /** The Council's results of the week, newest first (advice, not decisions). */
  councilResults: ChainItem<CouncilResultKind>[];
  councilResultCount: number;
  /** The commune chairman's decisions of the week, newest first. */
  chairmanDecisions: ChainItem<ChairmanDecisionKind>[];
  chairmanDecisionCount: number;
  /** Proposals to the higher level sent, and answers received, in the week, newest first. */
  higher: ChainItem<HigherKind>[];
  higherCount: number;
  waiting: (Item & { submittedAt: Date })[];
  waitingCount: number;
  progressRows: ProgressRow[];
  deedsReceived: number;
  deedsPublished: number;
}

/** Repository port: the facts of [from, to) for a plan; lists newest first, at most `listLimit`. */
export interface DigestRepository {
  weekFacts(input: { planSlug: string; from: Date; to: Date; listLimit: number }): Promise<WeekFacts>;
}

const DAY_MS = 86_400_000;

/**
 * Builds the digest for one reader.
 * @param from start of the week (UTC instant, inclusive); `to` its end (exclusive).
 * @param today the local calendar date (people's zone) the digest is sent on.
 */
export function councilDigest(input: {
  facts: WeekFacts;
  catalog: PlanCatalog;
  locale: Locale;
  from: Date;
  to: Date;
  today: string;
  timeZone: string;
  actual?: ActualDates;
  /** Good deeds waiting for moderation: how many, and the oldest's age in days. */
  deedsWaiting?: { count: number; oldestDays: number };
}): Reply {
  const { facts, catalog, locale, timeZone } = input;
  const unit = (code: string) => catalog.unitName(code, locale);
  /** "… and N more" when a list shows fewer items than its count. */
  const more = (shown: number, count: number): Msg[] => (count > shown ? [msg('digest-more', { count: count - shown })] : []);
  // What needs the council's action comes first: the nominations waiting, oldest first.
  const lines: Msg[] = [
    msg('digest-title', { from: formatLocalDate(input.from, timeZone), to: formatLocalDate(new Date(input.to.getTime() - 1), timeZone) }),
    msg('digest-waiting', { count: facts.waitingCount }),
    ...facts.waiting.map((n) =>
      msg('digest-waiting-item', {
        id: n.id,
        name: n.nomineeName,
        unit: unit(n.unitCode),
        days: Math.max(0, Math.floor((input.to.getTime() - n.submittedAt.getTime()) / DAY_MS)),
      }),
    ),
    ...more(facts.waiting.length, facts.waitingCount),
    // Three sections, never merged: the Council advises, the chairman decides, the higher level is asked.
    msg('digest-council-results', { count: facts.councilResultCount }),
    ...facts.councilResults.map((n) => msg('digest-council-result', { id: n.id, name: n.nomineeName, kind: n.kind })),
    ...more(facts.councilResults.length, facts.councilResultCount),
    msg('digest-chairman-decisions', { count: facts.chairmanDecisionCount }),
    ...facts.chairmanDecisions.map((n) => msg('digest-chairman-decision', { id: n.id, name: n.nomineeName, kind: n.kind, number: n.number ?? '' })),
    ...more(facts.chairmanDecisions.length, facts.chairmanDecisionCount),
    ...(facts.higherCount > 0
      ? [
          msg('digest-higher', { count: facts.higherCount }),
          ...facts.higher.map((n) => msg('digest-higher-item', { id: n.id, name: n.nomineeName, kind: n.kind, number: n.number ?? '' })),
          ...more(facts.higher.length, facts.higherCount),
        ]
      : []),
    msg('digest-new', { count: facts.newCount }),
    ...facts.newNominations.map((n) => msg('digest-item', { id: n.id, name: n.nomineeName, unit: unit(n.unitCode) })),
    ...more(facts.newNominations.length, facts.newCount),
  ];
  const progress = computeProgress(catalog.plan, facts.progressRows, timeZone);
  const behind = progress.filter((p) => !p.met);
  lines.push(msg('digest-progress', { met: progress.length - behind.length, total: progress.length }));
  // One line per unit: a unit with two target rows (e.g. its movement and its households) is one
  // responsible office to the chair, so its shortfalls are read together.
  const byUnit = new Map<string, Msg[]>();
  for (const p of behind) {
    const kinds = (['collectives', 'individuals', 'households', 'any'] as const).filter((k) => p.quota.targets[k] > p.approved[k]);
    const counts = kinds.map((kind) => msg('digest-behind-count', { kind, approved: p.approved[kind], target: p.quota.targets[kind] }));
    byUnit.set(p.quota.unit, [...(byUnit.get(p.quota.unit) ?? []), ...counts]);
  }
  for (const [code, counts] of byUnit) lines.push(msg('digest-behind', { unit: unit(code), counts }));
  lines.push(msg('digest-deeds', { received: facts.deedsReceived, published: facts.deedsPublished }));
  if (input.deedsWaiting) lines.push(msg('digest-deeds-waiting', { count: input.deedsWaiting.count, days: input.deedsWaiting.oldestDays }));
  const actual = input.actual ?? new Map<string, string>();
  const next = catalog.plan.milestones.filter((m) => milestoneLastDay(m, actual.get(m.code)) >= input.today).slice(0, 3);
  lines.push(next.length > 0 ? msg('digest-milestones') : msg('digest-no-milestones'));
  for (const m of next) lines.push(msg('digest-milestone', { date: milestoneWhen(m, locale, actual.get(m.code)), title: pick(m.title, locale) }));
  return {
    lines,
    buttons: [
      [
        { label: msg('review-open'), action: 'rv:open' },
        { label: msg('digest-open-progress'), action: 'tiendo:' },
      ],
    ],
  };
}
