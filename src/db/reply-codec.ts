/**
 * How a core {@link Reply} is stored in `OutboxMessage.payload`: JSON text, with each
 * `files[].bytes` (a `Uint8Array`, which JSON cannot hold) carried as base64 in `bytesBase64`.
 * Every other field is plain JSON already (message keys and values, buttons, attachments).
 *
 * Payloads written before this codec (plain `JSON.stringify(reply)`, never with files) decode
 * unchanged.
 *
 * @module
 */
import type { OutFile, Reply } from '../core/channel.ts';

/** A stored file: as {@link OutFile} but its bytes in base64. */
interface StoredFile {
  name: string;
  mime: string;
  bytesBase64: string;
}

/** The reply as JSON text; files' bytes as base64. Never throws for a reply core builds. */
export function encodeReply(reply: Reply): string {
  if (!reply.files || reply.files.length === 0) return JSON.stringify(reply);
  const files: StoredFile[] = reply.files.map((f) => ({
    name: f.name,
    mime: f.mime,
    bytesBase64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64'),
  }));
  return JSON.stringify({ ...reply, files });
}

/**
 * The reply a payload of {@link encodeReply} holds; files' bytes back as `Uint8Array`.
 *
 * @throws SyntaxError if `payload` is not JSON.
 */
export function decodeReply(payload: string): Reply {
  const stored = JSON.parse(payload) as Omit<Reply, 'files'> & { files?: (StoredFile | OutFile)[] };
  if (!stored.files) return stored as Reply;
  const files: OutFile[] = stored.files.map((f) =>
    'bytesBase64' in f ? { name: f.name, mime: f.mime, bytes: new Uint8Array(Buffer.from(f.bytesBase64, 'base64')) } : f,
  );
  return { ...stored, files };
}
