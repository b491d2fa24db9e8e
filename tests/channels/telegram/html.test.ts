import { describe, expect, it } from 'vitest';
import { escapeHtml, splitHtml, TELEGRAM_MESSAGE_LIMIT } from '../../../src/channels/telegram/html.ts';
import { splitHtmlWordByWord } from '../../../src/channels/html.ts';

// --- independent oracles ----------------------------------------------------

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?>/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/** Visible text as Telegram sees it after parsing: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html.replace(TAG, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(cp);
    }
    return NAMED[e.toLowerCase()] ?? '?';
  });
}

/** Throws unless every tag is closed in order and every `&` starts an entity. */
function assertWellFormed(part: string): void {
  const stack: string[] = [];
  for (const m of part.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (m[1] === '/') {
      const top = stack.pop();
      if (top !== name) throw new Error(`</${name}> closes <${top}> in ${JSON.stringify(part.slice(0, 200))}`);
    } else {
      stack.push(name);
    }
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(',')} in part`);
  const text = part.replace(TAG, '');
  expect(text).not.toMatch(/&(?!(?:#x[0-9a-f]+|#\d+|[a-z]+);)/i);
  expect(text).not.toMatch(/[<>]/);
}

function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Non-whitespace grapheme clusters of the visible text. */
function clusters(html: string): string[] {
  return Array.from(seg.segment(visibleText(html)), (s) => s.segment).filter((g) => !/^\s+$/.test(g));
}

/** The invariants every split must satisfy. */
/** A seeded generator of integers in `[0, n)` (a linear congruential one): the same cases every run. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => ((state = (state * 1103515245 + 12345) >>> 0) >>> 8) % n;
}

function checkParts(original: string, parts: string[], limit: number): void {
  expect(parts.length).toBeGreaterThan(0);
  for (const p of parts) {
    expect(visibleText(p).length).toBeLessThanOrEqual(limit);
    expect(visibleText(p).trim()).not.toBe('');
    expect(hasLoneSurrogate(p)).toBe(false);
    // no leading blank line, no trailing whitespace (indentation may stay)
    expect(visibleText(p)).not.toMatch(/^\s*\n|\s$/);
    assertWellFormed(p);
  }
  // Nothing lost, nothing duplicated, no grapheme cluster broken apart.
  expect(parts.flatMap(clusters)).toEqual(clusters(original));
}

// --- tests ----------------------------------------------------------------

describe('escapeHtml', () => {
  it('escapes names with angle brackets and ampersands', () => {
    expect(escapeHtml('Lan <lan@x.vn>')).toBe('Lan &lt;lan@x.vn&gt;');
    expect(escapeHtml('A & B')).toBe('A &amp; B');
    expect(escapeHtml('<b>"x"</b>')).toBe('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(escapeHtml('a &amp; b')).toBe('a &amp;amp; b');
  });

  it('leaves Vietnamese, emoji and apostrophes alone', () => {
    const s = "Ủy ban nhân dân xã — thi đua 👍🏽 'khen thưởng'";
    expect(escapeHtml(s)).toBe(s);
    expect(escapeHtml('')).toBe('');
  });
});

describe('splitHtml', () => {
  it('returns short input as a single (trimmed) part and blank input as []', () => {
    expect(splitHtml('<b>Xin chào</b> A &amp; B')).toEqual(['<b>Xin chào</b> A &amp; B']);
    expect(splitHtml('\n\n  <i>x</i>  \n\n')).toEqual(['  <i>x</i>']);
    expect(splitHtml('')).toEqual([]);
    expect(splitHtml(' \n\t\n')).toEqual([]);
    expect(TELEGRAM_MESSAGE_LIMIT).toBe(4096);
  });

  it('rejects a nonsensical limit', () => {
    expect(() => splitHtml('abc', 1)).toThrow(RangeError);
    expect(() => splitHtml('abc', 10.5)).toThrow(RangeError);
  });

  it('splits a 10,000-char multi-line text at line breaks', () => {
    const lines: string[] = [];
    let len = 0;
    for (let i = 0; len < 10_000; i++) {
      const line = `Dòng ${i}: đơn vị ${escapeHtml(`Tổ ${i % 7} & <nhóm ${i}>`)} đạt danh hiệu thi đua`.padEnd(40 + (i % 50), '.');
      lines.push(line);
      len += line.length + 1;
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThanOrEqual(10_000);
    const parts = splitHtml(text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    checkParts(text, parts, 4096);
    // no needless tiny parts (except the last one), and every cut was at a line break:
    for (const p of parts.slice(0, -1)) expect(visibleText(p).length).toBeGreaterThan(2048);
    expect(parts.join('\n')).toBe(text);
  });

  it('counts visible characters only: heavy markup is not over-split', () => {
    const html = '<b>x</b>'.repeat(4000) + '&amp;'.repeat(96);
    expect(html.length).toBeGreaterThan(30_000);
    expect(splitHtml(html)).toEqual([html]);
    // a numeric entity above U+FFFF counts 2 UTF-16 units
    expect(splitHtml('&#128512;'.repeat(3), 4)).toEqual(['&#128512;&#128512;', '&#128512;']);
  });

  it('closes and reopens a long <b> block across parts', () => {
    const body = Array.from({ length: 300 }, (_, i) => `Cá nhân số ${i} hoàn thành xuất sắc nhiệm vụ`).join('\n');
    const html = `Kết quả:\n<b>${body}</b>\nHết.`;
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(1);
    checkParts(html, parts, 4096);
    for (const p of parts.slice(1, -1)) {
      expect(p.startsWith('<b>')).toBe(true);
      expect(p.endsWith('</b>')).toBe(true);
    }
    expect(parts[0]!.startsWith('Kết quả:\n<b>')).toBe(true);
    expect(parts[0]!.endsWith('</b>')).toBe(true);
    expect(parts.at(-1)!.endsWith('</b>\nHết.')).toBe(true);
  });

  it('reopens nested tags with their attributes, innermost closed first', () => {
    const words = Array.from({ length: 50 }, (_, i) => `từ${i}`).join(' ');
    const html = `<blockquote expandable><span class="tg-spoiler"><i>${words}</i></span></blockquote>`;
    const parts = splitHtml(html, 60);
    expect(parts.length).toBeGreaterThan(3);
    checkParts(html, parts, 60);
    for (const p of parts) {
      expect(p).toMatch(/^<blockquote expandable><span class="tg-spoiler"><i>/);
      expect(p).toMatch(/<\/i><\/span><\/blockquote>$/);
    }
  });

  it('reopens a link with the same href', () => {
    const open = '<a href="https://x/?a=1&amp;b=2">';
    const html = `Xem ${open}${'chi tiết kế hoạch '.repeat(400)}</a> nhé`;
    const parts = splitHtml(html, 1000);
    expect(parts.length).toBeGreaterThan(5);
    checkParts(html, parts, 1000);
    for (const p of parts.slice(1, -1)) {
      expect(p.startsWith(open)).toBe(true);
      expect(p.endsWith('</a>')).toBe(true);
    }
    expect(parts.at(-1)!.startsWith(open)).toBe(true);
    expect(parts.at(-1)!.endsWith('</a> nhé')).toBe(true);
  });

  it('does not leave empty tag pairs at the cut', () => {
    const parts = splitHtml(`<b>${'a'.repeat(8)}</b>\n<i>${'b'.repeat(8)}</i>`, 10);
    expect(parts).toEqual([`<b>${'a'.repeat(8)}</b>`, `<i>${'b'.repeat(8)}</i>`]);
    const hard = splitHtml(`${'a'.repeat(10)}<b>${'b'.repeat(5)}</b>`, 10);
    expect(hard).toEqual(['a'.repeat(10), `<b>${'b'.repeat(5)}</b>`]);
  });

  it('never ends a part inside &amp; (or any entity)', () => {
    const html = 'A&amp;B&lt;C&gt;&quot;'.repeat(700); // no spaces: hard cuts only
    for (const limit of [4096, 100, 7, 2]) {
      const parts = splitHtml(html, limit);
      checkParts(html, parts, limit);
      for (const p of parts) {
        expect(p).not.toMatch(/&[a-z#0-9]*$/i);
        expect(p).not.toMatch(/^[a-z#0-9]*;/i);
      }
      expect(parts.join('')).toBe(html);
    }
  });

  it('never cuts emoji surrogate pairs or ZWJ sequences apart', () => {
    const thumbs = '👍🏽'; // 4 UTF-16 units, one grapheme
    const family = '👨‍👩‍👧‍👦'; // 11 UTF-16 units, one grapheme
    const html = (thumbs + family + '😀').repeat(400); // 6,800 units, no spaces
    const parts = splitHtml(html);
    expect(parts.length).toBe(2);
    checkParts(html, parts, 4096);
    expect(parts.join('')).toBe(html);
    const short = html.slice(0, 17 * 10);
    for (const limit of [11, 12, 13, 16, 50]) {
      const small = splitHtml(short, limit);
      checkParts(short, small, limit);
      expect(small.join('')).toBe(short);
    }
    // Below the cluster's own length (11 for the family) only code points are
    // kept whole, never surrogate halves.
    for (const limit of [2, 3, 5]) {
      const tiny = splitHtml(short, limit);
      for (const p of tiny) {
        expect(hasLoneSurrogate(p)).toBe(false);
        expect(p.length).toBeLessThanOrEqual(limit);
      }
      expect(tiny.join('')).toBe(short);
    }
  });

  it('keeps flags, ZWJ sequences and combining marks whole in long runs', () => {
    // Long unbroken runs exercise the windowed grapheme segmentation.
    const e = 'ệ'.normalize('NFD');
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const html = prefix + ('🇻🇳' + e + '👨‍👩‍👧‍👦').repeat(300) + '🇻🇳'.repeat(301);
      for (const limit of [11, 97, 4096]) {
        const parts = splitHtml(html, limit);
        checkParts(html, parts, limit);
        expect(parts.join('')).toBe(html);
      }
    }
  });

  it('holds its invariants on pseudo-random mixes (seeded)', () => {
    const pieces = [
      'a',
      'Đ',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '&amp;',
      '&lt;',
      '&#128512;',
      '👍🏽',
      '🇻🇳',
      '👨‍👩‍👧‍👦',
      'ệ'.normalize('NFD'),
      'ọ',
      '<b>',
      '</b>',
      '<i>',
      '</i>',
      '<a href="https://x/?a=1&amp;b=2">',
      '</a>',
      '<tg-spoiler>',
      '</tg-spoiler>',
    ];
    const rnd = seededRandom(12345);
    for (let round = 0; round < 40; round++) {
      const open: string[] = [];
      let html = '';
      for (let k = 0; k < 600; k++) {
        const piece = pieces[rnd(pieces.length)]!;
        if (piece.startsWith('</')) {
          if (open.length === 0) continue;
          const name = open.pop()!;
          html += `</${name}>`;
        } else if (piece.startsWith('<')) {
          const name = /^<([a-z-]+)/.exec(piece)![1]!;
          if (open.includes(name)) continue; // Telegram rejects same-tag nesting
          open.push(name);
          html += piece;
        } else {
          html += piece;
        }
      }
      while (open.length) html += `</${open.pop()}>`;
      const limit = 11 + rnd(300);
      checkParts(html, splitHtml(html, limit), limit);
    }
  });

  it('gives text that fits the same part whether or not it looks at every word (seeded)', () => {
    // Blank lines, indentation and trailing spaces around tags, stray and unclosed tags: what the
    // trimming rules act on, at the edges of the text runs kept whole.
    const pieces = [
      'Lan',
      ' Hoà',
      'ệ'.normalize('NFD'),
      '👍🏽',
      ' ',
      '  ',
      '\t',
      '\n',
      ' \n',
      '\n  ',
      '&amp;',
      '&#128512;',
      '<b>',
      '</b>',
      '<i>',
      '</i>',
      '</u>',
      '<pre>',
      '</pre>',
    ];
    const rnd = seededRandom(777);
    for (let round = 0; round < 300; round++) {
      let html = '';
      const length = 1 + rnd(40);
      for (let k = 0; k < length; k++) html += pieces[rnd(pieces.length)]!;
      const whole = splitHtml(html, html.length + rnd(5));
      expect(whole).toEqual(splitHtmlWordByWord(html, html.length + 4));
      expect(whole.length).toBeLessThanOrEqual(1);
    }
  });

  // How long a megabyte takes is measured by `npm run bench` (bench/html.bench.ts), not asserted here.
  it('splits a long formatted text into many well-formed parts that lose nothing', () => {
    const big = 'Xã Việt Hưng &amp; đơn vị 👍🏽 <b>đạt</b> danh hiệu\n'.repeat(2_000);
    const parts = splitHtml(big);
    expect(parts.length).toBeGreaterThan(20);
    for (const p of parts) {
      expect(visibleText(p).length).toBeLessThanOrEqual(4096);
      assertWellFormed(p);
    }
    // Cut at line breaks only, so the parts put back together are the text.
    expect(parts.map(visibleText).join('\n')).toBe(visibleText(big).trimEnd());
  });

  it('keeps decomposed (NFD) Vietnamese letters whole', () => {
    const e = 'ệ'.normalize('NFD'); // e + U+0323 + U+0302
    expect(e.length).toBe(3);
    const html = ('Vi' + e + 't').repeat(1500); // 9,000 units, no spaces
    const parts = splitHtml(html);
    checkParts(html, parts, 4096);
    expect(parts.join('')).toBe(html);
    for (const p of parts) expect(p).not.toMatch(/^\p{M}/u); // a cut inside ệ would start a part with a mark
    for (const limit of [3, 4, 5, 7]) {
      const small = splitHtml(('Vi' + e + 't').repeat(5), limit);
      checkParts(('Vi' + e + 't').repeat(5), small, limit);
      for (const p of small) expect(p).not.toMatch(/^\p{M}|e$/u);
    }
  });

  it('hard-cuts a single 5,000-char word', () => {
    const word = 'x'.repeat(5000);
    expect(splitHtml(word)).toEqual(['x'.repeat(4096), 'x'.repeat(904)]);
    const bold = `<b>${word}</b>`;
    expect(splitHtml(bold)).toEqual([`<b>${'x'.repeat(4096)}</b>`, `<b>${'x'.repeat(904)}</b>`]);
  });

  it('prefers a line break in the second half, then a space, and trims the cut', () => {
    // a line break in the second half of the window wins over later spaces
    expect(splitHtml('aaaa bbbb\ncccc dddd eeee', 16)).toEqual(['aaaa bbbb', 'cccc dddd eeee']);
    // a line break too early in the window loses to a space in the second half
    expect(splitHtml('ab\ncdef ghij klmn', 12)).toEqual(['ab\ncdef', 'ghij klmn']);
    // with both only in the first half, the later one wins; else a hard cut
    expect(splitHtml('ab cd\nefghijklmnop', 12)).toEqual(['ab cd', 'efghijklmnop']);
    expect(splitHtml('a\nbcdefghijkl', 12)).toEqual(['a', 'bcdefghijkl']);
    expect(splitHtml('abcdefghijklmnop', 12)).toEqual(['abcdefghijkl', 'mnop']);
    // blank lines and surrounding spaces at the cut are dropped
    expect(splitHtml('aaaaaaaa\n\n\n   \n  bbbb', 10)).toEqual(['aaaaaaaa', '  bbbb']);
  });

  it('holds its invariants on mixed content for many limits', () => {
    const e = 'ệ'.normalize('NFD');
    const html =
      `<b>Thi đua ${e}</b> A &amp; B 👍🏽\n<i>nghiêng <u>gạch</u> <a href="https://x/?a=1&amp;b=2">liên kết 😀😀</a></i>\n\n` +
      `<pre><code class="language-ts">const a = 1 &lt; 2;\n  return a;</code></pre> <tg-spoiler>bí mật</tg-spoiler> xong`;
    for (let limit = 4; limit <= 60; limit++) {
      // 4 = longest cluster (👍🏽)
      checkParts(html, splitHtml(html, limit), limit);
    }
  });
});
