/**
 * End to end through Zalo, against the fake Zalo server: signed webhook deliveries in, consultation
 * messages out, with the real token store, client, outbox and scheduler.
 *
 * 1. In-process (`createTestApp` + `startZalo`, one fake clock for the app, the webhook and the fake):
 *    a follower is greeted, asks about criteria, becomes an officer by invite, registers a nomination
 *    (buttons tapped by sending their payloads back, numbered choices typed), tells a good deed with a
 *    photo, and as a council member receives the weekly digest, with the button that renews the
 *    7-day window.
 * 2. The real process (`src/main.ts`) with Telegram and Zalo together in one process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startZalo, type RunningZalo } from '../../src/channels/zalo/run.ts';
import { loadConfig } from '../../src/config.ts';
import { createHttpApp, startHttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { deliverOaEvent, startFakeZalo, type FakeZalo, type FakeZaloMessage } from '../helpers/fake-zalo.ts';
import { watchOutbox, type OutboxWatch } from '../helpers/outbox-watch.ts';
import { freePort, startBot, type BotProcess } from '../helpers/process.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const OA_SECRET_KEY = 'oa-secret-key-e2e-0123456789';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A person on Zalo: sends signed events to the bot's webhook and reads what the fake received. */
class ZaloPerson {
  private seen = 0;
  private seq = 0;
  constructor(
    private readonly fake: FakeZalo,
    private readonly url: string,
    private readonly zalo: RunningZalo,
    private readonly now: () => Date,
    readonly userId: string,
  ) {}

  /** Delivers an event from this person; resolves with the messages the bot sent back. */
  async send(event: Record<string, unknown>): Promise<FakeZaloMessage[]> {
    const body = {
      app_id: this.fake.appId,
      user_id_by_app: `9${this.userId}`,
      timestamp: String(this.now().getTime()),
      sender: { id: this.userId },
      recipient: { id: this.fake.oaId },
      ...event,
    };
    const res = await deliverOaEvent(this.url, body, { appId: this.fake.appId, oaSecretKey: OA_SECRET_KEY });
    expect(res.status).toBe(200);
    await this.zalo.webhook.idle();
    return this.fresh();
  }

  /** Messages received since the last look. */
  fresh(): FakeZaloMessage[] {
    const all = this.fake.sentTo(this.userId);
    const out = all.slice(this.seen);
    this.seen = all.length;
    return out;
  }

  say(text: string): Promise<FakeZaloMessage[]> {
    return this.send({ event_name: 'user_send_text', message: { msg_id: `${this.userId}-${++this.seq}`, text } });
  }

  photo(url: string): Promise<FakeZaloMessage[]> {
    return this.send({
      event_name: 'user_send_image',
      message: { msg_id: `${this.userId}-${++this.seq}`, attachments: [{ type: 'image', payload: { url, thumbnail: url } }] },
    });
  }

  follow(): Promise<FakeZaloMessage[]> {
    return this.send({
      event_name: 'follow',
      oa_id: this.fake.oaId,
      follower: { id: this.userId },
      source: 'oa_profile',
      sender: undefined,
      recipient: undefined,
    });
  }

  /**
   * Taps the choice whose label matches in the last messages: a button (its payload comes back as a
   * text, as Zalo does) or, beyond Zalo's button cap, a numbered choice (types the number).
   */
  async tap(last: FakeZaloMessage[], label: string | RegExp): Promise<FakeZaloMessage[]> {
    const matches = (s: string) => (typeof label === 'string' ? s.includes(label) : label.test(s));
    const button = last.flatMap((m) => m.buttons).find((b) => matches(b.title));
    if (button) return this.say(String(button.payload));
    for (const m of last) {
      for (const line of m.text.split('\n')) {
        const n = /^(\d+)\. (.*)$/.exec(line);
        if (n && matches(n[2]!)) return this.say(n[1]!);
      }
    }
    throw new Error(`no choice ${String(label)} in:\n${last.map((m) => `${m.text}\n[${m.buttons.map((b) => b.title).join(' | ')}]`).join('\n---\n')}`);
  }
}

