/**
 * The Council (Hội đồng Thi đua – Khen thưởng xã) after the chat votes: review rounds that always
 * end, council meetings, and the decision chain — the chairman's decision or a proposal to the
 * higher level and its outcome. Types and the repository port (implemented in
 * `src/db/council-repository.ts`).
 *
 * Source: plan IV.5 (the Council "tham mưu, đề xuất"); Law 06/2022/QH15 Art. 80 (the commune
 * chairman decides: "Lao động tiên tiến", giấy khen, "Gia đình văn hóa"); domain-corrections §2, §4.
 * The records here are what the official documents are drafted from: the minutes of a meeting
 * (biên bản, from {@link CouncilMeetingRecord}), the draft decision (dự thảo quyết định, from
 * {@link DecisionRecord}) and the tờ trình to the higher level (from {@link ProposalRecord}).
 *
 * Dates written `YYYY-MM-DD` are calendar dates in the people's zone (Asia/Ho_Chi_Minh); `Date`
 * values are UTC instants.
 *
 * @module
 */
import type { SubjectType } from '../plan/plan-schema.ts';
import type { NominationState, RoundOutcome, Tally } from '../nominations/model.ts';

/** How an open round can be ended by the council chair (besides a meeting's conclusion). */
export type ChairAction = 'NEW_ROUND' | 'RETURN';

/** Why a round was flagged to the chair: all voted without a result, or open too long. */
export type StallReason = 'ALL_VOTED' | 'TOO_LONG';

/** Vòng xét — one review round of a nomination. */
export interface ReviewRoundRecord {
  id: number;
  nominationId: number;
  number: number;
  openedAt: Date;
  state: 'OPEN' | 'CLOSED';
  /** The council's result, or NEW_ROUND / WITHDRAWN; null while open. */
  outcome: RoundOutcome | 'NEW_ROUND' | 'WITHDRAWN' | null;
  closedHow: 'VOTES' | 'CHAIR' | 'MEETING' | 'WITHDRAWN' | null;
  closedAt: Date | null;
  closedById: number | null;
  meetingId: number | null;
  stalledAt: Date | null;
  stalledWhy: StallReason | null;
}

/** An open round the chair may need to hear about (for the stall job and the chair's list). */
export interface OpenRound {
  roundId: number;
  nominationId: number;
  number: number;
  nomineeName: string;
  unitCode: string;
  proposerId: number;
  openedAt: Date;
  stalledAt: Date | null;
  stalledWhy: StallReason | null;
}

/** One nominee as reviewed at a meeting (input and record). */
export interface MeetingItemInput {
  nominationId: number;
  /** The round the recorder saw; when given and no longer the open one → 'stale-round'. */
  round?: number;
  agree: number;
  askChanges: number;
  disagree: number;
  /** Members present who did not vote (the proposer, …). */
  abstain: number;
  conclusion: RoundOutcome;
  /** The title or form the council proposes (award-forms.yaml code), for PROPOSE. */
  awardCode?: string | null;
  remarks?: string | null;
}

/** A member present or absent at a meeting. */
export interface AttendeeInput {
  personId?: number | null;
  name: string;
  present: boolean;
  absentReason?: string | null;
}

/** Phiên họp Hội đồng — what the council chair records after a meeting. */
export interface CouncilMeetingInput {
  planSlug: string;
  /** YYYY-MM-DD. */
  heldOn: string;
  /** "HH:MM", local, when known (older callers; new records give {@link startAt}). */
  startsAt?: string | null;
  /** When the meeting began (UTC instant), when known. */
  startAt?: Date | null;
  /** When it ended (UTC instant), when known; not before `startAt`. */
  endAt?: Date | null;
  place: string;
  chairId?: number | null;
  chairName: string;
  secretaryId?: number | null;
  secretaryName: string;
  notes?: string | null;
  attendees: AttendeeInput[];
  items: MeetingItemInput[];
  recordedById: number;
  now: Date;
}

