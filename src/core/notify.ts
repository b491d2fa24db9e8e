/**
 * Proactive messages (to someone other than the sender of the current message): notices of a
 * decision, new nominations for the council, reminders. Core only states who gets what under which
 * unique key; the outbox (src/db) stores it and a sender delivers it once.
 */
import type { ChannelName, Reply } from './channel.ts';

export interface Notice {
  personId: number;
  /**
   * Unique key of this message for this person, e.g. `nomination:12:decided:5`. A second notice with
   * the same key is ignored, so a replayed update or a retried job never sends twice.
   */
  key: string;
  reply: Reply;
  /**
   * Only through this channel (the person's identity there used last); skipped when they have none.
   * Default: the identity the person used last, whatever its channel.
   */
  channel?: ChannelName;
  /**
   * What the notice is about and the version it was written for, e.g. `nomination:12@SUBMITTED:2`
   * (see `nominations/relevance.ts`): when the subject has moved on by the time of sending, the
   * notice has lost its point and is dropped instead of sent. Absent = always relevant.
   */
  relevance?: string;
}

/** Port implemented by the outbox. */
export interface Notifier {
  /** Queues notices; returns how many were new. Never throws for an unreachable person. */
  notify(notices: Notice[]): Promise<number>;
}
