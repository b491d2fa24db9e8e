/**
 * The Zalo channel: rendering core replies as Zalo consultation messages, answering people, and the
 * outbox's sender.
 *
 * - Plain text (Zalo shows no markup), NFC, split into parts of at most 2,000 characters at line
 *   breaks, then spaces, never inside a surrogate pair or a grapheme cluster ({@link splitPlain}).
 * - Buttons become `oa.query.hide` buttons whose payload is `#a:<core action>`: a tap comes back as a
 *   text message with that payload, which the webhook turns into `{ action }` again. At most
 *   {@link ZALO_MAX_BUTTONS} per message; beyond that every choice is listed as "1. …" in the text
 *   and the person types the number (remembered per person until their next message, like the
 *   console chat).
 * - Every proactive message (outbox) carries a "keep receiving messages" button (`#a:noop`): Zalo
 *   lets an OA write to a person only within 7 days of their last interaction, and a tap is one.
 * - The outbox sender refuses, as unreachable, a person whose last interaction through Zalo is older
 *   than the window (held, not retried, until they write again), and maps the client's errors:
 *   retry → {@link RetryLaterError}, unreachable/window → {@link UnreachableError}, others rethrown.
 */
import type { Locale, OutFile, Outcome, Reply } from '../../core/channel.ts';
import type { InboxEntry } from '../../core/inbox.ts';
import type { InboundHandling } from '../inbound.ts';
import type { Translator } from '../../core/i18n.ts';
import { renderReply } from '../../core/render.ts';
import type { PeopleRepository } from '../../core/people.ts';
import { truncate } from '../../core/text/truncate.ts';
import type { Logger } from '../../logger.ts';
import { PermanentError, RetryLaterError, UnreachableError, type ChannelSender, type PartProgress } from '../delivery.ts';
import { escapeHtml, splitHtml } from '../html.ts';
import { ZALO_BUTTON_TITLE_LIMIT, ZALO_MAX_BUTTONS, ZALO_TEXT_LIMIT, ZaloApiError, zaloAcceptsFile, type ZaloButton, type ZaloClient } from './client.ts';
import { ACTION_PREFIX, type ZaloInbound } from './webhook.ts';

/** The core action of the "keep receiving messages" button: acknowledged, nothing else. */
export const RENEW_ACTION = 'noop';
/** Zalo's window for consultation messages after a person's last interaction. */
export const ZALO_WINDOW_MS = 7 * 24 * 3_600_000;
/** Proactive sends stop this long before the window closes (queueing time, clock skew). */
export const WINDOW_MARGIN_MS = 3_600_000;

const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * Splits plain text into parts of at most `limit` UTF-16 code units (so at most `limit` characters
 * as Zalo counts them), after NFC: at the last line break in the second half of the window, else the
 * last space, else a hard cut between grapheme clusters. Parts are trimmed at the cut; blank input
 * gives `[]`. Reuses the Telegram splitter on escaped text (so no `<` is taken for a tag) and
 * unescapes the parts.
 */
export function splitPlain(text: string, limit: number = ZALO_TEXT_LIMIT): string[] {
  return splitHtml(escapeHtml(text.normalize('NFC')), limit).map((part) => part.replace(/&(?:amp|lt|gt|quot);/g, (e) => UNESCAPE[e] ?? e));
}

/** Shortens a button title to Zalo's limit (code points), with an ellipsis. */
function buttonTitle(label: string): string {
  const title = label.normalize('NFC').replace(/\s+/g, ' ').trim();
  return title === '' ? '…' : truncate(title, ZALO_BUTTON_TITLE_LIMIT, { unit: 'codepoint' });
}

/** One reply as Zalo messages: text parts (buttons go with the last) and the numbered choices. */
export interface ZaloRendered {
  parts: string[];
  buttons: ZaloButton[];
  /** Actions of the numbered choices shown in the text, in order (number n is index n − 1 + offset). */
  choices: string[];
  /**
   * Files made for the person (sent first: OA upload, then a file message), each with the text
   * sent instead when Zalo does not take that kind of file or refuses it.
   */
  files: { file: OutFile; unsupported: string; failed: string }[];
}

