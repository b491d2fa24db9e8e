/**
 * Every place that shortens a string, fed a multi-unit grapheme (emoji, skin tone, ZWJ family, flag,
 * decomposed Vietnamese letter) exactly at its cut: what reaches the person is whole clusters only
 * (Telegram refuses half a surrogate pair with "text must be encoded in UTF-8").
 */
import { describe, expect, it } from 'vitest';
import { splitHtml, TELEGRAM_MESSAGE_LIMIT } from '../../../src/channels/telegram/html.ts';
import { renderZalo, splitPlain } from '../../../src/channels/zalo/zalo.ts';
import { ZALO_BUTTON_TITLE_LIMIT, ZALO_TEXT_LIMIT } from '../../../src/channels/zalo/client.ts';
import { msg } from '../../../src/core/channel.ts';
import type { GoodDeed } from '../../../src/core/deeds/model.ts';
import { similarLine } from '../../../src/core/deeds/view.ts';
import { normalizeInbound } from '../../../src/core/text/fold.ts';
import { cleanName } from '../../../src/core/text/name.ts';
import { isGraphemePrefix, NASTY, shownPrefix, wellFormed } from '../../helpers/graphemes.ts';
import { testTranslator } from '../../helpers/core-fixtures.ts';
import { text } from '../../helpers/test-app.ts';
import { appsPerTest, seed, voteVia } from '../nominations/fixtures.ts';

const open = appsPerTest();
const CASES = Object.entries(NASTY);

/** Letters (no spaces, no marks) of exactly `n` UTF-16 units, so the cut lands right after them. */
const pad = (n: number, seedChar = 'a') => Array.from({ length: n }, (_, i) => String.fromCharCode(seedChar.charCodeAt(0) + (i % 26))).join('');

/** A text whose grapheme `g` straddles UTF-16 index `cut` (starts one unit before it). */
const straddling = (cut: number, g: string, tail = 'zzz') => `${pad(cut - 1)}${g}${tail}`;

describe('truncating call sites keep graphemes whole', () => {
  it('the rejection notice to the officers (achievements cut at 300)', async () => {
    const t = await open();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    await t.grant('c1', 'COUNCIL');
    for (const [, g] of CASES) {
      const achievements = straddling(299, g, ' và nhiều thành tích khác trong năm 2024.');
      const n = await seed(t, { proposer: 'o1', achievements });
      await voteVia(t, 'c1', n.id, 'd', 'Chưa đủ minh chứng theo tiêu chí'); // disagree, with its reason, confirmed
      const notice = (await t.outbox()).find((x) => x.key.startsWith(`nomination:${n.id}:decided:`));
      expect(notice, `notice for #${n.id}`).toBeDefined();
      const shown = shownPrefix(notice!.text, achievements);
      expect(shown.length).toBeLessThan(300);
    }
  });

  it('the echoed question (cut at 80)', async () => {
    const t = await open();
    for (const [, g] of CASES) {
      const question = normalizeInbound(straddling(79, g, ' tiêu chí gì?'));
      shownPrefix(text(await t.say('u1', `/tieuchi ${question}`)), question);
    }
  });

  it("a person's name: stored (cleaned and capped), in the revoke button (24)", async () => {
    const t = await open();
    await t.grant('admin', 'ADMIN');
    const names: string[] = [];
    for (const [i, [, g]] of CASES.entries()) {
      // g straddles 24 (the button) and 200 (the stored name).
      const name = `${pad(23, 'A')}${g}${pad(200 - 24 - g.length, 'a')}${g}${'k'.repeat(10)}`;
      names.push(name);
      await t.say(`p${i}`, '/start', { displayName: name });
      await t.grant(`p${i}`, 'OFFICER', 'tram-y-te');
    }
    const list = await t.say('admin', '/nguoi');
    const labels = list.flatMap((r) => r.buttons.flat().map((b) => b.label)).join('\n');
    for (const [i, name] of names.entries()) {
      const stored = (await t.prisma.person.findUniqueOrThrow({ where: { id: await t.personId(`p${i}`) } })).displayName;
      expect(stored.length).toBeLessThanOrEqual(200);
      const nfc = cleanName(name, 10_000); // names are cleaned at the edge (NFC, no zero-width, capped)
      expect(isGraphemePrefix(stored, nfc)).toBe(true);
      expect(text(list)).toContain(stored);
      expect(shownPrefix(labels, nfc).length).toBeLessThan(24);
    }
  });

  it('the nominee in /hoso buttons (30)', async () => {
    const t = await open();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    const names: string[] = [];
    for (const [, g] of CASES) {
      const name = straddling(29, g, ' Trạm');
      names.push(name);
      await seed(t, { proposer: 'o1', nomineeName: name });
    }
    const r = await t.say('o1', '/hoso');
    const labels = r.flatMap((x) => x.buttons.flat().map((b) => b.label)).join('\n');
    for (const name of names) expect(shownPrefix(labels, name).length).toBeLessThan(30);
    for (const b of r.flatMap((x) => x.buttons.flat())) expect(wellFormed(b.action)).toBe(true);
  });

  it('the Telegram 4096 split and the Zalo 2,000 split', () => {
    for (const [, g] of CASES) {
      const long = straddling(TELEGRAM_MESSAGE_LIMIT, g, ' tail');
      const parts = splitHtml(long);
      expect(parts.length).toBe(2);
      expect(isGraphemePrefix(parts[0]!, long)).toBe(true);
      expect(parts.join('')).toBe(long);

      const plain = straddling(ZALO_TEXT_LIMIT, g, ' tail').normalize('NFC');
      const zparts = splitPlain(plain);
      expect(isGraphemePrefix(zparts[0]!, plain)).toBe(true);
      expect(zparts.every(wellFormed)).toBe(true);
    }
  });

  it('the similar-deeds preview (120)', () => {
    const translator = testTranslator();
    for (const [, g] of CASES) {
      const description = straddling(119, g, ' giúp cụ bà qua đường');
      const deed = { ref: 'VT-7K3M', doerName: 'Anh An', place: 'Thôn Đồng Tâm', description, state: 'PUBLISHED', whenText: 'sáng 28/11' } as GoodDeed;
      shownPrefix(translator.format('vi', similarLine(deed), 'plain'), description);
    }
  });

  it('a Zalo button title (100 code points)', () => {
    const translator = testTranslator();
    for (const [, g] of CASES) {
      const label = `${pad(ZALO_BUTTON_TITLE_LIMIT - 2)}${g}zz`.normalize('NFC');
      const rendered = renderZalo(translator, 'vi', {
        lines: [msg('plain', { text: 'x' })],
        buttons: [[{ label: msg('plain', { text: label }), action: 'a' }]],
      });
      const title = rendered.buttons[0]!.title;
      expect([...title].length).toBeLessThanOrEqual(ZALO_BUTTON_TITLE_LIMIT);
      expect(isGraphemePrefix(title.replace(/…$/, ''), label)).toBe(true);
    }
  });
});
