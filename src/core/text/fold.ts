/**
 * Vietnamese text normalisation: one function for text arriving at the edge
 * ({@link normalizeInbound}) and one for building search keys ({@link foldText}, {@link tokenize}),
 * plus a guard for input that is clearly not text ({@link looksBinary}).
 *
 * Pure: no I/O, no dependencies.
 */

import { truncate } from './truncate.ts';

/**
 * Invisible characters removed by {@link normalizeInbound}: zero-width space / non-joiner / joiner,
 * word joiner, BOM (U+FEFF), soft hyphen, and bidi marks / embeddings / overrides / isolates.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** C0/C1 control characters except TAB (U+0009) and LF (U+000A). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_EXCEPT_TAB_LF = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Whitespace other than LF at the end of a line. */
const TRAILING_SPACE = /[^\S\n]+$/gm;

/**
 * Normalises text as it enters the system (chat messages, imported files), so that everything
 * stored and compared downstream is in one canonical shape.
 *
 * Steps, in order:
 * 1. line breaks `\r\n` and lone `\r` become `\n`;
 * 2. invisible characters are removed (zero-width space/joiners, word joiner, BOM, soft hyphen,
 *    bidi controls) — before step 3 so a mark separated from its base by one still composes;
 * 3. Unicode NFC (decomposed "trạm" typed on some keyboards becomes the precomposed form);
 * 4. control characters are removed, except `\n` and `\t`;
 * 5. whitespace at the end of every line is removed (leading whitespace and blank lines are kept).
 *
 * Tone placement is NOT changed ("Hoà" stays "Hoà"); use {@link foldText} for comparisons.
 *
 * @param text Any string; `""` gives `""`.
 * @returns The cleaned NFC string.
 */
export function normalizeInbound(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').normalize('NFC').replace(CONTROL_EXCEPT_TAB_LF, '').replace(TRAILING_SPACE, '');
}

/** Combining marks (Vietnamese tones and vowel marks after NFD). */
const COMBINING_MARKS = /\p{M}+/gu;

/** Runs of anything that is neither a letter, a digit nor "%". */
const SEPARATORS = /[^\p{L}\p{N}%]+/gu;

/**
 * Folds text into a search key: lower case, no diacritics, single spaces.
 *
 * Steps: lower case → NFD → drop combining marks → `đ`/`Đ` → `d` → every run of characters that
 * are not letters, digits or `%` becomes one space → trim.
 *
 * Consequences (all intended):
 * - NFC and NFD input fold alike, and so do old and new tone placement
 *   (`"Hòa"`/`"Hoà"`, `"Thủy"`/`"Thuỷ"`, `"khỏe"`/`"khoẻ"` → `"hoa"`, `"thuy"`, `"khoe"`);
 * - `"Đường"` → `"duong"`; `"Tiêu chí: y-tế!!"` → `"tieu chi y te"`;
 * - digits and `%` are kept (`"70% cán bộ"` → `"70% can bo"`), but dots are separators, so a
 *   code such as `"3.1.5"` folds to `"3 1 5"`;
 * - letters of other scripts are kept (lower-cased, marks dropped).
 *
 * @param text Any string.
 * @returns The folded key; `""` when the text has no letter, digit or `%`.
 */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(SEPARATORS, ' ').trim();
}

/**
 * Splits text into folded tokens (see {@link foldText}), in order, duplicates kept.
 *
 * @example tokenize("Trạm Y tế, xã Ia Băng") // ["tram", "y", "te", "xa", "ia", "bang"]
 * @param text Any string.
 * @returns The tokens; `[]` for text without letters, digits or `%`.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Characters counted as "not printable" by {@link looksBinary}. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /^(?:[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]|\p{Co}|\p{Cs})$/u;

/** Share of unprintable characters above which text looks binary. */
const BINARY_THRESHOLD = 0.1;

/**
 * Tells whether a text looks like binary data (a file pasted or decoded with the wrong encoding)
 * rather than something a person wrote, so the bot can refuse it politely.
 *
 * Counts code points that are control characters (other than `\t`, `\n`, `\r`), U+FFFD replacement
 * characters, private-use characters or lone surrogates; the text looks binary when they are more
 * than 10% of all code points.
 *
 * @param text Any string.
 * @returns `true` when more than 10% of the code points are unprintable; `false` for `""`.
 */
export function looksBinary(text: string): boolean {
  let total = 0;
  let bad = 0;
  for (const ch of text) {
    total += 1;
    if (UNPRINTABLE.test(ch)) bad += 1;
  }
  return total > 0 && bad / total > BINARY_THRESHOLD;
}

/**
 * Ends a typed text (e.g. a council member's reason) as a sentence: a full stop is added unless it
 * already ends with one (or `!`, `?`, `…`), so a message never shows "….." or no stop at all.
 *
 * @example asSentence('Thiếu ảnh') === 'Thiếu ảnh.'; asSentence('Missing photos.') === 'Missing photos.'
 */
export function asSentence(text: string): string {
  const t = text.trimEnd();
  return t === '' || t === '-' || /[.!?…]$/u.test(t) ? t : `${t}.`;
}

/**
 * Shortens text to at most `max` characters (UTF-16 units), ending with "…" when cut (trailing
 * spaces before the ellipsis dropped), never inside a grapheme cluster (see {@link truncate}): for
 * button labels and previews on small screens.
 */
export const clip = (s: string, max: number): string => truncate(s, max);
