/**
 * Nominations (Đăng ký / đề nghị điển hình): the domain model and the repository port.
 *
 * Life of a nomination (issue [2/5]; Law 06/2022/QH15 on traceable, once-only rewards):
 *   DRAFT → SUBMITTED → RETURNED (for changes) → SUBMITTED … → APPROVED (an exemplar, điển hình)
 *                                                            → REJECTED
 * A decided (APPROVED/REJECTED) nomination never changes again; it can only be annotated, and an
 * approved one commended. Every change appends a {@link NominationEvent}; history is never edited.
 */
import type { SubjectType } from '../plan/plan-schema.ts';

export type NominationState = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REJECTED';
export type VoteDecision = 'APPROVE' | 'RETURN' | 'REJECT';
export type NoteKind = 'NURTURE' | 'REPLICATE' | 'NOTE';
export type EvidenceKind = 'PHOTO' | 'DOCUMENT';

/** What an officer registers (the answers of the registration dialog). */
export interface NominationDraft {
  planSlug: string;
  categoryCode: string;
  movementCode: string | null;
  unitCode: string;
  subjectType: SubjectType;
  nomineeName: string;
  place: string;
  achievements: string;
  /** Criterion codes of the category the proposer marked as met. */
  selfCheck: string[];
  /** The nominee's sub-profile in the category (plan `profiles`), when it has alternatives. */
  profile?: string | null;
  /** Conditional criterion codes marked "không áp dụng" (not counted). */
  notApplicable?: string[];
  evidence: { kind: EvidenceKind; channel: string; fileRef: string; fileName?: string }[];
  goodDeedId?: number;
}

export interface NominationEvent {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  fromState: NominationState | null;
  toState: NominationState;
  reason: string | null;
}

export interface Nomination {
  id: number;
  planSlug: string;
  categoryCode: string;
  movementCode: string | null;
  unitCode: string;
  proposerId: number;
  subjectType: SubjectType;
  nomineeName: string;
  place: string;
  achievements: string;
  selfCheck: string[];
  /** Sub-profile code (plan `profiles`), null when none was chosen. */
  profile: string | null;
  /** Conditional criterion codes marked "không áp dụng". */
  notApplicable: string[];
  state: NominationState;
  round: number;
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  evidence: { kind: EvidenceKind; channel: string; fileRef: string; fileName: string | null }[];
}

/** Thrown by repository operations that break a rule; `code` picks the user-facing message. */
export class NominationError extends Error {
  constructor(
    readonly code:
      | 'not-found'
      | 'illegal-transition'
      | 'reason-required'
      | 'already-voted'
      | 'not-open-for-vote'
      | 'not-approved'
      | 'already-commended'
      | 'unknown-award',
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'NominationError';
  }
}

/** Council vote rule (per commune; configuration): see `decide` in `./voting.ts`. */
export type VoteRule = { kind: 'majority' } | { kind: 'unanimous' } | { kind: 'count'; votes: number };

/** Raw facts for quota progress: one row per nomination that left DRAFT. */
export interface ProgressRow {
  /** How many nominations this row stands for (grouped rows); 1 when absent. */
  count?: number;
  unitCode: string;
  movementCode: string | null;
  subjectType: SubjectType;
  state: NominationState;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

/** Repository port (implemented in `src/db/nomination-repository.ts`). Times are UTC instants. */
export interface NominationRepository {
  /**
   * Registers a nomination: appends CREATE (→ DRAFT) and SUBMIT (DRAFT → SUBMITTED) events and returns
   * it SUBMITTED, round 1. Stores `nomineeKey = foldText(nomineeName)`.
   * @throws NominationError('not-found') for an unknown plan, category or unit code.
   */
  submit(input: { draft: NominationDraft; proposerId: number; now: Date }): Promise<Nomination>;
  /**
   * Resubmits a RETURNED nomination with changed answers (round + 1, event RESUBMIT RETURNED → SUBMITTED).
   * Evidence in `changes.evidence`, when given, replaces the old list.
   * @throws NominationError('illegal-transition') unless it is RETURNED.
   */
  resubmit(input: { id: number; changes: Partial<NominationDraft>; actorId: number; now: Date }): Promise<Nomination>;
  get(id: number): Promise<Nomination | null>;
  /** Oldest first. */
  history(id: number): Promise<NominationEvent[]>;
  /** Nominations of the plan with the same folded nominee name (any state), oldest first. */
  findByNominee(input: { planSlug: string; nomineeName: string; excludeId?: number }): Promise<Nomination[]>;
  /** SUBMITTED nominations of the plan the voter has not voted on in their current round, oldest submission first. */
  reviewQueue(input: { planSlug: string; voterId: number }): Promise<Nomination[]>;
  /**
   * Records one council vote in the nomination's current round and, when the rule is met, takes the
   * decision (APPROVE → APPROVED, REJECT → REJECTED, RETURN → RETURNED) with an event whose reason is
   * the deciding votes' reasons joined. Safe under concurrency: two votes at once never give two decisions.
   * @throws NominationError('reason-required') for RETURN/REJECT without a reason;
   *         ('already-voted') for a second vote in a round; ('not-open-for-vote') unless SUBMITTED.
   */
  castVote(input: {
    id: number;
    voterId: number;
    decision: VoteDecision;
    reason?: string;
    councilSize: number;
    rule: VoteRule;
    now: Date;
  }): Promise<{ decided: { state: NominationState; reasons: string[] } | null; tally: Record<VoteDecision, number> }>;
  /** Votes of the current round. */
  votes(id: number): Promise<{ voterId: number; decision: VoteDecision; reason: string | null; at: Date }[]>;
  /** Appends a nurturing note, replication activity or annotation (any state; decided ones included). */
  annotate(input: { id: number; kind: NoteKind; text: string; authorId: number; now: Date }): Promise<void>;
  notes(id: number): Promise<{ kind: NoteKind; text: string; authorId: number; at: Date }[]>;
  /**
   * Records a commendation of an APPROVED nomination (event COMMEND). One achievement is not rewarded
   * twice: when the same nominee (folded name) of the same plan and movement already has a
   * commendation, `overrideReason` is required.
   * @throws NominationError('not-approved' | 'already-commended' | 'not-found')
   */
  commend(input: {
    id: number;
    awardCode: string;
    decisionNumber: string;
    decisionDate: string;
    proposedHigher: boolean;
    overrideReason?: string;
    byId: number;
    now: Date;
  }): Promise<void>;
  commendations(id: number): Promise<{ awardCode: string; decisionNumber: string; decisionDate: string; proposedHigher: boolean; at: Date }[]>;
  /** A page of nominations, newest first; `nameQuery` matches the folded nominee name as a substring. */
  list(input: {
    planSlug: string;
    unitCodes?: string[];
    states?: NominationState[];
    nameQuery?: string;
    offset: number;
    limit: number;
  }): Promise<{ items: Nomination[]; total: number }>;
  progressRows(planSlug: string): Promise<ProgressRow[]>;
}
