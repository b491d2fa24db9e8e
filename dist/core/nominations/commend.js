/**
 * Commending an approved exemplar (award form, decision number and date) and adding nurturing
 * notes (bồi dưỡng), replication activities (nhân rộng) or annotations.
 *
 * Award forms and who may award them are data with validity dates (plans/award-forms.yaml; Law on
 * Emulation and Commendation 06/2022/QH15 art. 80(3)). A form the commune cannot award itself asks
 * for confirmation that it is proposed to a higher level. One achievement is not rewarded twice:
 * commending the same nominee again for the same plan and movement needs a reason (an override).
 */
import { msg } from "../channel.js";
import { stepButton } from "../dialog/engine.js";
import { awardFormsValidOn, canCommuneAward } from "../awards.js";
import { parseTypedDate } from "../plan/dates.js";
import { clip } from "../text/fold.js";
import { NominationError } from "./model.js";
export const COMMEND_DIALOG = 'commend';
export const NOTE_DIALOG = 'note';
const say = (key, args) => [{ lines: [msg(key, args)] }];
async function save(ctx, d, overrideReason) {
    if (!ctx.roles.admin)
        return { done: true, say: say('access-denied', { audience: 'admin' }) };
    try {
        await ctx.services.nominations.commend({
            id: d.id,
            awardCode: d.awardCode,
            decisionNumber: d.decisionNumber,
            decisionDate: d.decisionDate,
            proposedHigher: d.proposedHigher ?? false,
            overrideReason,
            byId: ctx.personId,
            now: ctx.now,
        });
    }
    catch (error) {
        if (error instanceof NominationError && error.code === 'already-commended')
            return { next: 'over', data: d };
        if (error instanceof NominationError)
            return { done: true, say: say('review-error', { code: error.code }) };
        throw error;
    }
    return { done: true, say: say(d.proposedHigher ? 'commend-proposed' : 'commend-saved', { id: d.id }) };
}
export const commendDialog = {
    kind: COMMEND_DIALOG,
    steps: {
        award: {
            prompt: async (ctx) => {
                const forms = awardFormsValidOn(await ctx.services.awardForms(), ctx.today);
                return {
                    lines: [msg('commend-ask-award')],
                    buttons: forms.map((f) => [stepButton('award', msg(canCommuneAward(f) ? 'commend-award-commune' : 'commend-award-higher', { name: f.name[ctx.locale] }), f.code)]),
                };
            },
            handle: async (ctx, d, input) => {
                const form = awardFormsValidOn(await ctx.services.awardForms(), ctx.today).find((f) => f.code === input.value);
                if (!form)
                    return { stay: true, say: say('register-choose-button') };
                return { next: 'num', data: { ...d, awardCode: form.code, proposedHigher: !canCommuneAward(form) } };
            },
        },
        num: {
            prompt: () => ({ lines: [msg('commend-ask-number')] }),
            handle: (_ctx, d, input) => {
                const value = (input.text ?? '').trim();
                if (value.length < 1 || value.length > 60)
                    return { stay: true, say: say('commend-number-invalid') };
                return { next: 'date', data: { ...d, decisionNumber: value } };
            },
        },
        date: {
            prompt: () => ({ lines: [msg('commend-ask-date')] }),
            handle: async (ctx, d, input) => {
                const date = parseTypedDate(input.text ?? '');
                if (!date)
                    return { stay: true, say: say('commend-date-invalid') };
                if (date > ctx.today)
                    return { stay: true, say: say('commend-date-future') };
                const data = { ...d, decisionDate: date };
                return data.proposedHigher ? { next: 'higher', data } : save(ctx, data);
            },
        },
        higher: {
            prompt: async (ctx, d) => {
                const form = (await ctx.services.awardForms()).find((f) => f.code === d.awardCode);
                return { lines: [msg('commend-higher-confirm', { name: form?.name[ctx.locale] ?? d.awardCode ?? '' })], buttons: [[stepButton('higher', msg('commend-higher-yes'), 'ok')]] };
            },
            handle: (ctx, d, input) => (input.value === 'ok' ? save(ctx, d) : { stay: true, say: say('register-choose-button') }),
        },
        over: {
            prompt: () => ({ lines: [msg('commend-override-ask')] }),
            handle: (ctx, d, input) => {
                const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
                if (reason.length < 5)
                    return { stay: true, say: say('register-too-short', { min: 5 }) };
                return save(ctx, d, clip(reason, 1000));
            },
        },
    },
};
export const noteDialog = {
    kind: NOTE_DIALOG,
    steps: {
        text: {
            prompt: (_ctx, d) => ({ lines: [msg('note-ask', { kind: msg('note-kind', { kind: d.kind }), id: d.id })] }),
            handle: async (ctx, d, input) => {
                const text = (input.text ?? '').trim();
                if (text.length < 5)
                    return { stay: true, say: say('register-too-short', { min: 5 }) };
                if (text.length > 2000)
                    return { stay: true, say: say('register-too-long', { max: 2000, length: text.length }) };
                await ctx.services.nominations.annotate({ id: d.id, kind: d.kind, text, authorId: ctx.personId, now: ctx.now });
                return { done: true, say: [{ lines: [msg('note-saved', { kind: msg('note-kind', { kind: d.kind }), id: d.id })] }] };
            },
        },
    },
};
export const startCommendation = (ctx, id) => ctx.services.dialogs.start(ctx, COMMEND_DIALOG, 'award', { id });
export const startNote = (ctx, id, kind) => ctx.services.dialogs.start(ctx, NOTE_DIALOG, 'text', { id, kind });
//# sourceMappingURL=commend.js.map