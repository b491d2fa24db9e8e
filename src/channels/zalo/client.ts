/**
 * A thin, typed client for the Zalo Official Account Open API v3 (consultation messages) and OAuth v4
 * (token refresh), over native `fetch`.
 *
 * This is our own code: no usable Zalo SDK exists on npm (`zalo-oa-sdk` does not exist, `zalo-sdk`
 * targets the dead OA API v1; see `../shared/docs/zalo.md` §5). Every answer is validated with zod
 * (`./schemas.ts`) and every base URL is configurable (tests point them at a local fake server).
 *
 * What it takes care of (zalo.md §2.7, §3, §6):
 * - Errors come with HTTP 200: every non-zero `error` is a failure, thrown as a {@link ZaloApiError}
 *   classified `retry` / `refresh` / `unreachable` / `window` / `give-up` (chatwoot's table).
 * - The access token travels in an `access_token: <token>` header (not `Bearer`); the OAuth refresh
 *   is a form-encoded POST with the App Secret in a `secret_key` header.
 * - Tokens live in the database ({@link ZaloTokenStore}); refreshes are single-use and rotate, so one
 *   refresh runs at a time (across processes too) and the new pair is saved before it is used.
 *   Refreshed ahead of expiry; on an invalid-token answer refreshed once and the send retried once.
 * - A refresh that fails with a lost grant (-14014 / -14020) alerts administrators once (through
 *   `onLostGrant`) and is recorded on the token row; the stored pair is never overwritten.
 * - Tokens and secrets are never logged (nor put in error messages).
 *
 * @module
 */
import type { Logger } from '../../logger.ts';
import type { ZaloTokenStore } from '../../db/zalo-token-store.ts';
import { CsSendData, OaEnvelope, TokenFailure, TokenSuccess, UploadData, type CsSendBody } from './schemas.ts';

export type { ZaloTokenStore };

export type ZaloErrorKind = 'retry' | 'refresh' | 'unreachable' | 'window' | 'give-up';

/** Which call failed (an addition): a message send, or the OAuth token refresh behind it. */
export type ZaloOperation = 'send' | 'refresh';

/** Zalo's text limit of a cs message, in characters (code points) after NFC. */
export const ZALO_TEXT_LIMIT = 2000;
/** At most this many buttons per message (a safe cap: Zalo documents none; templates allow 5 elements). */
export const ZALO_MAX_BUTTONS = 5;
/** Button title limit (third-party SDK docs, zalo.md §2.4). */
export const ZALO_BUTTON_TITLE_LIMIT = 100;
/** `oa.query.*` payload limit (zalo.md §2.4). */
export const ZALO_BUTTON_PAYLOAD_LIMIT = 1000;
/** Largest file the OA upload takes, in bytes (5 MB). */
export const ZALO_FILE_LIMIT_BYTES = 5 * 1024 * 1024;
/** File names the OA upload takes (PDF, DOC, DOCX; zalo.md §2.3). */
export const ZALO_FILE_TYPES = /\.(pdf|docx?)$/i;
/** Whether Zalo's OA file upload takes a file of this name and size. */
export const zaloAcceptsFile = (name: string, size: number): boolean => ZALO_FILE_TYPES.test(name) && size <= ZALO_FILE_LIMIT_BYTES;
/** Default: refresh when the access token has less than this left (tokens live 25 h). */
export const DEFAULT_REFRESH_AHEAD_MS = 5 * 60 * 60_000;
/** Default time limit of one HTTP call. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** OAuth codes meaning the grant is gone (refresh token used, rotated away or expired): a human must re-authorize. */
export const LOST_GRANT_CODES: ReadonlySet<number> = new Set([-14014, -14020]);

const RETRY_CODES = new Set([-32, -100]);
const REFRESH_CODES = new Set([-216, -220, -124]);
const UNREACHABLE_CODES = new Set([-213, -217, -227, -244]);
const WINDOW_CODES = new Set([-230, -232]);

