/**
 * `/hop` (English `/meeting`): the council chair or the standing office (the council's secretary)
 * records a meeting of the Council for the nominations in an open review round (issue 12; plan
 * IV.5: "Councils decide in meetings; the minutes record who attended, the tallies per nominee and
 * the conclusion" — domain-corrections §2). The record is what the biên bản is drafted from
 * (`/vanban bienban`, `../documents/meeting-minutes.ts`).
 *
 * Steps: the date; the start and end times (typed in the bot's zone `settings.timeZone`, stored as
 * UTC instants); the place; the members present (every council member listed, tap to mark absent);
 * who presided and who took the minutes (a present member, or a typed name); then, nomination by
 * nomination, the tally of the recorded votes of the members present and the Council's conclusion
 * (thống nhất đề nghị / đề nghị bổ sung / không đề nghị / not reviewed at this meeting; remarks for
 * the last two outcomes), and a summary to confirm. Nothing is written before the confirmation.
 *
 * Authorization is asked before every step ({@link DialogDefinition.allowed}) AND again at the
 * moment of writing, with the roles read for that very message: a role revoked while the dialog
 * was open records nothing. A nomination that moved on meanwhile (another round, withdrawn, …)
 * makes the whole record refused ('stale-round' / 'not-open-for-vote'), nothing written.
 *
 * @module
 */
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { stepButton, type DialogDefinition, type StepResult } from '../dialog/engine.ts';
import type { RoundOutcome, RoundVote } from '../nominations/model.ts';
import { NominationError } from '../nominations/model.ts';
import { tellOutcome } from '../nominations/review.ts';
import { formatPlanDate, parseTypedDate } from '../plan/dates.ts';
import { parseTypedTime, zonedInstant } from '../plan/local-time.ts';
import { asSentence, clip } from '../text/fold.ts';
import { mayRecordDecisions } from './decide.ts';
import { tellDecisionMakers } from './notices.ts';

export const MEETING_DIALOG = 'meeting';
const PLACE_LIMITS = [3, 200] as const;
const NAME_LIMITS = [2, 120] as const;
const REMARK_LIMITS = [5, 1000] as const;
const CONCLUSIONS: Record<string, RoundOutcome> = { P: 'PROPOSE', R: 'RETURN', X: 'REJECT' };

interface Person {
  id: number | null;
  name: string;
}

interface Concluded {
  id: number;
  round: number;
  name: string;
  agree: number;
  askChanges: number;
  disagree: number;
  abstain: number;
  conclusion: RoundOutcome;
  remarks: string | null;
}

/** The dialog's state (stored as JSON). Dates `YYYY-MM-DD` and times "HH:MM" are local. */
export interface MeetingData {
  date?: string;
  start?: string;
  end?: string;
  place?: string;
  /** The council (members and chairs) when the dialog opened. */
  members: { id: number; name: string }[];
  absent: number[];
  chair?: Person;
  secretary?: Person;
  /** Nominations in an open round when the dialog opened, oldest round first. */
  queue: { id: number; round: number; name: string }[];
  /** Index in `queue` of the nomination being concluded. */
  idx: number;
  items: Concluded[];
  /** A RETURN/REJECT conclusion waiting for its remarks. */
  pending?: Concluded;
}

const say = (key: string, args?: Record<string, string | number | Msg>): Reply[] => [{ lines: [msg(key, args)] }];
const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const present = (d: MeetingData) => d.members.filter((m) => !d.absent.includes(m.id));

/** The tally of one nomination's recorded votes, counting the members present only. */
function tally(votes: RoundVote[], d: MeetingData) {
  const here = new Set(present(d).map((m) => m.id));
  const counted = votes.filter((v) => here.has(v.voterId));
  const count = (k: RoundVote['decision']) => counted.filter((v) => v.decision === k).length;
  return {
    agree: count('AGREE'),
    askChanges: count('ASK_CHANGES'),
    disagree: count('DISAGREE'),
    abstain: here.size - counted.length,
    absentVotes: votes.length - counted.length,
    reasons: counted.filter((v) => v.reason).map((v) => `${v.voterName}: ${v.reason}`),
  };
}

/** Who may be picked as chair or secretary: the members present, by button. */
function peopleButtons(step: string, d: MeetingData): Button[][] {
  return present(d).map((m) => [stepButton(step, msg('plain', { text: m.name }), String(m.id))]);
}

