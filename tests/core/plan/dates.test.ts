import { describe, expect, it } from 'vitest';
import { localDate } from '../../../src/core/plan/dates.ts';

describe('localDate (the people’s calendar day of an instant)', () => {
  const hcm = 'Asia/Ho_Chi_Minh'; // UTC+7: local midnight is 17:00 UTC

  it('turns at local midnight, to the second, whatever was asked just before', () => {
    expect(localDate(new Date('2026-12-06T16:59:00Z'), hcm)).toBe('2026-12-06');
    expect(localDate(new Date('2026-12-06T16:59:59.999Z'), hcm)).toBe('2026-12-06');
    expect(localDate(new Date('2026-12-06T17:00:00Z'), hcm)).toBe('2026-12-07');
    expect(localDate(new Date('2026-12-06T16:59:30Z'), hcm)).toBe('2026-12-06');
  });

  it('answers each zone for itself', () => {
    const at = new Date('2026-12-06T23:30:00Z');
    expect(localDate(at, hcm)).toBe('2026-12-07');
    expect(localDate(at, 'UTC')).toBe('2026-12-06');
    expect(localDate(at, 'Asia/Kolkata')).toBe('2026-12-07'); // +05:30
    expect(localDate(at, 'America/St_Johns')).toBe('2026-12-06'); // -03:30
  });

  it('is exact before 1972, when offsets had seconds (local mean time)', () => {
    // Monrovia kept -0:44:30 until 1972: local midnight at 00:44:30 UTC.
    expect(localDate(new Date('1960-06-01T00:44:29Z'), 'Africa/Monrovia')).toBe('1960-05-31');
    expect(localDate(new Date('1960-06-01T00:44:31Z'), 'Africa/Monrovia')).toBe('1960-06-01');
  });
});
