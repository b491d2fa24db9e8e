/**
 * How a nomination is shown: in full to the people who handle it (officers of its unit, council
 * members, administrators) and publicly, without private data, once it is an approved exemplar.
 */
import { msg } from "../channel.js";
import { pick } from "../plan/catalog.js";
import { formatLocalDate, formatLocalDateTime, formatPlanDate } from "../plan/dates.js";
import { summaryLines } from "./register.js";
/** The name of an award form in the person's language (the code when the form is unknown). */
async function awardNamer(ctx) {
    const forms = await ctx.services.awardForms();
    return (code) => forms.find((f) => f.code === code)?.name[ctx.locale] ?? code;
}
/** Whether the person handles this nomination (sees it whole). */
export const handles = (ctx, n) => ctx.roles.admin || ctx.roles.council || ctx.roles.officerUnits.includes(n.unitCode);
/** The criteria self-check: each criterion of the category marked met or not. */
function selfCheckLines(ctx, n) {
    const c = ctx.catalog.categoryByCode.get(n.categoryCode);
    if (!c)
        return [];
    return [
        msg('nomination-check-title'),
        ...c.criteria.map((x, i) => msg('register-check-item', { n: i + 1, met: n.selfCheck.includes(x.code) ? 'yes' : 'no', text: pick(x.text, ctx.locale) })),
    ];
}
/** The full record: answers, self-check, evidence, history, notes and commendations. */
export async function fullView(ctx, n) {
    const repo = ctx.services.nominations;
    const [history, notes, commendations, awardName] = await Promise.all([repo.history(n.id), repo.notes(n.id), repo.commendations(n.id), awardNamer(ctx)]);
    const tz = ctx.services.settings.timeZone;
    const lines = [
        msg('nomination-title', { id: n.id, name: n.nomineeName, state: msg('nomination-state', { state: n.state }) }),
        ...summaryLines(ctx, { ...n, evidenceCount: n.evidence.length }),
        ...selfCheckLines(ctx, n),
        msg('nomination-history-title'),
        ...history.map((e) => 
        // A step that changes no state (creation, a commendation, a note) shows the state once, not "- → …" or "X → X".
        msg(e.fromState && e.fromState !== e.toState ? 'nomination-history-item' : 'nomination-history-same', {
            at: formatLocalDateTime(e.at, tz),
            actor: e.actorName ?? '-',
            action: msg('nomination-action', { action: e.action }),
            from: e.fromState ? msg('nomination-state', { state: e.fromState }) : '-',
            to: msg('nomination-state', { state: e.toState }),
            reason: e.reason ? msg('nomination-history-reason', { reason: e.reason }) : '',
        })),
    ];
    if (commendations.length > 0) {
        lines.push(msg('nomination-commendations-title'));
        for (const c of commendations) {
            lines.push(msg('nomination-commendation-item', { award: awardName(c.awardCode), number: c.decisionNumber, date: formatPlanDate(c.decisionDate), higher: c.proposedHigher ? 'yes' : 'no' }));
        }
    }
    if (notes.length > 0) {
        lines.push(msg('nomination-notes-title'));
        for (const note of notes)
            lines.push(msg('nomination-note-item', { kind: msg('note-kind', { kind: note.kind }), at: formatLocalDate(note.at, tz), text: note.text }));
    }
    return { lines, attachments: n.evidence.map((e) => ({ kind: e.kind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName ?? undefined })) };
}
/** The public record of an approved exemplar: no proposer, evidence, votes or reasons. */
export async function publicView(ctx, n) {
    const c = ctx.catalog.categoryByCode.get(n.categoryCode);
    const [commendations, awardName] = await Promise.all([ctx.services.nominations.commendations(n.id), awardNamer(ctx)]);
    const lines = [
        msg('exemplar-title', { name: n.nomineeName, type: msg('subject-type', { type: n.subjectType }) }),
        msg('nomination-field-category', { code: n.categoryCode, name: c ? pick(c.name, ctx.locale) : '' }),
        msg('nomination-field-place', { place: n.place }),
        msg('nomination-field-achievements', { text: n.achievements }),
        msg('exemplar-recognised', { date: n.decidedAt ? formatLocalDate(n.decidedAt, ctx.services.settings.timeZone) : '-' }),
        ...commendations.map((x) => msg('nomination-commendation-item', { award: awardName(x.awardCode), number: x.decisionNumber, date: formatPlanDate(x.decisionDate), higher: x.proposedHigher ? 'yes' : 'no' })),
    ];
    return { lines };
}
//# sourceMappingURL=view.js.map