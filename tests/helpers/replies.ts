/**
 * Reading rendered replies in tests (no app needed: used with test-app.ts and memory-app.ts).
 */
import type { RenderedReply } from '../../src/core/render.ts';

/** The action of the button whose label contains `label` (throws with the labels seen otherwise). */
export function button(replies: RenderedReply[], label: string | RegExp): string {
  const all = replies.flatMap((r) => r.buttons.flat());
  const found = all.find((b) => (typeof label === 'string' ? b.label.includes(label) : label.test(b.label)));
  if (!found) throw new Error(`no button ${String(label)} among: ${all.map((b) => b.label).join(' | ')}`);
  return found.action;
}

/** All reply texts joined, for assertions. */
export const text = (replies: RenderedReply[]): string => replies.map((r) => r.text).join('\n\n');
