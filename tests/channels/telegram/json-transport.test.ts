/**
 * The delivery API's own transport for JSON calls (src/channels/telegram/json-transport.ts), against
 * the fake Bot API and a bare local server: what reaches Telegram, and the errors the sender's rules
 * read (GrammyError for an API refusal, HttpError for everything that is not an answer).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { directJsonCalls } from '../../../src/channels/telegram/json-transport.ts';
import { createDeliveryApi } from '../../../src/channels/telegram/telegram.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';

let fake: FakeTelegram | undefined;
let bare: Server | undefined;
afterEach(async () => {
  await fake?.close();
  await new Promise((done) => (bare ? bare.close(done) : done(undefined)));
  fake = bare = undefined;
});

/** A local server answering every request with `status` and `body`; its root URL. */
async function answering(status: number, body: string): Promise<string> {
  bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'text/html' }).end(body));
  });
  await new Promise<void>((done) => bare!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
}

describe('the delivery API’s JSON transport', () => {
  it('sends the call as grammY would (method, token, JSON body without nulls) and returns the result', async () => {
    fake = await startFakeTelegram();
    const api = createDeliveryApi({ token: fake.token, apiRoot: fake.apiRoot });
    const sent = await api.sendMessage(7, 'Xin chào <b>Lan</b> 👋🏽', {
      parse_mode: 'HTML',
      reply_markup: undefined,
      message_thread_id: null as unknown as number,
    });
    expect(sent.text).toBe('Xin chào <b>Lan</b> 👋🏽');
    const call = fake.calls.find((c) => c.method === 'sendMessage')!;
    expect(call.payload).toEqual({ chat_id: 7, text: 'Xin chào <b>Lan</b> 👋🏽', parse_mode: 'HTML' });
  });

  it('a refusal is grammY’s GrammyError, with the code and retry_after the sender reads', async () => {
    fake = await startFakeTelegram();
    fake.respondWith('sendMessage', () => ({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } },
    }));
    const api = createDeliveryApi({ token: fake.token, apiRoot: fake.apiRoot });
    const error = await api.sendMessage(7, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(7);
  });

  it('an answer that is not JSON (a proxy’s 502 page) and a refused connection are HttpError: transient', async () => {
    const root = await answering(502, '<html>Bad Gateway</html>');
    const error = await createDeliveryApi({ token: '1:x', apiRoot: root })
      .sendMessage(7, 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe("Network request for 'sendMessage' failed!");
    await new Promise((done) => bare!.close(done));
    bare = undefined;
    const refused = await createDeliveryApi({ token: '1:x', apiRoot: root })
      .sendMessage(7, 'x')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect(((refused as HttpError).error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('a file to upload still goes through grammY as multipart', async () => {
    fake = await startFakeTelegram();
    const api = createDeliveryApi({ token: fake.token, apiRoot: fake.apiRoot });
    await api.sendDocument(7, new InputFile(new TextEncoder().encode('biên bản'), 'bien-ban.txt'), { caption: 'Biên bản' });
    const call = fake.calls.find((c) => c.method === 'sendDocument')!;
    expect(call.payload.caption).toBe('Biên bản');
    expect(call.payload.chat_id).toBe('7'); // multipart fields arrive as text
  });
});

describe('the JSON transport over HTTPS (as to api.telegram.org)', () => {
  it('posts to the API root over TLS, connection kept for the next call', async () => {
    const tls = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/tls', name));
    const seen: { url: string; body: string; socket: unknown }[] = [];
    const server = createHttpsServer({ key: tls('key.pem'), cert: tls('cert.pem') }, (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', body, socket: req.socket });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: true }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const root = `https://127.0.0.1:${(server.address() as AddressInfo).port}/proxy`;
      const api = new Api('1:abc', { apiRoot: root });
      api.config.use(directJsonCalls({ token: '1:abc', apiRoot: root, agent: new HttpsAgent({ keepAlive: true, ca: tls('cert.pem') }) }));
      expect(await api.setMyDescription('Trợ lý thi đua')).toBe(true);
      expect(await api.setMyDescription('lần hai')).toBe(true);
      expect(seen.map((s) => [s.url, s.body])).toEqual([
        ['/proxy/bot1:abc/setMyDescription', '{"description":"Trợ lý thi đua"}'],
        ['/proxy/bot1:abc/setMyDescription', '{"description":"lần hai"}'],
      ]);
      expect(seen[1]!.socket).toBe(seen[0]!.socket);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
