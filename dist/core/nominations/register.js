/**
 * `/dangky` (alias `/nominate`): the registration dialog of a nomination (issue [2/5]).
 *
 * subject type → category (of that subject type) → movement (suggested from the category) → nominee
 * name → village or organisation → achievements → evidence (optional, several) → criteria self-check
 * (unmet ones are shown before going on) → summary → possible duplicate confirmed → submit.
 * The same dialog edits a RETURNED nomination before it is submitted again.
 */
import { msg } from "../channel.js";
import { stepButton } from "../dialog/engine.js";
import { pick } from "../plan/catalog.js";
import { formatPlanDate } from "../plan/dates.js";
import { clip } from "../text/fold.js";
import { deedBecameNomination } from "../deeds/notices.js";
import { NominationError } from "./model.js";
export const REGISTER_DIALOG = 'register';
/** Evidence files one nomination may carry. */
export const MAX_EVIDENCE = 10;
const LIMITS = { name: [2, 150], place: [2, 150], achievements: [20, 3000] };
const stay = (key, args) => ({ stay: true, say: [{ lines: [msg(key, args)] }] });
function category(ctx, data) {
    return data.categoryCode ? ctx.catalog.categoryByCode.get(data.categoryCode) : undefined;
}
/** A typed answer checked for length; returns the cleaned text or the error to show. */
function textAnswer(text, [min, max]) {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    if (value.length < min)
        return { error: msg('register-too-short', { min }) };
    if (value.length > max)
        return { error: msg('register-too-long', { max, length: value.length }) };
    if (!/\p{L}/u.test(value))
        return { error: msg('register-need-letters') };
    return { value };
}
const unitStep = {
    prompt: (ctx) => ({
        lines: [msg('register-ask-unit')],
        buttons: ctx.roles.officerUnits.map((u) => [stepButton('unit', msg('plain', { text: ctx.catalog.unitName(u, ctx.locale) }), u)]),
    }),
    handle: (ctx, data, input) => input.value && ctx.roles.officerUnits.includes(input.value) ? { next: 'type', data: { ...data, unitCode: input.value } } : stay('register-choose-button'),
};
const typeStep = {
    prompt: (ctx) => {
        const offered = new Set(ctx.catalog.plan.categories.flatMap((c) => c.subjectTypes));
        const types = ['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD'].filter((t) => offered.has(t));
        return { lines: [msg('register-ask-type')], buttons: [types.map((type) => stepButton('type', msg('subject-type-title', { type }), type))] };
    },
    handle: (ctx, data, input) => {
        const type = input.value;
        if (!type || !ctx.catalog.plan.categories.some((c) => c.subjectTypes.includes(type)))
            return stay('register-choose-button');
        const keep = category(ctx, data)?.subjectTypes.includes(type);
        return { next: 'cat', data: { ...data, subjectType: type, ...(keep ? {} : { categoryCode: undefined, selfCheck: [] }) } };
    },
};
const categoryStep = {
    prompt: (ctx, data) => {
        const cats = ctx.catalog.plan.categories.filter((c) => data.subjectType && c.subjectTypes.includes(data.subjectType));
        return {
            lines: [msg('register-ask-category', { type: msg('subject-type', { type: data.subjectType ?? '' }) })],
            buttons: cats.map((c) => [stepButton('cat', msg('criteria-button', { code: c.code, name: clip(pick(c.name, ctx.locale), 40) }), c.code)]),
        };
    },
    handle: (ctx, data, input) => {
        const c = input.value ? ctx.catalog.categoryByCode.get(input.value) : undefined;
        if (!c || !data.subjectType || !c.subjectTypes.includes(data.subjectType))
            return stay('register-choose-button');
        const changed = c.code !== data.categoryCode;
        return { next: 'mov', data: { ...data, categoryCode: c.code, ...(changed ? { selfCheck: [], movementCode: c.movement ?? null } : {}) } };
    },
};
const movementStep = {
    prompt: (ctx, data) => {
        const suggested = category(ctx, data)?.movement;
        const movements = [...ctx.catalog.plan.movements].sort((a, b) => Number(b.code === suggested) - Number(a.code === suggested));
        const buttons = movements.map((m) => [
            stepButton('mov', msg(m.code === suggested ? 'register-movement-suggested' : 'plain', { text: clip(pick(m.name, ctx.locale), 60) }), m.code),
        ]);
        buttons.push([stepButton('mov', msg('register-movement-none'), '-')]);
        return { lines: [msg('register-ask-movement')], buttons };
    },
    handle: (ctx, data, input) => {
        if (input.value === '-')
            return { next: 'name', data: { ...data, movementCode: null } };
        if (!input.value || !ctx.catalog.plan.movements.some((m) => m.code === input.value))
            return stay('register-choose-button');
        return { next: 'name', data: { ...data, movementCode: input.value } };
    },
};
function textStep(step, next, field, limits) {
    return {
        prompt: (_ctx, data) => ({
            lines: [msg(`register-ask-${step}`, { type: msg('subject-type', { type: data.subjectType ?? '' }) }), ...(data[field] ? [msg('register-current', { value: clip(data[field], 300) })] : [])],
            buttons: data[field] ? [[stepButton(step, msg('register-keep'), 'keep')]] : [],
        }),
        handle: (_ctx, data, input) => {
            if (input.value === 'keep' && data[field])
                return { next, data };
            if (input.attachments?.length)
                return stay('register-text-expected');
            const answer = textAnswer(input.text, limits);
            if ('error' in answer)
                return { stay: true, say: [{ lines: [answer.error] }] };
            return { next, data: { ...data, [field]: answer.value } };
        },
    };
}
const evidenceStep = {
    prompt: (_ctx, data) => ({
        lines: [msg('register-ask-evidence', { max: MAX_EVIDENCE }), ...(data.evidence.length ? [msg('register-evidence-count', { count: data.evidence.length })] : [])],
        buttons: [[stepButton('evid', msg(data.evidence.length ? 'register-evidence-done' : 'register-evidence-skip', { count: data.evidence.length }), 'ok')]],
    }),
    handle: (_ctx, data, input) => {
        if (input.value === 'ok')
            return { next: 'check', data };
        if (!input.attachments?.length)
            return stay('register-evidence-expected');
        const evidence = [...data.evidence, ...input.attachments].slice(0, MAX_EVIDENCE);
        const dropped = data.evidence.length + input.attachments.length - evidence.length;
        return {
            stay: true,
            data: { ...data, evidence },
            say: [{ lines: [msg('register-evidence-received', { count: evidence.length }), ...(dropped > 0 ? [msg('register-evidence-limit', { max: MAX_EVIDENCE })] : [])] }],
        };
    },
};
const checkStep = {
    prompt: (ctx, data) => {
        const c = category(ctx, data);
        const lines = [msg('register-ask-check', { code: c.code })];
        const toggles = [];
        c.criteria.forEach((x, i) => {
            const met = data.selfCheck.includes(x.code);
            lines.push(msg('register-check-item', { n: i + 1, met: met ? 'yes' : 'no', text: pick(x.text, ctx.locale) }));
            toggles.push(stepButton('check', msg('register-check-toggle', { n: i + 1, met: met ? 'yes' : 'no' }), `t${i}`));
        });
        const rows = [];
        for (let i = 0; i < toggles.length; i += 5)
            rows.push(toggles.slice(i, i + 5));
        rows.push([stepButton('check', msg('register-check-all'), 'all'), stepButton('check', msg('register-check-done'), 'ok')]);
        return { lines, buttons: rows };
    },
    handle: (ctx, data, input) => {
        const c = category(ctx, data);
        if (input.value === 'all')
            return { stay: true, data: { ...data, selfCheck: c.criteria.map((x) => x.code) } };
        const toggle = /^t(\d+)$/.exec(input.value ?? '');
        if (toggle) {
            const code = c.criteria[Number(toggle[1])]?.code;
            if (!code)
                return stay('register-choose-button');
            const selfCheck = data.selfCheck.includes(code) ? data.selfCheck.filter((x) => x !== code) : [...data.selfCheck, code];
            return { stay: true, data: { ...data, selfCheck } };
        }
        if (input.value !== 'ok')
            return stay('register-choose-button');
        const unmet = c.criteria.filter((x) => !data.selfCheck.includes(x.code));
        return { next: unmet.length > 0 ? 'unmet' : 'sum', data };
    },
};
const unmetStep = {
    prompt: (ctx, data) => {
        const c = category(ctx, data);
        const unmet = c.criteria.filter((x) => !data.selfCheck.includes(x.code));
        return {
            lines: [msg('register-unmet-title', { count: unmet.length, total: c.criteria.length }), ...unmet.map((x) => msg('criteria-general-item', { text: pick(x.text, ctx.locale) })), msg('register-unmet-hint')],
            buttons: [[stepButton('unmet', msg('register-continue'), 'ok')]],
        };
    },
    handle: (_ctx, data, input) => (input.value === 'ok' ? { next: 'sum', data } : stay('register-choose-button')),
};
/** The summary of a nomination's answers (also used by the duplicate check and the review). */
export function summaryLines(ctx, d) {
    const c = d.categoryCode ? ctx.catalog.categoryByCode.get(d.categoryCode) : undefined;
    return [
        msg('nomination-field-name', { name: d.nomineeName ?? '', type: msg('subject-type', { type: d.subjectType ?? '' }) }),
        msg('nomination-field-category', { code: c?.code ?? '', name: c ? pick(c.name, ctx.locale) : '' }),
        msg('nomination-field-movement', { movement: ctx.catalog.movementName(d.movementCode ?? undefined, ctx.locale) ?? msg('register-movement-none') }),
        msg('nomination-field-unit', { unit: d.unitCode ? ctx.catalog.unitName(d.unitCode, ctx.locale) : '' }),
        msg('nomination-field-place', { place: d.place ?? '' }),
        msg('nomination-field-achievements', { text: d.achievements ?? '' }),
        msg('nomination-field-check', { met: d.selfCheck.length, total: c?.criteria.length ?? 0 }),
        msg('nomination-field-evidence', { count: d.evidenceCount }),
    ];
}
const summaryStep = {
    prompt: (ctx, data) => ({
        lines: [msg('register-summary-title'), ...summaryLines(ctx, { ...data, evidenceCount: data.evidence.length })],
        buttons: [[stepButton('sum', msg(data.resubmitId ? 'register-resubmit' : 'register-submit'), 'ok')]],
    }),
    handle: async (ctx, data, input) => {
        if (input.value !== 'ok')
            return stay('register-choose-button');
        const dups = await ctx.services.nominations.findByNominee({ planSlug: ctx.catalog.plan.id, nomineeName: data.nomineeName, excludeId: data.resubmitId });
        if (dups.length > 0 && !data.duplicateConfirmed)
            return { next: 'dup', data };
        return submit(ctx, data);
    },
};
const duplicateStep = {
    noBack: false,
    prompt: async (ctx, data) => {
        const dups = await ctx.services.nominations.findByNominee({ planSlug: ctx.catalog.plan.id, nomineeName: data.nomineeName, excludeId: data.resubmitId });
        return {
            lines: [msg('register-duplicate-title', { count: dups.length }), ...dups.slice(0, 5).map((n) => duplicateLine(ctx, n)), msg('register-duplicate-hint')],
            buttons: [[stepButton('dup', msg('register-duplicate-confirm'), 'ok')]],
        };
    },
    handle: (ctx, data, input) => (input.value === 'ok' ? submit(ctx, { ...data, duplicateConfirmed: true }) : stay('register-choose-button')),
};
const duplicateLine = (ctx, n) => msg('register-duplicate-item', {
    id: n.id,
    name: n.nomineeName,
    category: n.categoryCode,
    unit: ctx.catalog.unitName(n.unitCode, ctx.locale),
    state: msg('nomination-state', { state: n.state }),
});
async function submit(ctx, data) {
    const { nominations, roles, notifier } = ctx.services;
    const draft = {
        planSlug: ctx.catalog.plan.id,
        categoryCode: data.categoryCode,
        movementCode: data.movementCode ?? null,
        unitCode: data.unitCode,
        subjectType: data.subjectType,
        nomineeName: data.nomineeName,
        place: data.place,
        achievements: data.achievements,
        selfCheck: data.selfCheck,
        evidence: data.evidence.map((e) => ({ kind: e.kind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName })),
        goodDeedId: data.goodDeedId,
    };
    if (!ctx.roles.officerUnits.includes(data.unitCode))
        return { done: true, say: [{ lines: [msg('access-denied', { audience: 'officer' })] }] };
    let n;
    try {
        n = data.resubmitId
            ? await nominations.resubmit({ id: data.resubmitId, changes: draft, actorId: ctx.personId, now: ctx.now })
            : await nominations.submit({ draft, proposerId: ctx.personId, now: ctx.now });
    }
    catch (error) {
        // e.g. another officer of the unit resubmitted it meanwhile: no longer RETURNED.
        if (!(error instanceof NominationError) || !data.resubmitId)
            throw error;
        const state = (await nominations.get(data.resubmitId))?.state ?? 'SUBMITTED';
        return { done: true, say: [{ lines: [msg('nomination-not-editable', { state: msg('nomination-state', { state }) })] }] };
    }
    if (data.goodDeedId && !data.resubmitId)
        await deedBecameNomination(ctx, { deedId: data.goodDeedId, nominationId: n.id });
    const council = (await roles.councilMembers()).filter((id) => id !== ctx.personId);
    await notifier.notify(council.map((personId) => ({
        personId,
        key: `nomination:${n.id}:submitted:r${n.round}:${personId}`,
        // Rendered later in each member's language: the unit's name goes in both.
        reply: {
            lines: [
                msg(data.resubmitId ? 'notice-resubmitted-nomination' : 'notice-new-nomination', {
                    id: n.id,
                    name: n.nomineeName,
                    unit: msg('localized', { vi: ctx.catalog.unitName(n.unitCode, 'vi'), en: ctx.catalog.unitName(n.unitCode, 'en') }),
                    category: n.categoryCode,
                }),
            ],
            buttons: [[{ label: msg('review-open'), action: 'rv:open' }]],
        },
    })));
    return { done: true, say: [{ lines: [msg(data.resubmitId ? 'register-resubmitted' : 'register-submitted', { id: n.id, name: n.nomineeName })] }] };
}
export const registerDialog = {
    kind: REGISTER_DIALOG,
    steps: {
        unit: unitStep,
        type: typeStep,
        cat: categoryStep,
        mov: movementStep,
        name: textStep('name', 'place', 'nomineeName', LIMITS.name),
        place: textStep('place', 'ach', 'place', LIMITS.place),
        ach: textStep('ach', 'evid', 'achievements', LIMITS.achievements),
        evid: evidenceStep,
        check: checkStep,
        unmet: unmetStep,
        sum: summaryStep,
        dup: duplicateStep,
    },
};
/** `/dangky`: resumes an open registration, or starts one (asking the unit only when there are several). */
export async function startRegistration(ctx, prefill = {}) {
    const open = await ctx.services.dialogs.current(ctx.personId);
    if (open?.kind === REGISTER_DIALOG && !prefill.resubmitId && !prefill.goodDeedId)
        return ctx.services.dialogs.resume(ctx, open);
    const units = ctx.roles.officerUnits;
    const data = { evidence: [], selfCheck: [], ...prefill, ...(units.length === 1 ? { unitCode: units[0] } : {}) };
    const replies = await ctx.services.dialogs.start(ctx, REGISTER_DIALOG, units.length === 1 ? 'type' : 'unit', data);
    // A plan past its end still accepts late records, but the officer should know (and the
    // administrator can load the next plan: docs/plans.md).
    const { plan } = ctx.catalog;
    if (ctx.today > plan.period.end)
        return [{ lines: [msg('register-plan-ended', { plan: pick(plan.title, ctx.locale), end: formatPlanDate(plan.period.end) })] }, ...replies];
    return replies;
}
/** Opens the dialog on a RETURNED nomination, at its summary, with every step reachable by "back". */
export async function startResubmission(ctx, n) {
    const data = {
        resubmitId: n.id,
        unitCode: n.unitCode,
        subjectType: n.subjectType,
        categoryCode: n.categoryCode,
        movementCode: n.movementCode,
        nomineeName: n.nomineeName,
        place: n.place,
        achievements: n.achievements,
        evidence: n.evidence.map((e) => ({ kind: e.kind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName ?? undefined })),
        selfCheck: n.selfCheck,
        duplicateConfirmed: true,
    };
    return ctx.services.dialogs.start(ctx, REGISTER_DIALOG, 'sum', data, ['type', 'cat', 'mov', 'name', 'place', 'ach', 'evid', 'check']);
}
//# sourceMappingURL=register.js.map