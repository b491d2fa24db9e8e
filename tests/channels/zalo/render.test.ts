/**
 * Rendering core replies for Zalo: plain text split into ≤ 2,000-character parts, buttons whose
 * payload comes back as the same core action, numbered choices beyond Zalo's button cap.
 */
import { describe, expect, it } from 'vitest';
import { ZALO_MAX_BUTTONS, ZALO_TEXT_LIMIT, type ZaloButton, type ZaloClient } from '../../../src/channels/zalo/client.ts';
import { toZaloInbound } from '../../../src/channels/zalo/webhook.ts';
import { renderZalo, splitPlain } from '../../../src/channels/zalo/zalo.ts';
import { testZaloConversation } from '../../helpers/memory-inbox.ts';
import { msg, type BotCore, type InboundMessage, type Reply } from '../../../src/core/channel.ts';
import { testTranslator } from '../../helpers/core-fixtures.ts';

const t = testTranslator();
const OA = '9990008887776665554';
const USER = '5550001112223334445';
const plain = (text: string): Reply => ({ lines: [msg('plain', { text })] });

describe('splitPlain: ≤ 2,000 characters per part', () => {
  it('keeps a short text whole and drops blank input', () => {
    expect(splitPlain('Xin chào')).toEqual(['Xin chào']);
    expect(splitPlain('   \n ')).toEqual([]);
  });

  it('cuts at line breaks first, then spaces, and loses no word', () => {
    const line = 'Tiêu chí lựa chọn điển hình tiên tiến của xã Ia Bang. '.repeat(6).trim();
    const text = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${line}`).join('\n');
    const parts = splitPlain(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    // Every part but the last ends at the end of a line (a line break cut).
    for (const p of parts.slice(0, -1)) expect(text).toContain(`${p}\n`);
    expect(parts.join('\n')).toBe(text);

    const words = 'lúa '.repeat(1200).trim();
    const wordParts = splitPlain(words);
    for (const p of wordParts) {
      expect(p.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      expect(p.startsWith('lúa') && p.endsWith('lúa')).toBe(true);
    }
    expect(wordParts.join(' ')).toBe(words);
  });

  it('normalises to NFC before measuring (NFD Vietnamese is longer)', () => {
    const nfd = 'Trạm Y tế xã '.repeat(170).normalize('NFD');
    expect(nfd.length).toBeGreaterThan(ZALO_TEXT_LIMIT);
    const parts = splitPlain(nfd);
    expect(nfd.normalize('NFC').length).toBe(13 * 170); // 2,210: two parts after NFC
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(p).toBe(p.normalize('NFC'));
  });

  it('never cuts inside a surrogate pair or an emoji cluster, even without spaces', () => {
    const text = '👍🏽'.repeat(1500); // 4 UTF-16 units each, no break opportunity
    const parts = splitPlain(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      expect(/^(?:👍🏽)+$/u.test(p)).toBe(true);
    }
    expect(parts.join('')).toBe(text);
  });

  it('plain text with markup-looking characters passes through untouched', () => {
    const text = 'Lan <lan@x.vn> & "B" <b>không in đậm</b> &amp;';
    expect(splitPlain(text)).toEqual([text]);
  });
});

describe('renderZalo', () => {
  it('renders plain text (no markup) with buttons whose payload is #a:<action>', () => {
    const reply: Reply = {
      lines: [msg('welcome', { commune: 'xã Ia Bang' })],
      buttons: [
        [
          { label: msg('plain', { text: 'Tập thể' }), action: 'd:type:COLLECTIVE' },
          { label: msg('plain', { text: 'Cá nhân' }), action: 'd:type:INDIVIDUAL' },
        ],
      ],
    };
    const r = renderZalo(t, 'vi', reply);
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toContain('Xin chào! Đây là trợ lý');
    expect(r.parts[0]).not.toContain('<b>');
    expect(r.buttons).toEqual([
      { title: 'Tập thể', payload: '#a:d:type:COLLECTIVE' },
      { title: 'Cá nhân', payload: '#a:d:type:INDIVIDUAL' },
    ]);
    expect(r.choices).toEqual([]);
  });

  it('a tapped button comes back through the webhook as the same core action', () => {
    const actions = ['d:type:COLLECTIVE', 'cat:3.1.5', 'lang:en', 'd:_:back', 'rk:y:12'];
    const r = renderZalo(t, 'vi', {
      lines: [msg('plain', { text: 'Chọn' })],
      buttons: [actions.map((action) => ({ label: msg('plain', { text: action }), action }))],
    });
    const back = r.buttons.map((b: ZaloButton) => {
      // Zalo sends an oa.query.hide payload back as the person's text message.
      const event = {
        app_id: '1',
        event_name: 'user_send_text',
        timestamp: String(Date.now()),
        sender: { id: USER },
        recipient: { id: OA },
        message: { msg_id: 'x', text: b.payload },
      };
      const inbound = toZaloInbound(event, OA);
      return inbound?.kind === 'message' ? inbound.message.action : undefined;
    });
    expect(back).toEqual(actions);
  });

  it('beyond the button cap, numbered choices in the text instead', () => {
    const many = Array.from({ length: ZALO_MAX_BUTTONS + 2 }, (_, i) => ({ label: msg('plain', { text: `Lĩnh vực ${i + 1}` }), action: `cat:${i + 1}` }));
    const r = renderZalo(t, 'vi', { lines: [msg('plain', { text: 'Chọn lĩnh vực:' })], buttons: many.map((b) => [b]) });
    expect(r.buttons).toEqual([]);
    expect(r.choices).toEqual(many.map((b) => b.action));
    expect(r.parts[0]).toContain('Gõ số để chọn:\n1. Lĩnh vực 1\n2. Lĩnh vực 2');
    expect(r.parts[0]).toContain(`${ZALO_MAX_BUTTONS + 2}. Lĩnh vực ${ZALO_MAX_BUTTONS + 2}`);
  });

  it('proactive messages carry the "keep receiving" button, which counts against the cap', () => {
    const five = Array.from({ length: ZALO_MAX_BUTTONS }, (_, i) => ({ label: msg('plain', { text: `Nút ${i + 1}` }), action: `x:${i}` }));
    const r = renderZalo(t, 'vi', { lines: [msg('plain', { text: 'Bản tin' })], buttons: [five] }, { proactive: true });
    expect(r.buttons).toEqual([{ title: 'Tiếp tục nhận tin', payload: '#a:noop' }]);
    expect(r.choices).toHaveLength(ZALO_MAX_BUTTONS);
    const en = renderZalo(t, 'en', plain('Digest'), { proactive: true });
    expect(en.buttons).toEqual([{ title: 'Keep receiving messages', payload: '#a:noop' }]);
  });

  it('long button labels are shortened to 100 characters; long texts carry the buttons on the last part', () => {
    const label = 'Đ'.repeat(150);
    const r = renderZalo(t, 'vi', { lines: [msg('plain', { text: 'a '.repeat(1500) })], buttons: [[{ label: msg('plain', { text: label }), action: 'x' }]] });
    expect([...r.buttons[0]!.title]).toHaveLength(100);
    expect(r.parts).toHaveLength(2);
  });

  it('Zalo files in a reply are shown as links; other channels’ files are left out', () => {
    const r = renderZalo(t, 'vi', {
      lines: [msg('plain', { text: 'Minh chứng' })],
      attachments: [
        { kind: 'PHOTO', channel: 'zalo', fileRef: 'https://zalo.example/a.jpg' },
        { kind: 'PHOTO', channel: 'telegram', fileRef: 'AgAD' },
      ],
    });
    expect(r.parts[0]).toBe('Minh chứng\n📎 https://zalo.example/a.jpg');
  });
});

describe('numbered choices in a conversation', () => {
  it('typing a number taps that choice; numbers are plain text once the choices are gone', async () => {
    const seen: InboundMessage[] = [];
    const seven = Array.from({ length: 7 }, (_, i) => ({ label: msg('plain', { text: `Lựa chọn ${i + 1}` }), action: `pick:${i + 1}` }));
    const core: BotCore = {
      async handle(m) {
        seen.push(m);
        if (m.text === 'menu') return { locale: 'vi', replies: [{ lines: [msg('plain', { text: 'Chọn:' })], buttons: seven.map((b) => [b]) }] };
        return { locale: 'vi', replies: [plain(`ok ${m.action ?? m.text}`)] };
      },
    };
    const sent: { text: string; buttons?: ZaloButton[] }[] = [];
    const client: ZaloClient = { sendText: async (m) => (sent.push(m), { messageId: String(sent.length) }), refreshNow: async () => undefined };
    const talk = testZaloConversation({ core, client, translator: t });
    const say = (text: string) => talk({ kind: 'message', message: { channel: 'zalo', userId: USER, chatId: USER, chatType: 'private', text } });

    await say('menu');
    expect(sent.at(-1)!.text).toContain('2. Lựa chọn 2');
    await say('2');
    expect(seen.at(-1)).toMatchObject({ action: 'pick:2' });
    expect(seen.at(-1)!.text).toBeUndefined();
    expect(sent.at(-1)!.text).toBe('ok pick:2');
    // The answer had no choices: "3" is text now.
    await say('3');
    expect(seen.at(-1)).toMatchObject({ text: '3' });
    // Another person's numbers are theirs.
    await say('menu');
    await talk({ kind: 'message', message: { channel: 'zalo', userId: '42', chatId: '42', chatType: 'private', text: '1' } });
    expect(seen.at(-1)).toMatchObject({ userId: '42', text: '1' });
    // Out of range: text.
    await say('9');
    expect(seen.at(-1)).toMatchObject({ text: '9' });
  });
});