function pickPerson(d: MeetingData, input: { value?: string; text?: string }): Person | 'invalid' {
  if (input.value !== undefined) {
    const m = present(d).find((p) => String(p.id) === input.value);
    return m ? { id: m.id, name: m.name } : 'invalid';
  }
  const name = oneLine(input.text);
  return name.length >= NAME_LIMITS[0] && name.length <= NAME_LIMITS[1] ? { id: null, name } : 'invalid';
}

/** After one nomination: the next one, or the summary. */
function advance(d: MeetingData, item?: Concluded): StepResult<MeetingData> {
  const data: MeetingData = { ...d, idx: d.idx + 1, items: item ? [...d.items, item] : d.items, pending: undefined };
  return { next: data.idx < data.queue.length ? 'item' : 'confirm', data, replace: true };
}

/** Writes the meeting (after checking, with this message's roles, that the person still may). */
async function save(ctx: Ctx, d: MeetingData): Promise<Reply[]> {
  if (!mayRecordDecisions(ctx)) return say('access-denied', { audience: 'chair' });
  const tz = ctx.services.settings.timeZone;
  const here = present(d);
  let id: number;
  try {
    const record = await ctx.services.council.recordMeeting({
      planSlug: ctx.catalog.plan.id,
      heldOn: d.date!,
      startAt: zonedInstant(d.date!, d.start!, tz),
      endAt: zonedInstant(d.date!, d.end!, tz),
      place: d.place!,
      chairId: d.chair!.id,
      chairName: d.chair!.name,
      secretaryId: d.secretary!.id,
      secretaryName: d.secretary!.name,
      attendees: d.members.map((m) => ({ personId: m.id, name: m.name, present: here.some((p) => p.id === m.id) })),
      items: d.items.map((i) => ({
        nominationId: i.id,
        round: i.round,
        agree: i.agree,
        askChanges: i.askChanges,
        disagree: i.disagree,
        abstain: i.abstain,
        conclusion: i.conclusion,
        remarks: i.remarks,
      })),
      recordedById: ctx.personId,
      now: ctx.now,
    });
    id = record.id;
  } catch (error) {
    if (error instanceof NominationError && ['stale-round', 'not-open-for-vote', 'not-found'].includes(error.code)) {
      const moved = /nomination (\d+)/.exec(error.message)?.[1];
      return say('meeting-stale', { id: moved ?? '?' });
    }
    if (error instanceof NominationError) return say('review-error', { code: error.code });
    throw error;
  }
  // The proposing units hear the Council's result; what it proposes goes to those who record the decision.
  for (const i of d.items) {
    const n = await ctx.services.nominations.get(i.id);
    if (!n) continue;
    await tellOutcome(ctx, n, i.conclusion, i.remarks ? [i.remarks] : []);
    if (i.conclusion === 'PROPOSE') await tellDecisionMakers(ctx, n);
  }
  return [
    {
      lines: [
        msg('meeting-saved', { id, date: formatPlanDate(d.date!), count: d.items.length, proposed: d.items.filter((i) => i.conclusion === 'PROPOSE').length }),
      ],
      buttons: [[{ label: msg('meeting-open-minutes'), action: `vb:bienban ${id}` }]],
    },
  ];
}

