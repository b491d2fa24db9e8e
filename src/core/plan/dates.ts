/**
 * Calendar dates of a plan (`YYYY-MM-DD`, local days in the people's zone) against "today".
 */

/** Today's calendar date `YYYY-MM-DD` in `timeZone` (IANA) at instant `now`. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The last day a dated item covers: the day itself, or the month's / year's last day when the plan
 * fixes only a month or a year. An item is past when this day is before today.
 */
export function lastDayCovered(date: string, precision: 'DAY' | 'MONTH' | 'YEAR'): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (precision === 'YEAR') return `${y}-12-31`;
  if (precision === 'MONTH') {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  }
  return date;
}

/** Formats a plan date as Vietnamese officials write it: `25/8/2021`, `12/2021`, `2025`. */
export function formatPlanDate(date: string, precision: 'DAY' | 'MONTH' | 'YEAR' = 'DAY'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (precision === 'YEAR') return String(y);
  if (precision === 'MONTH') return `${m}/${y}`;
  return `${d}/${m}/${y}`;
}