const texts = (ms: FakeZaloMessage[]) => ms.map((m) => m.text).join('\n\n');

async function inProcess(): Promise<{ t: TestApp; fake: FakeZalo; zalo: RunningZalo; outbox: OutboxWatch; person: (id: string) => ZaloPerson }> {
  let clock: () => Date = () => new Date();
  const fake = await startFakeZalo({ now: () => clock() });
  cleanups.push(() => fake.close());
  const env = {
    ZALO_APP_ID: fake.appId,
    ZALO_APP_SECRET: fake.appSecret,
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_OA_ID: fake.oaId,
    ZALO_REFRESH_TOKEN: fake.issueTokens().refreshToken,
    ZALO_OA_API_BASE: fake.url,
    ZALO_OAUTH_BASE: fake.url,
  };
  const t = await createTestApp({ env });
  cleanups.push(() => t.close());
  clock = () => t.now();
  const settings = loadConfig({ ...env, DATABASE_URL: t.databaseUrl }).zalo!;
  const logger = createLogger({ level: 'silent' });
  const http = createHttpApp({ logger });
  // The sender's outcomes are watched, so a test awaits a delivery instead of polling the table.
  const outbox = watchOutbox(t.app.stores.outbox);
  // The channel's clock runs (the sender paces its sends by it) from the app's fake time, which the
  // test moves: a frozen clock would hold the sender's per-second window shut.
  const started = performance.now();
  const running = () => new Date(t.now().getTime() + (performance.now() - started));
  const zalo = await startZalo({
    core: t.app.core,
    translator: t.app.translator,
    people: t.app.services.people,
    outbox: outbox.store,
    inbox: t.app.stores.inbox,
    unitOfWork: t.app.stores.unitOfWork,
    tokens: t.app.stores.zaloTokens,
    logger,
    settings,
    http,
    now: running,
    idleMs: 20,
  });
  const server = await startHttpServer({ app: http, port: 0, logger });
  cleanups.push(async () => {
    await server.close();
    await zalo.stop();
  });
  const url = `http://127.0.0.1:${server.port}${settings.webhookPath}`;
  return { t, fake, zalo, outbox, person: (id) => new ZaloPerson(fake, url, zalo, () => t.now(), id) };
}

