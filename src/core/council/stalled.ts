/**
 * Rounds open too long (issue 12: "every round ends"): a review round of the active plan open for
 * longer than `councilRoundDays` days (elapsed time since it opened, 24 h a day) is brought to the
 * council chair — who can open a new round, return the nomination or record the meeting's
 * conclusion — and to the standing office (administrators, who keep the council's records and may
 * record the meeting), once per round.
 *
 * Once per round, twice over: every notice has the unique key `round:<id>:<round>:stalled:<person>`
 * (the key of the "all voted, no result" notice too, so a chair told that already is not told
 * again), and the round is then marked ({@link CouncilRepository.markStalled}); a marked round is
 * never looked at again. Notices are queued BEFORE the mark, so a crash between the two repeats the
 * (deduplicated) notices rather than losing them.
 *
 * @module
 */
import { msg } from '../channel.ts';
import type { Services } from '../context.ts';
import type { Notice } from '../notify.ts';
import { nominationRelevance } from '../nominations/relevance.ts';
import { chairButtons } from './notices.ts';

const DAY_MS = 86_400_000;

/** What one run did: rounds newly brought to the chair, and notices newly queued. */
export interface StalledRoundsResult {
  rounds: number;
  queued: number;
}

/**
 * Finds the open rounds of `planSlug` opened at or before `now − days` and not yet marked, tells
 * the chairs (with the chair's buttons) and the administrators who are not chairs (with buttons to
 * record the meeting, `./meeting.ts`, and to open the record), each in their own language (the outbox renders per
 * person), then marks each round TOO_LONG.
 * @param days `settings.councilRoundDays` (≥ 1).
 */
export async function remindStalledRounds(services: Services, input: { planSlug: string; now: Date; days: number }): Promise<StalledRoundsResult> {
  const { council, roles, nominations, notifier } = services;
  const limit = input.now.getTime() - input.days * DAY_MS;
  const due = (await council.openRounds({ planSlug: input.planSlug })).filter((r) => r.stalledAt === null && r.openedAt.getTime() <= limit);
  if (due.length === 0) return { rounds: 0, queued: 0 };
  const chairs = await roles.chairIds();
  const office = (await roles.adminIds()).filter((id) => !chairs.includes(id));
  let rounds = 0;
  let queued = 0;
  for (const r of due) {
    const n = await nominations.get(r.nominationId);
    if (!n || n.state !== 'SUBMITTED' || n.round !== r.number) continue;
    const days = Math.floor((input.now.getTime() - r.openedAt.getTime()) / DAY_MS);
    const relevance = nominationRelevance(n);
    const key = (personId: number) => `round:${n.id}:${n.round}:stalled:${personId}`;
    const notices: Notice[] = [
      ...chairs.map((personId) => ({
        personId,
        key: key(personId),
        relevance,
        reply: { lines: [msg('chair-stalled', { id: n.id, name: n.nomineeName, round: n.round, why: 'TOO_LONG', days })], buttons: chairButtons(n) },
      })),
      ...office.map((personId) => ({
        personId,
        key: key(personId),
        relevance,
        reply: {
          lines: [msg('council-round-too-long-office', { id: n.id, name: n.nomineeName, round: n.round, days, chairs: chairs.length })],
          buttons: [[{ label: msg('chair-conclude'), action: 'hop:new' }], [{ label: msg('nomination-open'), action: `nom:v:${n.id}` }]],
        },
      })),
    ];
    queued += await notifier.notify(notices);
    if (await council.markStalled({ roundId: r.roundId, why: 'TOO_LONG', now: input.now })) rounds++;
  }
  return { rounds, queued };
}
