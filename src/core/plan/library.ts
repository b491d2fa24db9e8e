/**
 * The plans the bot holds (issue 16): the active one, the earlier ones (their records stay
 * readable), and a plan file an administrator sends in chat, kept until they confirm it.
 * Port implemented in `src/app.ts` over `src/db/plan-activation-repository.ts` and the file readers
 * of `src/plan-xlsx/load.ts` (core reads no spreadsheet and opens no file).
 */
import type { Msg } from '../channel.ts';
import type { Localized, PlanFile } from './plan-schema.ts';

/** A plan file sent in chat and checked, waiting for its sender's confirmation. */
export interface StagedPlan {
  id: number;
  fileName: string;
  plan: PlanFile;
  /** Person id of the administrator who sent it. */
  byId: number;
  /** When it was sent (UTC). */
  createdAt: Date;
  /** When it was applied (UTC); null while waiting. */
  appliedAt: Date | null;
}

/** An officer (person id) and the unit code of their role. */
export interface OfficerMove {
  personId: number;
  unitCode: string;
}

/**
 * What applying a plan did. `switched`: another plan became active (false for an edit of the active
 * plan). `kept`: officers of the previous plan whose unit code is in the new plan (carried to it);
 * `lost`: those whose unit is not. Refusals: `denied` (not the sender, or no longer an
 * administrator), `gone` (unknown upload), `applied` (already applied: a second tap), `stale`
 * (another plan was applied after this one was summarised), `in-use` (the edit removes a category or
 * unit that records still use).
 */
export type PlanApplyResult =
  | { ok: true; plan: PlanFile; previous: PlanFile | null; switched: boolean; kept: OfficerMove[]; lost: OfficerMove[] }
  | { ok: false; reason: 'denied' | 'gone' | 'applied' | 'stale' | 'in-use' };

/** A plan held by the bot, for lists across plans (the honour roll). */
export interface PlanEntry {
  slug: string;
  title: Localized;
  /** Calendar dates `YYYY-MM-DD`. */
  period: { start: string; end: string };
  sample: boolean;
  active: boolean;
}

/** Result of reading a plan file's bytes: the validated plan, or every problem as a message. */
export type PlanParseResult = { ok: true; plan: PlanFile } | { ok: false; issues: Msg[] };

/** Port: plans in storage and plan files sent in chat. */
export interface PlanLibrary {
  /**
   * Reads and validates a plan file: the spreadsheet template (`.xlsx`; issues name sheet, row and
   * column) or YAML / JSON (issues name the field). Never throws for a bad file.
   */
  parse(input: { bytes: Uint8Array; fileName: string }): Promise<PlanParseResult>;
  /** Keeps a validated plan until its sender confirms it; returns its id. */
  stage(input: { plan: PlanFile; fileName: string; byId: number; now: Date }): Promise<number>;
  /** A kept plan file, or null when unknown. */
  staged(id: number): Promise<StagedPlan | null>;
  /**
   * Applies a kept plan file: it becomes the active plan (the bot's catalog switches at once),
   * authorization checked again at the write. See {@link PlanApplyResult}.
   */
  apply(input: { uploadId: number; byId: number; now: Date }): Promise<PlanApplyResult>;
  /** Every plan held, the active one first, then earlier ones, most recently active first. */
  history(): Promise<PlanEntry[]>;
}
