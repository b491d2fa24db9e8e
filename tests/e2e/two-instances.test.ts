/**
 * Two real bot processes on one PostgreSQL database, Telegram in webhook mode behind a "load
 * balancer" (this test, spreading requests over both): 1,000 updates from 100 people and a weekly
 * digest to 300 council members. Every update is answered once, the digest run is claimed once, every
 * digest message is sent once, and the two processes together never send faster than the bot
 * token's pace (30 messages a second). Prints the figures for the README.
 *
 * It is about PostgreSQL alone (instances share a database only there, see README "Run several
 * instances") and is the suite's longest test (about a minute), so it runs in the PostgreSQL pass
 * only, `npm run test:postgres` (CI's `.ci/run` runs that pass after `npm test`); the SQLite pass,
 * `npm test`, skips it and says so. Skipped with a message where no PostgreSQL server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../../src/db/client.ts';
import { createScratchDatabase } from '../../src/db/postgres-admin.ts';
import { createLogger } from '../../src/logger.ts';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { freePort, startBot, type BotProcess } from '../helpers/process.ts';
import { postgresTestsSkipped } from '../helpers/test-engine.ts';

const unavailable = await postgresTestsSkipped();
if (unavailable) console.warn(`two-instance test (tests/e2e/two-instances.test.ts) skipped: ${unavailable}`);

const PEOPLE = 100;
const MESSAGES_EACH = 10;
const MEMBERS = 300;
const SECRET = 'two-instances-secret-0123456789';
const PATH = '/tg/hook';
const memberChat = (i: number) => 500_000 + i;
const personChat = (i: number) => 100_000 + i;

/** "M H * * *" of the minute before now in Vietnam: a digest that is due at start (caught up). */
function digestCronJustDue(): string {
  const before = new Date(Date.now() - 60_000);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(before);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${get('minute')} ${get('hour')} * * *`;
}

describe.skipIf(unavailable !== null)('two instances on one PostgreSQL database', () => {
  let fake: FakeTelegram;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const bots: BotProcess[] = [];
  const ports: number[] = [];

  beforeAll(async () => {
    fake = await startFakeTelegram();
    scratch = await createScratchDatabase('thidua_test_two');
    const env = { DATABASE_URL: scratch.url, SCHEDULE_DIGEST: digestCronJustDue() };
    // Migrations, plan and 300 council members with a Telegram identity, before either instance starts.
    const app = await createApp({ config: loadConfig(env), logger: createLogger({ level: 'silent' }) });
    await app.close();
    const db = await createDatabase({ databaseUrl: scratch.url });
    for (let i = 0; i < MEMBERS; i += 1) {
      await db.prisma.person.create({
        data: {
          displayName: `Member ${i}`,
          locale: 'vi',
          identities: { create: { channel: 'telegram', externalId: String(memberChat(i)) } },
          grants: { create: { role: 'COUNCIL' } },
        },
      });
    }
    await db.close();
    for (let n = 0; n < 2; n += 1) ports.push(await freePort());
    for (const port of ports) {
      bots.push(
        startBot({
          ...env,
          TELEGRAM_BOT_TOKEN: fake.token,
          TELEGRAM_API_ROOT: fake.apiRoot,
          TELEGRAM_MODE: 'webhook',
          TELEGRAM_WEBHOOK_URL: `https://bot.example${PATH}`,
          TELEGRAM_WEBHOOK_SECRET: SECRET,
          HTTP_PORT: String(port),
          LOG_LEVEL: 'warn',
          RATE_LIMIT_PER_MINUTE: '0',
        }),
      );
    }
    // Each instance tells Telegram its webhook once its server listens.
    let told = 0;
    await fake.waitFor((c) => c.method === 'setWebhook' && (told += 1) === 2, 120_000);
  }, 240_000);

  afterAll(async () => {
    for (const bot of bots) await bot.cleanup();
    await fake?.close();
    await scratch?.drop();
  });

  it('handles 1,000 updates once, claims the digest once and sends 300 digest messages once, within the pace', async () => {
    let updateId = 1_000_000;
    const post = async (instance: number, update: object) => {
      const response = await fetch(`http://127.0.0.1:${ports[instance]}${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      expect(response.status).toBe(200);
    };
    const textUpdate = (chat: number, text: string) => ({
      update_id: (updateId += 1),
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chat, type: 'private', first_name: `P${chat}` },
        from: { id: chat, is_bot: false, first_name: `P${chat}`, language_code: 'vi' },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: text.length }],
      },
    });
    const repliesTo = (chat: number) => fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chat).length;

    // How many messages one /help gets, asked once of each instance (they must agree).
    const probe = 99_000;
    await post(0, textUpdate(probe, '/help'));
    await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === probe, 60_000);
    const perHelp = repliesTo(probe);
    await post(1, textUpdate(probe, '/help'));
    await fake.waitFor(() => repliesTo(probe) >= 2 * perHelp, 60_000);
    expect(repliesTo(probe)).toBe(2 * perHelp);

    // 100 people, each sending 10 messages one after the other, alternately to each instance.
    const started = Date.now();
    const expectedReplies = PEOPLE * MESSAGES_EACH * perHelp;
    const personReplies = () =>
      fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) >= personChat(0) && Number(c.payload.chat_id) < personChat(PEOPLE))
        .length;
    const allAnswered = fake.waitFor(() => personReplies() >= expectedReplies, 180_000);
    await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => {
        for (let m = 0; m < MESSAGES_EACH; m += 1) await post((i + m) % 2, textUpdate(personChat(i), '/help'));
      }),
    );
    await allAnswered;
    const updatesSeconds = (Date.now() - started) / 1000;

    // The digest: claimed by one instance, 300 messages shared out between both senders.
    const digestCalls = () =>
      fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) >= memberChat(0) && Number(c.payload.chat_id) < memberChat(MEMBERS));
    await fake.waitFor(() => digestCalls().length >= MEMBERS, 180_000);
    const digest = digestCalls();
    const perMember = new Map<number, number>();
    for (const c of digest) perMember.set(Number(c.payload.chat_id), (perMember.get(Number(c.payload.chat_id)) ?? 0) + 1);
    expect(perMember.size).toBe(MEMBERS);
    expect([...perMember.values()].every((n) => n === 1)).toBe(true);

    // Nothing came twice: every person got exactly 10 × the replies of one /help.
    for (let i = 0; i < PEOPLE; i += 1) expect(repliesTo(personChat(i))).toBe(MESSAGES_EACH * perHelp);
    // Every answer went out at once: none was left to the delivery loop (30 s later) by a write
    // that failed (on PostgreSQL, a transaction that lost to the other instance too often).
    for (const bot of bots) expect(bot.stderr()).not.toMatch(/delivering a reply failed/);

    // The pace across both instances: never more than 30 digest messages within one second.
    const times = digest.map((c) => c.at).sort((a, b) => a - b);
    let worst = 0;
    for (let i = 0; i < times.length; i += 1) {
      let j = i;
      while (j + 1 < times.length && times[j + 1]! - times[i]! < 1000) j += 1;
      worst = Math.max(worst, j - i + 1);
    }
    expect(worst).toBeLessThanOrEqual(30);
    const digestSeconds = (times.at(-1)! - times[0]!) / 1000;
    console.log(
      `two instances on PostgreSQL: ${PEOPLE * MESSAGES_EACH} updates in ${updatesSeconds.toFixed(1)} s (${((PEOPLE * MESSAGES_EACH) / updatesSeconds).toFixed(0)} updates/s); ` +
        `digest ${MEMBERS} messages in ${digestSeconds.toFixed(1)} s (${(MEMBERS / digestSeconds).toFixed(1)} messages/s, at most ${worst} in any second)`,
    );
  }, 400_000);
});
