/**
 * Việc tốt quanh ta — good deeds suggested by residents (issue [3/5]): the domain model and the
 * repository port.
 *
 * Life of a deed:
 *   NEW → PUBLISHED (verified by an officer; public in /viectotmoi and the radio bulletin)
 *       → REJECTED (with a reason the resident is told, kindly)
 *       → MERGED (a duplicate of a known deed; its text becomes an addition of that deed)
 *   NEW or PUBLISHED → PROMOTED (an officer registered a nomination from it; linked by `nominationId`)
 * A PROMOTED deed that had been published stays public (`publishedAt` is kept).
 *
 * Privacy: officers and administrators always see who sent a deed; the public sees the sender's
 * name only when the sender agreed (`creditName`). Public reads return {@link PublicDeed}, which
 * has no sender field at all, so a listing cannot leak a name by mistake.
 */

/** NEW | PUBLISHED | REJECTED | MERGED | PROMOTED (see the module comment). */
export type DeedState = 'NEW' | 'PUBLISHED' | 'REJECTED' | 'MERGED' | 'PROMOTED';

/** A photo of a deed: a channel's own file reference (never downloaded). */
export interface DeedPhoto {
  channel: string;
  fileRef: string;
}

/** What a resident tells in the submit dialog (texts already cleaned and length-checked). */
export interface DeedDraft {
  /** Who did the good deed, as written (a person, a family, a group). */
  doerName: string;
  /** What was done. */
  description: string;
  /** Where: a village of the plan or free text. */
  place: string;
  /** When, as written or as chosen ("30/11/2026"). */
  whenText: string;
  /** The resident agreed to be credited by name in public. */
  creditName: boolean;
  photos: DeedPhoto[];
}

/** A resident's addition to a deed already known (told instead of a duplicate, or merged into it). */
export interface DeedAddition {
  submitterId: number;
  submitterName: string;
  text: string;
  creditName: boolean;
  createdAt: Date;
}

/** A deed as officers see it (with its sender). Times are UTC instants. */
export interface GoodDeed {
  id: number;
  /** Short reference code given to the resident, e.g. "VT-7K3M". */
  ref: string;
  submitterId: number;
  /** The sender's display name (officers only). */
  submitterName: string;
  doerName: string;
  description: string;
  place: string;
  whenText: string;
  creditName: boolean;
  state: DeedState;
  /** Why it was rejected (told to the resident). */
  reason: string | null;
  mergedIntoId: number | null;
  nominationId: number | null;
  moderatorId: number | null;
  createdAt: Date;
  moderatedAt: Date | null;
  publishedAt: Date | null;
  /**
   * The resident's own words where a moderator corrected spelling or diacritics before publishing
   * (`doerName`, `description`, `place` above then hold the corrected text, which the public sees);
   * `null` when nothing was ever corrected. Shown to moderators only.
   */
  original: DeedOriginal | null;
  /** Who last corrected the text (person id), and when (UTC); null when never corrected. */
  correctedById: number | null;
  correctedAt: Date | null;
  photos: DeedPhoto[];
  additions: DeedAddition[];
}

/** A resident's own words as first sent, for the fields a moderator may correct. */
export interface DeedOriginal {
  doerName: string;
  description: string;
  place: string;
}

/** The corrected text of a deed (each field cleaned and length-checked like a resident's answer). */
export interface DeedCorrection {
  doerName: string;
  description: string;
  place: string;
}

/** A published deed as the public sees it: `creditedName` is null unless the sender agreed. */
export interface PublicDeed {
  id: number;
  ref: string;
  doerName: string;
  description: string;
  place: string;
  whenText: string;
  publishedAt: Date;
  creditedName: string | null;
}

/** One earlier submission of a person (a deed or an addition), for the abuse limits. */
export interface Submission {
  at: Date;
  /**
   * The folded text (see `foldText`), to spot the same text sent again: a deed's description, or an
   * addition's whole text (which contains the description it was told with).
   */
  textKey: string;
}

