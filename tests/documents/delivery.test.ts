/**
 * A drafted document reaches the person as a file on each channel: Telegram uploads it
 * (sendDocument), Zalo uploads it to the OA and sends a file message (and says so when Zalo does not
 * take the kind of file), the console writes it under its exports folder and prints the path.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Bot } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/channels/console/console.ts';
import { sendReply } from '../../src/channels/telegram/telegram.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { testZaloConversation } from '../helpers/memory-inbox.ts';
import { msg, type BotCore, type OutFile, type Reply } from '../../src/core/channel.ts';
import { DOCX_MIME, XLSX_MIME } from '../../src/core/documents/ports.ts';
import { createZaloTokenStore } from '../../src/db/zalo-token-store.ts';
import { createLogger } from '../../src/logger.ts';
import { testTranslator } from '../helpers/core-fixtures.ts';
import { startFakeTelegram, type FakeTelegramFile } from '../helpers/fake-telegram.ts';
import { startFakeZalo } from '../helpers/fake-zalo.ts';
import { createTempDatabase } from '../helpers/temp-db.ts';

const translator = testTranslator();
const logger = createLogger({ level: 'silent' });
const docx: OutFile = { name: 'to-trinh-05-TTr-UBND-2026-01-05.docx', mime: DOCX_MIME, bytes: new Uint8Array([80, 75, 3, 4, 1, 2, 3, 200, 201]) };
const xlsx: OutFile = { name: 'danh-sach-de-nghi-2026-01-05.xlsx', mime: XLSX_MIME, bytes: new Uint8Array([80, 75, 3, 4, 9, 9]) };
const preview = msg('documents-preview-to-trinh', { number: '05/TTr-UBND', total: 7, collectives: 3, individuals: 3, households: 1 });
const reply: Reply = { lines: [preview], files: [docx] };
const coreAnswering = (r: Reply): BotCore => ({ handle: async () => ({ locale: 'vi', replies: [r] }) });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('file delivery', () => {
  it('Telegram: the file is uploaded with sendDocument (name and bytes intact), then the preview line', async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    await sendReply(bot.api, 777, reply, 'vi', translator);
    const methods = fake.calls.map((c) => c.method);
    expect(methods).toEqual(['sendDocument', 'sendMessage']);
    const file = fake.calls[0]!.payload.document as FakeTelegramFile;
    expect(file.filename).toBe(docx.name);
    expect([...file.data]).toEqual([...docx.bytes]);
    expect(fake.sentMessages(777)).toEqual(['Tờ trình số 05/TTr-UBND, 7 hồ sơ: 3 tập thể, 3 cá nhân, 1 hộ']);
  });

  it('Zalo: a DOCX is uploaded to the OA then sent as a file message; an XLSX, which Zalo does not take, is explained', async () => {
    const fake = await startFakeZalo();
    const db = await createTempDatabase();
    cleanups.push(
      () => fake.close(),
      () => db.close(),
    );
    const tokens = createZaloTokenStore(db.prisma);
    await tokens.seed({ oaId: fake.oaId, refreshToken: fake.issueTokens().refreshToken });
    const client = createZaloClient({ apiBase: fake.url, oauthBase: fake.url, appId: fake.appId, appSecret: fake.appSecret, oaId: fake.oaId, tokens, logger });
    const user = '5550001112223334445';
    const conversation = testZaloConversation({ core: coreAnswering({ lines: [preview], files: [docx, xlsx] }), client, translator });
    await conversation({ kind: 'message', message: { channel: 'zalo', userId: user, chatId: user, chatType: 'private', text: '/vanban totrinh' } });
    expect(fake.uploads.map((u) => u.fileName)).toEqual([docx.name]);
    expect([...fake.uploads[0]!.bytes]).toEqual([...docx.bytes]);
    const sent = fake.sentTo(user);
    expect(sent[0]!.file?.fileName).toBe(docx.name);
    expect(sent[1]!.text).toContain('Zalo chỉ nhận tệp PDF và Word; tệp danh-sach-de-nghi-2026-01-05.xlsx');
    expect(sent[2]!.text).toBe('Tờ trình số 05/TTr-UBND, 7 hồ sơ: 3 tập thể, 3 cá nhân, 1 hộ');
  });

  it('Zalo: an upload Zalo refuses gets a line saying the file was not sent, and the rest still goes', async () => {
    const fake = await startFakeZalo();
    const db = await createTempDatabase();
    cleanups.push(
      () => fake.close(),
      () => db.close(),
    );
    const tokens = createZaloTokenStore(db.prisma);
    await tokens.seed({ oaId: fake.oaId, refreshToken: fake.issueTokens().refreshToken });
    const client = createZaloClient({ apiBase: fake.url, oauthBase: fake.url, appId: fake.appId, appSecret: fake.appSecret, oaId: fake.oaId, tokens, logger });
    fake.failNext('/v2.0/oa/upload/file', { error: -201, message: 'file is invalid' });
    const user = '5550001112223334445';
    const conversation = testZaloConversation({ core: coreAnswering(reply), client, translator });
    await conversation({ kind: 'message', message: { channel: 'zalo', userId: user, chatId: user, chatType: 'private', text: '/vanban totrinh' } });
    expect(fake.sentTo(user).map((m) => m.text)).toEqual([
      'Chưa gửi được tệp to-trinh-05-TTr-UBND-2026-01-05.docx qua Zalo (tệp quá lớn hoặc Zalo tạm thời không nhận). Đồng chí thử lại sau hoặc lấy qua Telegram.',
      'Tờ trình số 05/TTr-UBND, 7 hồ sơ: 3 tập thể, 3 cá nhân, 1 hộ',
    ]);
  });

  it('console: the file is written under the exports folder and its path printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-exports-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    await runConsole({
      core: coreAnswering(reply),
      translator,
      logger,
      input: Readable.from(['/vanban totrinh\n']),
      output,
      notices: new PassThrough(),
      user: 'lan',
      interactive: false,
      telegramHint: false,
      exportsDir: join(dir, 'exports'),
    });
    const path = join(dir, 'exports', docx.name);
    expect(printed).toContain('Tờ trình số 05/TTr-UBND, 7 hồ sơ: 3 tập thể, 3 cá nhân, 1 hộ');
    expect(printed).toContain(`Đã lưu tệp: ${path}`);
    expect([...(await readFile(path))]).toEqual([...docx.bytes]);
  });
});
