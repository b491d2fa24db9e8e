/**
 * How a nomination is shown: in full to the people who handle it (officers of its unit, council
 * members, administrators) and publicly, without private data, once it is an approved exemplar.
 */
import { applicableCriteria, conditionArgs } from '../criteria/applicability.ts';
import { msg, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { pick } from '../plan/catalog.ts';
import { formatLocalDate, formatLocalDateTime, formatPlanDate } from '../plan/dates.ts';
import type { Nomination } from './model.ts';
import { summaryLines } from './register.ts';

/** The name of an award form in the person's language (the code when the form is unknown). */
async function awardNamer(ctx: Ctx): Promise<(code: string) => string> {
  const forms = await ctx.services.awardForms();
  return (code) => forms.find((f) => f.code === code)?.name[ctx.locale] ?? code;
}

/** Whether the person handles this nomination (sees it whole). */
export const handles = (ctx: Ctx, n: Nomination): boolean =>
  ctx.roles.admin || ctx.roles.council || ctx.roles.chair || ctx.roles.officerUnits.includes(n.unitCode);

/** The criteria self-check: each criterion that applies to the nominee, marked met, not met or not applicable. */
function selfCheckLines(ctx: Ctx, n: Nomination): Msg[] {
  const c = ctx.catalog.categoryByCode.get(n.categoryCode);
  if (!c) return [];
  return [
    msg('nomination-check-title'),
    ...applicableCriteria(c, n).map(({ criterion: x, conditional }, i) =>
      msg('register-check-item', {
        n: i + 1,
        met: conditional && n.notApplicable.includes(x.code) ? 'na' : n.selfCheck.includes(x.code) ? 'yes' : 'no',
        text: pick(x.text, ctx.locale),
        ...conditionArgs(x, conditional, ctx.locale),
      }),
    ),
  ];
}

/** The decisions and proposals upward of a nomination, in plain words (domain-corrections §2). */
export async function awardLines(ctx: Ctx, n: Nomination): Promise<Msg[]> {
  const [awards, awardName] = await Promise.all([ctx.services.council.awardsOf(n.id), awardNamer(ctx)]);
  const lines: Msg[] = [];
  for (const d of awards.decisions) {
    lines.push(
      msg('nomination-decision-item', {
        award: awardName(d.awardCode),
        number: d.number,
        date: formatPlanDate(d.signedOn),
        authority: d.authority,
        signer: d.signer,
      }),
    );
  }
  for (const p of awards.proposals) {
    lines.push(
      msg('nomination-proposal-item', {
        award: awardName(p.awardCode),
        number: p.number,
        date: formatPlanDate(p.sentOn),
        to: p.toAuthority,
        outcome: p.outcome,
        reason: p.refusalReason ?? '',
      }),
    );
  }
  return lines;
}

/**
 * The votes of the open round: each member's vote with their own reason, and who abstains and why
 * (the proposer never votes on their own nomination).
 */
async function voteLines(ctx: Ctx, n: Nomination): Promise<Msg[]> {
  if (n.state !== 'SUBMITTED') return [];
  const [votes, members] = await Promise.all([ctx.services.nominations.votes(n.id), ctx.services.roles.councilMembers()]);
  const lines: Msg[] = [msg('nomination-votes-title', { round: n.round, count: votes.length, eligible: members.filter((m) => m !== n.proposerId).length })];
  for (const v of votes)
    lines.push(
      msg('nomination-vote-item', {
        name: v.voterName,
        decision: v.decision,
        reason: v.reason ? msg('nomination-vote-reason', { reason: v.reason }) : '',
        changed: v.changedAt ? 'yes' : 'no',
      }),
    );
  if (members.includes(n.proposerId)) lines.push(msg('nomination-vote-abstain', { mine: n.proposerId === ctx.personId ? 'yes' : 'no' }));
  return lines;
}

/** The full record: answers, self-check, evidence, votes of the open round, history, notes, decisions. */
export async function fullView(ctx: Ctx, n: Nomination): Promise<Reply> {
  const repo = ctx.services.nominations;
  const [history, notes, awards, votes] = await Promise.all([repo.history(n.id), repo.notes(n.id), awardLines(ctx, n), voteLines(ctx, n)]);
  const tz = ctx.services.settings.timeZone;
  const lines: Msg[] = [
    msg('nomination-title', { id: n.id, name: n.nomineeName, state: msg('nomination-state', { state: n.state }) }),
    ...summaryLines(ctx, { ...n, evidenceCount: n.evidence.length }),
    ...selfCheckLines(ctx, n),
    ...votes,
    msg('nomination-history-title'),
    ...history.map((e) =>
      // A step that changes no state (creation, a vote, a note) shows the state once, not "- → …" or "X → X".
      msg(e.fromState && e.fromState !== e.toState ? 'nomination-history-item' : 'nomination-history-same', {
        at: formatLocalDateTime(e.at, tz),
        actor: e.actorName ?? '-',
        action: msg('nomination-action', { action: e.action, detail: e.detail ?? '', decision: e.detail ?? '', round: e.round ?? 0 }),
        from: e.fromState ? msg('nomination-state', { state: e.fromState }) : '-',
        to: msg('nomination-state', { state: e.toState }),
        reason: e.reason ? msg('nomination-history-reason', { reason: e.reason }) : '',
      }),
    ),
  ];
  const notesOfEvidence = n.evidence.filter((e) => e.kind === 'NOTE');
  if (notesOfEvidence.length > 0) lines.push(...notesOfEvidence.map((e) => msg('nomination-evidence-note', { text: e.fileRef })));
  if (awards.length > 0) lines.push(msg('nomination-commendations-title'), ...awards);
  if (notes.length > 0) {
    lines.push(msg('nomination-notes-title'));
    for (const note of notes)
      lines.push(msg('nomination-note-item', { kind: msg('note-kind', { kind: note.kind }), at: formatLocalDate(note.at, tz), text: note.text }));
  }
  // Typed notes are shown as lines above; only files are sent as attachments.
  return {
    lines,
    attachments: n.evidence
      .flatMap((e) => (e.kind === 'NOTE' ? [] : [{ ...e, kind: e.kind }]))
      .map((e) => ({ kind: e.kind, channel: e.channel as 'telegram', fileRef: e.fileRef, fileName: e.fileName ?? undefined })),
  };
}

/** The public record of a recognised exemplar: no proposer, evidence, votes or reasons. */
export async function publicView(ctx: Ctx, n: Nomination): Promise<Reply> {
  const c = ctx.catalog.categoryByCode.get(n.categoryCode);
  const [awards, awardName] = await Promise.all([ctx.services.council.awardsOf(n.id), awardNamer(ctx)]);
  const lines: Msg[] = [
    msg('exemplar-title', { name: n.nomineeName, type: msg('subject-type', { type: n.subjectType }) }),
    msg('nomination-field-category', { code: n.categoryCode, name: c ? pick(c.name, ctx.locale) : '' }),
    msg('nomination-field-place', { place: n.place }),
    msg('nomination-field-achievements', { text: n.achievements }),
    msg('exemplar-recognised', { date: n.decidedAt ? formatLocalDate(n.decidedAt, ctx.services.settings.timeZone) : '-' }),
    ...awards.decisions.map((d) =>
      msg('exemplar-decision', { award: awardName(d.awardCode), number: d.number, date: formatPlanDate(d.signedOn), authority: d.authority, signer: d.signer }),
    ),
  ];
  return { lines };
}