export const meetingDialog: DialogDefinition<Ctx, MeetingData> = {
  kind: MEETING_DIALOG,
  allowed: (ctx) => mayRecordDecisions(ctx),
  steps: {
    date: {
      prompt: (ctx, d) => ({ lines: [msg('meeting-ask-date', { count: d.queue.length, example: formatPlanDate(ctx.today) })] }),
      handle: (ctx, d, input) => {
        const date = parseTypedDate(input.text ?? '');
        if (!date) return { stay: true, say: say('commend-date-invalid') };
        if (date > ctx.today) return { stay: true, say: say('meeting-date-future') };
        return { next: 'time', data: { ...d, date } };
      },
    },
    time: {
      prompt: () => ({ lines: [msg('meeting-ask-time')] }),
      handle: (ctx, d, input) => {
        const parts = oneLine(input.text).split(/\s*(?:-|–|—|đến|to)\s*/i);
        const [start, end] = parts.length === 2 ? parts.map(parseTypedTime) : [];
        if (!start || !end) return { stay: true, say: say('meeting-time-invalid') };
        if (end <= start) return { stay: true, say: say('meeting-time-order') };
        if (zonedInstant(d.date!, end, ctx.services.settings.timeZone) > ctx.now)
          return { stay: true, say: say('meeting-time-future', { end, date: formatPlanDate(d.date!) }) };
        return { next: 'place', data: { ...d, start, end } };
      },
    },
    place: {
      prompt: () => ({ lines: [msg('meeting-ask-place')] }),
      handle: (_ctx, d, input) => {
        const place = oneLine(input.text);
        if (place.length < PLACE_LIMITS[0] || place.length > PLACE_LIMITS[1])
          return { stay: true, say: say('meeting-text-length', { min: PLACE_LIMITS[0], max: PLACE_LIMITS[1] }) };
        return { next: 'present', data: { ...d, place } };
      },
    },
    present: {
      prompt: (_ctx, d) => ({
        lines: [msg('meeting-ask-present', { present: present(d).length, size: d.members.length })],
        buttons: [
          ...d.members.map((m) => [
            stepButton('present', msg('meeting-member', { name: m.name, present: d.absent.includes(m.id) ? 'no' : 'yes' }), String(m.id)),
          ]),
          [stepButton('present', msg('meeting-present-done'), 'ok')],
        ],
      }),
      handle: (_ctx, d, input) => {
        if (input.value === 'ok') {
          if (present(d).length === 0) return { stay: true, say: say('meeting-none-present') };
          return { next: 'chair', data: d };
        }
        const m = d.members.find((x) => String(x.id) === input.value);
        if (!m) return { stay: true, say: say('register-choose-button') };
        const absent = d.absent.includes(m.id) ? d.absent.filter((x) => x !== m.id) : [...d.absent, m.id];
        return { stay: true, data: { ...d, absent } };
      },
    },
    chair: {
      prompt: (_ctx, d) => ({ lines: [msg('meeting-ask-chair')], buttons: peopleButtons('chair', d) }),
      handle: (_ctx, d, input) => {
        const chair = pickPerson(d, input);
        if (chair === 'invalid') return { stay: true, say: say('meeting-text-length', { min: NAME_LIMITS[0], max: NAME_LIMITS[1] }) };
        return { next: 'sec', data: { ...d, chair } };
      },
    },
    sec: {
      prompt: (_ctx, d) => ({ lines: [msg('meeting-ask-secretary')], buttons: peopleButtons('sec', d) }),
      handle: (_ctx, d, input) => {
        const secretary = pickPerson(d, input);
        if (secretary === 'invalid') return { stay: true, say: say('meeting-text-length', { min: NAME_LIMITS[0], max: NAME_LIMITS[1] }) };
        return { next: 'item', data: { ...d, secretary, idx: 0, items: [], pending: undefined } };
      },
    },
    item: {
      prompt: async (ctx, d) => {
        const q = d.queue[d.idx]!;
        const t = tally(await ctx.services.nominations.votes(q.id), d);
        const lines: Msg[] = [
          msg('meeting-item', {
            index: d.idx + 1,
            total: d.queue.length,
            id: q.id,
            name: q.name,
            round: q.round,
            agree: t.agree,
            changes: t.askChanges,
            disagree: t.disagree,
            abstain: t.abstain,
          }),
        ];
        if (t.absentVotes > 0) lines.push(msg('meeting-item-absent-votes', { count: t.absentVotes }));
        const b = (code: string, label: Msg) => [stepButton('item', label, `${q.id}:${code}`)];
        return {
          lines,
          buttons: [
            b('P', msg('meeting-conclusion', { conclusion: 'PROPOSE' })),
            b('R', msg('meeting-conclusion', { conclusion: 'RETURN' })),
            b('X', msg('meeting-conclusion', { conclusion: 'REJECT' })),
            b('S', msg('meeting-skip')),
          ],
        };
      },
      handle: async (ctx, d, input) => {
        const q = d.queue[d.idx]!;
        const [rawId, code] = (input.value ?? '').split(':');
        // A button of another nomination (an older message) answers nothing.
        if (rawId !== String(q.id) || !code) return { stay: true, say: say('register-choose-button') };
        if (code === 'S') return advance(d);
        const conclusion = CONCLUSIONS[code];
        if (!conclusion) return { stay: true, say: say('register-choose-button') };
        const t = tally(await ctx.services.nominations.votes(q.id), d);
        const item: Concluded = {
          id: q.id,
          round: q.round,
          name: q.name,
          agree: t.agree,
          askChanges: t.askChanges,
          disagree: t.disagree,
          abstain: t.abstain,
          conclusion,
          remarks: null,
        };
        if (conclusion === 'PROPOSE') return advance(d, item);
        return { next: 'remarks', data: { ...d, pending: item }, replace: true };
      },
    },
    remarks: {
      prompt: async (ctx, d) => {
        const p = d.pending!;
        const reasons = tally(await ctx.services.nominations.votes(p.id), d).reasons;
        return {
          lines: [msg('meeting-ask-remarks', { id: p.id, name: p.name, conclusion: msg('meeting-conclusion', { conclusion: p.conclusion }) })],
          buttons: reasons.length > 0 ? [[stepButton('remarks', msg('meeting-use-member-reasons'), 'votes')]] : [],
        };
      },
      handle: async (ctx, d, input) => {
        const p = d.pending;
        if (!p) return { next: 'item', data: d, replace: true };
        let remarks = oneLine(input.text);
        if (input.value === 'votes') remarks = tally(await ctx.services.nominations.votes(p.id), d).reasons.join('; ');
        if (remarks.length < REMARK_LIMITS[0]) return { stay: true, say: say('register-too-short', { min: REMARK_LIMITS[0] }) };
        return advance(d, { ...p, remarks: clip(remarks, REMARK_LIMITS[1]) });
      },
    },
    confirm: {
      prompt: (_ctx, d) => {
        if (d.items.length === 0) return { lines: [msg('meeting-nothing-concluded')] };
        const here = present(d);
        const absent = d.members.filter((m) => d.absent.includes(m.id));
        return {
          lines: [
            msg('meeting-confirm', {
              date: formatPlanDate(d.date!),
              start: d.start!,
              end: d.end!,
              place: d.place!,
              chair: d.chair!.name,
              secretary: d.secretary!.name,
              present: here.length,
              size: d.members.length,
              presentNames: here.map((m) => m.name).join(', '),
              absentNames: absent.length > 0 ? absent.map((m) => m.name).join(', ') : '-',
            }),
            ...d.items.map((i) =>
              msg('meeting-confirm-item', {
                id: i.id,
                name: i.name,
                agree: i.agree,
                changes: i.askChanges,
                disagree: i.disagree,
                abstain: i.abstain,
                conclusion: msg('meeting-conclusion', { conclusion: i.conclusion }),
                remarks: i.remarks ? ` ${asSentence(i.remarks)}` : '',
              }),
            ),
          ],
          buttons: [[stepButton('confirm', msg('meeting-confirm-yes'), 'ok')]],
        };
      },
      handle: async (ctx, d, input) => {
        if (input.value !== 'ok' || d.items.length === 0) return { stay: true, say: say('register-choose-button') };
        return { done: true, say: await save(ctx, d) };
      },
    },
  },
};

