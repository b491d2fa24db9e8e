/**
 * Calendar dates of a plan (`YYYY-MM-DD`, local days in the people's zone) against "today".
 */
/** One formatter per zone: building an `Intl.DateTimeFormat` costs far more than using it. */
const dayFormatters = new Map();
/** Today's calendar date `YYYY-MM-DD` in `timeZone` (IANA) at instant `now`. */
export function localDate(now, timeZone) {
    let formatter = dayFormatters.get(timeZone);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
        dayFormatters.set(timeZone, formatter);
    }
    const parts = formatter.formatToParts(now);
    const get = (t) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
}
/**
 * The last day a dated item covers: the day itself, or the month's / year's last day when the plan
 * fixes only a month or a year. An item is past when this day is before today.
 */
export function lastDayCovered(date, precision) {
    const [y, m] = date.split('-').map(Number);
    if (precision === 'YEAR')
        return `${y}-12-31`;
    if (precision === 'MONTH') {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
    }
    return date;
}
/** Formats a plan date as Vietnamese officials write it: `25/8/2021`, `12/2021`, `2025`. */
export function formatPlanDate(date, precision = 'DAY') {
    const [y, m, d] = date.split('-').map(Number);
    if (precision === 'YEAR')
        return String(y);
    if (precision === 'MONTH')
        return `${m}/${y}`;
    return `${d}/${m}/${y}`;
}
/** Formats an instant as people read it in `timeZone`: `29/11/2026 10:05`. */
export function formatLocalDateTime(instant, timeZone) {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
    const get = (t) => parts.find((p) => p.type === t)?.value ?? '';
    // Day and month unpadded, like every other date people read (`4/12/2026`, not `04/12/2026`).
    return `${Number(get('day'))}/${Number(get('month'))}/${get('year')} ${get('hour')}:${get('minute')}`;
}
/** Formats an instant's local calendar day in `timeZone`: `29/11/2026`. */
export const formatLocalDate = (instant, timeZone) => formatPlanDate(localDate(instant, timeZone));
/**
 * Reads a date typed the Vietnamese way (`25/8/2021`, `25-08-2021`, `25.8.2021`) or ISO
 * (`2021-08-25`); returns `YYYY-MM-DD`, or `undefined` when it is not a real date.
 */
export function parseTypedDate(text) {
    const t = text.trim();
    let y, m, d;
    const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    if (vi)
        [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
    else if (iso)
        [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else
        return undefined;
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
        return undefined;
    return date.toISOString().slice(0, 10);
}
//# sourceMappingURL=dates.js.map