describe('Zalo end to end (in-process, fake Zalo server)', () => {
  it('criteria questions, an officer’s nomination, a good deed and the council digest, all through Zalo', async () => {
    const { t, fake, outbox, person } = await inProcess();
    const lan = person('5550001112223334445');

    // Follow: greeted like /start (the first send refreshes the seeded token: one OAuth call).
    const hello = await lan.follow();
    expect(texts(hello)).toContain('Xin chào! Đây là trợ lý thi đua – khen thưởng của');
    expect(texts(hello)).not.toContain('<b>');
    expect(fake.callsTo('/v4/oa/access_token')).toHaveLength(1);

    // Criteria: a free question without diacritics, and /tieuchi with its (numbered) categories.
    const found = await lan.say('tieu chi y te');
    expect(texts(found)).toContain('Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân');
    const list = await lan.say('/tieuchi');
    expect(texts(list)).toContain('Tiêu chí lựa chọn điển hình tiên tiến');
    const detail = await lan.tap(list, '3.1.5');
    expect(texts(detail)).toContain('3.1.5. Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân (mục III.3.1.5)');

    // Made an officer of the health station by an invite code.
    const code = await t.app.services.roles.createInvite({
      role: 'OFFICER',
      planSlug: t.app.catalog().plan.id,
      unitCode: 'tram-y-te',
      byId: null,
      expiresAt: new Date(t.now().getTime() + 86_400_000),
    });
    expect(texts(await lan.say(`/thamgia ${code}`))).toContain('Bạn đã nhận vai trò: Cán bộ');

    // A nomination registration, tapping and typing as on a phone.
    let step = await lan.say('/dangky');
    expect(texts(step)).toContain('bước 1: đối tượng là');
    step = await lan.tap(step, 'Tập thể');
    expect(texts(step)).toContain('Chọn lĩnh vực phù hợp với');
    step = await lan.tap(step, '3.1.5'); // more categories than Zalo's buttons: a typed number
    step = await lan.tap(step, '(gợi ý)');
    step = await lan.say('Trạm Y tế xã');
    step = await lan.say('Thôn Plei Ó');
    step = await lan.say('Tiêm chủng đầy đủ cho trẻ em, không để dịch bệnh lây lan trong năm 2024.');
    expect(texts(step)).toContain('Gửi ảnh hoặc tài liệu minh chứng');
    step = await lan.photo('https://zalo.example/photos/tiem-chung.jpg');
    expect(texts(step)).toContain('Đã nhận. Tổng cộng 1 minh chứng.');
    step = await lan.tap(step, 'Xong (1 minh chứng)');
    expect(texts(step)).toContain('Tự đánh giá tiêu chí (mục 3.1.5)');
    step = await lan.tap(step, /^Xong$/);
    step = await lan.tap(step, 'Tiếp tục');
    expect(texts(step)).toContain('Kiểm tra lại hồ sơ trước khi gửi');
    step = await lan.tap(step, 'Gửi đề nghị');
    expect(texts(step)).toMatch(/Đã gửi hồ sơ #\d+ \(Trạm Y tế xã\)/);
    const lanId = (await t.prisma.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalo', externalId: lan.userId } } })).personId;
    const nomination = await t.prisma.nomination.findFirstOrThrow({ where: { proposerId: lanId }, include: { evidence: true } });
    expect(nomination).toMatchObject({ state: 'SUBMITTED', nomineeName: 'Trạm Y tế xã' });
    expect(nomination.evidence).toEqual([expect.objectContaining({ kind: 'PHOTO', channel: 'zalo', fileRef: 'https://zalo.example/photos/tiem-chung.jpg' })]);

    // A good deed with a photo (/viectot).
    step = await lan.say('/viectot');
    expect(texts(step)).toContain('Ai đã làm việc tốt');
    step = await lan.say('Anh Rơ Mah Blơi');
    step = await lan.say('Anh đã sửa lại cây cầu tre qua suối cho các cháu đi học an toàn.');
    expect(texts(step)).toContain('ở đâu');
    step = await lan.say('Cầu suối thôn Plei Ó');
    step = await lan.tap(step, 'Hôm qua');
    step = await lan.photo('https://zalo.example/photos/cau-tre.jpg');
    step = await lan.tap(step, 'Xong (1 ảnh)');
    step = await lan.tap(step, 'Ghi tên tôi');
    step = await lan.tap(step, 'Gửi');
    expect(texts(step)).toMatch(/Cảm ơn bạn! Đã nhận việc tốt, mã VT-/);
    const deed = await t.prisma.goodDeed.findFirstOrThrow({ where: { submitterId: lanId }, include: { photos: true } });
    expect(deed.photos).toEqual([expect.objectContaining({ channel: 'zalo', fileRef: 'https://zalo.example/photos/cau-tre.jpg' })]);

    // The weekly digest (Monday 07:30, due) goes to council members: Lan joins the council.
    await t.app.services.roles.grant({ personId: lanId, role: 'COUNCIL', planSlug: t.app.catalog().plan.id });
    const runs = await t.app.scheduler.tick();
    expect(runs).toContainEqual(expect.objectContaining({ job: 'council-digest', state: 'DONE' }));
    const queued = await t.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: 'digest:' } } });
    expect(queued.channel).toBe('zalo');
    expect(await outbox.settled(queued.id)).toBe('SENT');
    expect((await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).state).toBe('SENT');
    const digest = lan.fresh().find((m) => m.text.includes('Bản tin tuần của Hội đồng Thi đua – Khen thưởng'));
    expect(digest?.text).toContain('Trạm Y tế xã');
    expect(digest?.buttons).toContainEqual({ type: 'oa.query.hide', title: 'Tiếp tục nhận tin', payload: '#a:noop' });
    // Tapping it renews the window: an interaction, acknowledged.
    expect(texts(await lan.tap([digest!], 'Tiếp tục nhận tin'))).toContain('Bạn sẽ tiếp tục nhận tin');
    // The seeded refresh token was used once; the pair it gave is still in use (no refresh storm).
    expect(fake.callsTo('/v4/oa/access_token')).toHaveLength(1);
  });

  it('a person gone quiet for more than 7 days is held as unreachable until they write again', async () => {
    const { t, fake, outbox, person } = await inProcess();
    const ba = person('5550001112223339999');
    await ba.say('xin chào');
    const id = (await t.prisma.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalo', externalId: ba.userId } } })).personId;
    await t.app.services.roles.grant({ personId: id, role: 'COUNCIL', planSlug: t.app.catalog().plan.id });
    t.advance(8 * 86_400_000); // next Monday's digest, 8 days after Ba last wrote
    await t.app.scheduler.tick();
    const queued = await t.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: 'digest:' } } });
    expect(await outbox.settled(queued.id)).toBe('UNREACHABLE');
    expect((await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).state).toBe('UNREACHABLE');
    expect(fake.sentTo(ba.userId).some((m) => m.text.includes('Bản tin tuần'))).toBe(false);
    // Ba writes again: answered, reachable.
    expect(texts(await ba.say('/help'))).toContain('/tieuchi');
    expect((await t.prisma.identity.findFirstOrThrow({ where: { personId: id } })).unreachableAt).toBeNull();
  });

  it('unfollow marks the person unreachable', async () => {
    const { t, fake, person } = await inProcess();
    const chi = person('5550001112223338888');
    await chi.follow();
    await chi.send({ event_name: 'unfollow', oa_id: fake.oaId, follower: { id: chi.userId }, sender: undefined, recipient: undefined });
    const id = (await t.prisma.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalo', externalId: chi.userId } } })).personId;
    expect((await t.prisma.identity.findFirstOrThrow({ where: { personId: id } })).unreachableAt).not.toBeNull();
  });
});

