/**
 * A small persisted state machine for multi-step forms (state + input → state + replies).
 *
 * The state lives in the database ({@link DialogStore}), so a restart in the middle resumes where
 * the person was. Every prompt gets "back" and "cancel" buttons; typed answers are validated by the
 * step, which answers with a clear message and asks again. A dialog untouched for its time to live
 * (24 h by default) expires: the person is told (see `expireDialogs`).
 *
 * Buttons of a step carry `d:<step>:<value>`, so a tap on a button of an earlier step is recognised
 * as stale instead of being taken as an answer to the current step.
 */
import { msg } from "../channel.js";
/** Default time to live of an untouched dialog: 24 hours, in milliseconds. */
export const DIALOG_TTL_MS = 24 * 60 * 60 * 1000;
/** A button answering the step `step` with `value` (keep both short: Telegram allows 64 bytes). */
export const stepButton = (step, label, value) => ({ label, action: `d:${step}:${value}` });
export const BACK_ACTION = 'd:_:back';
export const CANCEL_ACTION = 'd:_:cancel';
/** Parses a dialog action into its step and value; `undefined` when it is not a dialog action. */
export function parseDialogAction(action) {
    const m = /^d:([^:]+):([\s\S]*)$/.exec(action);
    return m ? { step: m[1], value: m[2] } : undefined;
}
/** Appends the back (when there is a step to go back to) and cancel buttons to a prompt. */
function withControls(reply, canGoBack) {
    const controls = [];
    if (canGoBack)
        controls.push({ label: msg('dialog-back'), action: BACK_ACTION });
    controls.push({ label: msg('dialog-cancel'), action: CANCEL_ACTION });
    return { ...reply, buttons: [...(reply.buttons ?? []), controls] };
}
/** Runs dialogs of every kind registered with it. */
export class DialogEngine {
    store;
    defs = new Map();
    constructor(store) {
        this.store = store;
    }
    register(def) {
        this.defs.set(def.kind, def);
    }
    current(personId) {
        return this.store.get(personId);
    }
    /**
     * Starts (or restarts) a dialog at `step` with `data`, replacing any open one. `history` lists the
     * steps "back" leads to (for a dialog opened in the middle, e.g. editing a returned nomination).
     */
    async start(ctx, kind, step, data, history = []) {
        const def = this.def(kind);
        const dialog = this.fresh(ctx, def, kind, step, data, history);
        await this.store.save(ctx.personId, dialog);
        return [await this.prompt(ctx, dialog)];
    }
    /** Shows the current step's prompt again (e.g. `/tiep`). */
    async resume(ctx, dialog) {
        await this.store.save(ctx.personId, { ...dialog, expiresAt: this.expiry(ctx, this.def(dialog.kind)) });
        return [await this.prompt(ctx, dialog)];
    }
    async cancel(ctx) {
        const open = await this.store.get(ctx.personId);
        if (!open)
            return false;
        await this.store.clear(ctx.personId);
        return true;
    }
    /**
     * Feeds one input to the open dialog. `action` is a raw button action (`d:…`), `text`/`attachments`
     * what was typed or sent.
     */
    async handle(ctx, dialog, input) {
        const def = this.def(dialog.kind);
        if (input.action === CANCEL_ACTION) {
            await this.store.clear(ctx.personId);
            return [{ lines: [msg('dialog-cancelled')] }];
        }
        if (input.action === BACK_ACTION) {
            const history = [...dialog.history];
            const previous = history.pop();
            if (!previous)
                return [await this.prompt(ctx, dialog)];
            const moved = { ...dialog, step: previous, history, expiresAt: this.expiry(ctx, def) };
            await this.store.save(ctx.personId, moved);
            return [await this.prompt(ctx, moved)];
        }
        let value;
        if (input.action !== undefined) {
            const parsed = parseDialogAction(input.action);
            if (!parsed || parsed.step !== dialog.step)
                return [{ lines: [msg('dialog-stale-button')] }, await this.prompt(ctx, dialog)];
            value = parsed.value;
        }
        const step = def.steps[dialog.step];
        if (!step) {
            await this.store.clear(ctx.personId);
            return [{ lines: [msg('dialog-cancelled')] }];
        }
        const result = await step.handle(ctx, dialog.data, { text: input.text, value, attachments: input.attachments });
        if ('done' in result) {
            await this.store.clear(ctx.personId);
            return result.say;
        }
        if ('stay' in result) {
            const stayed = { ...dialog, data: (result.data ?? dialog.data), expiresAt: this.expiry(ctx, def) };
            await this.store.save(ctx.personId, stayed);
            if (result.noPrompt)
                return result.say ?? [];
            const prompt = await this.prompt(ctx, stayed);
            // A tap that only changed this step's state (a checkbox) redraws the same message.
            if (!result.say?.length && input.action !== undefined)
                return [{ ...prompt, replacesTapped: true }];
            return [...(result.say ?? []), prompt];
        }
        const history = result.replace ? dialog.history : [...dialog.history, dialog.step];
        const moved = { ...dialog, step: result.next, data: result.data, history, expiresAt: this.expiry(ctx, def) };
        await this.store.save(ctx.personId, moved);
        return [...(result.say ?? []), await this.prompt(ctx, moved)];
    }
    async prompt(ctx, dialog) {
        const def = this.def(dialog.kind);
        const step = def.steps[dialog.step];
        const back = dialog.history.length > 0 && !step.noBack;
        return withControls(await step.prompt(ctx, dialog.data), back);
    }
    fresh(ctx, def, kind, step, data, history) {
        return { kind, step, data, history, channel: ctx.channel, chatId: ctx.chatId, expiresAt: this.expiry(ctx, def) };
    }
    expiry(ctx, def) {
        return new Date(ctx.now.getTime() + (def.ttlMs ?? DIALOG_TTL_MS));
    }
    def(kind) {
        const def = this.defs.get(kind);
        if (!def)
            throw new Error(`unknown dialog kind "${kind}"`);
        return def;
    }
}
//# sourceMappingURL=engine.js.map