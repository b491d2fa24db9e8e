/**
 * Self-tests of the fake Zalo server and the webhook driver (our own test doubles: no usable Zalo SDK exists).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverOaEvent, signOaEvent, startFakeZalo, type FakeZalo } from './fake-zalo.ts';

describe('fake Zalo server', () => {
  let fake: FakeZalo;
  beforeEach(async () => {
    fake = await startFakeZalo();
  });
  afterEach(async () => {
    await fake.close();
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const refresh = async (refreshToken: string, secret = fake.appSecret) => {
    const res = await fetch(`${fake.url}/v4/oa/access_token`, {
      method: 'POST',
      headers: { secret_key: secret },
      body: new URLSearchParams({ app_id: fake.appId, refresh_token: refreshToken, grant_type: 'refresh_token' }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it('rotates refresh tokens: each works once, expires_in is a string', async () => {
    const { refreshToken } = fake.issueTokens();
    const first = await refresh(refreshToken);
    expect(first.json).toMatchObject({ expires_in: '90000' });
    expect(typeof first.json.access_token).toBe('string');
    expect((await refresh(refreshToken)).json).toEqual({ error: -14014, error_name: 'Invalid refresh token', error_reason: expect.any(String) });
    expect((await refresh(first.json.refresh_token as string, 'wrong')).json.error).toBeLessThan(0);
    expect((await refresh(first.json.refresh_token as string)).status).toBe(200);
  });

  it('checks the access_token header (-216 unknown, -220 expired) with HTTP 200', async () => {
    const { accessToken } = fake.issueTokens();
    const body = { recipient: { user_id: '1' }, message: { text: 'hi' } };
    expect(await post('/v3.0/oa/message/cs', body)).toMatchObject({ status: 200, json: { error: -216 } });
    expect(await post('/v3.0/oa/message/cs', body, { authorization: `Bearer ${accessToken}` })).toMatchObject({ json: { error: -216 } });
    expect(await post('/v3.0/oa/message/cs', body, { access_token: accessToken })).toMatchObject({ json: { error: 0 } });
    fake.expireAccessTokens();
    expect(await post('/v3.0/oa/message/cs', body, { access_token: accessToken })).toMatchObject({ status: 200, json: { error: -220 } });
  });

  it('limits text to 2,000 characters after NFC and enforces the 7-day window', async () => {
    const { accessToken } = fake.issueTokens();
    const send = (text: string, userId = '1') =>
      post('/v3.0/oa/message/cs', { recipient: { user_id: userId }, message: { text } }, { access_token: accessToken });
    expect((await send('ố'.repeat(2000).normalize('NFD'))).json.error).toBe(0);
    expect((await send('o'.repeat(2001))).json.error).toBe(-201);
    fake.setLastInteraction('2', new Date(Date.now() - 7 * 24 * 3600_000 - 60_000));
    expect((await send('hi', '2')).json.error).toBe(-230);
    expect(fake.sentTo('1')).toHaveLength(1);
    expect(fake.sentTo('2')).toHaveLength(0);
  });

  it('injects faults per route, in order, then answers normally', async () => {
    const { accessToken } = fake.issueTokens();
    fake.failNext('/v3.0/oa/message/cs', { error: -32 }, { status: 502 });
    const body = { recipient: { user_id: '1' }, message: { text: 'hi' } };
    const h = { access_token: accessToken };
    expect((await post('/v3.0/oa/message/cs', body, h)).json.error).toBe(-32);
    const res = await fetch(`${fake.url}/v3.0/oa/message/cs`, { method: 'POST', headers: h, body: JSON.stringify(body) });
    expect(res.status).toBe(502);
    await res.text();
    expect((await post('/v3.0/oa/message/cs', body, h)).json.error).toBe(0);
    expect(fake.callsTo('/v3.0/oa/message/cs').map((c) => c.injected)).toEqual([true, true, false]);
  });
});

describe('deliverOaEvent', () => {
  let received: { raw: string; headers: IncomingHttpHeaders }[];
  let url: string;
  let close: () => Promise<void>;

  beforeEach(async () => {
    received = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterEach(async () => {
    await close();
  });

  const event = {
    app_id: '1111222233334444555',
    event_name: 'user_send_text',
    timestamp: '1764400000123',
    sender: { id: '5550001112223334445' },
    recipient: { id: '9990008887776665554' },
    message: { msg_id: 'a1b2c3', text: 'Nhắc tôi uống thuốc'.normalize('NFD') },
  };
  const keys = { appId: event.app_id, oaSecretKey: 'oa-secret' };

  it('signs the exact bytes: mac= + sha256(appId + body + timestamp + OA secret key), not HMAC', async () => {
    const result = await deliverOaEvent(url, event, keys);
    expect(result.status).toBe(200);
    const [got] = received;
    expect(got?.raw).toBe(JSON.stringify(event));
    const want = createHash('sha256').update(`${keys.appId}${got?.raw}${event.timestamp}${keys.oaSecretKey}`).digest('hex');
    expect(got?.headers['x-zevent-signature']).toBe(`mac=${want}`);
    expect(got?.raw).toContain('Nhắc'.normalize('NFD')); // NFD text arrives as sent
  });

  it('tampers after signing, overrides or omits the signature, sends a string verbatim', async () => {
    const signed = signOaEvent(JSON.stringify(event), { ...keys, timestamp: event.timestamp });
    const tampered = await deliverOaEvent(url, event, { ...keys, tamper: true });
    expect(tampered.raw).not.toBe(JSON.stringify(event));
    expect(tampered.signature).toBe(signed);
    await deliverOaEvent(url, event, { ...keys, signature: 'mac=00' });
    await deliverOaEvent(url, event, { ...keys, signature: null });
    const raw = ' {"timestamp":"1","x":1} ';
    await deliverOaEvent(url, raw, keys);
    expect(received.map((r) => r.headers['x-zevent-signature'])).toEqual([signed, 'mac=00', undefined, signOaEvent(raw, { ...keys, timestamp: '1' })]);
    expect(received[3]?.raw).toBe(raw);
  });
});
