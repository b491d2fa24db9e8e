/**
 * The channels' file readers (core's FileReader port, issue 16): Telegram through `getFile` and the
 * file URL of the (fake) Bot API, Zalo through the attachment's URL, the console from a path.
 */
import { Api } from 'grammy';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFileReader } from '../../src/channels/console/console.ts';
import { telegramFileReader } from '../../src/channels/telegram/files.ts';
import { zaloFileReader } from '../../src/channels/zalo/files.ts';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';

const BYTES = new TextEncoder().encode('id: ke-hoach\n');

describe('Telegram file reader', () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    fake.putFile('f1', BYTES);
  });
  afterAll(() => fake.close());
  const read = (fileRef: string, maxBytes = 1000) =>
    telegramFileReader(new Api(fake.token, { apiRoot: fake.apiRoot }), { token: fake.token, apiRoot: fake.apiRoot })({
      attachment: { kind: 'DOCUMENT', channel: 'telegram', fileRef },
      maxBytes,
    });

  it('downloads the file getFile names', async () => {
    expect(await read('f1')).toEqual({ ok: true, bytes: BYTES });
    expect(fake.calls.some((c) => c.method === 'getFile' && c.payload.file_id === 'f1')).toBe(true);
  });
  it('refuses a file over the limit without downloading it, and reports an unknown file', async () => {
    const before = fake.downloads.length;
    expect(await read('f1', 4)).toEqual({ ok: false, reason: 'too-large' });
    expect(fake.downloads.length).toBe(before);
    expect(await read('nope')).toEqual({ ok: false, reason: 'unavailable' });
  });
});

describe('Zalo and console file readers', () => {
  let url = '';
  let dir = '';
  const server = createServer((req, res) => {
    if (req.url === '/file.yaml') res.writeHead(200, { 'content-length': BYTES.length }).end(Buffer.from(BYTES));
    else res.writeHead(404).end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'thidua-files-'));
    await writeFile(join(dir, 'ke-hoach.yaml'), BYTES);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('Zalo: reads the attachment URL, refuses what is too large or missing', async () => {
    const zalo = (fileRef: string, maxBytes = 1000) => zaloFileReader({ attachment: { kind: 'DOCUMENT', channel: 'zalo', fileRef }, maxBytes });
    expect(await zalo(`${url}/file.yaml`)).toEqual({ ok: true, bytes: BYTES });
    expect(await zalo(`${url}/file.yaml`, 4)).toEqual({ ok: false, reason: 'too-large' });
    expect(await zalo(`${url}/missing`)).toEqual({ ok: false, reason: 'unavailable' });
    expect(await zalo('file:///etc/passwd')).toEqual({ ok: false, reason: 'unavailable' });
  });
  it('console: reads the path typed after @', async () => {
    const local = (fileRef: string, maxBytes = 1000) => consoleFileReader({ attachment: { kind: 'DOCUMENT', channel: 'console', fileRef }, maxBytes });
    expect(await local(join(dir, 'ke-hoach.yaml'))).toEqual({ ok: true, bytes: BYTES });
    expect(await local(join(dir, 'ke-hoach.yaml'), 4)).toEqual({ ok: false, reason: 'too-large' });
    expect(await local(join(dir, 'none.yaml'))).toEqual({ ok: false, reason: 'unavailable' });
  });
});
