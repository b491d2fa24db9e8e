/**
 * Handling one inbound event exactly once (issue 10), for Telegram and Zalo alike; the channel's one
 * error boundary.
 *
 * The channel records the event in the persisted inbox (core's {@link Inbox}) before anything else,
 * then calls {@link InboundHandling.handle}:
 * 1. In one unit of work (one database transaction): the entry turns DONE (a second handling of the
 *    same event — a redelivery, a second instance — finds it DONE and does nothing), core handles the
 *    message (its state changes and the notices it queues), and the replies are written to the outbox
 *    under keys made from the event's key (`reply:<channel>:<event key>:<n>`).
 * 2. After the commit, the replies are delivered at once by the channel's outbox sender
 *    ({@link InboundHandlingOptions.deliver}); one it cannot deliver now (a 429, a network error) stays
 *    in the outbox and goes out later, from this process or, after a crash, from the next start. The
 *    rows are written due a little later ({@link REPLY_GRACE_MS}) so the background loop does not race
 *    the handler for them.
 * So a crash before the commit leaves the event RECEIVED: the next start handles it again
 * ({@link replayPending}); after it, its replies are in the outbox. Never half.
 *
 * Replies that carry no state (a group's chatter gets none; the per-person rate-limit note) are sent
 * at once through {@link InboundHandlingOptions.sendNow}, not queued.
 *
 * The error boundary: if handling throws, nothing of it is kept (the unit rolls back), the entry turns
 * FAILED (it is not replayed), the failure is logged with the event's key and error code, and a person
 * in a private chat is answered with the error's message key ({@link messageKeyOf}) in their language.
 *
 * @module
 */
import { msg, type ChannelName, type InboundMessage, type Locale, type Outcome, type Reply } from '../core/channel.ts';
import { errorCodeOf, messageKeyOf } from '../core/errors.ts';
import type { Inbox, InboxEntry } from '../core/inbox.ts';
import type { OutboxItem } from '../core/outbox.ts';
import type { BotCore } from '../core/channel.ts';
import type { UnitOfWork } from '../core/unit-of-work.ts';
import type { Logger } from '../logger.ts';
import { crashPoint } from '../crash-point.ts';

/** How long after its commit the background delivery loop may pick up a reply the handler is sending. */
export const REPLY_GRACE_MS = 30_000;

/** One reply written to the outbox by a handling. */
export interface QueuedReply {
  /** Unique; a second write of the same key is skipped. */
  key: string;
  personId: number;
  channel: string;
  chatId: string;
  locale: Locale;
  reply: Reply;
  /** The background loop leaves the row alone before this instant (UTC). */
  notBefore: Date;
}

/** The outbox as a handling writes to it (core's `OutboxStore`). */
export interface ReplyQueue {
  /** Writes the rows inside the caller's unit of work; returns their ids in order (see `OutboxStore`). */
  enqueueReplies(rows: QueuedReply[]): Promise<number[]>;
}

export interface InboundHandlingOptions {
  channel: ChannelName;
  core: BotCore;
  inbox: Inbox;
  unitOfWork: UnitOfWork;
  outbox: ReplyQueue;
  /** Delivers these outbox rows now, in order (the channel's `OutboxSender.deliverRows`). Never throws. */
  deliver(rows: OutboxItem[]): Promise<void>;
  /** Sends an outcome that carries no state at once (rate-limit note, error answer). May throw. */
  sendNow(chatId: string, outcome: Outcome): Promise<void>;
  /** The language to answer a failure in: the person's choice, else the default. */
  localeOf(message: InboundMessage): Promise<Locale>;
  /** The language of a failure's answer when the person's cannot be read. */
  defaultLocale: Locale;
  logger: Logger;
  now?: () => Date;
}

/** What the channel may add to the replies it queues (e.g. the message a tap should redraw). */
export type Decorate = (outcome: Outcome) => Reply[];

export interface InboundHandling {
  /**
   * Handles a recorded event once (see the module comment); a no-op for an entry that is not
   * RECEIVED. `decorate` runs inside the unit of work (no side effects). Never throws.
   * @returns the outcome when this call handled it (the channel may remember what it showed), else `null`.
   */
  handle(entry: InboxEntry, message: InboundMessage, decorate?: Decorate): Promise<Outcome | null>;
  /** Handles a message that was not recorded because it cannot change anything (a group's chatter). Never throws. */
  handleUnrecorded(message: InboundMessage): Promise<void>;
}

