/**
 * Issue 18: another process holding SQLite's write lock (a backup, an administrator's sqlite3 shell,
 * a second instance) never freezes the bot: chats that only read are answered meanwhile, and a
 * write that cannot get the lock in time gets a clear "busy, send again" answer instead of a
 * frozen event loop or "an error occurred".
 */
import Database from 'better-sqlite3';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../src/channels/telegram/telegram.ts';
import { StoreBusyError } from '../../src/core/store-busy.ts';
import { testBotInfo } from '../helpers/fake-telegram.ts';
import { createTestApp, text, type TestApp } from '../helpers/test-app.ts';
import { TEST_ENGINE } from '../helpers/test-engine.ts';

let t: TestApp | undefined;
let holder: Database.Database | undefined;
afterEach(async () => {
  if (holder?.inTransaction) holder.exec('ROLLBACK');
  holder?.close();
  holder = undefined;
  await t?.close();
  t = undefined;
});

/** Another connection takes the write lock and keeps it until the test ends. */
function holdWriteLock(file: string): Database.Database {
  const db = new Database(file);
  db.exec('BEGIN IMMEDIATE');
  db.exec(`UPDATE "Person" SET "displayName" = "displayName" WHERE id = 1`);
  return db;
}

// A file lock is SQLite's: PostgreSQL locks rows, and the PostgreSQL pass has nothing to hold here.
describe.skipIf(TEST_ENGINE === 'postgresql')('a write lock held by another process (SQLite)', () => {
  it('reading chats are answered while it is held; a writing one is told the system is busy', async () => {
    t = await createTestApp({ env: { DATABASE_BUSY_WAIT_MS: '300' } });
    await t.say('reader', '/start'); // known before the lock
    await t.say('writer', '/start');
    t.advance(5 * 60_000); // their last-seen stamps are due again: that write must not hold them up

    holder = holdWriteLock(t.file);
    expect(text(await t.say('reader', '/tieuchi'))).toMatch(/lĩnh vực|tiêu chí/i);
    expect(text(await t.say('reader', '/moc'))).not.toBe('');

    // Starting a dialog writes its state: after the wait, a StoreBusyError, answered as "busy".
    await expect(
      t.app.core.handle({ channel: 'telegram', userId: 'writer', chatId: 'writer', chatType: 'private', displayName: 'W', text: '/viectot' }),
    ).rejects.toBeInstanceOf(StoreBusyError);

    holder.exec('ROLLBACK');
    expect(text(await t.say('writer', '/viectot'))).toContain('Bước 1/6'); // works again once released
  });

  it('the Telegram answer to a write that stayed locked says "busy, send again", in the chat', async () => {
    const bot = createTelegramBot({
      core: { handle: () => Promise.reject(new StoreBusyError('locked')) },
      translator: (await import('../helpers/core-fixtures.ts')).testTranslator(),
      logger: pino({ level: 'silent' }),
      token: '1:x',
      apiRoot: 'http://127.0.0.1:9',
      botInfo: testBotInfo(),
    });
    const sent: string[] = [];
    bot.api.config.use(async (_prev, method, payload) => {
      if (method === 'sendMessage') sent.push((payload as { text: string }).text);
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 5, type: 'private', first_name: 'A' }, text: '' } } as never;
    });
    const update: Update = {
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 5, type: 'private', first_name: 'A' }, from: { id: 5, is_bot: false, first_name: 'A' }, text: 'x' },
    };
    await bot.handleUpdate(update).catch((error: Parameters<typeof bot.errorHandler>[0]) => bot.errorHandler(error));
    expect(sent).toEqual([expect.stringContaining('Hệ thống đang bận')]);
  });
});
