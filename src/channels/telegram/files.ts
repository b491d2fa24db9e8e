/**
 * Reading the bytes of a file a person sent on Telegram (core's {@link FileReader} port): `getFile`
 * gives the file's path, then `GET <apiRoot>/file/bot<token>/<file_path>` its bytes. Bots may
 * download files up to 20 MB; a larger file (or one over `maxBytes`) is `too-large`.
 */
import type { Api } from 'grammy';
import type { FileReader } from '../../core/channel.ts';

export function telegramFileReader(api: Api, opts: { token: string; apiRoot: string }): FileReader {
  return async ({ attachment, maxBytes }) => {
    let file;
    try {
      file = await api.getFile(attachment.fileRef);
    } catch (error) {
      // "file is too big" is Telegram's answer for files over the bots' download limit.
      return { ok: false, reason: /too big/i.test((error as Error).message) ? 'too-large' : 'unavailable' };
    }
    if (file.file_size !== undefined && file.file_size > maxBytes) return { ok: false, reason: 'too-large' };
    if (!file.file_path) return { ok: false, reason: 'unavailable' };
    const response = await fetch(`${opts.apiRoot}/file/bot${opts.token}/${file.file_path}`);
    if (!response.ok) return { ok: false, reason: 'unavailable' };
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
  };
}
