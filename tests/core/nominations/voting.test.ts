import { describe, expect, it } from 'vitest';
import type { VoteDecision, VoteRule } from '../../../src/core/nominations/model.ts';
import { decide, parseVoteRule } from '../../../src/core/nominations/voting.ts';

const t = (APPROVE: number, RETURN = 0, REJECT = 0): Record<VoteDecision, number> => ({ APPROVE, RETURN, REJECT });
const majority: VoteRule = { kind: 'majority' };
const unanimous: VoteRule = { kind: 'unanimous' };
const count = (votes: number): VoteRule => ({ kind: 'count', votes });

describe('decide', () => {
  it.each([
    // [tally, councilSize, rule, expected]
    [t(0), 3, majority, null],
    [t(1), 3, majority, null],
    [t(2), 3, majority, 'APPROVE'],
    [t(2), 4, majority, null], // half is not a majority
    [t(3), 4, majority, 'APPROVE'],
    [t(1, 2), 3, majority, 'RETURN'],
    [t(1, 1, 2), 3, majority, 'REJECT'],
    [t(2, 1, 1), 5, majority, null], // majority of ALL members, not of those who voted
    [t(3, 0, 0), 5, majority, 'APPROVE'],
    [t(1), 1, majority, 'APPROVE'],
    [t(2), 3, unanimous, null],
    [t(3), 3, unanimous, 'APPROVE'],
    [t(2, 1), 3, unanimous, null],
    [t(0, 0, 3), 3, unanimous, 'REJECT'],
    [t(1), 5, count(2), null],
    [t(2), 5, count(2), 'APPROVE'],
    [t(3, 2), 7, count(2), 'APPROVE'], // several qualify: most votes wins
    [t(2, 2), 7, count(2), 'RETURN'], // tie: the cautious outcome
    [t(2, 0, 2), 7, count(2), 'REJECT'],
    [t(2, 2, 2), 7, count(2), 'RETURN'],
    [t(0, 2, 3), 7, count(2), 'REJECT'],
  ] as const)('%o of %i with %o → %s', (tally, councilSize, rule, expected) => {
    expect(decide({ tally, councilSize, rule })).toBe(expected);
  });

  it('never decides for an empty council', () => {
    expect(decide({ tally: t(3), councilSize: 0, rule: majority })).toBeNull();
    expect(decide({ tally: t(3), councilSize: -1, rule: count(1) })).toBeNull();
    expect(decide({ tally: t(0), councilSize: 0, rule: unanimous })).toBeNull();
  });
});

describe('parseVoteRule', () => {
  it.each([
    ['majority', majority],
    ['unanimous', unanimous],
    [' Majority ', majority],
    ['3', count(3)],
    ['1', count(1)],
  ] as const)('%j → %o', (text, rule) => {
    expect(parseVoteRule(text)).toEqual(rule);
  });

  it.each(['', 'most', '0', '-1', '2.5', '3 votes', '1e3', '99999999999999999999'])('refuses %j with a clear message', (text) => {
    expect(() => parseVoteRule(text)).toThrow(/expected "majority", "unanimous" or a positive whole number/);
  });
});
