/**
 * Abuse limits of "Việc tốt quanh ta" (issue [3/5]): length limits, no links, no repeated text, a
 * daily number of submissions per person counted in the people's calendar days. Pure functions.
 */
import { foldText } from '../text/fold.ts';

/** Length limits of the typed answers, in characters: [min, max]. */
export const DEED_LIMITS = {
  doer: [2, 100],
  description: [20, 1000],
  place: [2, 100],
  when: [2, 60],
} as const;

/** Photos one deed may carry ("up to a few photos"). */
export const MAX_DEED_PHOTOS = 3;

/** Days within which sending the same description again is refused. */
export const REPEAT_WINDOW_DAYS = 7;

/**
 * Links and contact handles: `http://`, `https://`, `www.`, `t.me/`, `zalo.me`, `bit.ly` and
 * anything shaped like a domain name (`ban-hang.vn`, `abc.com/x`). Dotted numbers ("3.1.5") and
 * initials ("T.T.Lan") are not links.
 */
const LINK =
  /(?:https?:\/\/|\bwww\.|\bt\.me\b|\bzalo\.me\b|\bfb\.me\b|\b[\p{L}\p{N}-]+\.(?:com|vn|net|org|info|io|me|ly|xyz|biz|top|site|online|link|shop|app)\b)/iu;

/** Whether the text contains a link or a domain name (see {@link LINK}). */
export const containsLink = (text: string): boolean => LINK.test(text);

/**
 * Whether the text is mostly one repeated character or word — "aaaaaaaaaaaaaaaaaaaa",
 * "tốt tốt tốt tốt tốt tốt", "!!!!!!!!!!!!!!!!!!!!" — rather than something a person told:
 * - one character (letters and digits folded, spaces ignored) makes more than half of 10 or more;
 * - one word makes more than half of 4 or more words;
 * - the same character appears 8 times or more in a row;
 * - or a short chunk (2–4 characters) repeats 4 times or more in a row: "hahahahaha", "hihihihi".
 */
export function isRepetitive(text: string): boolean {
  const chars = [...text.toLowerCase().replace(/\s+/g, '')];
  if (chars.length >= 10 && maxShare(chars) > 0.5) return true;
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length >= 4 && maxShare(words) > 0.5) return true;
  if (/(\S)\1{7,}/u.test(text)) return true;
  // Mostly one chunk repeated: the repeats cover more than half of the text.
  const squeezed = chars.join('');
  const run = /(\S{2,4}?)\1{3,}/u.exec(squeezed);
  return run !== null && run[0].length * 2 > squeezed.length;
}

function maxShare(items: string[]): number {
  const counts = new Map<string, number>();
  let max = 0;
  for (const x of items) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > max) max = n;
  }
  return items.length === 0 ? 0 : max / items.length;
}

/** A typed answer made canonical: NFC, runs of whitespace as one space, trimmed. */
export const cleanText = (text: string | undefined): string => (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/** Why a typed answer is refused, if it is. */
export type TextProblem =
  { code: 'too-short'; min: number } | { code: 'too-long'; max: number; length: number } | { code: 'need-letters' } | { code: 'link' } | { code: 'repeated' };

/** Checks a cleaned answer against `[min, max]`, links and repetition; `null` when it is fine. */
export function textProblem(value: string, [min, max]: readonly [number, number]): TextProblem | null {
  if (value.length < min) return { code: 'too-short', min };
  if (value.length > max) return { code: 'too-long', max, length: value.length };
  if (!/\p{L}/u.test(value)) return { code: 'need-letters' };
  if (containsLink(value)) return { code: 'link' };
  if (value.length >= 10 && isRepetitive(value)) return { code: 'repeated' };
  return null;
}

/**
 * The UTC instant at which the calendar day `date` (`YYYY-MM-DD`) begins in `timeZone` — e.g.
 * 2026-12-01 in Asia/Ho_Chi_Minh begins at 2026-11-30T17:00Z. Correct across DST changes (the
 * offset is re-read at the found instant).
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - offsetMs(new Date(wall), timeZone);
  t = wall - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

/** The zone's offset from UTC at `instant`, in milliseconds (+7 h for Asia/Ho_Chi_Minh). */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
