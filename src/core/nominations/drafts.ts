/**
 * Drafts of registrations (Bản nháp): what an officer typed in /dangky is kept whenever the dialog is
 * left half-done without being cancelled — another dialog started (/viectot, /moi, promoting a deed,
 * resuming another draft…), or the dialog's time to live passed. Drafts are listed in /hoso and
 * resumed where the officer was; they are kept at least 30 days (only the officer or a submission
 * removes one). Issue 13 ("No lost work").
 */

/** A kept registration dialog: the step, the steps "back" leads to, and the answers. */
export interface DraftState {
  step: string;
  history: string[];
  data: Record<string, unknown>;
}

export interface RegistrationDraftSummary {
  id: number;
  nomineeName: string;
  updatedAt: Date;
}

/** Repository port (implemented in `src/db/draft-repository.ts`). */
export interface DraftRepository {
  /** Keeps a draft; returns its id. */
  save(input: { personId: number; planSlug: string; nomineeName: string; state: DraftState; now: Date }): Promise<number>;
  /** The person's drafts under a plan, most recently changed first. */
  list(input: { personId: number; planSlug: string }): Promise<RegistrationDraftSummary[]>;
  /** One draft of the person, or null (unknown id or someone else's). */
  get(input: { id: number; personId: number }): Promise<(RegistrationDraftSummary & { planSlug: string; state: DraftState }) | null>;
  /** Removes one draft of the person; false when there was none. */
  remove(input: { id: number; personId: number }): Promise<boolean>;
}