/** A person blocked from submitting deeds. */
export interface DeedBlockEntry {
  personId: number;
  name: string;
  at: Date;
}

/** Repository port (implemented in `src/db/deed-repository.ts`). */
export interface DeedRepository {
  /**
   * Stores a NEW deed with a fresh unique reference code (`VT-` + 4 characters of an unambiguous
   * alphabet) and its search keys (`doerKey`, `placeKey`, `descriptionKey`, see `./similar.ts`).
   */
  create(input: { draft: DeedDraft; submitterId: number; now: Date }): Promise<GoodDeed>;
  /**
   * Adds a resident's text (and photos) to a known deed instead of a duplicate.
   * @returns the deed, or `null` when it is missing, REJECTED or MERGED.
   */
  addTo(input: { deedId: number; submitterId: number; text: string; creditName: boolean; photos: DeedPhoto[]; now: Date }): Promise<GoodDeed | null>;
  get(id: number): Promise<GoodDeed | null>;
  /** By reference code; case, spaces and dashes ignored, the "VT" prefix optional. */
  byRef(ref: string): Promise<GoodDeed | null>;
  /**
   * Known deeds (NEW, PUBLISHED or PROMOTED) created at or after `since` with the same doer key or
   * the same place key, newest first, at most `limit`.
   */
  similarCandidates(input: { doerKey: string; placeKey: string; since: Date; excludeId?: number; limit: number }): Promise<GoodDeed[]>;
  /** The person's deeds and additions created at or after `since`, newest first. */
  recentSubmissions(input: { submitterId: number; since: Date }): Promise<Submission[]>;
  /** NEW deeds, oldest first, at most `limit`, with their total count. */
  queue(input: { limit: number }): Promise<{ items: GoodDeed[]; total: number }>;
  /**
   * Replaces the shown text of a NEW deed with a moderator's correction (spelling, diacritics),
   * keeping the resident's words as first sent in `original` (a second correction never overwrites
   * them) and re-deriving the search keys. @returns false when the deed is not NEW (published,
   * rejected, merged meanwhile): a published text is never changed.
   */
  correct(input: { id: number; moderatorId: number; text: DeedCorrection; now: Date }): Promise<boolean>;
  /** NEW → PUBLISHED. @returns false when the deed is not NEW (someone else was quicker). */
  publish(input: { id: number; moderatorId: number; now: Date }): Promise<boolean>;
  /** NEW → REJECTED with a reason. @returns false when the deed is not NEW. */
  reject(input: { id: number; moderatorId: number; reason: string; now: Date }): Promise<boolean>;
  /**
   * NEW → MERGED into another known deed: its text becomes an addition of that deed, its photos
   * are copied there. @returns false when the deed is not NEW, or the target is missing, the same
   * deed, REJECTED or MERGED.
   */
  merge(input: { id: number; intoId: number; moderatorId: number; now: Date }): Promise<boolean>;
  /** NEW or PUBLISHED → PROMOTED, linked to the nomination. @returns false in any other state. */
  markPromoted(input: { id: number; nominationId: number; moderatorId: number; now: Date }): Promise<boolean>;
  /** Published deeds (PUBLISHED, or PROMOTED after publication), newest publication first. */
  recentPublished(input: { offset: number; limit: number }): Promise<{ items: PublicDeed[]; total: number }>;
  /** Deeds published in (from, to] — consecutive periods never overlap — oldest first, at most `limit`. */
  publishedBetween(input: { from: Date; to: Date; limit: number }): Promise<PublicDeed[]>;
  /** Blocks a person from submitting; idempotent. */
  block(input: { personId: number; byId: number; reason?: string; now: Date }): Promise<void>;
  /** @returns false when the person was not blocked. */
  unblock(input: { personId: number }): Promise<boolean>;
  isBlocked(personId: number): Promise<boolean>;
  /** Blocked people, most recent first. */
  blocked(): Promise<DeedBlockEntry[]>;
}