export function createInboundHandling(opts: InboundHandlingOptions): InboundHandling {
  const { channel, core, inbox, outbox, logger } = opts;
  const clock = opts.now ?? (() => new Date());
  const log = logger.child({ channel });

  async function answerFailure(message: InboundMessage, error: unknown, eventKey: string): Promise<void> {
    log.error({ eventKey, code: errorCodeOf(error), err: error }, 'update failed');
    // A failure is said in the private chat only: a group is not told about one person's error.
    if (message.chatType !== 'private') return;
    try {
      const locale = await opts.localeOf(message).catch(() => undefined);
      await opts.sendNow(message.chatId, { locale: locale ?? opts.defaultLocale, replies: [{ lines: [msg(messageKeyOf(error))] }] });
    } catch (sendError) {
      log.warn({ eventKey, err: sendError }, 'could not tell the person about the failure');
    }
  }

  return {
    async handle(entry, message, decorate) {
      if (entry.state !== 'RECEIVED') {
        log.info({ eventKey: entry.eventKey, state: entry.state }, 'event already handled (redelivery): ignored');
        return null;
      }
      type Result = { duplicate: true } | { duplicate: false; outcome: Outcome; rows: OutboxItem[] | null };
      let result: Result;
      try {
        result = await opts.unitOfWork(async (): Promise<Result> => {
          const at = clock();
          if (!(await inbox.complete(entry.id, at))) return { duplicate: true };
          const handled = await core.handle(message);
          const outcome = decorate && handled.replies.length > 0 ? { ...handled, replies: decorate(handled) } : handled;
          if (outcome.replies.length === 0 || outcome.personId === undefined) return { duplicate: false, outcome, rows: null };
          const { personId, replies } = outcome;
          const notBefore = new Date(at.getTime() + REPLY_GRACE_MS);
          const queued = replies.map((reply, i) => ({
            key: `reply:${channel}:${entry.eventKey}:${i}`,
            personId,
            channel,
            chatId: message.chatId,
            locale: outcome.locale,
            reply,
            notBefore,
          }));
          const ids = await outbox.enqueueReplies(queued);
          // Delivered as written, not read back: a fresh row has no attempt and no part sent yet.
          const rows = queued.map((q, i): OutboxItem => ({
            id: ids[i]!,
            personId,
            chatId: q.chatId,
            reply: q.reply,
            locale: q.locale,
            attempts: 0,
            key: q.key,
            partsSent: 0,
          }));
          crashPoint('inbound:before-commit', entry.eventKey);
          return { duplicate: false, outcome, rows };
        });
      } catch (error) {
        await inbox
          .fail(entry.id, error instanceof Error ? `${error.name}: ${error.message}` : String(error), clock())
          .catch((e: unknown) => log.warn({ eventKey: entry.eventKey, err: e }, 'could not mark the event failed; it is replayed at the next start'));
        await answerFailure(message, error, entry.eventKey);
        return null;
      }
      if (result.duplicate) {
        log.info({ eventKey: entry.eventKey }, 'event handled by another worker meanwhile: ignored');
        return null;
      }
      crashPoint('inbound:committed', entry.eventKey);
      if (result.rows) await opts.deliver(result.rows);
      else if (result.outcome.replies.length > 0)
        await opts.sendNow(message.chatId, result.outcome).catch((e: unknown) => log.warn({ eventKey: entry.eventKey, err: e }, 'reply not sent'));
      return result.outcome;
    },
    async handleUnrecorded(message) {
      try {
        const outcome = await core.handle(message);
        if (outcome.replies.length > 0) await opts.sendNow(message.chatId, outcome);
      } catch (error) {
        await answerFailure(message, error, 'unrecorded');
      }
    },
  };
}

/**
 * At start: hands every event a previous run recorded and did not finish (RECEIVED before `before`)
 * to `handle`, oldest first, in pages of 100, each page after the last entry handed over (so an entry
 * `handle` leaves RECEIVED is neither handed twice nor stops the paging). Returns how many.
 */
export async function replayPending(inbox: Inbox, channel: string, before: Date, handle: (entry: InboxEntry) => Promise<void>): Promise<number> {
  let count = 0;
  for (let afterId = 0; ;) {
    const page = await inbox.pending(channel, before, 100, afterId);
    if (page.length === 0) return count;
    for (const entry of page) {
      await handle(entry);
      count++;
    }
    afterId = page.at(-1)!.id;
  }
}
