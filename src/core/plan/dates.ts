/**
 * Calendar dates of a plan (`YYYY-MM-DD`, local days in the people's zone) against "today".
 */

/**
 * Per zone: one formatter (building an `Intl.DateTimeFormat` costs far more than using it), and the
 * last answer with its UTC minute. Since 1972 every zone's offset is a whole number of minutes, so a
 * local date does not change within a UTC minute; every update asks for today's, which costs ~13 µs
 * through `formatToParts`. Earlier instants (offsets in seconds, e.g. local mean time) are not kept.
 */
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1972, 0, 1);
const dayFormatters = new Map<string, { formatter: Intl.DateTimeFormat; minute: number; date: string }>();

/** Today's calendar date `YYYY-MM-DD` in `timeZone` (IANA) at instant `now`. */
export function localDate(now: Date, timeZone: string): string {
  let zone = dayFormatters.get(timeZone);
  if (!zone) {
    zone = { formatter: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), minute: NaN, date: '' };
    dayFormatters.set(timeZone, zone);
  }
  const minute = now.getTime() >= WHOLE_MINUTE_OFFSETS_SINCE ? Math.floor(now.getTime() / 60_000) : NaN;
  if (minute === zone.minute) return zone.date;
  const parts = zone.formatter.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  zone.minute = minute;
  zone.date = `${get('year')}-${get('month')}-${get('day')}`;
  return zone.date;
}

/** Precision of a plan date: DAY, MONTH or YEAR by its form; OCCASION for a milestone "nhân dịp …". */
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR' | 'OCCASION';

/** The first calendar day (`YYYY-MM-DD`) a plan date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) covers. */
export function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10);
}

/**
 * The last calendar day a plan date covers: the day itself, or the month's / year's last day when the
 * plan fixes only a month or a year (`2021-12` → `2021-12-31`, `2025` → `2025-12-31`). With a
 * `precision` coarser than the written form (old files wrote `2021-12-31` + MONTH), the precision wins.
 */
export function lastDayCovered(date: string, precision?: DatePrecision): string {
  const form = precision === 'YEAR' ? date.slice(0, 4) : precision === 'MONTH' ? date.slice(0, 7) : date;
  const y = Number(form.slice(0, 4));
  if (form.length === 4) return `${y}-12-31`;
  if (form.length === 7) {
    const m = Number(form.slice(5, 7));
    return `${form}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return form;
}

/** The calendar day before `date` (`YYYY-MM-DD`). */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** What of a milestone decides its dates (a plan milestone, see plan-schema's `milestoneSchema`). */
export interface DatedMilestone {
  date: string;
  precision: DatePrecision;
  relation?: 'ON' | 'BEFORE';
}

/**
 * The exact day a milestone falls on, the one reminders count down to, or `undefined` when the plan
 * gives no day: the actual date the standing office set (`actual`), else the plan's day when its
 * precision is DAY ("trước ngày 25/8/2021" → 24/8/2021, the last day). A month, a year or an occasion
 * is never counted down to.
 */
export function exactDay(m: DatedMilestone, actual?: string): string | undefined {
  if (actual) return actual;
  if (m.precision !== 'DAY') return undefined;
  return m.relation === 'BEFORE' ? dayBefore(m.date) : m.date;
}

/** The last day a milestone may still happen (its exact day, else the last day its date covers). */
export function milestoneLastDay(m: DatedMilestone, actual?: string): string {
  return exactDay(m, actual) ?? lastDayCovered(m.date, m.precision === 'OCCASION' ? undefined : m.precision);
}

/**
 * Formats a plan date as Vietnamese officials write it, as precise as it is written: `25/8/2021`,
 * `12/2021`, `2025`. A coarser `precision` than the form shortens it (old files: `2021-12-31` + MONTH).
 */
export function formatPlanDate(date: string, precision?: DatePrecision): string {
  const form = precision === 'YEAR' ? date.slice(0, 4) : precision === 'MONTH' ? date.slice(0, 7) : date;
  const [y, m, d] = form.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return String(y);
  if (d === undefined) return `${m}/${y}`;
  return `${d}/${m}/${y}`;
}

/** A phase's span as the plan gives it: `2021 – 2023`, or `1/1/2026 – 11/6/2028` for days. */
export const formatSpan = (start: string, end: string): string => `${formatPlanDate(start)} – ${formatPlanDate(end)}`;

/** Formats an instant as people read it in `timeZone`: `29/11/2026 10:05`. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  // Day and month unpadded, like every other date people read (`4/12/2026`, not `04/12/2026`).
  return `${Number(get('day'))}/${Number(get('month'))}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** Formats an instant's local calendar day in `timeZone`: `29/11/2026`. */
export const formatLocalDate = (instant: Date, timeZone: string): string => formatPlanDate(localDate(instant, timeZone));

/**
 * Reads a date typed the Vietnamese way (`25/8/2021`, `25-08-2021`, `25.8.2021`) or ISO
 * (`2021-08-25`); returns `YYYY-MM-DD`, or `undefined` when it is not a real date.
 */
export function parseTypedDate(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
