import { describe, expect, it } from 'vitest';
import { correctTokens, editDistance, expandAbbreviations, isClearlyEnglish } from '../../../src/core/qa/normalize.ts';

describe('question normalisation', () => {
  it.each([
    ['tc y tế', 'tieu chi y te'],
    ['ct của tyt', 'chi tieu cua tram y te'],
    ['CT UBND xã quyết định', 'chu tich uy ban nhan dan xa quyet dinh'],
    ['hđtđkt', 'hoi dong thi dua khen thuong'],
    ['HS gồm j', 'ho so gom gi'],
    ['gđvh, ldtt?', 'gia dinh van hoa lao dong tien tien'],
    ['nộp kh ko', 'nop ke hoach khong'],
    ['trạm y tế'.normalize('NFD'), 'tram y te'],
  ])('%j → %j', (input, folded) => {
    expect(expandAbbreviations(input).join(' ')).toBe(folded);
  });

  it('corrects a small typo and splits words typed together, but leaves numbers and short words alone', () => {
    const vocab = new Map([
      ['tieu', 5],
      ['chi', 9],
      ['truong', 2],
      ['hoc', 3],
      ['han', 2],
    ]);
    expect(correctTokens(['tieuchi', 'truongg', 'hoc', '2025', 'ha'], vocab)).toEqual(['tieu', 'chi', 'truong', 'hoc', '2025', 'ha']);
    expect(correctTokens(['xyzzy'], vocab)).toEqual(['xyzzy']);
  });

  it('measures edit distance with adjacent swaps as one edit and stops early', () => {
    expect(editDistance('tieu', 'tiue')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it.each([
    ['When is the deadline?', true],
    ['who decides the awards', true],
    ['What are the criteria for a school?', true],
    ['ok', false],
    ['hello', false],
    ['tieu chi y te', false],
    ['deadline nộp kế hoạch', false],
    ['deadline nop ke hoach', false],
  ])('%j is clearly English: %s', (q, english) => {
    expect(isClearlyEnglish(q)).toBe(english);
  });
});
