import { describe, expect, it } from 'vitest';
import type { VoteDecision, VoteRule } from '../../../src/core/nominations/model.ts';
import { decide, isDeadlocked, parseVoteRule } from '../../../src/core/nominations/voting.ts';

const t = (AGREE: number, ASK_CHANGES = 0, DISAGREE = 0): Record<VoteDecision, number> => ({ AGREE, ASK_CHANGES, DISAGREE });
const majority: VoteRule = { kind: 'majority' };
const unanimous: VoteRule = { kind: 'unanimous' };
const count = (votes: number): VoteRule => ({ kind: 'count', votes });

describe('decide', () => {
  it.each([
    // [tally, councilSize, rule, expected]
    [t(0), 3, majority, null],
    [t(1), 3, majority, null],
    [t(2), 3, majority, 'AGREE'],
    [t(2), 4, majority, null], // half is not a majority
    [t(3), 4, majority, 'AGREE'],
    [t(1, 2), 3, majority, 'ASK_CHANGES'],
    [t(1, 1, 2), 3, majority, 'DISAGREE'],
    [t(2, 1, 1), 5, majority, null], // majority of ALL members, not of those who voted
    [t(3, 0, 0), 5, majority, 'AGREE'],
    [t(1), 1, majority, 'AGREE'],
    [t(2), 3, unanimous, null],
    [t(3), 3, unanimous, 'AGREE'],
    [t(2, 1), 3, unanimous, null],
    [t(0, 0, 3), 3, unanimous, 'DISAGREE'],
    [t(1), 5, count(2), null],
    [t(2), 5, count(2), 'AGREE'],
    [t(3, 2), 7, count(2), 'AGREE'], // several qualify: most votes wins
    [t(2, 2), 7, count(2), 'ASK_CHANGES'], // tie: the cautious outcome
    [t(2, 0, 2), 7, count(2), 'DISAGREE'],
    [t(2, 2, 2), 7, count(2), 'ASK_CHANGES'],
    [t(0, 2, 3), 7, count(2), 'DISAGREE'],
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

describe('isDeadlocked (every round ends: the chair is told)', () => {
  it.each([
    [t(1, 1, 1), 3, majority, true], // the three-way split
    [t(1, 1), 3, majority, false], // someone has not voted yet
    [t(2, 1), 3, majority, false], // decided, not deadlocked
    [t(2, 2), 4, majority, true], // even split
    [t(2, 1), 3, unanimous, true],
    [t(1, 1), 2, count(2), true],
    [t(0), 0, majority, false], // nobody may vote: the "open too long" check handles it
  ] as const)('%o of %i with %o → %s', (tally, councilSize, rule, expected) => {
    expect(isDeadlocked({ tally, councilSize, rule })).toBe(expected);
  });
});
