/**
 * The minute wake-up (src/jobs/wake.ts) on vitest's fake timers: at each minute's start, never
 * before, on after a failed tick, and not after stop.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMinuteWake } from '../../src/jobs/wake.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('minute wake-up', () => {
  it('ticks at hh:mm:00 every minute, goes on after a failing tick, and stops', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T00:00:42.500Z') });
    const ticks: string[] = [];
    const errors: unknown[] = [];
    const wake = startMinuteWake(
      async () => {
        ticks.push(new Date().toISOString());
        if (ticks.length === 1) throw new Error('db busy');
      },
      { onError: (e) => void errors.push(e) },
    );
    await vi.advanceTimersByTimeAsync(17_499);
    expect(ticks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ticks).toEqual(['2026-12-01T00:01:00.000Z']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ticks).toEqual(['2026-12-01T00:01:00.000Z', '2026-12-01T00:02:00.000Z', '2026-12-01T00:03:00.000Z']);
    expect(errors).toHaveLength(1);
    wake.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(ticks).toHaveLength(3);
  });
});
