/**
 * "Việc tốt quanh ta" end to end on Telegram: the real bot process against the fake Bot API. A
 * resident tells a deed with a photo, an administrator (by ADMIN_TELEGRAM_IDS) sees it with the photo
 * and publishes it, the resident gets the notice, and the public list does not name them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramCall } from '../helpers/fake-telegram.ts';
import { startBot, type BotProcess } from '../helpers/process.ts';

const STARTUP_MS = 30_000;
const STEP_MS = 10_000;
const RESIDENT = 5001;
const ADMIN = 7001;

let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.cleanup();
  bot = undefined;
  await fake?.close();
  fake = undefined;
});

type Keyboard = { inline_keyboard: { text: string; callback_data?: string }[][] };
/** A sent text without its HTML tags (entities of values stay escaped). */
const textOf = (c: FakeTelegramCall) => String(c.payload.text ?? c.payload.caption ?? '').replace(/<\/?[a-z]+>/g, '');
const buttonsOf = (c: FakeTelegramCall) => ((c.payload.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();

describe('good deeds on Telegram', () => {
  it('a resident tells a deed with a photo; an administrator publishes it; the resident is told and stays unnamed', async () => {
    const f = (fake = await startFakeTelegram());
    bot = startBot({ TELEGRAM_BOT_TOKEN: f.token, TELEGRAM_API_ROOT: f.apiRoot, ADMIN_TELEGRAM_IDS: String(ADMIN), LOG_LEVEL: 'warn' });
    const proc = bot;
    const fail = (error: Error) => new Error(`${error.message}\n--- bot stderr ---\n${proc.stderr()}`);
    await f.waitFor((c) => c.method === 'getUpdates', STARTUP_MS).catch((e: Error) => Promise.reject(fail(e)));

    /** The next message to `chat` (after what was sent so far) whose text matches. */
    const next = (chat: number, match: RegExp, method = 'sendMessage') => {
      const from = f.calls.length;
      return (act: () => void) => {
        act();
        return f
          .waitFor((c) => f.calls.indexOf(c) >= from && c.method === method && String(c.payload.chat_id) === String(chat) && match.test(textOf(c)), STEP_MS)
          .catch((e: Error) => Promise.reject(fail(e)));
      };
    };
    const say = (text: string, match: RegExp) => next(RESIDENT, match)(() => f.sendText({ chatId: RESIDENT, text, firstName: 'Hờ Lan' }));
    const tap = (chat: number, data: string, match: RegExp) => next(chat, match)(() => f.tapButton({ chatId: chat, data }));

    await say('/viectot', /Bước 1\/6/);
    await say('Anh Nguyễn Văn An', /Bước 2\/6/);
    await say('giup cu ba qua duong o nga ba cho luc troi mua to', /Bước 3\/6/);
    await say('Thôn Đồng Tâm', /Bước 4\/6/);
    await tap(RESIDENT, 'd:when:yday', /Bước 5\/6/);
    await next(
      RESIDENT,
      /Tổng cộng 1 ảnh/,
    )(() =>
      f.pushUpdate({
        message: {
          message_id: 9001,
          date: Math.floor(Date.now() / 1000),
          chat: { id: RESIDENT, type: 'private', first_name: 'Hờ Lan' },
          from: { id: RESIDENT, is_bot: false, first_name: 'Hờ Lan' },
          photo: [
            { file_id: 'small-photo', file_unique_id: 's1', width: 90, height: 90 },
            { file_id: 'deed-photo', file_unique_id: 'b1', width: 1280, height: 960 },
          ],
        },
      }),
    );
    await tap(RESIDENT, 'd:photo:ok', /Bước 6\/6/);
    const summary = await tap(RESIDENT, 'd:credit:no', /Kiểm tra lại trước khi gửi/);
    expect(textOf(summary)).toContain('không thấy tên bạn');
    const sent = await tap(RESIDENT, 'd:sum:ok', /Đã nhận việc tốt, mã VT-/);
    const ref = /VT-[A-Z0-9]{4}/.exec(textOf(sent))![0];

    const photoTo = next(ADMIN, /.*/, 'sendPhoto');
    const view = await next(ADMIN, new RegExp(`Việc tốt ${ref}`))(() => f.sendText({ chatId: ADMIN, text: '/kiemduyet', firstName: 'Admin' }));
    expect(textOf(view)).toContain('Người gửi: Hờ Lan — không muốn ghi tên khi đăng');
    const photo = await photoTo(() => undefined);
    expect(photo.payload.photo).toBe('deed-photo');
    const publish = buttonsOf(view).find((b) => b.text.includes('Đăng'))!.callback_data!;
    const notice = next(RESIDENT, new RegExp(`Việc tốt ${ref} bạn kể về Anh Nguyễn Văn An đã được đăng`));
    await tap(ADMIN, publish, new RegExp(`Đã đăng việc tốt ${ref}`));
    await notice(() => undefined);

    const list = await next(8001, /Good deeds around us|Việc tốt quanh ta/)(() => f.sendText({ chatId: 8001, text: '/recentdeeds', firstName: 'Khách' }));
    expect(textOf(list)).toContain('Anh Nguyễn Văn An (Thôn Đồng Tâm,');
    expect(textOf(list)).not.toContain('Hờ Lan');
  }, 60_000);
});
