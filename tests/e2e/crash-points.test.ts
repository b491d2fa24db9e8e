/**
 * Issue 10, kill -9 at every point: the real bot process (`src/main.ts`, ONE node process) is killed
 * with SIGKILL at each step of a Zalo event, of a nomination submission (the officer's "Gửi" tap) and
 * of a council vote (the member's "Xác nhận" tap), then started again on the same database. After the
 * restart each event was handled once (one state change), each reply and notice arrived once.
 *
 * Killed at a precise point:
 * - inside the process, by `THIDUA_CRASH_AT=<point>@<event key>` (src/crash-point.ts): the event
 *   recorded (the webhook has not answered, the polled batch is not confirmed); in the unit of work
 *   before the commit; committed, replies not delivered;
 * - from outside, by the test's SIGKILL: a fake platform received a message and holds its answer
 *   (sent, not yet marked SENT), or the Zalo webhook answered 200 and the event waits behind the
 *   person's previous one (answered, not yet handled).
 *
 * One database, one bot with both channels, and a series of nine process lives (a start costs
 * seconds of CPU, so no more than the points need): each life recovers what the last one left, is
 * checked, then is killed at the next point (a point armed for a later event cannot fire during the
 * recovery of an earlier one); the states reached from outside are set up in the life that a crash
 * point then ends. The test awaits events (calls reaching a fake, log lines, exits), never a time.
 *
 * The one gap, by design: a message in flight at the kill (claimed, its request maybe not yet sent)
 * becomes UNCERTAIN and is never sent again. Here the fakes had received it, so it arrived once; had
 * the kill come before the request left, it would be lost rather than doubled (see README, "Exactly once").
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Update } from 'grammy/types';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramCall } from '../helpers/fake-telegram.ts';
import { deliverOaEvent, startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.ts';
import { botArgs, freePort, quietSchedules, ROOT, waitForLog } from '../helpers/process.ts';
import { button, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { ACH, PLACE, seed as submitDirect } from '../core/nominations/fixtures.ts';
import { renderReply } from '../../src/core/render.ts';
import { payloadReply } from '../../src/db/outbox.ts';

/** Generous: process starts are slow on a busy machine; nothing here waits for a timer. */
const WAIT_MS = 60_000;
const T0 = Date.now();
/** `DEBUG_E2E=1`: the time of each step on stdout. */
const mark = (what: string) => process.env.DEBUG_E2E && console.log(`${((Date.now() - T0) / 1000).toFixed(1)}s ${what}`);

interface Life {
  child: ChildProcessWithoutNullStreams;
  stderr(): string;
  /** The signal that ended it (`'SIGKILL'`), else its exit code. */
  ended: Promise<NodeJS.Signals | number | null>;
}

const lives: Life[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const life of lives) if (life.child.exitCode === null && life.child.signalCode === null) life.child.kill('SIGKILL');
  await Promise.all(lives.map((l) => l.ended));
  for (const close of closers.reverse()) await close();
});

/**
 * The real bot as one process (node with the production flags and tsx as its loader, `botArgs`: the
 * tsx CLI would run the bot in a child of its own, which a SIGKILL to the CLI would miss). `crashAt`
 * arms `THIDUA_CRASH_AT`.
 */
function live(env: Record<string, string>, crashAt?: string): Life {
  mark(`start${crashAt ? ` (${crashAt})` : ''}`);
  const child = spawn(process.execPath, botArgs(), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'info',
      ...quietSchedules(),
      ...env,
      ...(crashAt ? { THIDUA_CRASH_AT: crashAt } : {}),
    },
    stdio: 'pipe',
  });
  let err = '';
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const ended = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code)));
  const life = { child, stderr: () => err, ended };
  lives.push(life);
  return life;
}

/** Resolves once the life's log matches `re`; rejects if it ends first. */
async function logged(life: Life, re: RegExp): Promise<void> {
  await waitForLog(life.child, life.stderr, re, WAIT_MS);
  mark(`logged ${re.source.slice(0, 40)}`);
}

/** The life ended by SIGKILL (its crash point, or the test's kill -9). */
async function killed(life: Life): Promise<void> {
  const how = await life.ended;
  mark(`ended by ${how}`);
  if (how !== 'SIGKILL') throw new Error(`expected a SIGKILL, the bot ended with ${how}:\n${life.stderr()}`);
}