/** The kind of a Zalo error code (zalo.md §2.7): what the caller should do about it. */
export function classifyZaloError(code: number): ZaloErrorKind {
  if (RETRY_CODES.has(code)) return 'retry';
  if (REFRESH_CODES.has(code)) return 'refresh';
  if (UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (WINDOW_CODES.has(code)) return 'window';
  return 'give-up';
}

/**
 * A failed Zalo call. `code` is Zalo's `error` (negative) when Zalo answered one; the HTTP status
 * (positive, also in `httpStatus`) for an HTTP failure; 0 for a network failure, a timeout, an
 * answer that is not what Zalo documents, or a problem found before calling (then `-201` for an
 * invalid message, like Zalo's own "<field> is invalid").
 */
export class ZaloApiError extends Error {
  readonly code: number;
  readonly kind: ZaloErrorKind;
  readonly retryAfterMs?: number;
  /** Addition: the HTTP status, when the failure is one. */
  readonly httpStatus?: number;
  /** Addition: which call failed. */
  readonly operation: ZaloOperation;

  constructor(init: {
    message: string;
    code: number;
    kind: ZaloErrorKind;
    operation: ZaloOperation;
    retryAfterMs?: number;
    httpStatus?: number;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ZaloApiError';
    this.code = init.code;
    this.kind = init.kind;
    this.operation = init.operation;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
  }
}

/** Whether `error` is a refresh that failed because the grant is lost (a human must re-authorize the OA). */
export function isLostGrant(error: unknown): boolean {
  return error instanceof ZaloApiError && error.operation === 'refresh' && LOST_GRANT_CODES.has(error.code);
}

export interface ZaloButton {
  title: string;
  payload: string;
}

export interface ZaloClient {
  /**
   * POST /v3.0/oa/message/cs; text ≤ 2,000 characters after NFC (caller splits); buttons optional
   * (≤ {@link ZALO_MAX_BUTTONS}, rendered as `oa.query.hide`). Text and button titles are sent in NFC.
   * Throws ZaloApiError classified (an invalid message: `give-up`, code -201, nothing sent). On an
   * invalid-token answer (-216/-220/-124) it refreshes once and retries once.
   */
  sendText(input: { userId: string; text: string; buttons?: ZaloButton[] }): Promise<{ messageId: string }>;
  /**
   * Sends a file: POST /v2.0/oa/upload/file (multipart, field `file`) for a token, then a cs message
   * carrying it (zalo.md §2.3). Zalo takes PDF, DOC and DOCX up to {@link ZALO_FILE_LIMIT_BYTES};
   * anything else is refused here (`give-up`, -201, nothing sent). Uploaded files expire after 7 days,
   * so each send uploads again. Same token refresh as {@link sendText}. Optional so test doubles
   * that only send text stay valid; the real client always has it.
   */
  sendFile?(input: { userId: string; name: string; mime: string; bytes: Uint8Array }): Promise<{ messageId: string }>;
  /** Forces a refresh now (used at setup to detect a dead refresh token at once). */
  refreshNow(): Promise<void>;
}

export interface ZaloClientOptions {
  apiBase: string;
  oauthBase: string;
  appId: string;
  appSecret: string;
  oaId: string;
  tokens: ZaloTokenStore;
  logger: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /**
   * Called once when a refresh fails with a lost grant (-14014/-14020): alert administrators.
   * Awaited (its errors are logged) before the failing call throws. Good tokens are never
   * overwritten with nothing.
   */
  onLostGrant?: (error: ZaloApiError) => Promise<void>;
  /** Refresh when the access token has less than this left (ms); default 5 h (tokens live 25 h). */
  refreshAheadMs?: number;
  /** Addition: time limit of one HTTP call (ms); default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/** Milliseconds until Zalo's per-minute rate-limit window resets (next minute boundary), plus 1 s. */
export function msToNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000) + 1000;
}

/** Code points of `s` (what Zalo counts), after NFC. */
const charCount = (s: string) => [...s.normalize('NFC')].length;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Seconds or an HTTP date from a Retry-After header, in ms. */
function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

export function createZaloClient(opts: ZaloClientOptions): ZaloClient {
  const apiBase = trimSlash(opts.apiBase);
  const oauthBase = trimSlash(opts.oauthBase);
  const now = opts.now ?? (() => new Date());
  const doFetch = opts.fetch ?? globalThis.fetch;
  const refreshAheadMs = opts.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const log = opts.logger.child({ channel: 'zalo', oaId: opts.oaId });
  const { tokens, oaId } = opts;

  /** The refresh token whose refresh failed with a lost grant, and that failure: not tried again. */
  let lost: { refreshToken: string; error: ZaloApiError } | undefined;

  /**
   * One HTTP call: returns the parsed JSON body, or throws a ZaloApiError for network failures,
   * timeouts, HTTP 429/5xx (`retry`), other HTTP failures without a Zalo error body and non-JSON
   * answers (`give-up`). Zalo's own `error` field is left to the caller.
   */
  async function request(operation: ZaloOperation, url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      text = await res.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      throw new ZaloApiError({
        message: `Zalo ${operation}: ${timedOut ? `no answer within ${timeoutMs} ms` : `network error (${(cause as Error)?.message ?? String(cause)})`}`,
        code: 0,
        kind: 'retry',
        operation,
        cause,
      });
    }
    if (res.status === 429 || res.status >= 500) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
      throw new ZaloApiError({
        message: `Zalo ${operation}: HTTP ${res.status}`,
        code: res.status,
        kind: 'retry',
        operation,
        httpStatus: res.status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ZaloApiError({
        message: `Zalo ${operation}: HTTP ${res.status} with a body that is not JSON`,
        code: res.ok ? 0 : res.status,
        kind: 'give-up',
        operation,
        ...(res.ok ? {} : { httpStatus: res.status }),
      });
    }
    return { status: res.status, body };
  }

  /** An error for an answer that does not match its schema (issue paths only: values may be secrets). */
  function invalidAnswer(operation: ZaloOperation, issues: readonly { path: PropertyKey[]; code: string }[]): ZaloApiError {
    const where = issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.code}`).join('; ');
    return new ZaloApiError({ message: `Zalo ${operation}: unexpected answer (${where})`, code: 0, kind: 'give-up', operation });
  }

  /** POST <oauthBase>/v4/oa/access_token with the refresh token (which dies if this succeeds). */
  async function callRefresh(refreshToken: string): Promise<{ accessToken: string; refreshToken: string; expiresInSec: number }> {
    const { status, body } = await request('refresh', `${oauthBase}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: opts.appSecret },
      body: new URLSearchParams({ app_id: opts.appId, refresh_token: refreshToken, grant_type: 'refresh_token' }).toString(),
    });
    const failure = TokenFailure.safeParse(body);
    if (failure.success) {
      const f = failure.data;
      const detail = [f.error_name, f.error_reason, f.error_description ?? f.message].filter(Boolean).join(' – ');
      throw new ZaloApiError({
        message: `Zalo token refresh failed: ${f.error}${detail ? ` ${detail}` : ''}`,
        code: f.error,
        kind: classifyZaloError(f.error),
        operation: 'refresh',
        ...(status === 200 ? {} : { httpStatus: status }),
      });
    }
    const success = TokenSuccess.safeParse(body);
    if (!success.success) throw invalidAnswer('refresh', success.error.issues);
    return { accessToken: success.data.access_token, refreshToken: success.data.refresh_token, expiresInSec: success.data.expires_in };
  }

  /**
   * Refreshes through the store (single refresher, saved before returned). The OAuth call runs at
   * most once per actual refresh, so the lost-grant alert and record happen once too.
   */
  async function refresh(staleVersion: number | undefined): Promise<{ accessToken: string; accessExpiresAt: Date }> {
    const fresh = await tokens.withRefreshLock(
      oaId,
      async (current) => {
        if (lost && lost.refreshToken === current.refreshToken) throw lost.error; // known dead: don't call again
        log.info({ version: current.version }, 'refreshing the Zalo access token');
        try {
          return await callRefresh(current.refreshToken);
        } catch (error) {
          const e =
            error instanceof ZaloApiError
              ? error
              : new ZaloApiError({ message: `Zalo token refresh failed: ${String(error)}`, code: 0, kind: 'give-up', operation: 'refresh', cause: error });
          await tokens.recordError(oaId, `${now().toISOString()} ${e.message}`).catch((err: unknown) => {
            log.error({ err }, 'could not record the Zalo token refresh failure');
          });
          if (isLostGrant(e)) {
            lost = { refreshToken: current.refreshToken, error: e };
            log.error({ code: e.code }, 'Zalo refresh token rejected: the grant is lost, an OA administrator must re-authorize the app (stored tokens kept)');
            if (opts.onLostGrant) {
              try {
                await opts.onLostGrant(e);
              } catch (err) {
                log.error({ err }, 'onLostGrant failed');
              }
            }
          } else {
            log.warn({ code: e.code, kind: e.kind }, 'Zalo token refresh failed');
          }
          throw e;
        }
      },
      staleVersion === undefined ? {} : { staleVersion },
    );
    log.info({ accessExpiresAt: fresh.accessExpiresAt.toISOString() }, 'Zalo access token ready');
    return fresh;
  }

  /**
   * The access token to use: the stored one, refreshed first when it has less than `refreshAheadMs`
   * left. If that early refresh fails while the stored token is still valid, the stored one is used.
   */
  async function currentToken(): Promise<{ token: string; version: number | undefined }> {
    const pair = await tokens.get(oaId);
    if (!pair) {
      throw new ZaloApiError({
        message: 'Zalo: no token pair stored for this OA (seed the store from ZALO_REFRESH_TOKEN first)',
        code: 0,
        kind: 'give-up',
        operation: 'refresh',
      });
    }
    const left = pair.accessExpiresAt.getTime() - now().getTime();
    const present = pair.accessToken !== '';
    if (present && left >= refreshAheadMs) return { token: pair.accessToken, version: pair.version };
    try {
      const fresh = await refresh(pair.version);
      return { token: fresh.accessToken, version: undefined };
    } catch (error) {
      if (present && left > 0) {
        log.warn({ msLeft: left }, 'early Zalo token refresh failed; using the current access token meanwhile');
        return { token: pair.accessToken, version: pair.version };
      }
      throw error;
    }
  }

  /** Builds (and checks) the cs body; text and titles in NFC. */
  function csBody(input: { userId: string; text: string; buttons?: ZaloButton[] }): CsSendBody {
    const invalid = (what: string) => new ZaloApiError({ message: `Zalo send: ${what}`, code: -201, kind: 'give-up', operation: 'send' });
    if (input.userId.trim() === '') throw invalid('userId is empty');
    const text = input.text.normalize('NFC');
    if (text.trim() === '') throw invalid('text is empty');
    const length = charCount(text);
    if (length > ZALO_TEXT_LIMIT) throw invalid(`text has ${length} characters, more than ${ZALO_TEXT_LIMIT} (split it first)`);
    const buttons = input.buttons ?? [];
    if (buttons.length > ZALO_MAX_BUTTONS) throw invalid(`${buttons.length} buttons, more than ${ZALO_MAX_BUTTONS}`);
    const rendered = buttons.map((b, i) => {
      const title = b.title.normalize('NFC');
      const payload = b.payload.normalize('NFC');
      if (title.trim() === '' || charCount(title) > ZALO_BUTTON_TITLE_LIMIT)
        throw invalid(`button ${i + 1}: title empty or over ${ZALO_BUTTON_TITLE_LIMIT} characters`);
      if (payload.trim() === '' || charCount(payload) > ZALO_BUTTON_PAYLOAD_LIMIT)
        throw invalid(`button ${i + 1}: payload empty or over ${ZALO_BUTTON_PAYLOAD_LIMIT} characters`);
      return { type: 'oa.query.hide' as const, title, payload };
    });
    return {
      recipient: { user_id: input.userId },
      message: rendered.length > 0 ? { text, attachment: { type: 'template', payload: { buttons: rendered } } } : { text },
    };
  }

  /** One POST /v3.0/oa/message/cs with `token`. */
  async function postCs(token: string, body: CsSendBody): Promise<{ messageId: string }> {
    const { status, body: answer } = await request('send', `${apiBase}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', access_token: token },
      body: JSON.stringify(body),
    });
    const envelope = OaEnvelope.safeParse(answer);
    if (!envelope.success) {
      throw status === 200
        ? invalidAnswer('send', envelope.error.issues)
        : new ZaloApiError({ message: `Zalo send: HTTP ${status}`, code: status, kind: 'give-up', operation: 'send', httpStatus: status });
    }
    const { error: code, message } = envelope.data;
    if (code !== 0) {
      const kind = classifyZaloError(code);
      throw new ZaloApiError({
        message: `Zalo send failed: ${code}${message ? ` ${message}` : ''}`,
        code,
        kind,
        operation: 'send',
        ...(status === 200 ? {} : { httpStatus: status }),
        ...(code === -32 ? { retryAfterMs: msToNextMinute(now()) } : {}),
      });
    }
    const data = CsSendData.safeParse(envelope.data.data);
    if (!data.success)
      throw invalidAnswer(
        'send',
        data.error.issues.map((i) => ({ ...i, path: ['data', ...i.path] })),
      );
    return { messageId: data.data.message_id };
  }

  /** POST /v2.0/oa/upload/file: the file's attachment token. */
  async function upload(token: string, file: { name: string; mime: string; bytes: Uint8Array }): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([file.bytes], { type: file.mime }), file.name);
    const { status, body: answer } = await request('send', `${apiBase}/v2.0/oa/upload/file`, { method: 'POST', headers: { access_token: token }, body: form });
    const envelope = OaEnvelope.safeParse(answer);
    if (!envelope.success) {
      throw status === 200
        ? invalidAnswer('send', envelope.error.issues)
        : new ZaloApiError({ message: `Zalo upload: HTTP ${status}`, code: status, kind: 'give-up', operation: 'send', httpStatus: status });
    }
    const { error: code, message } = envelope.data;
    if (code !== 0) {
      throw new ZaloApiError({
        message: `Zalo upload failed: ${code}${message ? ` ${message}` : ''}`,
        code,
        kind: classifyZaloError(code),
        operation: 'send',
        ...(code === -32 ? { retryAfterMs: msToNextMinute(now()) } : {}),
      });
    }
    const data = UploadData.safeParse(envelope.data.data);
    if (!data.success)
      throw invalidAnswer(
        'send',
        data.error.issues.map((i) => ({ ...i, path: ['data', ...i.path] })),
      );
    return data.data.token;
  }

  /** Runs `work` with the access token; on an invalid-token answer to a stored token, refreshes once and retries once. */
  async function withToken<T>(work: (token: string) => Promise<T>): Promise<T> {
    const { token, version } = await currentToken();
    try {
      return await work(token);
    } catch (error) {
      // Refresh once and retry once, only for an invalid-token answer to a token not just minted.
      if (!(error instanceof ZaloApiError) || error.kind !== 'refresh' || version === undefined) throw error;
      log.warn({ code: error.code }, 'Zalo rejected the access token; refreshing once and retrying once');
      const fresh = await refresh(version);
      return await work(fresh.accessToken);
    }
  }

  return {
    async sendText(input) {
      const body = csBody(input);
      return withToken((token) => postCs(token, body));
    },

    async sendFile(input) {
      if (input.userId.trim() === '' || !zaloAcceptsFile(input.name, input.bytes.length)) {
        throw new ZaloApiError({
          message: `Zalo send: file ${input.name} (${input.bytes.length} bytes) is not a PDF/DOC/DOCX of at most ${ZALO_FILE_LIMIT_BYTES} bytes`,
          code: -201,
          kind: 'give-up',
          operation: 'send',
        });
      }
      return withToken(async (token) => {
        const fileToken = await upload(token, input);
        return postCs(token, { recipient: { user_id: input.userId }, message: { attachment: { type: 'file', payload: { token: fileToken } } } });
      });
    },

    async refreshNow() {
      await refresh(undefined);
    },
  };
}
