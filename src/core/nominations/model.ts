/**
 * Nominations (Đăng ký / đề nghị điển hình): the domain model and the repository port.
 *
 * Life of a nomination (plan IV.5; Law 06/2022/QH15 Art. 80: the Council advises, the chairman
 * decides; see `./states.ts` for every transition):
 *   DRAFT → SUBMITTED (a council round is open) → RETURNED (đề nghị bổ sung) → SUBMITTED …
 *                                                → REJECTED (Hội đồng không đề nghị)
 *                                                → PROPOSED (Hội đồng thống nhất đề nghị)
 *   PROPOSED → APPROVED (Chủ tịch UBND xã quyết định công nhận / tặng, …/QĐ-UBND)
 *            → PROPOSED_HIGHER (tờ trình …/TTr-UBND to the higher level) → APPROVED (its decision)
 *                                                                         → PROPOSED (refused)
 *            → REJECTED (the chairman does not recognise it)
 *   SUBMITTED | RETURNED → WITHDRAWN (the unit withdraws it)
 * APPROVED, REJECTED and WITHDRAWN are final: it can only be annotated afterwards. Every change
 * appends a {@link NominationEvent}; history is never edited.
 */
import { AppError } from '../errors.ts';
import type { SubjectType } from '../plan/plan-schema.ts';

export type NominationState = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'PROPOSED' | 'PROPOSED_HIGHER' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
/**
 * A council member's vote — advice, not a decision (domain-corrections §2): Đồng ý (AGREE),
 * Đề nghị bổ sung (ASK_CHANGES), Không đồng ý (DISAGREE).
 */
export type VoteDecision = 'AGREE' | 'ASK_CHANGES' | 'DISAGREE';
/** The council's result of a round: propose it (PROPOSE), return it for changes, not propose it. */
export type RoundOutcome = 'PROPOSE' | 'RETURN' | 'REJECT';
export type NoteKind = 'NURTURE' | 'REPLICATE' | 'NOTE';
/** A file sent on a channel, or a typed NOTE (e.g. "bản giấy lưu tại UBND xã"; the text is in `fileRef`, channel `note`). */
export type EvidenceKind = 'PHOTO' | 'DOCUMENT' | 'NOTE';

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
  /** The review round the event belongs to, when it does (votes, round results). */
  round: number | null;
  /** VOTE / VOTE_CHANGE: the vote; DECIDE, PROPOSE_HIGHER, HIGHER_AWARD: the document number. */
  detail: string | null;
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
export class NominationError extends AppError {
  constructor(
    override readonly code:
      | 'not-found'
      | 'illegal-transition'
      | 'reason-required'
      | 'already-voted'
      | 'not-open-for-vote'
      | 'stale-round'
      | 'own-nomination'
      | 'not-proposed'
      | 'not-proposed-higher'
      | 'not-approved'
      | 'already-commended'
      | 'unknown-award'
      | 'award-not-applicable'
      | 'duplicate-document',
    message?: string,
  ) {
    super(code, 'error-internal', message ?? code);
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
   * Records (or changes) one council member's vote in the nomination's open round and, when the
   * council's rule is met by the members who may vote, ends the round with the council's result:
   * AGREE → PROPOSED, ASK_CHANGES → RETURNED, DISAGREE → REJECTED (event PROPOSE / RETURN / REJECT,
   * its reason each deciding reason with its own voter, "Name: reason; Name: reason").
   *
   * - `members`: the council member ids; the proposer of the nomination never votes on it
   *   (they abstain) and the rule counts the others only.
   * - `round`: the round the member saw (the button's); another round → 'stale-round', nothing saved.
   * - A member who already voted in this round changes their vote (event VOTE_CHANGE).
   * - Safe under concurrency: two votes at once give one result (see src/db/nomination-repository.ts).
   * @throws NominationError('reason-required') for ASK_CHANGES/DISAGREE without a reason;
   *   ('not-open-for-vote') unless SUBMITTED; ('stale-round'); ('own-nomination') for the proposer;
   *   ('not-found').
   */
  castVote(input: {
    id: number;
    voterId: number;
    decision: VoteDecision;
    reason?: string;
    round?: number;
    members: readonly number[];
    rule: VoteRule;
    now: Date;
  }): Promise<CastVoteResult>;
  /** Votes of the current round, first cast first, with the voters' names. */
  votes(id: number): Promise<RoundVote[]>;
  /**
   * Withdraws a SUBMITTED or RETURNED nomination (rút hồ sơ, event WITHDRAW); an open round ends.
   * @throws NominationError('illegal-transition' | 'not-found')
   */
  withdraw(input: { id: number; actorId: number; reason: string; now: Date }): Promise<void>;
  /** Appends a nurturing note, replication activity or annotation (any state; decided ones included). */
  annotate(input: { id: number; kind: NoteKind; text: string; authorId: number; now: Date }): Promise<void>;
  notes(id: number): Promise<{ kind: NoteKind; text: string; authorId: number; at: Date }[]>;
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

/** One member's vote in a round, as shown on the record. */
export interface RoundVote {
  voterId: number;
  voterName: string;
  decision: VoteDecision;
  reason: string | null;
  /** First cast (UTC). */
  at: Date;
  /** Last changed (UTC), null when never changed. */
  changedAt: Date | null;
}

/** Votes of one round per kind. */
export type Tally = Record<VoteDecision, number>;

/** What a vote did. */
export interface CastVoteResult {
  /** The round voted in. */
  round: number;
  /** True when the member changed an earlier vote of this round. */
  changed: boolean;
  tally: Tally;
  /** Members who may vote in this round (council members except the proposer). */
  eligible: number;
  /** Council members who do not vote on this nomination, and why (PROPOSER: they proposed it). */
  abstained: { personId: number; name: string; why: 'PROPOSER' }[];
  /** The council's result when this vote ended the round. */
  decided: { state: NominationState; outcome: RoundOutcome; reasons: { voterId: number; voterName: string; reason: string }[] } | null;
  /**
   * True the first time the round cannot end by itself: every eligible member voted and the rule
   * gives no result. The council chair must then be told (see src/core/council).
   */
  stalled: boolean;
}
