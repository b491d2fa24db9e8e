import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundaryAtOrBefore, truncate, truncateBytes } from '../../../src/core/text/truncate.ts';
import { clip } from '../../../src/core/text/fold.ts';
import { isGraphemePrefix, NASTY, wellFormed } from '../../helpers/graphemes.ts';

describe('truncate: never inside a grapheme cluster', () => {
  for (const [name, g] of Object.entries(NASTY)) {
    it(`keeps ${name} whole at every cut position`, () => {
      const input = `Xã Ia Bang ${g}${g} cuối`;
      for (let max = 0; max <= input.length + 1; max++) {
        const out = truncate(input, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(wellFormed(out)).toBe(true);
        const body = out.endsWith('…') && out !== input ? out.slice(0, -1) : out;
        expect(isGraphemePrefix(body, input) || isGraphemePrefix(body, input.trimEnd())).toBe(true);
      }
    });
  }

  it('returns text that fits unchanged, and ends a cut with one ellipsis without spaces before it', () => {
    expect(truncate('Trạm Y tế', 9)).toBe('Trạm Y tế');
    expect(truncate('Trạm Y tế xã', 8)).toBe('Trạm Y…');
    expect(clip('Chúc mừng 🎉🎉', 11)).toBe('Chúc mừng…');
    expect(truncate('Tiến👍🏽', 5)).toBe('Tiến…');
    expect(truncate('abcdef', 3, { ellipsis: '' })).toBe('abc');
  });

  it('counts code points when asked (Zalo) and never splits a pair either', () => {
    const s = '🎉'.repeat(5);
    expect(truncate(s, 5, { unit: 'codepoint' })).toBe(s);
    expect(truncate(s, 3, { unit: 'codepoint' })).toBe('🎉🎉…');
  });

  it('cuts UTF-8 bytes at a grapheme boundary (callback data)', () => {
    expect(truncateBytes('ab👍🏽c', 5)).toBe('ab');
    expect(truncateBytes('ab👍🏽c', 10)).toBe('ab👍🏽');
    expect(truncateBytes('e\u0323\u0302e', 3)).toBe('');
    expect(truncateBytes('e\u0323\u0302e', 5)).toBe('e\u0323\u0302');
  });

  it('keeps a flag pair whole even after a long run of flags (parity from far left)', () => {
    const flags = '🇻🇳'.repeat(100);
    for (const at of [99, 100, 101, 150, 151]) {
      const b = boundaryAtOrBefore(flags, at);
      expect(b % 4).toBe(0);
    }
  });
});

describe('truncate: segments only near the cut', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never hands the whole of a long text to Intl.Segmenter', () => {
    const seen: number[] = [];
    const original = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, s: string) {
      seen.push(s.length);
      return original.call(this, s);
    });
    const long = `${'Cán bộ xã Ia Bang 👍🏽 '.repeat(5000)}`;
    for (const max of [100, 4096, 50_000]) truncate(long, max);
    expect(Math.max(0, ...seen)).toBeLessThan(300);
  });
});
