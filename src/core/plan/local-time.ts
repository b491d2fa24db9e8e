/**
 * Clock times in the people's zone: what people type ("8:00", "14h30") and read ("08:00"), and the
 * UTC instants they stand for. Pure; zones are IANA names (Asia/Ho_Chi_Minh by default).
 *
 * @module
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(instant: Date, timeZone: string): Record<string, number> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The local clock time "HH:MM" (24 h) of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * The UTC instant of the local wall-clock time `hhmm` ("HH:MM") on the calendar day `date`
 * (`YYYY-MM-DD`) in `timeZone`. A time that a daylight-saving jump skips is read with the offset
 * in force just before it; a repeated one as its first occurrence.
 */
export function zonedInstant(date: string, hhmm: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (t: number) => {
    const p = partsOf(new Date(t), timeZone);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
  };
  // Two passes: the offset at the first guess may differ from the offset at the answer (DST).
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return new Date(Math.min(first, second));
}

/**
 * Reads a clock time as typed: "8:00", "08:00", "8h", "8h30", "8 giờ 30", "14.30"; returns "HH:MM"
 * (24 h), or `undefined` when it is not a time of day.
 */
export function parseTypedTime(text: string): string | undefined {
  const m = /^(\d{1,2})\s*(?:[:.hg]|giờ)\s*(\d{2})?\s*(?:phút)?$/i.exec(text.trim()) ?? /^(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || mi > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}
