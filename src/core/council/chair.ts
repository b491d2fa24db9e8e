/**
 * The council chair ends a round the votes cannot end (issue 12: every round ends): `ct:n` opens a
 * new round (after a confirmation, `ct:N`), `ct:r` returns the nomination for changes with a reason.
 * Buttons carry the round: a stale one records nothing and shows the current version.
 */
import { msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import type { DialogDefinition } from '../dialog/engine.ts';
import { parseId } from '../ids.ts';
import { NominationError } from '../nominations/model.ts';
import { nominationRelevance } from '../nominations/relevance.ts';
import { staleButton, tellOutcome, voteButtons } from '../nominations/review.ts';
import { clip } from '../text/fold.ts';

export const CHAIR_RETURN_DIALOG = 'chair-return';

async function end(ctx: Ctx, id: number, round: number, action: 'NEW_ROUND' | 'RETURN', reason: string | null): Promise<Reply[]> {
  try {
    await ctx.services.council.endRound({ nominationId: id, round, action, reason, chairId: ctx.personId, now: ctx.now });
  } catch (error) {
    if (error instanceof NominationError && (error.code === 'stale-round' || error.code === 'not-open-for-vote')) return staleButton(ctx, id);
    if (error instanceof NominationError) return [{ lines: [msg('review-error', { code: error.code })] }];
    throw error;
  }
  const n = (await ctx.services.nominations.get(id))!;
  if (action === 'RETURN') {
    await tellOutcome(ctx, n, 'RETURN', [reason ?? '']);
    return [{ lines: [msg('chair-returned', { id })] }];
  }
  const members = (await ctx.services.roles.councilMembers()).filter((m) => m !== n.proposerId);
  await ctx.services.notifier.notify(
    members.map((personId) => ({
      personId,
      key: `round:${id}:${n.round}:opened:${personId}`,
      relevance: nominationRelevance(n),
      reply: { lines: [msg('chair-round-opened-notice', { id, name: n.nomineeName, round: n.round })], buttons: [voteButtons(n)] },
    })),
  );
  return [{ lines: [msg('chair-round-opened', { id, round: n.round })] }];
}

export const chairReturnDialog: DialogDefinition<Ctx, { id: number; round: number }> = {
  kind: CHAIR_RETURN_DIALOG,
  allowed: (ctx) => ctx.roles.chair,
  steps: {
    reason: {
      prompt: (_ctx, d) => ({ lines: [msg('chair-ask-return-reason', { id: d.id })] }),
      handle: async (ctx, d, input) => {
        const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (reason.length < 5) return { stay: true, say: [{ lines: [msg('register-too-short', { min: 5 })] }] };
        return { done: true, say: await end(ctx, d.id, d.round, 'RETURN', clip(reason, 1000)) };
      },
    },
  },
};

export const chairFeature: Feature = {
  actions: {
    ct: async (ctx, payload) => {
      if (!ctx.roles.chair) return [{ lines: [msg('access-denied', { audience: 'chair' })] }];
      const [op, rawId, rawRound] = payload.split(':');
      const id = parseId(rawId);
      const round = parseId(rawRound);
      if (id === undefined || round === undefined) return [{ lines: [msg('action-expired')] }];
      const n = await ctx.services.nominations.get(id);
      if (!n || n.planSlug !== ctx.catalog.plan.id) return [{ lines: [msg('nomination-not-found')] }];
      if (n.state !== 'SUBMITTED' || n.round !== round) return staleButton(ctx, id);
      if (op === 'n')
        return [
          {
            lines: [msg('chair-confirm-new-round', { id, round: round + 1 })],
            buttons: [[{ label: msg('review-confirm-yes'), action: `ct:N:${id}:${round}` }]],
          },
        ];
      if (op === 'N') return end(ctx, id, round, 'NEW_ROUND', null);
      if (op === 'r') return ctx.services.dialogs.start(ctx, CHAIR_RETURN_DIALOG, 'reason', { id, round });
      return [{ lines: [msg('action-expired')] }];
    },
  },
};
