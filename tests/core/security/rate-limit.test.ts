/**
 * Per-person rate limit on inbound messages (issue [3/9]): a burst costs at most the limit's worth
 * of work, the person is told once (so a refused vote is never dropped without a word), other people
 * are not affected, and a fast typist never meets it.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryApp, type MemoryApp } from '../../helpers/memory-app.ts';
import { text } from '../../helpers/replies.ts';

const app = async (opts: Parameters<typeof createMemoryApp>[0]) => createMemoryApp(opts);

/** Counts the person lookups core makes: every handled message does one, a refused one none. */
function countWork(t: MemoryApp): () => number {
  const people = t.app.services.people;
  const ensure = people.ensure.bind(people);
  let calls = 0;
  people.ensure = (identity) => {
    calls++;
    return ensure(identity);
  };
  return () => calls;
}

describe('per-person rate limit', () => {
  it('a burst of 1,000 messages from one person costs at most the limit’s worth of work, with one polite answer', async () => {
    const t = await app({ env: { RATE_LIMIT_PER_MINUTE: '60' } });
    const work = countWork(t);
    const answers: string[] = [];
    for (let i = 0; i < 1000; i++) answers.push(text(await t.say('42', '/moc')));
    expect(work()).toBe(60);
    const refusals = answers.filter((a) => a.includes('quá nhiều tin nhắn liên tiếp'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain('kể cả phiếu xét hồ sơ và kiểm duyệt');
    expect(answers.slice(61).every((a) => a === '')).toBe(true);
    // A tap in the middle of the stretch is refused too, without work.
    expect(text(await t.tap('42', 'criteria'))).toBe('');
    expect(work()).toBe(60);
    // Someone else is served as usual.
    expect(text(await t.say('43', '/moc'))).toContain('mốc');
    expect(work()).toBe(61);
  }, 120_000);

  it('a fast typist (30 messages and taps in quick succession) never meets it', async () => {
    const t = await app({ env: { RATE_LIMIT_PER_MINUTE: '60' } });
    const answers: string[] = [];
    for (let i = 0; i < 15; i++) answers.push(text(await t.say('44', 'tiêu chí y tế')), text(await t.tap('44', 'criteria')));
    expect(answers.some((a) => a.includes('quá nhiều tin nhắn'))).toBe(false);
  });
});
