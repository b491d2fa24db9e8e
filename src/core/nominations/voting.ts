/**
 * Council voting (Hội đồng Thi đua – Khen thưởng xã): when do the votes of one review round make a
 * decision? Pure.
 *
 * Domain brief: "Council voting: majority by default; the commune's own council charter decides.
 * Store the vote rule per commune. [verify]" — so the rule is configuration ({@link parseVoteRule}),
 * never hard-coded.
 *
 * @module
 */
import type { VoteDecision, VoteRule } from './model.ts';

/** Tie-break order when several decisions qualify with as many votes: the cautious outcome first. */
const CAUTION: readonly VoteDecision[] = ['ASK_CHANGES', 'DISAGREE', 'AGREE'];

/** Does `count` votes for one decision (of `total` votes cast) meet the rule? */
function qualifies(count: number, total: number, councilSize: number, rule: VoteRule): boolean {
  switch (rule.kind) {
    case 'majority':
      return count * 2 > councilSize;
    case 'unanimous':
      return count >= councilSize && count === total;
    case 'count':
      return count >= rule.votes;
  }
}

/**
 * The decision the council has taken in a round, if any.
 *
 * - `majority`: strictly more than half of ALL council members (`councilSize`, not only those who
 *   voted) voted the same decision;
 * - `unanimous`: every member voted, and all the same way;
 * - `count`: at least `rule.votes` votes for one decision.
 *
 * When several decisions qualify (only possible with `count`), the one with most votes wins; a tie is
 * broken ASK_CHANGES > DISAGREE > AGREE (the cautious outcome).
 *
 * @param tally votes per decision in the current round.
 * @param councilSize number of council members who may vote on this nomination (the proposer
 *   abstains); below 1 nothing is ever decided.
 * @returns the decision, or `null` while the rule is not met.
 */
export function decide({ tally, councilSize, rule }: { tally: Record<VoteDecision, number>; councilSize: number; rule: VoteRule }): VoteDecision | null {
  if (!(councilSize >= 1)) return null;
  const total = CAUTION.reduce((sum, d) => sum + tally[d], 0);
  let best: VoteDecision | null = null;
  for (const decision of CAUTION) {
    const count = tally[decision];
    if (count <= 0 || !qualifies(count, total, councilSize, rule)) continue;
    if (best === null || count > tally[best]) best = decision;
  }
  return best;
}

/**
 * Parses the configured council vote rule (per commune; the council charter decides).
 *
 * @param text `"majority"`, `"unanimous"` or a positive integer such as `"3"` (at least that many
 *   votes for one decision); surrounding spaces and letter case are ignored.
 * @throws Error naming the accepted forms for anything else (e.g. `""`, `"0"`, `"2.5"`, `"most"`).
 */
export function parseVoteRule(text: string): VoteRule {
  const value = text.trim().toLowerCase();
  if (value === 'majority') return { kind: 'majority' };
  if (value === 'unanimous') return { kind: 'unanimous' };
  if (/^\d+$/.test(value)) {
    const votes = Number(value);
    if (Number.isSafeInteger(votes) && votes > 0) return { kind: 'count', votes };
  }
  throw new Error(`Invalid council vote rule "${text}": expected "majority", "unanimous" or a positive whole number of votes (e.g. "3")`);
}

/**
 * True when a round cannot end by itself: every member who may vote has voted and the rule gives no
 * result (e.g. agree / ask for changes / disagree from three members under "majority"). The council
 * chair must then act (issue 12: every round ends).
 */
export function isDeadlocked({ tally, councilSize, rule }: { tally: Record<VoteDecision, number>; councilSize: number; rule: VoteRule }): boolean {
  const total = CAUTION.reduce((sum, d) => sum + tally[d], 0);
  return councilSize >= 1 && total >= councilSize && decide({ tally, councilSize, rule }) === null;
}
