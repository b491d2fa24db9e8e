/**
 * The outbox sender's Bot API calls with a JSON body, sent on `node:http`/`node:https` directly
 * beneath grammY's API client: a grammY transformer that takes the call before grammY's own
 * transport (node-fetch, an `AbortController`, a time-out timer and a three-way race per call).
 *
 * Ours, because nothing lighter fits under grammY: grammY lets a transformer answer a call, and
 * builds its errors from the answer as usual (`ok: false` → `GrammyError`, with `error_code`,
 * `description` and `parameters.retry_after`, which the sender's rules read). Measured on this
 * project's machines (4,000 `sendMessage` calls, 50 at a time, local server closing each
 * connection): 101–105 µs of CPU per call against 223–242 µs through grammY's transport. Every
 * message the bot sends goes through here; undici under grammY measured no better in the update
 * bench, and added 5–8 MB of memory (README, "Benchmarks").
 *
 * What stays grammY's: a call whose payload holds a file to upload (multipart), and a call made with
 * an abort signal, go on to grammY's transport unchanged. The body is serialised as grammY does
 * (`null` values dropped). A network error, a time-out or an answer that is not JSON rejects with
 * grammY's `HttpError` (its message as grammY words it), as before.
 *
 * @module
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { HttpError, InputFile, type Transformer } from 'grammy';

/** grammY's own time-out of a Bot API call (`timeoutSeconds`, 500 s), kept: the sender had it. */
export const CALL_TIMEOUT_MS = 500_000;

/** Whether grammY would send `payload` as multipart (a file to upload somewhere in it). */
function hasUpload(value: unknown): boolean {
  if (value instanceof InputFile) return true;
  if (typeof value !== 'object' || value === null) return false;
  for (const v of Object.values(value)) if (hasUpload(v)) return true;
  return false;
}

/**
 * grammY's JSON body: `null` and `undefined` values left out. Serialised without a replacer first
 * (a replacer costs a call per value); again with it only when a `null` may be in the payload.
 */
function jsonBody(payload: unknown): string {
  const plain = JSON.stringify(payload);
  return plain.includes('null') ? JSON.stringify(payload, (_key, v: unknown) => v ?? undefined) : plain;
}

/**
 * The transformer, for the Bot API at `apiRoot` (e.g. `https://api.telegram.org`, or a local fake)
 * with `token`. Install it first (`api.config.use`), so that later transformers (metrics) see every
 * call, this one's included. Connections are kept alive, in a pool of its own; `agent` replaces it
 * (e.g. one that trusts a test certificate).
 */
export function directJsonCalls(opts: { token: string; apiRoot: string; timeoutMs?: number; agent?: HttpAgent }): Transformer {
  const root = new URL(opts.apiRoot);
  const secure = root.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  const agent = opts.agent ?? (secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }));
  const base = `${root.pathname.replace(/\/$/, '')}/bot${opts.token}/`;
  const timeoutMs = opts.timeoutMs ?? CALL_TIMEOUT_MS;
  const target = { protocol: root.protocol, hostname: root.hostname, port: root.port || undefined, agent };

  const call = (method: string, payload: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const failed = (error: unknown) => reject(new HttpError(`Network request for '${method}' failed!`, error));
      const body = jsonBody(payload ?? {});
      const req = request(
        { ...target, path: base + method, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', failed);
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
            } catch (error) {
              failed(error);
            }
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', failed);
      req.end(body);
    });

  return ((prev, method, payload, signal) =>
    signal !== undefined || hasUpload(payload) ? prev(method, payload, signal) : call(method, payload)) as Transformer;
}
