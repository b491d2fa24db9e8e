/**
 * The life of a nomination (Đăng ký / đề nghị điển hình) as a state machine. Pure.
 *
 *   DRAFT --SUBMIT--> SUBMITTED (a council round is open)
 *   SUBMITTED --PROPOSE--> PROPOSED        Hội đồng thống nhất đề nghị (advice, plan IV.5)
 *             --RETURN---> RETURNED        đề nghị bổ sung --RESUBMIT--> SUBMITTED (next round)
 *             --REJECT---> REJECTED        Hội đồng không đề nghị
 *             --NEW_ROUND--> SUBMITTED     the council chair opens another round
 *             --WITHDRAW--> WITHDRAWN      the unit withdraws it (also from RETURNED)
 *   PROPOSED  --DECIDE---> APPROVED        Chủ tịch UBND xã quyết định công nhận (Law 06/2022 Art. 80(3))
 *             --DECLINE--> REJECTED        the chairman does not recognise it
 *             --PROPOSE_HIGHER--> PROPOSED_HIGHER   tờ trình to the higher level
 *   PROPOSED_HIGHER --HIGHER_AWARD--> APPROVED      the higher level's decision
 *                   --HIGHER_REFUSE--> PROPOSED     back to the chairman
 *
 * APPROVED, REJECTED and WITHDRAWN are final: a finished nomination never changes state again (it
 * can only be annotated — not a transition).
 *
 * @module
 */
import { NominationError, type NominationState, type RoundOutcome } from './model.ts';

export type NominationAction =
  | 'SUBMIT'
  | 'RESUBMIT'
  | 'PROPOSE'
  | 'RETURN'
  | 'REJECT'
  | 'NEW_ROUND'
  | 'WITHDRAW'
  | 'DECIDE'
  | 'DECLINE'
  | 'PROPOSE_HIGHER'
  | 'HIGHER_AWARD'
  | 'HIGHER_REFUSE';

const TRANSITIONS: Readonly<Record<NominationState, Partial<Record<NominationAction, NominationState>>>> = {
  DRAFT: { SUBMIT: 'SUBMITTED' },
  SUBMITTED: { PROPOSE: 'PROPOSED', RETURN: 'RETURNED', REJECT: 'REJECTED', NEW_ROUND: 'SUBMITTED', WITHDRAW: 'WITHDRAWN' },
  RETURNED: { RESUBMIT: 'SUBMITTED', WITHDRAW: 'WITHDRAWN' },
  PROPOSED: { DECIDE: 'APPROVED', DECLINE: 'REJECTED', PROPOSE_HIGHER: 'PROPOSED_HIGHER' },
  PROPOSED_HIGHER: { HIGHER_AWARD: 'APPROVED', HIGHER_REFUSE: 'PROPOSED' },
  APPROVED: {},
  REJECTED: {},
  WITHDRAWN: {},
};

/**
 * The state a nomination reaches by `action`.
 * @throws NominationError('illegal-transition', 'cannot <action> a <from> nomination') when the
 *   action is not allowed from `from`.
 */
export function transition(from: NominationState, action: NominationAction): NominationState {
  const to = TRANSITIONS[from]?.[action];
  if (to === undefined) throw new NominationError('illegal-transition', `cannot ${action} a ${from} nomination`);
  return to;
}

/** True for the final states APPROVED, REJECTED and WITHDRAWN. */
export function isDecided(state: NominationState): boolean {
  return state === 'APPROVED' || state === 'REJECTED' || state === 'WITHDRAWN';
}

/** True while the Council has proposed it and a decision (commune or higher) is awaited. */
export function awaitsDecision(state: NominationState): boolean {
  return state === 'PROPOSED' || state === 'PROPOSED_HIGHER';
}

/** The round outcome a vote kind leads to (Đồng ý → đề nghị; bổ sung → trả lại; không đồng ý → không đề nghị). */
export const OUTCOME_OF_VOTE = { AGREE: 'PROPOSE', ASK_CHANGES: 'RETURN', DISAGREE: 'REJECT' } as const satisfies Record<string, RoundOutcome>;
