import { afterEach, describe, expect, it } from 'vitest';
import { createUnansweredRepository } from '../../src/db/unanswered-repository.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('unanswered questions repository', () => {
  it('groups by folded text, most asked first (then most recent), within the window, with the latest wording and offer', async () => {
    t = await createTestApp();
    const repo = createUnansweredRepository(t.prisma);
    const at = (iso: string) => new Date(iso);
    const base = { locale: 'vi' as const, channel: 'telegram' };
    await repo.record({ ...base, text: 'old one', key: 'old one', offered: [], at: at('2026-10-01T00:00:00Z') });
    await repo.record({ ...base, text: 'thời tiết', key: 'thoi tiet', offered: [], at: at('2026-11-20T00:00:00Z') });
    await repo.record({ ...base, text: 'Thoi tiet?', key: 'thoi tiet', offered: ['date.next'], at: at('2026-11-21T00:00:00Z') });
    await repo.record({ ...base, text: 'giá vàng', key: 'gia vang', offered: [], at: at('2026-11-22T00:00:00Z') });
    await repo.record({ ...base, text: 'bóng đá', key: 'bong da', offered: ['help'], at: at('2026-11-19T00:00:00Z') });
    const top = await repo.mostFrequent({ since: at('2026-11-01T00:00:00Z'), limit: 2 });
    expect(top).toEqual([
      { key: 'thoi tiet', text: 'Thoi tiet?', count: 2, lastAt: at('2026-11-21T00:00:00Z'), offered: ['date.next'] },
      { key: 'gia vang', text: 'giá vàng', count: 1, lastAt: at('2026-11-22T00:00:00Z'), offered: [] },
    ]);
    expect(await repo.mostFrequent({ since: at('2026-12-01T00:00:00Z'), limit: 10 })).toEqual([]);
  });
});
