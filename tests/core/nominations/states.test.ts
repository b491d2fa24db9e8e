import { describe, expect, it } from 'vitest';
import { NominationError, type NominationState } from '../../../src/core/nominations/model.ts';
import { isDecided, transition, type NominationAction } from '../../../src/core/nominations/states.ts';

const STATES: NominationState[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED'];
const ACTIONS: NominationAction[] = ['SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'REJECT'];

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
  it('has 5 legal and 20 illegal transitions', () => {
    expect(legal).toHaveLength(5);
    expect(illegal).toHaveLength(20);
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