/** A clean stop: SIGTERM, exit 0 (everything in flight finished, nothing more can arrive). */
async function stopped(life: Life): Promise<void> {
  life.child.kill('SIGTERM');
  const how = await life.ended;
  if (how !== 0) throw new Error(`expected exit 0 after SIGTERM, got ${how}:\n${life.stderr()}`);
}

/** The first line of a message as the person reads it (HTML tags and entities undone). */
const firstLine = (text: string) =>
  text
    .split('\n')[0]!
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();

/** How many items match. */
const count = <T>(items: T[], match: (item: T) => boolean) => items.filter(match).length;

describe('kill -9 on the real process, then a restart on the same database', () => {
  it(
    'at every point of a Zalo event, a nomination submission and a council vote: each handled once, each answer and notice received once',
    { timeout: 300_000 },
    async () => {
      const tg: FakeTelegram = await startFakeTelegram();
      closers.push(() => tg.close());
      const zalo: FakeZalo = await startFakeZalo();
      closers.push(() => zalo.close());
      const t: TestApp = await createTestApp({ start: new Date(), env: { COUNCIL_VOTE_RULE: '1' } });
      closers.push(() => t.close());

      // Four officers of the health station, each at the last step of /dangky (one per point of "Gửi").
      const officers = ['7001', '7002', '7003', '7004'];
      const nominee = (officer: string) => `Tổ y tế thôn ${officers.indexOf(officer) + 1}`;
      for (const o of officers) {
        await t.grant(o, 'OFFICER', 'tram-y-te');
        let r = await t.say(o, '/dangky');
        for (const move of [
          (p: typeof r) => t.tap(o, button(p, 'Tập thể')),
          (p: typeof r) => t.tap(o, button(p, '3.1.5')),
          (p: typeof r) => t.tap(o, button(p, '(gợi ý)')),
          () => t.say(o, nominee(o)),
          () => t.say(o, PLACE),
          () => t.say(o, ACH),
          (p: typeof r) => t.tap(o, button(p, 'Bỏ qua')),
          (p: typeof r) => t.tap(o, button(p, /^Xong$/)),
          (p: typeof r) => t.tap(o, button(p, 'Tiếp tục')),
        ])
          r = await move(r);
        expect(r.at(-1)?.text).toContain('Kiểm tra lại hồ sơ trước khi gửi');
      }
      // Three council members (told of each new nomination), each about to confirm "Đồng ý" on their own
      // nomination of the police unit (COUNCIL_VOTE_RULE=1: that vote decides it), whose two officers
      // are told of the decision.
      const council = ['7101', '7102', '7103'];
      for (const c of council) await t.grant(c, 'COUNCIL');
      const unitB = ['7201', '7202'];
      for (const o of unitB) await t.grant(o, 'OFFICER', 'cong-an');
      const voted: { member: string; id: number; name: string }[] = [];
      for (const [i, member] of council.entries()) {
        const name = `Tổ công an thôn ${i + 1}`;
        const n = await submitDirect(t, { proposer: unitB[0]!, unitCode: 'cong-an', nomineeName: name });
        const confirm = await t.tap(member, `rv:v:${n.id}:${n.round}:a`);
        expect(button(confirm, 'Xác nhận')).toBe('d:confirm:ok');
        voted.push({ member, id: n.id, name });
      }
      await t.prisma.outboxMessage.deleteMany();

      const OA_SECRET_KEY = 'oa-secret-key-crash-0123456789';
      const port = await freePort();
      const env = {
        DATABASE_URL: t.databaseUrl,
        COUNCIL_VOTE_RULE: '1',
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        ZALO_APP_ID: zalo.appId,
        ZALO_APP_SECRET: zalo.appSecret,
        ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
        ZALO_OA_ID: zalo.oaId,
        ZALO_REFRESH_TOKEN: zalo.issueTokens().refreshToken,
        ZALO_OA_API_BASE: zalo.url,
        ZALO_OAUTH_BASE: zalo.url,
        HTTP_PORT: String(port),
      };
      // Zalo is started (its leftovers replayed) and the HTTP server listens before Telegram starts.
      const ready = (life: Life) => logged(life, /"msg":"telegram started"/);

      // ——— Telegram: taps with our own update ids (the crash points name them), what arrived, the database.
      const tap = (chat: string, data: string, updateId: number) =>
        tg.pushUpdate({
          update_id: updateId,
          callback_query: {
            id: `cb${updateId}`,
            from: { id: Number(chat), is_bot: false, first_name: 'Test' },
            chat_instance: `ci${chat}`,
            data,
            message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: Number(chat), type: 'private', first_name: 'Test' }, text: '…' },
          },
        } as Update);
      const isText = (c: FakeTelegramCall) => c.method === 'sendMessage' || c.method === 'editMessageText';
      const said =
        (chat: string, ...parts: string[]) =>
        (c: FakeTelegramCall) =>
          isText(c) && String(c.payload.chat_id) === chat && parts.every((p) => String(c.payload.text ?? '').includes(p));
      const received = (chat: string, ...parts: string[]) => count(tg.calls, said(chat, ...parts));
      const arrives = (chat: string, ...parts: string[]) => tg.waitFor(said(chat, ...parts), WAIT_MS);
      const nominationOf = async (officer: string) => t.prisma.nomination.findMany({ where: { proposerId: await t.personId(officer) } });
      const dialogOf = async (user: string) => (await t.prisma.dialogState.findFirst({ where: { personId: await t.personId(user) } }))?.step;
      const update = (id: number) => t.prisma.inboxEntry.findUnique({ where: { channel_eventKey: { channel: 'telegram', eventKey: `update:${id}` } } });
      const votesOn = (id: number) => t.prisma.vote.count({ where: { nominationId: id } });
      const stateOf = async (id: number) => (await t.prisma.nomination.findUniqueOrThrow({ where: { id } })).state;
      /** The outbox rows whose key starts with one of `prefixes`, with the first line of their text as read. */
      const rows = async (...prefixes: string[]) =>
        (await t.prisma.outboxMessage.findMany({ where: { OR: prefixes.map((p) => ({ key: { startsWith: p } })) }, orderBy: { id: 'asc' } })).map((r) => ({
          key: r.key,
          chat: r.chatId,
          state: r.state,
          head: firstLine(renderReply(t.app.translator, r.locale === 'en' ? 'en' : 'vi', payloadReply(r.payload), 'plain').text),
        }));
      /** The Bot API calls that delivered a row: a message to its chat starting with its text. */
      const delivering = (row: { chat: string; head: string }) => (c: FakeTelegramCall) =>
        isText(c) && String(c.payload.chat_id) === row.chat && firstLine(String(c.payload.text ?? '')) === row.head;
      /** Resolves when every row of these keys has reached the Bot API (at least one row each). */
      const delivered = async (...prefixes: string[]) => {
        const all = await rows(...prefixes);
        expect(all.length, `rows ${prefixes.join(', ')}`).toBeGreaterThan(0);
        for (const row of all) await tg.waitFor(delivering(row), WAIT_MS);
      };
      /** The officer's answers and the council notices of their nomination. */
      const submissionArrives = async (officer: string, updateId: number) =>
        delivered(`reply:telegram:update:${updateId}:`, `nomination:${(await nominationOf(officer))[0]!.id}:submitted:`);
      /** The member's answers and the decision notices to the unit's officers. */
      const voteArrives = (v: (typeof voted)[number], updateId: number) => delivered(`reply:telegram:update:${updateId}:`, `nomination:${v.id}:decided:`);

      // ——— Zalo: one person telling a good deed, a dialog step per message.
      const user = '5550001112223334445';
      /** The person's messages as Zalo posts them (the same object again is Zalo's redelivery). */
      const events = Object.fromEntries(
        (
          [
            ['a', '/viectot'],
            ['b', 'Anh Rơ Mah Blơi'],
            ['c', 'Anh đã sửa lại cây cầu tre qua suối cho các cháu đi học an toàn.'],
            ['d', 'Cầu suối thôn Plei Ó'],
            ['e', 'hôm qua'],
          ] as const
        ).map(([id, text]) => [
          id,
          {
            app_id: zalo.appId,
            event_name: 'user_send_text',
            timestamp: String(Date.now()),
            sender: { id: user },
            recipient: { id: zalo.oaId },
            message: { msg_id: `crash-${id}`, text },
          },
        ]),
      ) as Record<'a' | 'b' | 'c' | 'd' | 'e', object>;
      const webhook = `http://127.0.0.1:${port}/zalo/webhook`;
      /** POSTs an event; `dropped` when the process died before answering. */
      const post = (id: keyof typeof events) =>
        deliverOaEvent(webhook, events[id], { appId: zalo.appId, oaSecretKey: OA_SECRET_KEY }).then(
          (r) => r.status,
          () => 'dropped' as const,
        );
      const event = (id: string) => t.prisma.inboxEntry.findUnique({ where: { channel_eventKey: { channel: 'zalo', eventKey: `msg:crash-${id}` } } });
      const zaloStep = async () => (await t.prisma.dialogState.findFirst({ where: { channel: 'zalo', chatId: user } }))?.step;
      const asked = (n: number) => zalo.waitForMessage(user, (m) => m.text.includes(`Bước ${n}/6`), WAIT_MS);

      // 1. "Gửi" (update 901) recorded from the polled batch, before the runner has it (offset not confirmed).
      let life = live(env, 'inbox:recorded@update:901');
      await ready(life);
      tap('7001', 'd:sum:ok', 901);
      await killed(life);
      expect(await update(901)).toMatchObject({ state: 'RECEIVED' });
      expect(await nominationOf('7001')).toEqual([]);
      expect(await dialogOf('7001')).toBe('sum');

      // 2. The restart replays it; Telegram's redelivery of the unconfirmed update is ignored.
      //    Then a Zalo message recorded, before the webhook answered: Zalo saw no 200.
      life = live(env, 'inbox:recorded@msg:crash-a');
      await ready(life);
      await submissionArrives('7001', 901);
      await logged(life, /"eventKey":"update:901","state":"DONE","msg":"event already handled \(redelivery\): ignored"/);
      expect(await nominationOf('7001')).toHaveLength(1);
      expect(await dialogOf('7001')).toBeUndefined();
      expect(await post('a')).toBe('dropped');
      await killed(life);
      expect(await event('a')).toMatchObject({ state: 'RECEIVED' });
      expect(zalo.sentTo(user)).toEqual([]);

      // 3. The restart handles it (step 1 asked); Zalo's redelivery changes nothing. Killed in the
      //    unit of work of the next "Gửi", before the commit.
      life = live(env, 'inbound:before-commit@update:902');
      await ready(life);
      await asked(1);
      expect(await post('a')).toBe(200);
      tap('7002', 'd:sum:ok', 902);
      await killed(life);
      expect(await update(902)).toMatchObject({ state: 'RECEIVED' });
      expect(await nominationOf('7002')).toEqual([]); // nothing half: not saved, the council not told,
      expect(await dialogOf('7002')).toBe('sum'); // the dialog at its last step
      expect(await t.prisma.outboxMessage.count({ where: { key: { contains: 'update:902' } } })).toBe(0);

      // 4. Replayed at the restart. Killed in the unit of work of the next Zalo message.
      life = live(env, 'inbound:before-commit@msg:crash-b');
      await ready(life);
      await submissionArrives('7002', 902);
      await post('b'); // 200 or dropped: the crash races the answer
      await killed(life);
      expect(await event('b')).toMatchObject({ state: 'RECEIVED' });
      expect(await zaloStep()).toBe('doer');

      // 5. Replayed at the restart (step 2 asked). Killed after the commit of the next "Gửi", before
      //    anything was sent.
      life = live(env, 'inbound:committed@update:903');
      await ready(life);
      await asked(2);
      expect(await post('b')).toBe(200);
      tap('7003', 'd:sum:ok', 903);
      await killed(life);
      expect(await nominationOf('7003')).toHaveLength(1);
      expect(await dialogOf('7003')).toBeUndefined();
      expect(received('7003', 'Đã gửi hồ sơ #')).toBe(0);

      // 6. The restart delivers its answer and notices. Killed after the commit of the next Zalo message.
      life = live(env, 'inbound:committed@msg:crash-c');
      await ready(life);
      await submissionArrives('7003', 903);
      await post('c');
      await killed(life);
      expect(await event('c')).toMatchObject({ state: 'DONE' });
      expect(await zaloStep()).toBe('place');
      expect(await t.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'reply:zalo:msg:crash-c:' } }, select: { state: true } })).toEqual([
        { state: 'PENDING' },
      ]);

      // 7. The restart delivers its answer (step 3 asked). Killed in the unit of work of a vote.
      life = live(env, 'inbound:before-commit@update:904');
      await ready(life);
      await asked(3);
      expect(await post('c')).toBe(200);
      tap(voted[0]!.member, 'd:confirm:ok', 904);
      await killed(life);
      expect(await votesOn(voted[0]!.id)).toBe(0);
      expect(await stateOf(voted[0]!.id)).toBe('SUBMITTED');
      expect(await dialogOf(voted[0]!.member)).toBe('confirm');

      // 8. Replayed at the restart. Then, before the last kill (update ids grow: Telegram confirms by offset),
      //    what the platforms have received:
      //    - Zalo accepts the answer to d and never answers; e is answered 200 and waits behind d;
      //    - the Bot API holds its answers to the third vote (the member's first answer, the first
      //      decision notice) and to the last "Gửi" (the officer's answer);
      //    and killed after the commit of the second vote, before its answers and notices.
      life = live(env, 'inbound:committed@update:907');
      await ready(life);
      await voteArrives(voted[0]!, 904);
      zalo.failNext('/v3.0/oa/message/cs', { hang: true, accept: true });
      expect(await post('d')).toBe(200);
      await asked(4);
      expect(await post('e')).toBe(200);
      const third = voted[2]!;
      const release = tg.hold('sendMessage', (payload) => [third.member, ...unitB, '7004'].includes(String(payload.chat_id)));
      tap(third.member, 'd:confirm:ok', 905);
      await arrives(third.member, 'Đã ghi nhận ý kiến', `#${third.id} `);
      await tg.waitFor((c) => unitB.some((o) => said(o, `Hồ sơ #${third.id} (`)(c)), WAIT_MS);
      tap('7004', 'd:sum:ok', 906);
      await arrives('7004', 'Đã gửi hồ sơ #', nominee('7004'));
      tap(voted[1]!.member, 'd:confirm:ok', 907);
      await killed(life);
      release();
      expect(await event('e')).toMatchObject({ state: 'RECEIVED' });
      expect(await votesOn(voted[1]!.id)).toBe(1);
      expect(await stateOf(voted[1]!.id)).toBe('PROPOSED');
      expect(received(unitB[0]!, `Hồ sơ #${voted[1]!.id} (`)).toBe(0);

      // 9. The restart: what was in flight is UNCERTAIN and not resent (the platforms had it), the rest
      //    goes out, e is handled. Then the same new update twice in one getUpdates batch, and Zalo
      //    delivering every event again: nothing more.
      life = live(env);
      await ready(life);
      await voteArrives(voted[1]!, 907);
      await voteArrives(third, 905);
      await submissionArrives('7004', 906);
      await asked(5);
      const twice = tg.pushUpdate({
        update_id: 908,
        message: {
          message_id: 908,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 7201, type: 'private', first_name: 'Test' },
          from: { id: 7201, is_bot: false, first_name: 'Test' },
          text: '/viectot',
        },
      } as Update);
      tg.pushUpdate(structuredClone(twice));
      await arrives('7201', 'Bước 1/6');
      for (const id of ['a', 'b', 'c', 'd', 'e'] as const) expect(await post(id)).toBe(200);
      await stopped(life);
      expect(life.stderr()).toMatch(/"channel":"telegram","count":3,"msg":"messages interrupted mid-send marked UNCERTAIN \(not resent\)"/);
      expect(life.stderr()).toMatch(/"channel":"zalo","count":1,"msg":"messages interrupted mid-send marked UNCERTAIN \(not resent\)"/);

      // Each nomination saved once, its dialog closed, its officer answered once, each member told once.
      for (const o of officers) {
        expect(await nominationOf(o), o).toHaveLength(1);
        expect(await dialogOf(o), o).toBeUndefined();
        expect(received(o, 'Đã gửi hồ sơ #', nominee(o)), o).toBe(1);
        for (const c of council) expect(received(c, 'Hồ sơ mới chờ Hội đồng xét', nominee(o)), `${c} told of ${o}'s`).toBe(1);
      }
      // Each vote recorded once, the nomination decided once, each decision notice sent once.
      for (const v of voted) {
        expect(await votesOn(v.id)).toBe(1);
        expect(await stateOf(v.id)).toBe('PROPOSED');
        expect(await dialogOf(v.member)).toBeUndefined();
        expect(received(v.member, 'Đã ghi nhận ý kiến', `#${v.id} `)).toBe(1);
        expect(received(v.member, 'Kết quả xét của Hội đồng', v.name)).toBe(1);
        for (const o of unitB) expect(received(o, `Hồ sơ #${v.id} (${v.name})`, 'thống nhất đề nghị'), `${o} told of #${v.id}`).toBe(1);
      }
      // The update twice in one batch: one dialog step, one answer.
      expect(received('7201', 'Bước 1/6')).toBe(1);
      expect(await dialogOf('7201')).toBe('doer');
      // Every answer and notice of these events: sent (or in flight at the kill, and received), received once.
      for (const row of await rows('reply:telegram:update:90', 'nomination:')) {
        expect(['SENT', 'UNCERTAIN'], row.key).toContain(row.state);
        expect(count(tg.calls, delivering(row)), `${row.key} received once`).toBe(1);
      }
      // In flight at the kill: the third vote's first answer, one of its decision notices, the last "Gửi"'s answer.
      const uncertain = await t.prisma.outboxMessage.findMany({ where: { channel: 'telegram', state: 'UNCERTAIN' }, select: { chatId: true } });
      expect(uncertain.map((r) => r.chatId)).toEqual(expect.arrayContaining([third.member, '7004']));
      expect(uncertain.filter((r) => unitB.includes(r.chatId))).toHaveLength(1);
      expect(uncertain).toHaveLength(3);
      // Every update recorded once and handled; no message sent twice to anyone.
      const updates = await t.prisma.inboxEntry.findMany({ where: { channel: 'telegram' }, select: { eventKey: true, state: true } });
      expect(updates.map((e) => `${e.eventKey} ${e.state}`).sort()).toEqual([901, 902, 903, 904, 905, 906, 907, 908].map((id) => `update:${id} DONE`));
      const texts = tg.calls.filter(isText).map((c) => `${String(c.payload.chat_id)} ${String(c.payload.text)}`);
      expect(texts.filter((x, i) => texts.indexOf(x) !== i)).toEqual([]);

      // Zalo: each message handled once (one dialog step each), each step asked once, nothing twice;
      // d's answer was in flight at the kill (UNCERTAIN: Zalo had it).
      const zaloTexts = zalo.sentTo(user).map((m) => m.text);
      for (const n of [1, 2, 3, 4, 5])
        expect(
          count(zaloTexts, (x) => x.includes(`Bước ${n}/6`)),
          `step ${n} asked once`,
        ).toBe(1);
      expect(zaloTexts.findIndex((x) => x.includes('Bước 5/6'))).toBe(zaloTexts.length - 1);
      expect(new Set(zaloTexts).size, 'no Zalo message twice').toBe(zaloTexts.length);
      expect(await zaloStep()).toBe('photo');
      const zaloEvents = await t.prisma.inboxEntry.findMany({ where: { channel: 'zalo' }, select: { eventKey: true, state: true } });
      expect(zaloEvents.map((e) => `${e.eventKey} ${e.state}`).sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map((id) => `msg:crash-${id} DONE`));
      const zaloRows = await t.prisma.outboxMessage.findMany({ where: { channel: 'zalo' }, select: { key: true, state: true }, orderBy: { id: 'asc' } });
      expect(zaloRows.filter((r) => r.state !== 'SENT')).toEqual([{ key: expect.stringMatching(/^reply:zalo:msg:crash-d:/), state: 'UNCERTAIN' }]);
      expect(zaloRows).toHaveLength(zaloTexts.length);
    },
  );
});