/** Opens the dialog: the council as it is now and the nominations in an open round. */
export async function startMeeting(ctx: Ctx): Promise<Reply[]> {
  if (!mayRecordDecisions(ctx)) return say('access-denied', { audience: 'chair' });
  const rounds = await ctx.services.council.openRounds({ planSlug: ctx.catalog.plan.id });
  if (rounds.length === 0) return say('meeting-no-rounds');
  const people = await ctx.services.roles.listPeopleWithRoles({ planSlug: ctx.catalog.plan.id });
  const members = people.filter((p) => p.grants.some((g) => g.role === 'COUNCIL' || g.role === 'CHAIR')).map((p) => ({ id: p.id, name: p.displayName }));
  if (members.length === 0) return say('meeting-no-members');
  const data: MeetingData = {
    members,
    absent: [],
    queue: rounds.map((r) => ({ id: r.nominationId, round: r.number, name: r.nomineeName })),
    idx: 0,
    items: [],
  };
  return ctx.services.dialogs.start(ctx, MEETING_DIALOG, 'date', data);
}

/** `/hop` and the `hop:new` button (under a round brought to the chair). */
export const meetingFeature: Feature = {
  commands: { hop: (ctx) => startMeeting(ctx) },
  actions: { hop: (ctx) => startMeeting(ctx) },
};
