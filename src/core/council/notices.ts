/**
 * Notices of the council chain (issue 12): a round the votes cannot end goes to the council chair;
 * a nomination the Council proposes goes to those who record the chairman's decision (the chair and
 * the standing office). Each carries the nomination's relevance key, so a notice that lost its point
 * before it is sent is dropped (see `../nominations/relevance.ts`).
 *
 * @module
 */
import { msg, type Button } from '../channel.ts';
import type { Services } from '../context.ts';
import type { Nomination } from '../nominations/model.ts';
import { nominationRelevance } from '../nominations/relevance.ts';
import type { StallReason } from './model.ts';

/** The chair's three ways to end an open round (`ct:` actions of `./chair.ts`; `hop:` records a meeting, `./meeting.ts`). */
export function chairButtons(n: Pick<Nomination, 'id' | 'round'>): Button[][] {
  return [
    [{ label: msg('chair-new-round'), action: `ct:n:${n.id}:${n.round}` }],
    [{ label: msg('chair-return'), action: `ct:r:${n.id}:${n.round}` }],
    [{ label: msg('chair-conclude'), action: 'hop:new' }],
  ];
}

/**
 * Tells every council chair that round `n.round` of `n` cannot end by itself (ALL_VOTED) or is
 * open too long (TOO_LONG), with the three ways to end it. When nobody holds the chair role, the
 * administrators (the standing office) are told instead, so the round never waits unseen.
 * @returns how many notices were queued.
 */
export async function tellChairsStalled(ctx: { services: Services }, n: Nomination, why: StallReason, days = 0): Promise<number> {
  const { roles, notifier } = ctx.services;
  const chairs = await roles.chairIds();
  const people = chairs.length > 0 ? chairs : await roles.adminIds();
  return notifier.notify(
    people.map((personId) => ({
      personId,
      key: `round:${n.id}:${n.round}:stalled:${personId}`,
      relevance: nominationRelevance(n),
      reply: { lines: [msg('chair-stalled', { id: n.id, name: n.nomineeName, round: n.round, why, days })], buttons: chairButtons(n) },
    })),
  );
}

/**
 * Tells the council chairs and administrators that the Council proposes `n`: the chairman's decision
 * (or a proposal to the higher level) is to be recorded.
 */
export async function tellDecisionMakers(ctx: { services: Services }, n: Nomination): Promise<number> {
  const { roles, notifier } = ctx.services;
  const people = [...new Set([...(await roles.chairIds()), ...(await roles.adminIds())])];
  return notifier.notify(
    people.map((personId) => ({
      personId,
      key: `nomination:${n.id}:proposed:r${n.round}:${personId}`,
      relevance: nominationRelevance({ ...n, state: 'PROPOSED' }),
      reply: {
        lines: [msg('notice-awaits-decision', { id: n.id, name: n.nomineeName })],
        buttons: [[{ label: msg('nomination-open'), action: `nom:v:${n.id}` }]],
      },
    })),
  );
}
