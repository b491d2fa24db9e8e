/**
 * Relevance keys of notices about a nomination (issue 12: "notices that lost their point are
 * dropped before sending"). A notice is written for one version of a nomination — its state and
 * review round — and carries the key `nomination:<id>@<state>:<round>`. At send time the outbox
 * sender compares it with the nomination as it is now (`src/db/relevance.ts`); if the nomination
 * was decided, withdrawn or moved to another state or round meanwhile, the notice is dropped.
 * Pure.
 *
 * @module
 */
import type { Nomination } from './model.ts';

/** The relevance key of a notice about `n` as it is now. */
export const nominationRelevance = (n: Pick<Nomination, 'id' | 'state' | 'round'>): string => `nomination:${n.id}@${n.state}:${n.round}`;

/** Parses a relevance key; `null` for keys of other subjects or malformed ones. */
export function parseNominationRelevance(key: string): { id: number; state: string; round: number } | null {
  const m = /^nomination:(\d+)@([A-Z_]+):(\d+)$/.exec(key);
  return m ? { id: Number(m[1]), state: m[2]!, round: Number(m[3]) } : null;
}
