/**
 * Strict parsing of ids in button payloads and webhook bodies (issue [3/9]): decimal only, Zalo ids
 * kept exact as strings even when sent as JSON numbers, image URLs only with https.
 */
import { describe, expect, it } from 'vitest';
import { parseZaloJson, toZaloInbound } from '../../../src/channels/zalo/webhook.ts';
import { parseCount, parseId } from '../../../src/core/ids.ts';
import { text } from '../../helpers/test-app.ts';
import { appsPerTest } from '../nominations/fixtures.ts';

const app = appsPerTest();
const OA = '99';
type Json = Record<string, unknown>;

describe('ids from buttons', () => {
  it('parseId takes plain decimal only', () => {
    expect(parseId('42')).toBe(42);
    for (const bad of ['0x1', '1e3', ' 7', '7 ', '-1', '0', '07', '1.0', 'Infinity', '', '99999999999999999', undefined])
      expect(parseId(bad), String(bad)).toBeUndefined();
    expect(parseCount('0')).toBe(0);
    expect(parseCount('20')).toBe(20);
    expect(parseCount('0x10')).toBeUndefined();
  });

  it('a forged button with a hexadecimal or exponent id finds nothing', async () => {
    const t = await app();
    await t.grant('c1', 'COUNCIL');
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    const n = await t.app.services.nominations.submit({
      draft: {
        planSlug: t.app.catalog().plan.id,
        categoryCode: '3.1.5',
        movementCode: 'y-te',
        unitCode: 'tram-y-te',
        subjectType: 'COLLECTIVE',
        nomineeName: 'Trạm Y tế xã',
        place: 'Thôn Plei Ó',
        achievements: 'Tiêm chủng đầy đủ.',
        selfCheck: [],
        evidence: [],
      },
      proposerId: await t.personId('o1'),
      now: t.now(),
    });
    expect(n.id).toBe(1);
    expect(text(await t.tap('o1', 'nom:v:0x1'))).toContain('Không tìm thấy');
    expect(text(await t.tap('o1', 'nom:v:1e0'))).toContain('Không tìm thấy');
    expect(text(await t.tap('c1', 'rv:a:0x1'))).toMatch(/Nút này đã cũ|hết hiệu lực/);
    expect(await t.prisma.vote.count()).toBe(0);
  });
});

describe('Zalo webhook bodies', () => {
  const event = (sender: string, extra = '') =>
    `{"event_name":"user_send_text","app_id":"1","timestamp":"1764640000000","sender":{"id":${sender}},"recipient":{"id":"${OA}"},"message":{"msg_id":"m1","text":"xin chào 1234567890123456789 \\" 12345678901234567890"}${extra}}`;

  it('a 19-digit id sent as a JSON number stays exact; numbers inside strings are untouched', () => {
    const parsed = parseZaloJson(event('1234567890123456789')) as Json;
    expect((parsed.sender as Json).id).toBe('1234567890123456789');
    expect((parsed.message as Json).text).toBe('xin chào 1234567890123456789 " 12345678901234567890');
    const inbound = toZaloInbound(parsed, OA);
    expect(inbound?.kind === 'message' && inbound.message.userId).toBe('1234567890123456789');
    // What JSON.parse alone would have made of it.
    expect(String(((JSON.parse(event('1234567890123456789')) as Json).sender as Json).id)).not.toBe('1234567890123456789');
  });

  it('an id that is not decimal digits drops the event', () => {
    for (const bad of ['"0x1F"', '"1e3"', '-5', '1.5', '"12 34"', '"<b>"']) expect(toZaloInbound(parseZaloJson(event(bad)) as Json, OA), bad).toBeUndefined();
  });

  it('image URLs are kept only with the https scheme', () => {
    const image = (url: string) =>
      toZaloInbound(
        {
          event_name: 'user_send_image',
          timestamp: '1',
          sender: { id: '5' },
          recipient: { id: OA },
          message: { msg_id: 'm', attachments: [{ type: 'image', payload: { url } }] },
        },
        OA,
      );
    const ok = image('https://photo.zalo.me/a.jpg');
    expect(ok?.kind === 'message' && ok.message.attachments?.[0]?.fileRef).toBe('https://photo.zalo.me/a.jpg');
    for (const bad of ['http://photo.zalo.me/a.jpg', 'javascript:alert(1)', 'file:///etc/passwd', 'photo.zalo.me/a.jpg']) {
      const r = image(bad);
      expect(r?.kind === 'message' && r.message.unsupported, bad).toBe(true);
    }
  });
});
