/**
 * Dates in chat lines about documents (not in the documents themselves, which use
 * `layout.ts`): "05/01/2026" in Vietnamese, "5 Jan 2026" in English (domain-corrections §6).
 *
 * @module
 */
import type { Locale } from '../channel.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A `YYYY-MM-DD` day for a chat line: "05/01/2026" in Vietnamese, "5 Jan 2026" in English. */
export function humanDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-');
  return locale === 'en' ? `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}` : `${d}/${m}/${y}`;
}
