/**
 * Display names are cleaned at the edge like text (issue [3/9]): a Telegram name made of a
 * right-to-left override, zero-width characters and a BEL shows as plain text everywhere — in
 * `/nguoi` and in the public credit of a good deed — and long names are cut by graphemes.
 */
import type { Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { toInbound } from '../../../src/channels/telegram/telegram.ts';
import { cleanName, NAME_MAX_GRAPHEMES } from '../../../src/core/text/name.ts';
import { text } from '../../helpers/test-app.ts';
import { appsPerTest } from '../nominations/fixtures.ts';

const app = appsPerTest();
/** Renders as "admin Lan" in a bidi-aware client; plain, it is "Lan nimda". */
const HOSTILE = 'Lan\u202E nimda\u200B\u0007\u2066';
// eslint-disable-next-line no-control-regex -- the control characters are what the test looks for
const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

describe('display names', () => {
  it('cleanName removes bidi, zero-width, controls and blanks, folds white space, keeps NFC and whole graphemes', () => {
    expect(cleanName(HOSTILE)).toBe('Lan nimda');
    expect(cleanName('  Nguyễn\nVăn\tA\u3164 ')).toBe('Nguyễn Văn A');
    expect(cleanName('Tra\u0323m')).toBe('Trạm');
    expect(cleanName('\u200B\u202E')).toBe('');
    const long = '👍🏽'.repeat(100);
    const cut = cleanName(long);
    expect(cut).toBe('👍🏽'.repeat(NAME_MAX_GRAPHEMES));
    expect(cleanName('Bà Lan 🎉'.repeat(20)).length).toBeLessThanOrEqual(NAME_MAX_GRAPHEMES * 2);
  });

  it('the Telegram adapter cleans the name before core sees it', () => {
    const ctx = {
      from: { id: 7, is_bot: false, first_name: 'Lan\u202E', last_name: 'nimda\u0007' },
      chat: { id: 7, type: 'private' },
      message: { text: 'hi' },
    } as unknown as Context;
    expect(toInbound(ctx)?.displayName).toBe('Lan nimda');
  });

  it('a hostile name shows as plain text in /nguoi and in the public credit of a good deed', async () => {
    const t = await app();
    await t.grant('1', 'ADMIN');
    // Through core, as any channel would deliver it (core cleans again: defence in depth).
    await t.say('66', 'xin chào', { displayName: HOSTILE });
    const id = await t.personId('66');
    await t.app.services.roles.grant({ personId: id, role: 'COUNCIL', planSlug: t.app.catalog().plan.id });
    const people = text(await t.say('1', '/nguoi'));
    expect(people).toContain('Lan nimda — Thành viên Hội đồng');
    expect(people).not.toMatch(INVISIBLE);

    const deed = await t.app.services.deeds.create({
      draft: {
        doerName: 'Bà Hoa',
        description: 'Quét dọn đường thôn sạch sẽ mỗi sáng',
        place: 'Thôn Đồng Tâm',
        whenText: 'hôm qua',
        creditName: true,
        photos: [],
      },
      submitterId: id,
      now: t.now(),
    });
    await t.app.services.deeds.publish({ id: deed.id, moderatorId: await t.personId('1'), now: t.now() });
    const recent = text(await t.say('77', '/viectotmoi'));
    expect(recent).toContain('Lan nimda');
    expect(recent).not.toMatch(INVISIBLE);
  });

  it('a name stored raw by an older release is cleaned the next time the person writes', async () => {
    const t = await app();
    const id = await t.personId('88');
    await t.prisma.person.update({ where: { id }, data: { displayName: HOSTILE } });
    await t.say('88', 'xin chào');
    expect((await t.prisma.person.findUniqueOrThrow({ where: { id } })).displayName).toBe('Lan nimda');
  });
});
