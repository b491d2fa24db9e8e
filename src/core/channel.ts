/**
 * The port every channel (console, Telegram, Zalo) implements against core.
 *
 * Inbound: a channel turns a platform update into an {@link InboundMessage} (text normalised to NFC
 * at the edge) and calls {@link BotCore.handle}. Outbound: core answers with an {@link Outcome}:
 * message keys and values ({@link Msg}), never finished text, rendered by one translator in the
 * person's locale. Platform quirks (HTML escaping, length limits, buttons) stay in the adapter.
 */

/** Channels that reach people. */
export type ChannelName = 'console' | 'telegram' | 'zalo';

/** Supported interface languages; Vietnamese is the default. */
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** One message from a person, as core sees it. */
export interface InboundMessage {
  channel: ChannelName;
  /** The sender's id on that channel (Telegram user id, Zalo user id, console user name). */
  userId: string;
  /** Where to answer. */
  chatId: string;
  /** Groups get answers to commands only. */
  chatType: 'private' | 'group';
  /** Name shown by the platform, for a new person's record. */
  displayName?: string;
  /** The platform's language hint (Telegram `language_code`), used for a new person only. */
  languageHint?: string;
  /** Typed text, NFC-normalised by the adapter. */
  text?: string;
  /** Payload of a tapped button ({@link Button.action}). */
  action?: string;
  /** Photos or documents sent with the message (channel file references). */
  attachments?: Attachment[];
  /** A message core cannot read (sticker, voice …): answered politely. */
  unsupported?: boolean;
}

/** A photo or document on a channel, referenced by the channel's own file id. */
export interface Attachment {
  kind: 'PHOTO' | 'DOCUMENT';
  channel: ChannelName;
  fileRef: string;
  fileName?: string;
}

/** What reading an attachment's bytes gave: the bytes, or why not (`too-large`: over `maxBytes`). */
export type FileReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'unavailable' };

/**
 * Port: reads the bytes of a file a person sent (Telegram: `getFile` then the file URL; console: a
 * path on disk). Implemented by each channel and registered with {@link FileSources}; core never
 * fetches. Never throws: a network or platform failure is `unavailable`.
 */
export type FileReader = (input: { attachment: Attachment; maxBytes: number }) => Promise<FileReadResult>;

/** The file readers of the running channels, by channel. */
export interface FileSources {
  /** Registers (or replaces) the reader of a channel, when the channel starts. */
  register(channel: ChannelName, reader: FileReader): void;
  /** Reads an attachment with its channel's reader; `unavailable` when that channel has none. */
  read(input: { attachment: Attachment; maxBytes: number }): Promise<FileReadResult>;
}

/** An empty {@link FileSources}: channels register their readers as they start. */
export function createFileSources(): FileSources {
  const readers = new Map<ChannelName, FileReader>();
  return {
    register: (channel, reader) => void readers.set(channel, reader),
    async read(input) {
      const reader = readers.get(input.attachment.channel);
      if (!reader) return { ok: false, reason: 'unavailable' };
      try {
        return await reader(input);
      } catch {
        return { ok: false, reason: 'unavailable' };
      }
    },
  };
}

/**
 * Values a message key is formatted with. Strings are escaped by HTML renderers; a nested {@link Msg}
 * is formatted first in the same locale and mode (and not escaped twice); a list of them is joined
 * with ", ".
 */
export type MsgArgs = { [name: string]: string | number | Msg | Msg[] };

/** A message key of `locales/*.ftl` with its values. */
export interface Msg {
  key: string;
  args?: MsgArgs;
}

/** A button: its label and the action sent back when tapped (≤ 64 bytes, Telegram's limit). */
export interface Button {
  label: Msg;
  action: string;
}

/**
 * A file made for the person (a drafted document): sent as a document on Telegram, uploaded then
 * sent on Zalo, written under `./exports/` by the console. Only ever in a private chat.
 * Bytes are not JSON: in the outbox they are stored as base64 (`src/db/reply-codec.ts`).
 */
export interface OutFile {
  /** File name with extension, ASCII (e.g. "to-trinh-05-TTr-UBND-2026-01-05.docx"). */
  name: string;
  /** MIME type (DOCX, XLSX, PDF). */
  mime: string;
  bytes: Uint8Array;
}

/** One message to send: lines (joined with line breaks) and optional rows of buttons. */
export interface Reply {
  lines: Msg[];
  buttons?: Button[][];
  /** Photos or documents to show with the reply (each channel sends the ones it holds). */
  attachments?: Attachment[];
  /** Files made for the person, sent before the text (which then reads as their caption). */
  files?: OutFile[];
  /**
   * This reply is the new state of the message whose button was just tapped (e.g. a checklist):
   * channels that can edit a message in place do so instead of sending a new one.
   */
  replacesTapped?: boolean;
  /**
   * This reply (said in a group) asks the reader to go on in the private chat with the bot: channels
   * that can open that chat from a link add a button doing so, carrying this start payload (Telegram
   * `t.me/<bot>?start=<payload>`, ≤ 64 characters of `A-Za-z0-9_-`; the private chat then receives
   * `/start <payload>`). Never a secret: the link is shown to the whole group.
   */
  deepLink?: string;
  /** Set by a channel when it queues this reply as the answer to a person's message; read by its sender. */
  queued?: QueuedAs;
}

/** How a channel queued a reply (channel data, carried through the outbox to the channel's sender). */
export interface QueuedAs {
  /** The answer to the person's own message (not a proactive notice). */
  answer: true;
  /** With {@link Reply.replacesTapped}: the platform's id of the tapped message (Telegram message id), to redraw it. */
  tappedMessageId?: string;
  /** Numbered choices in this reply start after this many (several replies of one answer, Zalo). */
  choiceOffset?: number;
}

/** What core answers to one inbound message; `replies` may be empty (e.g. chatter in a group). */
export interface Outcome {
  locale: Locale;
  replies: Reply[];
  /**
   * The person the message came from, once looked up; absent when core answered without looking them
   * up (group chatter, the per-person rate limit): such replies carry no state and are sent at once.
   */
  personId?: number;
}

/** The platform-neutral bot. */
export interface BotCore {
  /** Never throws for bad input: invalid text gets a polite reply. Throws only on internal failure. */
  handle(message: InboundMessage): Promise<Outcome>;
}

/** Shorthand for a {@link Msg}. */
export const msg = (key: string, args?: MsgArgs): Msg => (args ? { key, args } : { key });