/** A stored meeting, whole: the minutes (biên bản) are drafted from this. */
export interface CouncilMeetingRecord {
  id: number;
  planSlug: string;
  heldOn: string;
  /** Local "HH:MM" of meetings recorded without {@link startAt}; null otherwise. */
  startsAt: string | null;
  /** Start and end (UTC instants); null when not recorded. */
  startAt: Date | null;
  endAt: Date | null;
  place: string;
  chairId: number | null;
  chairName: string;
  secretaryId: number | null;
  secretaryName: string;
  notes: string | null;
  recordedById: number;
  recordedAt: Date;
  attendees: { personId: number | null; name: string; present: boolean; absentReason: string | null }[];
  items: (MeetingItemInput & {
    round: number;
    nomineeName: string;
    subjectType: SubjectType;
    unitCode: string;
    categoryCode: string;
    awardCode: string | null;
    remarks: string | null;
  })[];
}

/** One nominee in a decision or proposal, with the title or form (award-forms.yaml code). */
export interface AwardItemInput {
  nominationId: number;
  awardCode: string;
  /** Why this is not one achievement rewarded twice (Law 06/2022 Art. 6), when asked. */
  overrideReason?: string | null;
}

/** Quyết định — a decision and the nominees it recognises or awards. */
export interface DecisionRecord {
  id: number;
  planSlug: string;
  /** e.g. "05/QĐ-UBND". */
  number: string;
  /** YYYY-MM-DD. */
  signedOn: string;
  /** COMMUNE: the commune chairman's; HIGHER: the higher level's answer to a tờ trình. */
  authority: 'COMMUNE' | 'HIGHER';
  signer: string;
  proposalId: number | null;
  recordedById: number;
  recordedAt: Date;
  items: (AwardItemInput & { nomineeName: string; subjectType: SubjectType; unitCode: string; categoryCode: string; overrideReason: string | null })[];
}

/** PENDING until the higher level answers. */
export type ProposalOutcome = 'PENDING' | 'AWARDED' | 'REFUSED';

/** Tờ trình — a proposal to the higher level (no decision number of its own). */
export interface ProposalRecord {
  id: number;
  planSlug: string;
  /** e.g. "45/TTr-UBND". */
  number: string;
  /** YYYY-MM-DD. */
  sentOn: string;
  toAuthority: string;
  recordedById: number;
  recordedAt: Date;
  items: (AwardItemInput & {
    nomineeName: string;
    subjectType: SubjectType;
    unitCode: string;
    categoryCode: string;
    overrideReason: string | null;
    outcome: ProposalOutcome;
    /** The higher level's decision (AWARDED). */
    decision: { id: number; number: string; signedOn: string; signer: string } | null;
    refusalReason: string | null;
    outcomeAt: Date | null;
  })[];
}

/** Everything awarded to, or proposed for, one nomination (for its record). */
export interface NominationAwards {
  decisions: { decisionId: number; number: string; signedOn: string; authority: 'COMMUNE' | 'HIGHER'; signer: string; awardCode: string }[];
  proposals: {
    proposalId: number;
    number: string;
    sentOn: string;
    toAuthority: string;
    awardCode: string;
    outcome: ProposalOutcome;
    refusalReason: string | null;
  }[];
}

/** An earlier award (or pending proposal) of the same nominee, for "one achievement, one reward". */
export interface PriorAward {
  nominationId: number;
  planSlug: string;
  awardCode: string;
  /** Decision number or tờ trình number. */
  number: string;
  /** YYYY-MM-DD of the decision or tờ trình. */
  date: string;
  kind: 'DECISION' | 'PROPOSAL';
}

