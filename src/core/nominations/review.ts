/**
 * `/duyet` (alias `/review`): council review of submitted nominations, oldest first. A member votes
 * approve / return / reject (a reason is mandatory to return or reject); the decision is taken when
 * the council's vote rule is met, and the proposing officer is told the outcome with the reason —
 * kindly, saying what was recognised, when the nomination is not chosen.
 */
import { selfCheckScore } from '../criteria/applicability.ts';
import { msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import type { DialogDefinition } from '../dialog/engine.ts';
import { asSentence, clip } from '../text/fold.ts';
import { NominationError, type Nomination, type NominationState, type VoteDecision } from './model.ts';
import { fullView } from './view.ts';
import { parseId } from '../ids.ts';

export const VOTE_DIALOG = 'vote';
const REASON_LIMITS = [5, 1000] as const;

interface VoteData {
  id: number;
  decision: VoteDecision;
}

/** The first nomination of my queue after `afterId` (or the first one), shown with vote buttons. */
async function showQueue(ctx: Ctx, afterId?: number): Promise<Reply[]> {
  const queue = await ctx.services.nominations.reviewQueue({ planSlug: ctx.catalog.plan.id, voterId: ctx.personId });
  if (queue.length === 0) return [{ lines: [msg('review-empty')] }];
  const index = afterId === undefined ? 0 : queue.findIndex((n) => n.id === afterId) + 1;
  const n = queue[index % queue.length]!;
  const view = await fullView(ctx, n);
  const id = n.id;
  return [
    { lines: [msg('review-queue', { count: queue.length })] },
    {
      ...view,
      buttons: [
        [
          { label: msg('review-approve'), action: `rv:a:${id}` },
          { label: msg('review-return'), action: `rv:r:${id}` },
          { label: msg('review-reject'), action: `rv:x:${id}` },
        ],
        ...(queue.length > 1 ? [[{ label: msg('review-next'), action: `rv:n:${id}` }]] : []),
      ],
    },
  ];
}

const DECISIONS: Record<string, VoteDecision> = { a: 'APPROVE', r: 'RETURN', x: 'REJECT' };

/** Records a vote, tells the proposer when it decided, and moves on to the next nomination. */
async function vote(ctx: Ctx, id: number, decision: VoteDecision, reason?: string): Promise<Reply[]> {
  if (!ctx.roles.council) return [{ lines: [msg('access-denied', { audience: 'council' })] }];
  const { nominations, roles, settings } = ctx.services;
  const councilSize = (await roles.councilMembers()).length;
  let result;
  try {
    result = await nominations.castVote({ id, voterId: ctx.personId, decision, reason, councilSize, rule: settings.voteRule, now: ctx.now });
  } catch (error) {
    if (error instanceof NominationError) return [{ lines: [msg('review-error', { code: error.code })] }, ...(await showQueue(ctx))];
    throw error;
  }
  const n = (await nominations.get(id))!;
  const replies: Reply[] = [{ lines: [msg('review-recorded', { id, decision: msg('vote-decision', { decision }), approve: result.tally.APPROVE, return: result.tally.RETURN, reject: result.tally.REJECT, members: councilSize })] }];
  if (result.decided) {
    replies.push({ lines: [msg('review-decided', { id, name: n.nomineeName, state: msg('nomination-state', { state: result.decided.state }) })] });
    await tellOutcome(ctx, n, result.decided.state, result.decided.reasons);
  }
  return [...replies, ...(await showQueue(ctx))];
}

/** The notice to the proposing officer (and the unit's other officers). */
async function tellOutcome(ctx: Ctx, n: Nomination, state: NominationState, reasons: string[]): Promise<void> {
  const officers = await ctx.services.roles.officersOf({ planSlug: ctx.catalog.plan.id, unitCode: n.unitCode });
  const people = [...new Set([n.proposerId, ...officers])];
  // The texts put the reason at the end of a line: it ends as a sentence, never with a doubled stop.
  const reason = asSentence(reasons.join('; ') || '-');
  const c = ctx.catalog.categoryByCode.get(n.categoryCode);
  const reply: Reply =
    state === 'APPROVED'
      ? { lines: [msg('notice-approved', { id: n.id, name: n.nomineeName })], buttons: [[{ label: msg('nomination-open'), action: `nom:v:${n.id}` }]] }
      : state === 'RETURNED'
        ? { lines: [msg('notice-returned', { id: n.id, name: n.nomineeName, reason })], buttons: [[{ label: msg('nomination-edit'), action: `nom:e:${n.id}` }]] }
        : {
            lines: [
              msg('notice-rejected', {
                id: n.id,
                name: n.nomineeName,
                reason,
                ...(c ? selfCheckScore(c, n, n.selfCheck, n.notApplicable) : { met: n.selfCheck.length, total: n.selfCheck.length }),
                achievements: clip(n.achievements, 300),
              }),
            ],
          };
  await ctx.services.notifier.notify(people.map((personId) => ({ personId, key: `nomination:${n.id}:decided:r${n.round}:${state}:${personId}`, reply })));
}

export const voteDialog: DialogDefinition<Ctx, VoteData> = {
  kind: VOTE_DIALOG,
  allowed: (ctx) => ctx.roles.council,
  steps: {
    reason: {
      prompt: (_ctx, d) => ({ lines: [msg('review-ask-reason', { decision: msg('vote-decision', { decision: d.decision }), id: d.id })] }),
      handle: async (ctx, d, input) => {
        const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (reason.length < REASON_LIMITS[0]) return { stay: true, say: [{ lines: [msg('register-too-short', { min: REASON_LIMITS[0] })] }] };
        if (reason.length > REASON_LIMITS[1]) return { stay: true, say: [{ lines: [msg('register-too-long', { max: REASON_LIMITS[1], length: reason.length })] }] };
        return { done: true, say: await vote(ctx, d.id, d.decision, reason) };
      },
    },
  },
};

export const reviewFeature: Feature = {
  commands: { duyet: (ctx) => showQueue(ctx) },
  actions: {
    rv: async (ctx, payload) => {
      if (!ctx.roles.council) return [{ lines: [msg('access-denied', { audience: 'council' })] }];
      if (payload === 'open') return showQueue(ctx);
      const [op, raw] = payload.split(':');
      const id = parseId(raw);
      if (id === undefined) return [{ lines: [msg('action-expired')] }];
      if (op === 'n') return showQueue(ctx, id);
      const decision = DECISIONS[op ?? ''];
      if (!decision) return [{ lines: [msg('action-expired')] }];
      if (decision === 'APPROVE') return vote(ctx, id, decision);
      // Refuse before asking for a reason that could not be used.
      const n = await ctx.services.nominations.get(id);
      const refusal = !n ? 'not-found' : n.state !== 'SUBMITTED' ? 'not-open-for-vote' : (await ctx.services.nominations.votes(id)).some((v) => v.voterId === ctx.personId) ? 'already-voted' : null;
      if (refusal) return [{ lines: [msg('review-error', { code: refusal })] }, ...(await showQueue(ctx))];
      return ctx.services.dialogs.start(ctx, VOTE_DIALOG, 'reason', { id, decision } satisfies VoteData);
    },
  },
};
