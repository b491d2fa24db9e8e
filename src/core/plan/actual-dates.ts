/**
 * Actual dates of milestones (the day a review or conference is really held), set in chat by the
 * standing office of the Council (administrators). The plan file keeps the plan's own wording; these
 * dates drive the reminders (see `exactDay`). Domain-corrections §3.
 */

/** Repository port (implemented in `src/db/milestone-date-repository.ts`). Dates are `YYYY-MM-DD`. */
export interface MilestoneDateRepository {
  /** Actual dates set for the plan's milestones, by milestone code. */
  list(planSlug: string): Promise<Map<string, string>>;
  /** Sets (or replaces) the actual date of one milestone. */
  set(input: { planSlug: string; code: string; date: string; byId: number; now: Date }): Promise<void>;
  /** Removes the actual date of one milestone; `false` when none was set. */
  clear(input: { planSlug: string; code: string }): Promise<boolean>;
}
