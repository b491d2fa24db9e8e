import { describe, expect, it } from 'vitest';
import { NominationError, type NominationState } from '../../../src/core/nominations/model.ts';
import { isDecided, transition, type NominationAction } from '../../../src/core/nominations/states.ts';

const STATES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'PROPOSED',
  'PROPOSED_HIGHER',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
] as const satisfies readonly NominationState[];
const ACTIONS = [
  'SUBMIT',
  'RESUBMIT',
  'PROPOSE',
  'RETURN',
  'REJECT',
  'NEW_ROUND',
  'WITHDRAW',
  'DECIDE',
  'DECLINE',
  'PROPOSE_HIGHER',
  'HIGHER_AWARD',
  'HIGHER_REFUSE',
] as const satisfies readonly NominationAction[];
// The lists above name every state and every action: a new one in src fails the typecheck here.
type Exhaustive<T extends never> = T;
export type _AllStates = Exhaustive<Exclude<NominationState, (typeof STATES)[number]>>;
export type _AllActions = Exhaustive<Exclude<NominationAction, (typeof ACTIONS)[number]>>;

// The Council proposes; the chairman (or the higher level) decides (plan IV.5; Law 06/2022 Art. 80).
const ALLOWED: Record<string, NominationState> = {
  'DRAFT SUBMIT': 'SUBMITTED',
  'RETURNED RESUBMIT': 'SUBMITTED',
  'RETURNED WITHDRAW': 'WITHDRAWN',
  'SUBMITTED PROPOSE': 'PROPOSED',
  'SUBMITTED RETURN': 'RETURNED',
  'SUBMITTED REJECT': 'REJECTED',
  'SUBMITTED NEW_ROUND': 'SUBMITTED',
  'SUBMITTED WITHDRAW': 'WITHDRAWN',
  'PROPOSED DECIDE': 'APPROVED',
  'PROPOSED DECLINE': 'REJECTED',
  'PROPOSED PROPOSE_HIGHER': 'PROPOSED_HIGHER',
  'PROPOSED_HIGHER HIGHER_AWARD': 'APPROVED',
  'PROPOSED_HIGHER HIGHER_REFUSE': 'PROPOSED',
};

const pairs = STATES.flatMap((from) => ACTIONS.map((action) => [from, action] as const));
const legal = pairs.filter(([from, action]) => `${from} ${action}` in ALLOWED);
const illegal = pairs.filter(([from, action]) => !(`${from} ${action}` in ALLOWED));

describe('nomination state machine', () => {
  it('has 13 legal and 83 illegal transitions', () => {
    expect(legal).toHaveLength(13);
    expect(illegal).toHaveLength(83);
  });

  it('reaches every state from DRAFT, and only the finished ones are dead ends', () => {
    // Walks the machine itself (not the table above): what `transition` allows from each state.
    const next = (from: NominationState) =>
      ACTIONS.flatMap((action) => {
        try {
          return [transition(from, action)];
        } catch {
          return [];
        }
      });
    const reached = new Set<NominationState>(['DRAFT']);
    for (let frontier: NominationState[] = ['DRAFT']; frontier.length > 0;) {
      frontier = frontier.flatMap(next).filter((s) => !reached.has(s));
      frontier.forEach((s) => reached.add(s));
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
    expect(STATES.filter((s) => next(s).length === 0)).toEqual(['APPROVED', 'REJECTED', 'WITHDRAWN']);
  });

  it.each(legal)('%s --%s--> allowed', (from, action) => {
    expect(transition(from, action)).toBe(ALLOWED[`${from} ${action}`]);
  });

  it.each(illegal)('%s --%s--> refused', (from, action) => {
    let caught: unknown;
    try {
      transition(from, action);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NominationError);
    expect((caught as NominationError).code).toBe('illegal-transition');
    expect((caught as NominationError).message).toBe(`cannot ${action} a ${from} nomination`);
  });

  it('knows the final states', () => {
    expect(STATES.filter(isDecided)).toEqual(['APPROVED', 'REJECTED', 'WITHDRAWN']);
  });
});