export interface RenderZaloOptions {
  /** A proactive message: adds the "keep receiving messages" button. */
  proactive?: boolean;
  /** Numbering of choices starts after this many (several replies of one answer). */
  choiceOffset?: number;
}

/** Renders one reply (plain text) into Zalo messages; see the module comment for the rules. */
export function renderZalo(translator: Translator, locale: Locale, reply: Reply, opts: RenderZaloOptions = {}): ZaloRendered {
  const rendered = renderReply(translator, locale, reply, 'plain');
  const say = (key: string, args?: Record<string, string | number>) => translator.format(locale, { key, ...(args ? { args } : {}) }, 'plain');
  const lines = [rendered.text];
  // Files people sent through Zalo are links Zalo made; other channels' files can't be shown here.
  for (const a of reply.attachments ?? []) if (a.channel === 'zalo') lines.push(say('zalo-attachment', { url: a.fileRef }));
  const wanted = rendered.buttons.flat();
  const renew: ZaloButton[] = opts.proactive ? [{ title: buttonTitle(say('zalo-renew-button')), payload: `${ACTION_PREFIX}${RENEW_ACTION}` }] : [];
  const room = ZALO_MAX_BUTTONS - renew.length;
  let buttons: ZaloButton[];
  let choices: string[] = [];
  if (wanted.length <= room) {
    buttons = wanted.map((b) => ({ title: buttonTitle(b.label), payload: `${ACTION_PREFIX}${b.action}` }));
  } else {
    const offset = opts.choiceOffset ?? 0;
    lines.push('', say('zalo-choices'), ...wanted.map((b, i) => say('zalo-choice', { n: offset + i + 1, label: b.label })));
    choices = wanted.map((b) => b.action);
    buttons = [];
  }
  buttons = [...buttons, ...renew];
  const parts = splitPlain(lines.join('\n'));
  // A reply of buttons only still needs a text to carry them.
  if (parts.length === 0 && buttons.length > 0) parts.push('…');
  const files = (reply.files ?? []).map((file) => ({
    file,
    unsupported: say('documents-zalo-file-unsupported', { name: file.name }),
    failed: say('documents-zalo-file-failed', { name: file.name }),
  }));
  return { parts, buttons, choices, files };
}

/**
 * The numbered choices each person saw last, so typing "2" taps the second. In memory: a restart
 * forgets them, and the person then types the command again (as with an expired button).
 */
export interface ChoiceMemory {
  set(userId: string, actions: string[]): void;
  /** The action of choice `n` (1-based) for the person, if they have one. */
  pick(userId: string, n: number): string | undefined;
  has(userId: string): boolean;
}

export function createChoiceMemory(maxPeople = 10_000): ChoiceMemory {
  const map = new Map<string, string[]>();
  return {
    set(userId, actions) {
      map.delete(userId);
      if (actions.length === 0) return;
      map.set(userId, actions);
      // Oldest first in a Map: drop the oldest beyond the cap.
      while (map.size > maxPeople) map.delete(map.keys().next().value!);
    },
    pick: (userId, n) => map.get(userId)?.[n - 1],
    has: (userId) => map.has(userId),
  };
}

/**
 * Sends every part of a rendered reply (its files first); the buttons go with the last part. A file
 * Zalo does not take (an XLSX) or refuses for good gets a line saying so instead.
 */
/**
 * Sends the rendered messages in order: files (or what stands for them), then the text parts.
 * With `progress`, parts before `progress.from` are skipped and each delivered part is reported
 * (see `PartProgress` in delivery.ts), so a retry resumes at the first unsent part.
 */
