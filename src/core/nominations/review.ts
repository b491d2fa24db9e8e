/**
 * `/duyet` (alias `/review`): "Xét hồ sơ đề nghị" — council members give their advice on submitted
 * nominations, oldest first (plan IV.5: the Council "tham mưu, đề xuất"; the chairman decides).
 *
 * - A vote is advice: Đồng ý / Đề nghị bổ sung / Không đồng ý (a reason is needed for the last
 *   two), and it is recorded only after the member confirms it.
 * - A member may change their vote while the round is open ("Đổi ý kiến").
 * - A vote button belongs to one round: a button of an earlier round (or of a nomination that moved
 *   on) records nothing, says "Nút này đã hết hiệu lực." and shows the current version.
 * - Nobody votes on a nomination they proposed: it is not in their queue, and a tap is refused.
 * - When the council's rule is met the round ends with the council's result (proposed / returned
 *   / not proposed) and the proposing unit is told; when every member has voted without a result,
 *   the council chair is told (see `../council/chair.ts`).
 */
import { selfCheckScore } from '../criteria/applicability.ts';
import { msg, type Button, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { tellChairsStalled, tellDecisionMakers } from '../council/notices.ts';
import type { DialogDefinition } from '../dialog/engine.ts';
import { stepButton } from '../dialog/engine.ts';
import { asSentence, clip } from '../text/fold.ts';
import { NominationError, type CastVoteResult, type Nomination, type VoteDecision } from './model.ts';
import { nominationRelevance } from './relevance.ts';
import { fullView } from './view.ts';
import { parseId } from '../ids.ts';

export const VOTE_DIALOG = 'vote';
const REASON_LIMITS = [5, 1000] as const;

interface VoteData {
  id: number;
  round: number;
  decision: VoteDecision;
  reason?: string;
}

const LETTERS: Record<string, VoteDecision> = { a: 'AGREE', c: 'ASK_CHANGES', d: 'DISAGREE' };
const LETTER_OF: Record<VoteDecision, string> = { AGREE: 'a', ASK_CHANGES: 'c', DISAGREE: 'd' };

/** The three vote buttons of one round of one nomination (`rv:v:<id>:<round>:<a|c|d>`). */
export function voteButtons(n: Pick<Nomination, 'id' | 'round'>): Button[] {
  return (['AGREE', 'ASK_CHANGES', 'DISAGREE'] as const).map((decision) => ({
    label: msg('review-vote-button', { decision }),
    action: `rv:v:${n.id}:${n.round}:${LETTER_OF[decision]}`,
  }));
}

/** A nomination open for my vote, with the vote buttons (and my current vote, when I voted). */
async function votingView(ctx: Ctx, n: Nomination, extra: Button[][] = []): Promise<Reply> {
  const view = await fullView(ctx, n);
  const mine = (await ctx.services.nominations.votes(n.id)).find((v) => v.voterId === ctx.personId);
  const lines = mine ? [...view.lines, msg('review-my-vote', { decision: mine.decision, round: n.round })] : view.lines;
  return { ...view, lines, buttons: [voteButtons(n), ...extra] };
}

/** The first nomination of my queue after `afterId` (or the first one), shown with vote buttons. */
async function showQueue(ctx: Ctx, afterId?: number): Promise<Reply[]> {
  const queue = (await ctx.services.nominations.reviewQueue({ planSlug: ctx.catalog.plan.id, voterId: ctx.personId })).filter(
    (n) => n.proposerId !== ctx.personId,
  );
  if (queue.length === 0) return [{ lines: [msg('review-empty')] }];
  const index = afterId === undefined ? 0 : queue.findIndex((n) => n.id === afterId) + 1;
  const n = queue[index % queue.length]!;
  const next = queue.length > 1 ? [[{ label: msg('review-next'), action: `rv:n:${n.id}` }]] : [];
  return [{ lines: [msg('review-queue', { count: queue.length })] }, await votingView(ctx, n, next)];
}

/** A stale button: nothing recorded; the nomination as it is now. */
export async function staleButton(ctx: Ctx, id: number): Promise<Reply[]> {
  const n = await ctx.services.nominations.get(id);
  if (!n) return [{ lines: [msg('action-stale')] }];
  const current = n.state === 'SUBMITTED' && n.proposerId !== ctx.personId && ctx.roles.council ? await votingView(ctx, n) : await fullView(ctx, n);
  return [{ lines: [msg('action-stale')] }, current];
}

/** The tally line after a vote: counts, who may vote, who abstains and why. */
function tallyReply(id: number, decision: VoteDecision, result: CastVoteResult): Reply {
  return {
    lines: [
      msg(result.changed ? 'review-changed' : 'review-recorded', { id, decision, round: result.round }),
      msg('review-tally', { agree: result.tally.AGREE, changes: result.tally.ASK_CHANGES, disagree: result.tally.DISAGREE, eligible: result.eligible }),
      ...result.abstained.map((a) => msg('review-abstained', { name: a.name, why: a.why })),
    ],
    buttons: result.decided ? [] : [[{ label: msg('review-change-vote'), action: `rv:o:${id}` }]],
  };
}

/** Records a confirmed vote, tells whom it concerns, and moves on to the next nomination. */
async function vote(ctx: Ctx, d: VoteData): Promise<Reply[]> {
  if (!ctx.roles.council) return [{ lines: [msg('access-denied', { audience: 'council' })] }];
  const { nominations, roles, settings } = ctx.services;
  const members = await roles.councilMembers();
  let result: CastVoteResult;
  try {
    result = await nominations.castVote({
      id: d.id,
      round: d.round,
      voterId: ctx.personId,
      decision: d.decision,
      reason: d.reason,
      members,
      rule: settings.voteRule,
      now: ctx.now,
    });
  } catch (error) {
    if (error instanceof NominationError && (error.code === 'stale-round' || error.code === 'not-open-for-vote')) return staleButton(ctx, d.id);
    if (error instanceof NominationError) return [{ lines: [msg('review-error', { code: error.code })] }, ...(await showQueue(ctx))];
    throw error;
  }
  const n = (await nominations.get(d.id))!;
  const replies: Reply[] = [tallyReply(d.id, d.decision, result)];
  if (result.decided) {
    const outcome = result.decided.outcome;
    replies.push({ lines: [msg('review-decided', { id: n.id, name: n.nomineeName, outcome })] });
    await tellOutcome(
      ctx,
      n,
      outcome,
      result.decided.reasons.map((r) => `${r.voterName}: ${r.reason}`),
    );
    if (outcome === 'PROPOSE') await tellDecisionMakers(ctx, n);
  }
  if (result.stalled) {
    replies.push({ lines: [msg('review-stalled-told')] });
    await tellChairsStalled(ctx, n, 'ALL_VOTED');
  }
  return [...replies, ...(await showQueue(ctx))];
}

/**
 * The council's result told to the proposing officer and the unit's other officers, in plain words
 * (domain-corrections §6): proposed to the chairman, returned for changes, or not proposed — kindly,
 * with what was recognised, when it is not proposed.
 */
export async function tellOutcome(ctx: Ctx, n: Nomination, outcome: 'PROPOSE' | 'RETURN' | 'REJECT', reasons: string[]): Promise<void> {
  const officers = await ctx.services.roles.officersOf({ planSlug: ctx.catalog.plan.id, unitCode: n.unitCode });
  const people = [...new Set([n.proposerId, ...officers])];
  // The texts put the reason at the end of a line: it ends as a sentence, never with a doubled stop.
  const reason = asSentence(reasons.join('; ') || '-');
  const c = ctx.catalog.categoryByCode.get(n.categoryCode);
  const reply: Reply =
    outcome === 'PROPOSE'
      ? { lines: [msg('notice-proposed', { id: n.id, name: n.nomineeName })], buttons: [[{ label: msg('nomination-open'), action: `nom:v:${n.id}` }]] }
      : outcome === 'RETURN'
        ? {
            lines: [msg('notice-returned', { id: n.id, name: n.nomineeName, reason })],
            buttons: [[{ label: msg('nomination-edit'), action: `nom:e:${n.id}` }]],
          }
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
  const relevance = nominationRelevance(n);
  await ctx.services.notifier.notify(
    people.map((personId) => ({ personId, key: `nomination:${n.id}:decided:r${n.round}:${outcome}:${personId}`, reply, relevance })),
  );
}

export const voteDialog: DialogDefinition<Ctx, VoteData> = {
  kind: VOTE_DIALOG,
  allowed: (ctx) => ctx.roles.council,
  steps: {
    reason: {
      prompt: (_ctx, d) => ({ lines: [msg('review-ask-reason', { decision: d.decision, id: d.id })] }),
      handle: (_ctx, d, input) => {
        const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (reason.length < REASON_LIMITS[0]) return { stay: true, say: [{ lines: [msg('register-too-short', { min: REASON_LIMITS[0] })] }] };
        if (reason.length > REASON_LIMITS[1])
          return { stay: true, say: [{ lines: [msg('register-too-long', { max: REASON_LIMITS[1], length: reason.length })] }] };
        return { next: 'confirm', data: { ...d, reason } };
      },
    },
    confirm: {
      prompt: (_ctx, d) => ({
        lines: [
          msg('review-confirm', { decision: d.decision, id: d.id, round: d.round }),
          ...(d.reason ? [msg('review-confirm-reason', { reason: d.reason })] : []),
        ],
        buttons: [[stepButton('confirm', msg('review-confirm-yes'), 'ok')]],
      }),
      handle: async (ctx, d, input) =>
        input.value === 'ok' ? { done: true, say: await vote(ctx, d) } : { stay: true, say: [{ lines: [msg('register-choose-button')] }] },
    },
  },
};

/** `rv:v:<id>:<round>:<a|c|d>`: a vote button. Checks it is still current, then asks to confirm. */
async function tapVote(ctx: Ctx, parts: string[]): Promise<Reply[]> {
  const [rawId, rawRound, letter] = parts;
  const id = parseId(rawId);
  const round = parseId(rawRound);
  const decision = LETTERS[letter ?? ''];
  if (id === undefined || round === undefined || !decision) return [{ lines: [msg('action-expired')] }];
  const n = await ctx.services.nominations.get(id);
  if (!n || n.planSlug !== ctx.catalog.plan.id) return [{ lines: [msg('nomination-not-found')] }];
  if (n.state !== 'SUBMITTED' || n.round !== round) return staleButton(ctx, id);
  if (n.proposerId === ctx.personId) return [{ lines: [msg('review-error', { code: 'own-nomination' })] }];
  const data: VoteData = { id, round, decision };
  return ctx.services.dialogs.start(ctx, VOTE_DIALOG, decision === 'AGREE' ? 'confirm' : 'reason', data);
}

export const reviewFeature: Feature = {
  commands: { duyet: (ctx) => showQueue(ctx) },
  actions: {
    rv: async (ctx, payload) => {
      if (!ctx.roles.council) return [{ lines: [msg('access-denied', { audience: 'council' })] }];
      if (payload === 'open') return showQueue(ctx);
      const [op, ...rest] = payload.split(':');
      if (op === 'v') return tapVote(ctx, rest);
      const id = parseId(rest[0]);
      if (id === undefined) return [{ lines: [msg('action-expired')] }];
      if (op === 'n') return showQueue(ctx, id);
      if (op === 'o') {
        const n = await ctx.services.nominations.get(id);
        if (!n || n.planSlug !== ctx.catalog.plan.id) return [{ lines: [msg('nomination-not-found')] }];
        if (n.state !== 'SUBMITTED') return staleButton(ctx, id);
        if (n.proposerId === ctx.personId) return [{ lines: [msg('review-error', { code: 'own-nomination' })] }, await fullView(ctx, n)];
        return [await votingView(ctx, n)];
      }
      // Buttons of the old layout (rv:a:/rv:r:/rv:x:<id>) carry no round: they are stale.
      if (op === 'a' || op === 'r' || op === 'x') return staleButton(ctx, id);
      return [{ lines: [msg('action-expired')] }];
    },
  },
};
