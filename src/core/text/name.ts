/**
 * Display names are cleaned at the edge like typed text (issue [3/9]): a platform name is chosen by
 * its owner and shown to others (`/nguoi`, the public credit of a good deed, notices), so it must be
 * plain text that reads the way it renders.
 *
 * Steps: {@link normalizeInbound} (zero-width and bidi controls such as U+202E RIGHT-TO-LEFT OVERRIDE
 * removed, NFC, C0/C1 controls such as BEL removed) → other invisible "blank" letters and format
 * characters removed (Hangul fillers, braille blank, Arabic letter mark, Mongolian vowel separator,
 * any remaining `\p{Cf}`) → every run of white space (line breaks included) becomes one space → trim →
 * at most {@link NAME_MAX_GRAPHEMES} grapheme clusters (counted with `Intl.Segmenter`, so an emoji or
 * a Vietnamese letter with its marks is never cut in half).
 *
 * Pure: no I/O.
 */
import { normalizeInbound } from './fold.ts';

/** Longest display name kept, in grapheme clusters (what a reader sees as characters). */
export const NAME_MAX_GRAPHEMES = 64;

/** Characters that show nothing (or reorder text) and are not removed by {@link normalizeInbound}. */
// eslint-disable-next-line no-misleading-character-class -- a class of single invisible characters on purpose (U+115F and U+1160 are separate Hangul fillers, not one sequence)
const BLANKS = /[\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0\p{Cf}]/gu;

let segmenter: Intl.Segmenter | undefined;

/** The first `max` grapheme clusters of `text` (all of it when shorter). */
export function firstGraphemes(text: string, max: number): string {
  // Cheap exit: fewer UTF-16 units than `max` means fewer clusters too.
  if (text.length <= max) return text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const { index } of segmenter.segment(text)) {
    if (count === max) return text.slice(0, index);
    count++;
  }
  return text;
}

/**
 * A platform display name as the bot stores and shows it.
 * @param raw Any string (Telegram first + last name, a console user name …).
 * @param max Grapheme clusters to keep (default {@link NAME_MAX_GRAPHEMES}).
 * @returns Plain one-line text; `""` when nothing visible is left (callers fall back to an id).
 * @example cleanName('Lan\u202E nimda\u200B\u0007') === 'Lan nimda'
 */
export function cleanName(raw: string, max = NAME_MAX_GRAPHEMES): string {
  return firstGraphemes(normalizeInbound(raw).replace(BLANKS, '').replace(/\s+/gu, ' ').trim(), max).trimEnd();
}