async function sendRendered(client: ZaloClient, userId: string, r: ZaloRendered, progress?: PartProgress): Promise<void> {
  const from = progress?.from ?? 0;
  let index = 0;
  const part = async (send: () => Promise<unknown>) => {
    index += 1;
    if (index <= from) return;
    // The parts before this one are recorded as sent first; the last part is recorded by the row
    // turning SENT, so a reply of one message costs no extra write.
    if (index - 1 > from) await progress?.sent(index - 1);
    await send();
  };
  for (const f of r.files) {
    if (!client.sendFile || !zaloAcceptsFile(f.file.name, f.file.bytes.length)) {
      await part(() => client.sendText({ userId, text: f.unsupported }));
      continue;
    }
    const sendFile = client.sendFile.bind(client);
    await part(async () => {
      try {
        await sendFile({ userId, name: f.file.name, mime: f.file.mime, bytes: f.file.bytes });
      } catch (error) {
        if (!(error instanceof ZaloApiError) || error.kind !== 'give-up') throw error;
        await client.sendText({ userId, text: f.failed });
      }
    });
  }
  for (const [i, text] of r.parts.entries()) {
    const last = i === r.parts.length - 1;
    await part(() => client.sendText({ userId, text, ...(last && r.buttons.length > 0 ? { buttons: r.buttons } : {}) }));
  }
}

/** Renders an outcome's replies, numbering choices across them; returns the messages and the choices. */
function renderAll(translator: Translator, locale: Locale, replies: Reply[], proactive: boolean): { messages: ZaloRendered[]; choices: string[] } {
  const messages: ZaloRendered[] = [];
  let choices: string[] = [];
  for (const reply of replies) {
    const r = renderZalo(translator, locale, reply, { proactive, choiceOffset: choices.length });
    choices = [...choices, ...r.choices];
    messages.push(r);
  }
  return { messages, choices };
}

/**
 * Sends an outcome that carries no state at once (not through the outbox): the rate-limit note, a
 * failure's answer. Choices are numbered across its replies.
 */
export async function sendZaloOutcome(client: ZaloClient, translator: Translator, userId: string, outcome: Outcome): Promise<void> {
  const { messages } = renderAll(translator, outcome.locale, outcome.replies, false);
  for (const r of messages) await sendRendered(client, userId, r);
}

export interface ZaloConversationOptions {
  /** Exactly-once handling (src/channels/inbound.ts): core, the unit of work, the outbox. */
  handling: InboundHandling;
  translator: Translator;
  logger: Logger;
  choices: ChoiceMemory;
  /** Completes an unfollow's entry and holds the person's Zalo identity as unreachable, in one unit of work. */
  onUnfollow(entry: InboxEntry, userId: string): Promise<void>;
}

/**
 * The work for one recorded webhook event: a message goes through core once, its replies through the
 * outbox (queued as answers: no "keep receiving" button, choices numbered across the replies); an
 * unfollow holds the person's Zalo identity. A typed number picks one of the numbered choices the
 * person saw last.
 */
export function createZaloConversation(opts: ZaloConversationOptions): (entry: InboxEntry, event: ZaloInbound) => Promise<void> {
  const { handling, translator, logger } = opts;
  const log = logger.child({ channel: 'zalo' });

  return async (entry, event) => {
    if (event.kind === 'unfollow') {
      await opts.onUnfollow(entry, event.userId);
      log.info('a person unfollowed the OA: held as unreachable on Zalo until they write again');
      return;
    }
    let message = event.message;
    const number = message.text !== undefined ? /^\s*(\d{1,3})\s*$/.exec(message.text) : null;
    if (number && opts.choices.has(message.userId)) {
      const action = opts.choices.pick(message.userId, Number(number[1]));
      if (action !== undefined) {
        const { text: _typed, ...rest } = message;
        message = { ...rest, action };
      }
    }
    let choices: string[] = [];
    const outcome = await handling.handle(entry, message, (answer) => {
      // Runs in the unit of work, maybe twice (a retried transaction): computed afresh each time.
      choices = [];
      return answer.replies.map((reply) => {
        const queued: Reply = { ...reply, queued: { answer: true, choiceOffset: choices.length } };
        choices = [...choices, ...renderZalo(translator, answer.locale, reply, { choiceOffset: choices.length }).choices];
        return queued;
      });
    });
    // Numbers refer to the latest choices only; an answer without them leaves typed numbers as text.
    if (outcome) opts.choices.set(message.userId, choices);
  };
}

