import { describe, expect, it } from 'vitest';
import { NominationError, type NominationState } from '../../../src/core/nominations/model.ts';
import { isDecided, transition, type NominationAction } from '../../../src/core/nominations/states.ts';

const STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED'] as const satisfies readonly NominationState[];
const ACTIONS = ['SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'REJECT'] as const satisfies readonly NominationAction[];
// The lists above name every state and every action: a new one in src fails the typecheck here.
type Exhaustive<T extends never> = T;
export type _AllStates = Exhaustive<Exclude<NominationState, (typeof STATES)[number]>>;
export type _AllActions = Exhaustive<Exclude<NominationAction, (typeof ACTIONS)[number]>>;

const ALLOWED: Record<string, NominationState> = {
  'DRAFT SUBMIT': 'SUBMITTED',
  'RETURNED RESUBMIT': 'SUBMITTED',
  'SUBMITTED APPROVE': 'APPROVED',
  'SUBMITTED RETURN': 'RETURNED',
  'SUBMITTED REJECT': 'REJECTED',
};

const pairs = STATES.flatMap((from) => ACTIONS.map((action) => [from, action] as const));
const legal = pairs.filter(([from, action]) => `${from} ${action}` in ALLOWED);
const illegal = pairs.filter(([from, action]) => !(`${from} ${action}` in ALLOWED));

describe('nomination state machine', () => {
  it('reaches every state from DRAFT, and only the decided ones are dead ends', () => {
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
    for (let frontier: NominationState[] = ['DRAFT']; frontier.length > 0; ) {
      frontier = frontier.flatMap(next).filter((s) => !reached.has(s));
      frontier.forEach((s) => reached.add(s));
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
    expect(STATES.filter((s) => next(s).length === 0)).toEqual(['APPROVED', 'REJECTED']);
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
    expect(STATES.filter(isDecided)).toEqual(['APPROVED', 'REJECTED']);
  });
});