/** Errors of council operations reuse {@link NominationError} codes (one vocabulary for the record). */
export interface CouncilRepository {
  /** The nomination's rounds, oldest first. */
  rounds(nominationId: number): Promise<ReviewRoundRecord[]>;
  /** Open rounds of the plan, oldest first. */
  openRounds(input: { planSlug: string }): Promise<OpenRound[]>;
  /**
   * Marks an open round as told to the chair (once: a conditional update on `stalledAt IS NULL`).
   * @returns false when it was already marked or is no longer open.
   */
  markStalled(input: { roundId: number; why: StallReason; now: Date }): Promise<boolean>;
  /**
   * The council chair ends the open round `round`: NEW_ROUND opens round + 1 (votes start again,
   * event NEW_ROUND), RETURN returns the nomination for changes (event RETURN, reason required).
   * @throws NominationError('stale-round' | 'not-open-for-vote' | 'reason-required' | 'not-found')
   */
  endRound(input: {
    nominationId: number;
    round: number;
    action: ChairAction;
    reason: string | null;
    chairId: number;
    now: Date;
  }): Promise<{ state: NominationState; round: number }>;
  /**
   * Records a council meeting for a batch of nominations; each item's conclusion ends that
   * nomination's open round (closedHow MEETING; PROPOSE → PROPOSED, RETURN → RETURNED, REJECT →
   * REJECTED, events with the meeting's tally). All or nothing.
   * @throws NominationError('not-open-for-vote') when an item's nomination is not SUBMITTED;
   *   ('stale-round') when an item's `round` is given and is no longer the open round;
   *   ('reason-required') for RETURN/REJECT without remarks; ('not-found').
   */
  recordMeeting(input: CouncilMeetingInput): Promise<CouncilMeetingRecord>;
  meeting(id: number): Promise<CouncilMeetingRecord | null>;
  /** Meetings of the plan, newest first. */
  meetings(input: { planSlug: string }): Promise<CouncilMeetingRecord[]>;
  /**
   * Records the commune chairman's decision for PROPOSED nominations (each → APPROVED, event
   * DECIDE). A second call with the same number and date adds nominees to the same decision.
   * The caller checks the award forms (core/council/awards-check.ts); this enforces the states
   * and "one achievement, one reward": a nomination already decided or pending upward is refused
   * ('already-commended') unless `overrideReason` is given.
   * @throws NominationError('not-proposed' | 'already-commended' | 'not-found')
   */
  recordDecision(input: {
    planSlug: string;
    number: string;
    signedOn: string;
    signer?: string;
    items: AwardItemInput[];
    byId: number;
    now: Date;
  }): Promise<DecisionRecord>;
  /**
   * The chairman does not recognise a PROPOSED nomination (→ REJECTED, event DECLINE, reason).
   * @throws NominationError('not-proposed' | 'reason-required' | 'not-found')
   */
  decline(input: { nominationId: number; reason: string; byId: number; now: Date }): Promise<void>;
  /**
   * Records a tờ trình to the higher level for PROPOSED nominations (each → PROPOSED_HIGHER, event
   * PROPOSE_HIGHER). Same number and date = the same tờ trình.
   * @throws NominationError('not-proposed' | 'already-commended' | 'not-found')
   */
  recordProposal(input: {
    planSlug: string;
    number: string;
    sentOn: string;
    toAuthority?: string;
    items: AwardItemInput[];
    byId: number;
    now: Date;
  }): Promise<ProposalRecord>;
  /**
   * Records the higher level's answer for one nominee of a tờ trình: AWARDED with its decision
   * (→ APPROVED, event HIGHER_AWARD) or REFUSED with a reason (→ PROPOSED again, event
   * HIGHER_REFUSE: the chairman may then decide a commune form or decline).
   * @throws NominationError('not-proposed-higher' | 'reason-required' | 'not-found')
   */
  recordProposalOutcome(
    input:
      | {
          proposalId: number;
          nominationId: number;
          outcome: 'AWARDED';
          decision: { number: string; signedOn: string; signer?: string };
          byId: number;
          now: Date;
        }
      | { proposalId: number; nominationId: number; outcome: 'REFUSED'; reason: string; byId: number; now: Date },
  ): Promise<void>;
  decision(id: number): Promise<DecisionRecord | null>;
  /** Decisions of the plan, newest signing date first. */
  decisions(input: { planSlug: string }): Promise<DecisionRecord[]>;
  proposal(id: number): Promise<ProposalRecord | null>;
  /** Proposals of the plan, newest first; `pendingOnly` keeps those with a PENDING item. */
  proposals(input: { planSlug: string; pendingOnly?: boolean }): Promise<ProposalRecord[]>;
  /** What was awarded to, or proposed for, a nomination. */
  awardsOf(nominationId: number): Promise<NominationAwards>;
  /**
   * Earlier awards and pending/awarded proposals of the same nominee (folded name and subject
   * type) in ANY plan, and of the nomination itself, excluding refused proposals.
   */
  priorAwards(nominationId: number): Promise<PriorAward[]>;
}

export type { Tally };
