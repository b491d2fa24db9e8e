/**
 * The console chat: a terminal conversation over the same core, so anyone can try the bot without a
 * token. Buttons show as numbered choices; typing the number taps it. When standard input is not a
 * terminal, each line is one message, replies go to standard output (notices to standard error), and
 * the returned promise resolves at end of input.
 */
import { createInterface } from 'node:readline';
import { BACK_ACTION, CANCEL_ACTION } from "../../core/dialog/engine.js";
import { renderReply } from "../../core/render.js";
import { normalizeInbound } from "../../core/text/fold.js";
import { messageKeyOf } from "../../core/store-busy.js";
/** Runs the chat until end of input. Never throws for a bad line: the error is logged and answered. */
export async function runConsole(opts) {
    const { core, translator, output } = opts;
    let locale = opts.locale ?? translator.defaultLocale;
    let choices = [];
    const say = (key, args) => translator.format(locale, { key, args }, 'plain');
    if (opts.interactive)
        opts.notices.write(`${say('console-welcome')}\n`);
    if (opts.telegramHint)
        opts.notices.write(`${say('console-telegram-hint')}\n`);
    if (opts.adminCode)
        opts.notices.write(`${say('console-admin-code', { code: opts.adminCode })}\n`);
    /** Renders replies with their buttons as numbered choices, which become the choices typed numbers tap. */
    const show = (replies, replyLocale, prefix = '') => {
        choices = [];
        return replies.map((reply) => {
            const rendered = renderReply(translator, replyLocale, reply, 'plain');
            const buttons = rendered.buttons.flat();
            choices = [...choices, ...buttons];
            const numbered = buttons.map((b, i) => say('console-choice', { n: choices.length - buttons.length + i + 1, label: b.label }));
            return `${prefix}${rendered.text}${buttons.length > 0 ? `\n${say('console-choices')}\n${numbered.join('\n')}` : ''}`;
        });
    };
    const notice = async (reply, noticeLocale) => {
        output.write(`${show([reply], noticeLocale, '🔔 ').join('')}\n\n`);
    };
    /**
     * Whether typed numbers tap buttons: only when the latest buttons offer a real choice. When a step
     * waits for typed text (its only buttons are back and cancel), "45" is the answer, not a tap.
     */
    const choosing = () => choices.some((c) => c.action !== BACK_ACTION && c.action !== CANCEL_ACTION);
    const rl = createInterface({ input: opts.input, terminal: false });
    const prompt = () => opts.interactive && output.write('> ');
    prompt();
    for await (const raw of rl) {
        const text = normalizeInbound(raw);
        const base = { channel: 'console', userId: opts.user, chatId: opts.user, chatType: 'private', displayName: opts.user };
        let message = { ...base, text };
        const number = /^\s*(\d{1,3})\s*$/.exec(text);
        if (number && choosing()) {
            const choice = choices[Number(number[1]) - 1];
            // A number beyond the choices is typed text (a decision number, a year…), as on Zalo.
            if (choice)
                message = { ...base, action: choice.action };
        }
        try {
            const outcome = await core.handle(message);
            locale = outcome.locale;
            // Numbers refer to the latest buttons only; a reply without buttons leaves typed numbers as text.
            const chunks = show(outcome.replies, locale);
            if (chunks.length > 0)
                output.write(`${chunks.join('\n\n')}\n\n`);
            await opts.deliverNotices?.(notice);
        }
        catch (error) {
            opts.logger.error({ err: error }, 'console message failed');
            output.write(`${say(messageKeyOf(error))}\n\n`);
        }
        prompt();
    }
}
//# sourceMappingURL=console.js.map