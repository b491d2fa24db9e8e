/**
 * Tests of our own Zalo OA client (no usable Zalo SDK exists on npm) against the local fake Zalo server:
 * sends, error classification, token rotation, one refresh at a time (also across two DB handles), lost grants.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  classifyZaloError,
  createZaloClient,
  isLostGrant,
  ZaloApiError,
  type ZaloClient,
  type ZaloClientOptions,
  type ZaloErrorKind,
} from '../../../src/channels/zalo/client.ts';
import { createDatabase, type Database } from '../../../src/db/client.ts';
import { createZaloTokenStore, type ZaloTokenStore } from '../../../src/db/zalo-token-store.ts';
import { createLogger } from '../../../src/logger.ts';
import { startFakeZalo, type FakeZalo, type FakeZaloFault } from '../../helpers/fake-zalo.ts';
import { createTempDatabase, type TempDatabase } from '../../helpers/temp-db.ts';

const USER = '5550001112223334445';
const HOUR = 60 * 60_000;
const logger = createLogger({ level: 'silent' });

describe('Zalo client', () => {
  let fake: FakeZalo;
  let db: TempDatabase;
  let store: ZaloTokenStore;
  let clock: Date;
  const now = () => clock;
  const extraDbs: Database[] = [];

  const refreshCalls = () => fake.callsTo('/v4/oa/access_token').length;
  const csCalls = () => fake.callsTo('/v3.0/oa/message/cs');
  const stored = () => db.prisma.zaloToken.findUniqueOrThrow({ where: { oaId: fake.oaId } });

  function client(overrides: Partial<ZaloClientOptions> = {}): ZaloClient {
    return createZaloClient({
      apiBase: fake.url,
      oauthBase: `${fake.url}/`,
      appId: fake.appId,
      appSecret: fake.appSecret,
      oaId: fake.oaId,
      tokens: store,
      logger,
      now,
      ...overrides,
    });
  }

  /** Stores a valid pair the fake issued, with `accessLeftMs` left on the access token. */
  async function storeIssuedPair(accessLeftMs = 25 * HOUR) {
    const pair = fake.issueTokens();
    await db.prisma.zaloToken.create({
      data: {
        oaId: fake.oaId,
        accessToken: pair.accessToken,
        refreshToken: pair.refreshToken,
        accessExpiresAt: new Date(clock.getTime() + accessLeftMs),
      },
    });
    return pair;
  }

  async function expectError(promise: Promise<unknown>): Promise<ZaloApiError> {
    const error = await promise.then(
      () => {
        throw new Error('expected a ZaloApiError');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZaloApiError);
    return error as ZaloApiError;
  }

  beforeEach(async () => {
    clock = new Date('2026-12-01T08:00:15Z');
    fake = await startFakeZalo({ now });
    db = await createTempDatabase();
    store = createZaloTokenStore(db.prisma, { now, pollMs: 5 });
  });
  afterEach(async () => {
    await fake.close();
    for (const extra of extraDbs.splice(0)) await extra.close();
    await db.close();
  });

  describe('sending', () => {
    it('sends a text: access_token header (not Bearer), NFC text, buttons as oa.query.hide', async () => {
      const { accessToken } = await storeIssuedPair();
      const nfd = 'Chúc mừng bạn đã đăng ký thành công!'.normalize('NFD');
      const { messageId } = await client().sendText({
        userId: USER,
        text: nfd,
        buttons: [
          { title: 'Đồng ý'.normalize('NFD'), payload: '1' },
          { title: 'Không', payload: '2' },
        ],
      });
      const [call] = csCalls();
      expect(call?.accessToken).toBe(accessToken);
      expect(call?.body).toEqual({
        recipient: { user_id: USER },
        message: {
          text: nfd.normalize('NFC'),
          attachment: {
            type: 'template',
            payload: {
              buttons: [
                { type: 'oa.query.hide', title: 'Đồng ý', payload: '1' },
                { type: 'oa.query.hide', title: 'Không', payload: '2' },
              ],
            },
          },
        },
      });
      const [sent] = fake.sentTo(USER);
      expect(sent?.messageId).toBe(messageId);
      expect(sent?.text).toBe(nfd.normalize('NFC'));
      expect(refreshCalls()).toBe(0);
    });

    it('sends plain text without an attachment', async () => {
      await storeIssuedPair();
      await client().sendText({ userId: USER, text: 'Xin chào' });
      expect(csCalls()[0]?.body).toEqual({ recipient: { user_id: USER }, message: { text: 'Xin chào' } });
    });

    it('counts 2,000 characters after NFC: an NFD text of 2,000 letters is fine, 2,001 is refused before any call', async () => {
      await storeIssuedPair();
      const zalo = client();
      const ok = 'ệ'.repeat(2000).normalize('NFD'); // 6,000 code units in NFD, 2,000 characters in NFC
      await zalo.sendText({ userId: USER, text: ok });
      expect(fake.sentTo(USER)[0]?.text).toHaveLength(2000);
      const error = await expectError(zalo.sendText({ userId: USER, text: 'a'.repeat(2001) }));
      expect(error).toMatchObject({ code: -201, kind: 'give-up', operation: 'send' });
      expect(csCalls()).toHaveLength(1);
    });

    it('refuses more than 5 buttons, empty titles and empty texts before calling', async () => {
      await storeIssuedPair();
      const zalo = client();
      const six = Array.from({ length: 6 }, (_, i) => ({ title: `${i + 1}`, payload: `${i + 1}` }));
      expect(await expectError(zalo.sendText({ userId: USER, text: 'Chọn', buttons: six }))).toMatchObject({ code: -201, kind: 'give-up' });
      expect(await expectError(zalo.sendText({ userId: USER, text: 'Chọn', buttons: [{ title: ' ', payload: 'x' }] }))).toMatchObject({ code: -201 });
      expect(await expectError(zalo.sendText({ userId: USER, text: '  ' }))).toMatchObject({ code: -201 });
      expect(csCalls()).toHaveLength(0);
      await zalo.sendText({ userId: USER, text: 'Chọn', buttons: six.slice(0, 5) });
      expect(fake.sentTo(USER)[0]?.buttons).toHaveLength(5);
    });
  });

  describe('errors come with HTTP 200 and are thrown classified', () => {
    const cases: [FakeZaloFault, ZaloErrorKind, number][] = [
      [{ error: -32, message: 'Your application reached limit call api' }, 'retry', -32],
      [{ error: -100 }, 'retry', -100],
      [{ status: 502 }, 'retry', 502],
      [{ status: 503, body: { error: -1, message: 'busy' } }, 'retry', 503],
      [{ error: -213 }, 'unreachable', -213],
      [{ error: -217 }, 'unreachable', -217],
      [{ error: -227 }, 'unreachable', -227],
      [{ error: -244 }, 'unreachable', -244],
      [{ error: -230 }, 'window', -230],
      [{ error: -232 }, 'window', -232],
      [{ error: -201, message: 'text is invalid' }, 'give-up', -201],
      [{ error: -233 }, 'give-up', -233],
      [{ error: -240 }, 'give-up', -240],
      [{ status: 404, body: 'not found' }, 'give-up', 404],
      [{ body: { error: 0, message: 'Success', data: {} } }, 'give-up', 0],
      [{ body: '<html>proxy</html>' }, 'give-up', 0],
    ];
    it.each(cases)('%j → %s', async (fault, kind, code) => {
      await storeIssuedPair();
      fake.failNext('/v3.0/oa/message/cs', fault);
      const error = await expectError(client().sendText({ userId: USER, text: 'Xin chào' }));
      expect(error).toMatchObject({ kind, code, operation: 'send' });
      expect(error.message).not.toContain(fake.appSecret);
      expect(csCalls()).toHaveLength(1); // never retried by the client itself
      expect(refreshCalls()).toBe(0);
    });

    it('-32 (rate limit) → retry with retryAfterMs to the next minute', async () => {
      await storeIssuedPair();
      fake.failNext('/v3.0/oa/message/cs', { error: -32 });
      const error = await expectError(client().sendText({ userId: USER, text: 'Xin chào' }));
      expect(error.kind).toBe('retry');
      expect(error.retryAfterMs).toBe(45_000 + 1000); // clock is at :15 s
    });

    it('HTTP 429 → retry with Retry-After', async () => {
      await storeIssuedPair();
      fake.failNext('/v3.0/oa/message/cs', { status: 429, headers: { 'retry-after': '7' } });
      const error = await expectError(client().sendText({ userId: USER, text: 'Xin chào' }));
      expect(error).toMatchObject({ kind: 'retry', httpStatus: 429, retryAfterMs: 7000 });
    });

    it('-230 from the real window check: outside 7 days → window, inside → sent', async () => {
      await storeIssuedPair();
      const zalo = client();
      fake.setLastInteraction(USER, new Date(clock.getTime() - 8 * 24 * HOUR));
      expect(await expectError(zalo.sendText({ userId: USER, text: 'Nhắc lịch' }))).toMatchObject({ code: -230, kind: 'window' });
      fake.setLastInteraction(USER, new Date(clock.getTime() - 6 * 24 * HOUR));
      await zalo.sendText({ userId: USER, text: 'Nhắc lịch' });
      expect(fake.sentTo(USER)).toHaveLength(1);
    });

    it('a network failure or a timeout → retry (code 0)', async () => {
      await storeIssuedPair();
      fake.failNext('/v3.0/oa/message/cs', { hang: true });
      const timedOut = await expectError(client({ timeoutMs: 100 }).sendText({ userId: USER, text: 'Xin chào' }));
      expect(timedOut).toMatchObject({ kind: 'retry', code: 0 });
      const unreachable = await expectError(client({ apiBase: 'http://127.0.0.1:1' }).sendText({ userId: USER, text: 'Xin chào' }));
      expect(unreachable).toMatchObject({ kind: 'retry', code: 0, operation: 'send' });
    });

    it('classifyZaloError follows the table', () => {
      expect([-32, -100, -216, -220, -124, -213, -217, -227, -244, -230, -232, -201, -14014].map(classifyZaloError)).toEqual([
        'retry',
        'retry',
        'refresh',
        'refresh',
        'refresh',
        'unreachable',
        'unreachable',
        'unreachable',
        'unreachable',
        'window',
        'window',
        'give-up',
        'give-up',
      ]);
    });
  });

  describe('token rotation', () => {
    it('a seeded store refreshes on first use; each refresh rotates and the store holds the newest pair', async () => {
      const seedPair = fake.issueTokens();
      expect(await store.seed({ oaId: fake.oaId, refreshToken: seedPair.refreshToken })).toBe(true);
      const zalo = client();
      await zalo.sendText({ userId: USER, text: 'Một' });
      expect(refreshCalls()).toBe(1);
      const [refreshCall] = fake.callsTo('/v4/oa/access_token');
      expect(refreshCall?.secretKey).toBe(fake.appSecret);
      expect(refreshCall?.body).toEqual({ app_id: fake.appId, refresh_token: seedPair.refreshToken, grant_type: 'refresh_token' });

      const first = await stored();
      expect(first).toMatchObject({ version: 1, lastError: null, refreshingUntil: null });
      expect(first.refreshToken).not.toBe(seedPair.refreshToken);
      expect(first.accessExpiresAt).toEqual(new Date(clock.getTime() + 90_000_000)); // "90000" s, a string
      expect(csCalls()[0]?.accessToken).toBe(first.accessToken);
      expect(fake.liveRefreshTokens()).toEqual([first.refreshToken]);

      // The used refresh token is dead now.
      const replay = await fetch(`${fake.url}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: fake.appSecret },
        body: new URLSearchParams({ app_id: fake.appId, refresh_token: seedPair.refreshToken, grant_type: 'refresh_token' }),
      });
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ error: -14014, error_name: 'Invalid refresh token' });

      await zalo.refreshNow();
      const second = await stored();
      expect(second.version).toBe(2);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(fake.liveRefreshTokens()).toEqual([second.refreshToken]);

      await zalo.refreshNow();
      const third = await stored();
      expect(third.version).toBe(3);
      expect(fake.liveRefreshTokens()).toEqual([third.refreshToken]);
    });

    it('a restart (new client and store over the same DB file) keeps working, refreshes included', async () => {
      await storeIssuedPair();
      await client().refreshNow();
      const reopened = await createDatabase({ databaseUrl: db.databaseUrl });
      extraDbs.push(reopened);
      const restarted = client({ tokens: createZaloTokenStore(reopened.prisma, { now }) });
      await restarted.sendText({ userId: USER, text: 'Sau khi khởi động lại' });
      expect(refreshCalls()).toBe(1);
      clock = new Date(clock.getTime() + 24 * HOUR); // 1 h left: refreshed ahead of expiry
      await restarted.sendText({ userId: USER, text: 'Ngày hôm sau' });
      expect(refreshCalls()).toBe(2);
      expect(fake.callsTo('/v4/oa/access_token').every((c) => c.status === 200 && !('error' in (c.answer as object)))).toBe(true);
      expect(fake.sentTo(USER)).toHaveLength(2);
      expect((await stored()).version).toBe(2);
    });
  });

  describe('one refresh at a time', () => {
    it.each([2, 10])('an expired access token: %i sends at once cause exactly one refresh', async (n) => {
      await storeIssuedPair(-1000);
      fake.expireAccessTokens();
      const zalo = client();
      const results = await Promise.all(Array.from({ length: n }, (_, i) => zalo.sendText({ userId: USER, text: `Tin ${i}` })));
      expect(refreshCalls()).toBe(1);
      expect(new Set(results.map((r) => r.messageId)).size).toBe(n);
      const { accessToken } = await stored();
      expect(csCalls().every((c) => c.accessToken === accessToken)).toBe(true);
    });

    it('a token Zalo stopped accepting (-216 to every send at once): one refresh, each send retried once', async () => {
      await storeIssuedPair();
      fake.revokeAccessTokens();
      const zalo = client();
      await Promise.all(Array.from({ length: 10 }, (_, i) => zalo.sendText({ userId: USER, text: `Tin ${i}` })));
      expect(refreshCalls()).toBe(1);
      expect(csCalls()).toHaveLength(20);
      expect(fake.sentTo(USER)).toHaveLength(10);
    });

    it('a -216 arriving after the refresh is done uses the new pair (no second refresh)', async () => {
      await storeIssuedPair();
      fake.failNext('/v3.0/oa/message/cs', { error: -216 }, { delayMs: 300, then: { error: -216 } });
      const zalo = client();
      await Promise.all([zalo.sendText({ userId: USER, text: 'Nhanh' }), zalo.sendText({ userId: USER, text: 'Chậm' })]);
      expect(refreshCalls()).toBe(1);
      expect(csCalls()).toHaveLength(4);
      expect(
        fake
          .sentTo(USER)
          .map((m) => m.text)
          .sort(),
      ).toEqual(['Chậm', 'Nhanh']);
    });

    it('two clients on the same DB file (two processes): one refresh between them', async () => {
      await storeIssuedPair(-1000);
      const other = await createDatabase({ databaseUrl: db.databaseUrl });
      extraDbs.push(other);
      const a = client();
      const b = client({ tokens: createZaloTokenStore(other.prisma, { now, pollMs: 5 }) });
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).sendText({ userId: USER, text: `Tin ${i}` })));
      expect(refreshCalls()).toBe(1);
      expect(fake.sentTo(USER)).toHaveLength(10);
      expect((await stored()).version).toBe(1);
    });
  });

  describe('invalid-token answers', () => {
    it('-216 → refresh once, retry once, sent', async () => {
      await storeIssuedPair();
      fake.failNext('/v3.0/oa/message/cs', { error: -216 });
      await client().sendText({ userId: USER, text: 'Xin chào' });
      expect(refreshCalls()).toBe(1);
      expect(csCalls()).toHaveLength(2);
      expect(csCalls()[1]?.accessToken).toBe((await stored()).accessToken);
    });

    it.each([-216, -220, -124])('a second %i is thrown as a refresh error: never loops', async (code) => {
      await storeIssuedPair();
      fake.failNext('/v3.0/oa/message/cs', { error: code }, { error: code }, { error: code });
      const error = await expectError(client().sendText({ userId: USER, text: 'Xin chào' }));
      expect(error).toMatchObject({ kind: 'refresh', code, operation: 'send' });
      expect(refreshCalls()).toBe(1);
      expect(csCalls()).toHaveLength(2);
    });

    it('a token just minted by a refresh is not refreshed again when rejected', async () => {
      await storeIssuedPair(-1000);
      fake.failNext('/v3.0/oa/message/cs', { error: -216 });
      expect(await expectError(client().sendText({ userId: USER, text: 'Xin chào' }))).toMatchObject({ kind: 'refresh' });
      expect(refreshCalls()).toBe(1);
      expect(csCalls()).toHaveLength(1);
    });
  });

  describe('lost grant', () => {
    async function storeDeadPair(accessLeftMs: number) {
      const pair = await storeIssuedPair(accessLeftMs);
      // Somebody else used our refresh token (e.g. a stale copy in .env): the grant is gone.
      await fetch(`${fake.url}/v4/oa/access_token`, {
        method: 'POST',
        headers: { secret_key: fake.appSecret },
        body: new URLSearchParams({ app_id: fake.appId, refresh_token: pair.refreshToken, grant_type: 'refresh_token' }),
      });
      return pair;
    }

    it('-14014: onLostGrant once, error recorded, stored pair unchanged, no further OAuth calls', async () => {
      const dead = await storeDeadPair(-1000);
      const before = await stored();
      const onLostGrant = vi.fn(async (_error: ZaloApiError) => {});
      const zalo = client({ onLostGrant });
      const error = await expectError(zalo.sendText({ userId: USER, text: 'Xin chào' }));
      expect(error).toMatchObject({ code: -14014, kind: 'give-up', operation: 'refresh' });
      expect(isLostGrant(error)).toBe(true);
      expect(error.message).not.toContain(dead.refreshToken);
      expect(onLostGrant).toHaveBeenCalledTimes(1);
      expect(onLostGrant.mock.calls[0]?.[0]).toBe(error);
      const after = await stored();
      expect(after).toMatchObject({
        accessToken: before.accessToken,
        refreshToken: dead.refreshToken,
        version: before.version,
        refreshingUntil: null,
      });
      expect(after.accessExpiresAt).toEqual(before.accessExpiresAt);
      expect(after.lastError).toMatch(/-14014 Invalid refresh token/);
      expect(after.lastError).not.toContain(dead.refreshToken);

      // Ten more sends at once: the same error, no alert and no OAuth call again.
      const oauthBefore = refreshCalls();
      const errors = await Promise.all(Array.from({ length: 10 }, () => expectError(zalo.sendText({ userId: USER, text: 'Xin chào' }))));
      expect(errors.every((e) => e.code === -14014)).toBe(true);
      expect(refreshCalls()).toBe(oauthBefore);
      expect(onLostGrant).toHaveBeenCalledTimes(1);
      expect(csCalls()).toHaveLength(0);
    });

    it('concurrent sends hitting a lost grant alert once', async () => {
      await storeDeadPair(-1000);
      const onLostGrant = vi.fn(async () => {});
      const zalo = client({ onLostGrant });
      await Promise.all(Array.from({ length: 5 }, () => expectError(zalo.sendText({ userId: USER, text: 'Xin chào' }))));
      expect(onLostGrant).toHaveBeenCalledTimes(1);
      expect(refreshCalls()).toBe(2); // the one that killed the token, and ours
    });

    it('refreshNow detects a dead refresh token at once', async () => {
      await storeDeadPair(25 * HOUR);
      const onLostGrant = vi.fn(async () => {});
      const error = await expectError(client({ onLostGrant }).refreshNow());
      expect(isLostGrant(error)).toBe(true);
      expect(onLostGrant).toHaveBeenCalledTimes(1);
    });

    it('during refresh-ahead, a lost grant alerts but sends go on with the still-valid access token', async () => {
      const pair = await storeDeadPair(2 * HOUR);
      const onLostGrant = vi.fn(async () => {
        throw new Error('Telegram is down'); // logged, not thrown
      });
      const zalo = client({ onLostGrant });
      await zalo.sendText({ userId: USER, text: 'Một' });
      await zalo.sendText({ userId: USER, text: 'Hai' });
      expect(fake.sentTo(USER)).toHaveLength(2);
      expect(csCalls().every((c) => c.accessToken === pair.accessToken)).toBe(true);
      expect(onLostGrant).toHaveBeenCalledTimes(1);
      expect((await stored()).refreshToken).toBe(pair.refreshToken);
    });

    it('a transient refresh failure is a retry error and keeps the pair', async () => {
      const pair = await storeIssuedPair(-1000);
      fake.failNext('/v4/oa/access_token', { status: 502 });
      const onLostGrant = vi.fn(async () => {});
      const error = await expectError(client({ onLostGrant }).sendText({ userId: USER, text: 'Xin chào' }));
      expect(error).toMatchObject({ kind: 'retry', code: 502, operation: 'refresh' });
      expect(onLostGrant).not.toHaveBeenCalled();
      expect(await stored()).toMatchObject({ refreshToken: pair.refreshToken, version: 0 });
      await client({ onLostGrant }).sendText({ userId: USER, text: 'Xin chào' }); // the refresh token survived
      expect((await stored()).version).toBe(1);
    });
  });

  describe('refresh ahead of expiry', () => {
    it('less than refreshAheadMs left → refreshed before the send', async () => {
      const old = await storeIssuedPair(4 * HOUR);
      await client().sendText({ userId: USER, text: 'Xin chào' });
      expect(refreshCalls()).toBe(1);
      expect(fake.calls.map((c) => c.path)).toEqual(['/v4/oa/access_token', '/v3.0/oa/message/cs']);
      const { accessToken } = await stored();
      expect(accessToken).not.toBe(old.accessToken);
      expect(csCalls()[0]?.accessToken).toBe(accessToken);
    });

    it('more than refreshAheadMs left → no refresh; the threshold is configurable', async () => {
      await storeIssuedPair(6 * HOUR);
      await client().sendText({ userId: USER, text: 'Xin chào' });
      expect(refreshCalls()).toBe(0);
      await client({ refreshAheadMs: 7 * HOUR }).sendText({ userId: USER, text: 'Xin chào' });
      expect(refreshCalls()).toBe(1);
    });
  });

  it('without a stored pair: a give-up error naming the seed', async () => {
    const error = await expectError(client().sendText({ userId: USER, text: 'Xin chào' }));
    expect(error).toMatchObject({ kind: 'give-up' });
    expect(error.message).toMatch(/seed/);
    expect(fake.calls).toHaveLength(0);
  });

  it('never logs tokens or secrets', async () => {
    const lines: string[] = [];
    const { pino } = await import('pino');
    const capture = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    const dead = fake.issueTokens();
    await store.seed({ oaId: fake.oaId, refreshToken: dead.refreshToken });
    const zalo = client({ logger: capture });
    await zalo.sendText({ userId: USER, text: 'Xin chào' });
    fake.failNext('/v3.0/oa/message/cs', { error: -216 });
    await zalo.sendText({ userId: USER, text: 'Xin chào' });
    fake.failNext('/v4/oa/access_token', { error: -14014 });
    await expectError(zalo.refreshNow());
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    const secrets = [fake.appSecret, dead.refreshToken, dead.accessToken, ...fake.calls.flatMap((c) => [c.accessToken ?? '-'])];
    for (const row of [await stored()]) secrets.push(row.accessToken, row.refreshToken);
    for (const secret of secrets.filter((s) => s && s !== '-')) expect(all).not.toContain(secret);
  });
});
