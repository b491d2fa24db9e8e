/**
 * Questions the bot could not answer (issue 14), kept for administrators so the commune sees what
 * its people ask and the plan data can grow. Only the text is kept, never who asked.
 */
import type { Locale } from '../channel.ts';

/** One question the bot did not answer with confidence. */
export interface UnansweredInput {
  /** The question as typed (NFC), at most 500 characters. */
  text: string;
  /** Its folded form ({@link foldText}): questions that differ only in case or diacritics count together. */
  key: string;
  /** Language the answer was given in. */
  locale: Locale;
  channel: string;
  /** What the bot offered instead: intent ids of a "did you mean" question, or `[]` for none. */
  offered: string[];
  /** When it was asked (UTC). */
  at: Date;
}

/** A group of identical (folded) questions, most frequent first. */
export interface UnansweredSummary {
  key: string;
  /** The most recent wording. */
  text: string;
  count: number;
  /** Last time it was asked (UTC). */
  lastAt: Date;
  /** What was offered the last time. */
  offered: string[];
}

/** Repository port (implemented in `src/db/unanswered-repository.ts`). */
export interface UnansweredQuestionStore {
  record(input: UnansweredInput): Promise<void>;
  /** Groups asked at or after `since`, by count (then most recent), at most `limit`. */
  mostFrequent(input: { since: Date; limit: number }): Promise<UnansweredSummary[]>;
}