describe('Zalo end to end (the real process)', () => {
  it('Telegram (polling) and Zalo run together in one process', async () => {
    const fake = await startFakeZalo();
    cleanups.push(() => fake.close());
    const tg: FakeTelegram = await startFakeTelegram();
    cleanups.push(() => tg.close());
    const port = await freePort();
    const refresh = fake.issueTokens().refreshToken;
    const bot: BotProcess = startBot({
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      ZALO_APP_ID: fake.appId,
      ZALO_APP_SECRET: fake.appSecret,
      ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
      ZALO_OA_ID: fake.oaId,
      ZALO_REFRESH_TOKEN: refresh,
      ZALO_OA_API_BASE: fake.url,
      ZALO_OAUTH_BASE: fake.url,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    cleanups.push(async () => {
      const kill = setTimeout(() => bot.child.kill('SIGKILL'), 5000);
      await bot.cleanup();
      clearTimeout(kill);
    });
    await bot.waitForStderr(/http server listening/);

    // Zalo: a signed text to the webhook is answered through the OA API.
    const user = '5550001112223331111';
    const event = {
      app_id: fake.appId,
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: user },
      recipient: { id: fake.oaId },
      message: { msg_id: 'proc-1', text: 'tieu chi y te' },
    };
    const url = `http://127.0.0.1:${port}/zalo/webhook`;
    expect((await deliverOaEvent(url, event, { appId: fake.appId, oaSecretKey: OA_SECRET_KEY })).status).toBe(200);
    const answer = await fake.waitForMessage(user);
    expect(answer.text).toContain('Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân');
    // A forged delivery is refused.
    expect((await deliverOaEvent(url, { ...event, message: { msg_id: 'proc-2', text: 'x' } }, { appId: fake.appId, oaSecretKey: 'wrong' })).status).toBe(401);

    // Telegram in the same process.
    await tg.waitFor((c) => c.method === 'getUpdates', 8000);
    const from = tg.calls.length;
    tg.sendText({ chatId: 7001, text: '/start' });
    await tg.waitFor((c) => tg.calls.indexOf(c) >= from && c.method === 'sendMessage' && String(c.payload.text ?? '').includes('Xin chào'), 8000);

    // No secret in the logs.
    for (const secret of [OA_SECRET_KEY, fake.appSecret, refresh]) expect(bot.stderr()).not.toContain(secret);
  }, 60_000);
});
