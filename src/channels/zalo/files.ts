/**
 * Reading the bytes of a file a person sent on Zalo (core's {@link FileReader} port): a Zalo file
 * attachment carries its download URL (from the signed webhook), fetched here. A file over
 * `maxBytes` (by `content-length`, or once read) is `too-large`.
 */
import type { FileReader } from '../../core/channel.ts';

export const zaloFileReader: FileReader = async ({ attachment, maxBytes }) => {
  if (!/^https?:\/\//i.test(attachment.fileRef)) return { ok: false, reason: 'unavailable' };
  const response = await fetch(attachment.fileRef, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) return { ok: false, reason: 'unavailable' };
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) return { ok: false, reason: 'too-large' };
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.length > maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
};
