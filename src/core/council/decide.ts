/**
 * After the Council: the decision chain (plan IV.5; Law 06/2022/QH15 Art. 80; domain-corrections
 * §2, §4). For a nomination the Council proposes, the council chair or the standing office records
 *
 * - the commune chairman's decision: its date, the title or form (only those valid ON THAT DATE,
 *   applicable to the nominee's subject type and in the commune chairman's power), its number
 *   (…/QĐ-UBND) → APPROVED; or
 * - a proposal to the higher level: the date the tờ trình was sent, the title or form (the higher
 *   level's; an unverified authority is said to be unverified), its number (…/TTr-UBND — a proposal
 *   has no decision number of its own) → PROPOSED_HIGHER; later its outcome: the higher level's
 *   decision number and date (→ APPROVED) or a refusal with its reason (→ PROPOSED again); or
 * - that the chairman does not recognise it (a reason) → REJECTED.
 *
 * "One achievement is not rewarded twice" (Art. 6) is checked by the repository across plans and
 * forms; when it objects, the dialog asks why this is a different achievement.
 *
 * @module
 */
import { applicableAwards, type AwardForm } from '../awards.ts';
import { msg, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { stepButton, type DialogDefinition, type StepResult } from '../dialog/engine.ts';
import { NominationError, type Nomination } from '../nominations/model.ts';
import { nominationRelevance } from '../nominations/relevance.ts';
import { formatPlanDate, parseTypedDate } from '../plan/dates.ts';
import { clip } from '../text/fold.ts';

export const DECIDE_DIALOG = 'decide';
export const OUTCOME_DIALOG = 'higher-outcome';
export const DECLINE_DIALOG = 'decline';

/** Who records decisions: the council chair or the standing office (administrators). */
export const mayRecordDecisions = (ctx: Ctx): boolean => ctx.roles.chair || ctx.roles.admin;

interface DecideData {
  id: number;
  /** COMMUNE: the chairman's decision; HIGHER: a tờ trình to the higher level. */
  mode: 'COMMUNE' | 'HIGHER';
  date?: string;
  awardCode?: string;
  number?: string;
}

const say = (key: string, args?: Record<string, string | number | Msg>): Reply[] => [{ lines: [msg(key, args)] }];
const NUMBER_LIMITS = [3, 60] as const;

async function nominationOf(ctx: Ctx, id: number): Promise<Nomination | null> {
  const n = await ctx.services.nominations.get(id);
  return n && n.planSlug === ctx.catalog.plan.id ? n : null;
}

/** An award's label: its name and who decides, an unverified authority said to be unverified. */
export function awardLabel(ctx: Ctx, f: AwardForm): Msg {
  return msg('award-option', {
    name: f.name[ctx.locale],
    authority: f.authorityName[ctx.locale],
    commune: f.authority === 'COMMUNE' ? 'yes' : 'no',
    verified: f.verified ? 'yes' : 'no',
  });
}

async function offered(ctx: Ctx, d: DecideData, n: Nomination): Promise<AwardForm[]> {
  return applicableAwards(await ctx.services.awardForms(), { subjectType: n.subjectType, date: d.date!, authority: d.mode });
}

/** Tells the proposing unit what was decided or sent upward (plain words, §6). */
async function tellUnit(ctx: Ctx, n: Nomination, key: string, line: Msg): Promise<void> {
  const officers = await ctx.services.roles.officersOf({ planSlug: ctx.catalog.plan.id, unitCode: n.unitCode });
  const now = (await ctx.services.nominations.get(n.id)) ?? n;
  await ctx.services.notifier.notify(
    [...new Set([n.proposerId, ...officers])].map((personId) => ({
      personId,
      key: `nomination:${n.id}:${key}:${personId}`,
      relevance: nominationRelevance(now),
      reply: { lines: [line], buttons: [[{ label: msg('nomination-open'), action: `nom:v:${n.id}` }]] },
    })),
  );
}

async function save(ctx: Ctx, d: DecideData, overrideReason?: string): Promise<StepResult<DecideData>> {
  if (!mayRecordDecisions(ctx)) return { done: true, say: say('access-denied', { audience: 'chair' }) };
  const n = await nominationOf(ctx, d.id);
  if (!n) return { done: true, say: say('nomination-not-found') };
  const forms = await ctx.services.awardForms();
  const form = forms.find((f) => f.code === d.awardCode);
  const award = form?.name[ctx.locale] ?? d.awardCode ?? '';
  const items = [{ nominationId: d.id, awardCode: d.awardCode!, overrideReason: overrideReason ?? null }];
  try {
    if (d.mode === 'COMMUNE') {
      await ctx.services.council.recordDecision({
        planSlug: ctx.catalog.plan.id,
        number: d.number!,
        signedOn: d.date!,
        items,
        byId: ctx.personId,
        now: ctx.now,
      });
    } else {
      await ctx.services.council.recordProposal({
        planSlug: ctx.catalog.plan.id,
        number: d.number!,
        sentOn: d.date!,
        toAuthority: form?.authorityName.vi ?? '',
        items,
        byId: ctx.personId,
        now: ctx.now,
      });
    }
  } catch (error) {
    if (error instanceof NominationError && error.code === 'already-commended' && overrideReason === undefined) return { next: 'over', data: d };
    if (error instanceof NominationError) return { done: true, say: say('review-error', { code: error.code }) };
    throw error;
  }
  const args = { id: n.id, name: n.nomineeName, award, number: d.number!, date: formatPlanDate(d.date!) };
  if (d.mode === 'COMMUNE') {
    await tellUnit(ctx, n, `decided:${d.number}`, msg('notice-decided', args));
    return { done: true, say: say('decide-saved', args) };
  }
  await tellUnit(ctx, n, `proposed-higher:${d.number}`, msg('notice-proposed-higher', { ...args, authority: form?.authorityName[ctx.locale] ?? '' }));
  return { done: true, say: say('propose-higher-saved', args) };
}

export const decideDialog: DialogDefinition<Ctx, DecideData> = {
  kind: DECIDE_DIALOG,
  allowed: (ctx) => mayRecordDecisions(ctx),
  steps: {
    date: {
      prompt: (_ctx, d) => ({ lines: [msg(d.mode === 'COMMUNE' ? 'decide-ask-date' : 'propose-higher-ask-date')] }),
      handle: (ctx, d, input) => {
        const date = parseTypedDate(input.text ?? '');
        if (!date) return { stay: true, say: say('commend-date-invalid') };
        if (date > ctx.today) return { stay: true, say: say('commend-date-future') };
        return { next: 'award', data: { ...d, date } };
      },
    },
    award: {
      prompt: async (ctx, d) => {
        const n = await nominationOf(ctx, d.id);
        const forms = n ? await offered(ctx, d, n) : [];
        const type = msg('subject-type', { type: n?.subjectType ?? 'INDIVIDUAL' });
        if (forms.length === 0) return { lines: [msg('decide-no-award', { type, date: formatPlanDate(d.date!), mode: d.mode })] };
        return {
          lines: [msg('decide-ask-award', { type, date: formatPlanDate(d.date!) })],
          buttons: forms.map((f) => [stepButton('award', awardLabel(ctx, f), f.code)]),
        };
      },
      handle: async (ctx, d, input) => {
        const n = await nominationOf(ctx, d.id);
        const form = n ? (await offered(ctx, d, n)).find((f) => f.code === input.value) : undefined;
        if (!form) return { stay: true, say: say('register-choose-button') };
        return { next: 'num', data: { ...d, awardCode: form.code } };
      },
    },
    num: {
      prompt: (_ctx, d) => ({ lines: [msg(d.mode === 'COMMUNE' ? 'decide-ask-number' : 'propose-higher-ask-number')] }),
      handle: (_ctx, d, input) => {
        const value = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (value.length < NUMBER_LIMITS[0] || value.length > NUMBER_LIMITS[1]) return { stay: true, say: say('commend-number-invalid') };
        return { next: 'confirm', data: { ...d, number: value } };
      },
    },
    confirm: {
      prompt: async (ctx, d) => {
        const n = await nominationOf(ctx, d.id);
        const form = (await ctx.services.awardForms()).find((f) => f.code === d.awardCode && f.validFrom <= d.date! && d.date! <= (f.validTo ?? '9999-12-31'));
        const lines: Msg[] = [
          msg(d.mode === 'COMMUNE' ? 'decide-confirm' : 'propose-higher-confirm', {
            id: d.id,
            name: n?.nomineeName ?? '',
            award: form?.name[ctx.locale] ?? d.awardCode ?? '',
            number: d.number!,
            date: formatPlanDate(d.date!),
            authority: form?.authorityName[ctx.locale] ?? '',
          }),
        ];
        if (form && !form.verified) lines.push(msg('award-unverified', { authority: form.authorityName[ctx.locale], source: form.legalBasis }));
        return { lines, buttons: [[stepButton('confirm', msg('review-confirm-yes'), 'ok')]] };
      },
      handle: (ctx, d, input) => (input.value === 'ok' ? save(ctx, d) : { stay: true, say: say('register-choose-button') }),
    },
    over: {
      prompt: () => ({ lines: [msg('commend-override-ask')] }),
      noBack: true,
      handle: (ctx, d, input) => {
        const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (reason.length < 5) return { stay: true, say: say('register-too-short', { min: 5 }) };
        return save(ctx, d, clip(reason, 1000));
      },
    },
  },
};

interface OutcomeData {
  id: number;
  proposalId: number;
  outcome: 'AWARDED' | 'REFUSED';
  number?: string;
}

async function saveOutcome(ctx: Ctx, d: OutcomeData, last: { date?: string; reason?: string }): Promise<StepResult<OutcomeData>> {
  if (!mayRecordDecisions(ctx)) return { done: true, say: say('access-denied', { audience: 'chair' }) };
  const n = await nominationOf(ctx, d.id);
  if (!n) return { done: true, say: say('nomination-not-found') };
  const base = { proposalId: d.proposalId, nominationId: d.id, byId: ctx.personId, now: ctx.now };
  try {
    if (d.outcome === 'AWARDED')
      await ctx.services.council.recordProposalOutcome({ ...base, outcome: 'AWARDED', decision: { number: d.number!, signedOn: last.date! } });
    else await ctx.services.council.recordProposalOutcome({ ...base, outcome: 'REFUSED', reason: last.reason! });
  } catch (error) {
    if (error instanceof NominationError) return { done: true, say: say('review-error', { code: error.code }) };
    throw error;
  }
  const args = { id: n.id, name: n.nomineeName, number: d.number ?? '', date: last.date ? formatPlanDate(last.date) : '', reason: last.reason ?? '' };
  await tellUnit(ctx, n, `higher:${d.proposalId}:${d.outcome}`, msg(d.outcome === 'AWARDED' ? 'notice-higher-awarded' : 'notice-higher-refused', args));
  return { done: true, say: say(d.outcome === 'AWARDED' ? 'higher-awarded-saved' : 'higher-refused-saved', args) };
}

export const outcomeDialog: DialogDefinition<Ctx, OutcomeData> = {
  kind: OUTCOME_DIALOG,
  allowed: (ctx) => mayRecordDecisions(ctx),
  steps: {
    num: {
      prompt: () => ({ lines: [msg('higher-ask-number')] }),
      handle: (_ctx, d, input) => {
        const value = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (value.length < NUMBER_LIMITS[0] || value.length > NUMBER_LIMITS[1]) return { stay: true, say: say('commend-number-invalid') };
        return { next: 'date', data: { ...d, number: value } };
      },
    },
    date: {
      prompt: () => ({ lines: [msg('higher-ask-date')] }),
      handle: (ctx, d, input) => {
        const date = parseTypedDate(input.text ?? '');
        if (!date) return { stay: true, say: say('commend-date-invalid') };
        if (date > ctx.today) return { stay: true, say: say('commend-date-future') };
        return saveOutcome(ctx, d, { date });
      },
    },
    reason: {
      prompt: () => ({ lines: [msg('higher-ask-refusal')] }),
      handle: (ctx, d, input) => {
        const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (reason.length < 5) return { stay: true, say: say('register-too-short', { min: 5 }) };
        return saveOutcome(ctx, d, { reason: clip(reason, 1000) });
      },
    },
  },
};

export const declineDialog: DialogDefinition<Ctx, { id: number }> = {
  kind: DECLINE_DIALOG,
  allowed: (ctx) => mayRecordDecisions(ctx),
  steps: {
    reason: {
      prompt: (_ctx, d) => ({ lines: [msg('decline-ask-reason', { id: d.id })] }),
      handle: async (ctx, d, input) => {
        if (!mayRecordDecisions(ctx)) return { done: true, say: say('access-denied', { audience: 'chair' }) };
        const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (reason.length < 5) return { stay: true, say: say('register-too-short', { min: 5 }) };
        const n = await nominationOf(ctx, d.id);
        if (!n) return { done: true, say: say('nomination-not-found') };
        try {
          await ctx.services.council.decline({ nominationId: d.id, reason: clip(reason, 1000), byId: ctx.personId, now: ctx.now });
        } catch (error) {
          if (error instanceof NominationError) return { done: true, say: say('review-error', { code: error.code }) };
          throw error;
        }
        await tellUnit(ctx, n, 'declined', msg('notice-declined', { id: n.id, name: n.nomineeName, reason }));
        return { done: true, say: say('decline-saved', { id: n.id }) };
      },
    },
  },
};

/**
 * `qd:` actions on a nomination's record: `d` decision, `p` proposal upward, `x` decline (PROPOSED);
 * `a` higher level awarded, `f` higher level refused (PROPOSED_HIGHER).
 */
export async function decisionAction(ctx: Ctx, payload: string): Promise<Reply[]> {
  if (!mayRecordDecisions(ctx)) return say('access-denied', { audience: 'chair' });
  const [op, raw] = payload.split(':');
  const n = Number.isSafeInteger(Number(raw)) ? await nominationOf(ctx, Number(raw)) : null;
  if (!n) return say('nomination-not-found');
  const dialogs = ctx.services.dialogs;
  if (op === 'd' || op === 'p' || op === 'x') {
    if (n.state !== 'PROPOSED') return say('review-error', { code: 'not-proposed' });
    if (op === 'x') return dialogs.start(ctx, DECLINE_DIALOG, 'reason', { id: n.id });
    return dialogs.start(ctx, DECIDE_DIALOG, 'date', { id: n.id, mode: op === 'd' ? 'COMMUNE' : 'HIGHER' } satisfies DecideData);
  }
  if (op === 'a' || op === 'f') {
    if (n.state !== 'PROPOSED_HIGHER') return say('review-error', { code: 'not-proposed-higher' });
    const pending = (await ctx.services.council.awardsOf(n.id)).proposals.find((p) => p.outcome === 'PENDING');
    if (!pending) return say('review-error', { code: 'not-proposed-higher' });
    const data: OutcomeData = { id: n.id, proposalId: pending.proposalId, outcome: op === 'a' ? 'AWARDED' : 'REFUSED' };
    return dialogs.start(ctx, OUTCOME_DIALOG, op === 'a' ? 'num' : 'reason', data);
  }
  return [{ lines: [msg('action-expired')] }];
}
