/**
 * Grapheme clusters a cut must never split, and a check that a shortened text is a prefix of its
 * source ending on a cluster boundary.
 */

/** Clusters of several UTF-16 units: emoji, skin tone, ZWJ family, flag, NFD Vietnamese letters. */
export const NASTY = {
  emoji: '🎉',
  'skin tone': '👍🏽',
  'ZWJ family': '👨‍👩‍👧‍👦',
  flag: '🇻🇳',
  'NFD letter': 'e\u0323\u0302', // "ệ" decomposed
  'NFD capital': 'U\u031B\u0300', // "Ừ" decomposed
} as const;

/** No lone surrogate (what Telegram refuses as "text must be encoded in UTF-8"). */
export const wellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Whether `prefix` is `source` cut at a grapheme-cluster boundary (possibly all of it). */
export function isGraphemePrefix(prefix: string, source: string): boolean {
  if (!source.startsWith(prefix)) return false;
  if (prefix.length === 0 || prefix.length === source.length) return true;
  for (const seg of segmenter.segment(source)) if (seg.index === prefix.length) return true;
  return false;
}

/**
 * Finds where a shortened copy of `source` appears in `output` (it starts with the first 8 units of
 * `source`) and checks that what is shown — up to the ellipsis, or all of `source` — is a
 * grapheme-safe prefix. Returns the shown part (for further assertions).
 */
export function shownPrefix(output: string, source: string): string {
  const start = output.indexOf(source.slice(0, 8));
  if (start < 0) throw new Error(`source not found in output:\n${output}`);
  const rest = output.slice(start);
  if (rest.startsWith(source)) return source;
  const end = rest.indexOf('…');
  const shown = (end < 0 ? rest : rest.slice(0, end)).trimEnd();
  if (!wellFormed(output)) throw new Error('output holds a lone surrogate');
  if (!isGraphemePrefix(shown, source))
    throw new Error(`cut inside a grapheme: ${JSON.stringify(shown.slice(-6))} of ${JSON.stringify(source.slice(shown.length - 6, shown.length + 6))}`);
  return shown;
}