/** When a Zalo user last wrote (their Zalo identity's `lastSeenAt`, UTC), or null if unknown. */
export function zaloLastSeen(people: Pick<PeopleRepository, 'lastSeenAt'>): (userId: string) => Promise<Date | null> {
  return (userId) => people.lastSeenAt({ channel: 'zalo', externalId: userId });
}

/** What the outbox should make of an error of a Zalo send (see {@link zaloSender}). */
export function zaloDeliveryError(error: unknown): unknown {
  if (!(error instanceof ZaloApiError)) return error;
  if (error.kind === 'retry' && (error.code === -32 || error.httpStatus === 429))
    return new RetryLaterError(error.message, error.retryAfterMs ?? 60_000, 'channel');
  if (error.kind === 'unreachable' || error.kind === 'window') return new UnreachableError(error.message);
  if (error.kind === 'give-up' && error.operation === 'send') return new PermanentError(error.message);
  return error; // transient: network, 5xx, -100, refresh (including a lost grant)
}

export interface ZaloSenderOptions {
  /** The person's last interaction (see {@link zaloLastSeen}). */
  lastSeen(userId: string): Promise<Date | null>;
  now?: () => Date;
  /** Numbered choices in a proactive message are remembered here too. */
  choices?: ChoiceMemory;
  /** Default {@link ZALO_WINDOW_MS} − {@link WINDOW_MARGIN_MS}. */
  windowMs?: number;
}

/**
 * The outbox's sender for Zalo. Outside the 7-day window (by our own record of the person's last
 * message, so nothing is sent that Zalo would refuse) it throws {@link UnreachableError}: the outbox
 * holds the message for this Zalo identity until the person writes again. A long message is sent in
 * parts, recorded part by part (`progress`): a retry resumes at the first unsent part.
 *
 * Zalo's answers (see `classifyZaloError`, zalo.md §2.7) become the outbox's rules:
 * - `-32` (the app's or OA's per-minute API limit) or HTTP 429 → {@link RetryLaterError} for the whole
 *   channel (to the next minute, or the `Retry-After`);
 * - network errors, timeouts, HTTP 5xx/502, `-100` and a failed token refresh (or a lost grant, which
 *   also alerts the administrators) → rethrown: transient, the row backs off and stays PENDING;
 * - not a follower, blocked, muted (`-213`, `-217`, `-227`, `-244`) and the window (`-230`, `-232`)
 *   → {@link UnreachableError} (this Zalo identity only);
 * - any other refusal of the send (`give-up`: an invalid message, an unknown code) →
 *   {@link PermanentError}: FAILED, administrators told.
 */
export function zaloSender(client: ZaloClient, translator: Translator, opts: ZaloSenderOptions): ChannelSender {
  const clock = opts.now ?? (() => new Date());
  const windowMs = opts.windowMs ?? ZALO_WINDOW_MS - WINDOW_MARGIN_MS;
  return async (userId, reply, locale, progress) => {
    const last = await opts.lastSeen(userId);
    if (!last || clock().getTime() - last.getTime() > windowMs) {
      throw new UnreachableError(`outside Zalo's 7-day window (last interaction ${last ? last.toISOString() : 'unknown'}): held until the person writes again`);
    }
    // An answer to the person's own message was queued with its choice numbering and needs no
    // "keep receiving" button; a proactive notice gets one.
    const answer = reply.queued?.answer === true;
    const r = renderZalo(translator, locale, reply, answer ? { choiceOffset: reply.queued?.choiceOffset ?? 0 } : { proactive: true });
    try {
      await sendRendered(client, userId, r, progress);
    } catch (error) {
      throw zaloDeliveryError(error);
    }
    if (!answer && r.choices.length > 0) opts.choices?.set(userId, r.choices);
  };
}
