/**
 * How long the Telegram HTML splitter takes on a megabyte of formatted Vietnamese text (a digest or
 * broadcast far larger than any real one): it must stay linear: under 2 s (the figure on the 2-core development machine is in the README). Moved here from
 * the tests, which check the split's correctness but never the clock.
 */
import { splitHtml } from '../src/channels/telegram/html.ts';

export interface HtmlBench {
  /** Characters (UTF-16 units) of the input. */
  chars: number;
  /** Parts produced (each at most 4,096 visible characters). */
  parts: number;
  /** Median of `runs` splits, in milliseconds. */
  medianMs: number;
  runs: number;
}

export function benchSplitHtml(runs = 5): HtmlBench {
  const big = 'Xã Việt Hưng &amp; đơn vị 👍🏽 <b>đạt</b> danh hiệu\n'.repeat(20_000);
  const times: number[] = [];
  let parts = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parts = splitHtml(big).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { chars: big.length, parts, medianMs: times[Math.floor(runs / 2)]!, runs };
}
