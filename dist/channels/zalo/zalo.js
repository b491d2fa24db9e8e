import { renderReply } from "../../core/render.js";
import { messageKeyOf } from "../../core/store-busy.js";
import { truncate } from "../../core/text/truncate.js";
import { RetryLaterError, UnreachableError } from "../delivery.js";
import { escapeHtml, splitHtml } from "../html.js";
import { ZALO_BUTTON_TITLE_LIMIT, ZALO_MAX_BUTTONS, ZALO_TEXT_LIMIT, ZaloApiError } from "./client.js";
import { ACTION_PREFIX } from "./webhook.js";
/** The core action of the "keep receiving messages" button: acknowledged, nothing else. */
export const RENEW_ACTION = 'noop';
/** Zalo's window for consultation messages after a person's last interaction. */
export const ZALO_WINDOW_MS = 7 * 24 * 3_600_000;
/** Proactive sends stop this long before the window closes (queueing time, clock skew). */
export const WINDOW_MARGIN_MS = 3_600_000;
const UNESCAPE = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };
/**
 * Splits plain text into parts of at most `limit` UTF-16 code units (so at most `limit` characters
 * as Zalo counts them), after NFC: at the last line break in the second half of the window, else the
 * last space, else a hard cut between grapheme clusters. Parts are trimmed at the cut; blank input
 * gives `[]`. Reuses the Telegram splitter on escaped text (so no `<` is taken for a tag) and
 * unescapes the parts.
 */
export function splitPlain(text, limit = ZALO_TEXT_LIMIT) {
    return splitHtml(escapeHtml(text.normalize('NFC')), limit).map((part) => part.replace(/&(?:amp|lt|gt|quot);/g, (e) => UNESCAPE[e] ?? e));
}
/** Shortens a button title to Zalo's limit (code points), with an ellipsis. */
function buttonTitle(label) {
    const title = label.normalize('NFC').replace(/\s+/g, ' ').trim();
    return title === '' ? '…' : truncate(title, ZALO_BUTTON_TITLE_LIMIT, { unit: 'codepoint' });
}
/** Renders one reply (plain text) into Zalo messages; see the module comment for the rules. */
export function renderZalo(translator, locale, reply, opts = {}) {
    const rendered = renderReply(translator, locale, reply, 'plain');
    const say = (key, args) => translator.format(locale, { key, ...(args ? { args } : {}) }, 'plain');
    const lines = [rendered.text];
    // Files people sent through Zalo are links Zalo made; other channels' files can't be shown here.
    for (const a of reply.attachments ?? [])
        if (a.channel === 'zalo')
            lines.push(say('zalo-attachment', { url: a.fileRef }));
    const wanted = rendered.buttons.flat();
    const renew = opts.proactive ? [{ title: buttonTitle(say('zalo-renew-button')), payload: `${ACTION_PREFIX}${RENEW_ACTION}` }] : [];
    const room = ZALO_MAX_BUTTONS - renew.length;
    let buttons;
    let choices = [];
    if (wanted.length <= room) {
        buttons = wanted.map((b) => ({ title: buttonTitle(b.label), payload: `${ACTION_PREFIX}${b.action}` }));
    }
    else {
        const offset = opts.choiceOffset ?? 0;
        lines.push('', say('zalo-choices'), ...wanted.map((b, i) => say('zalo-choice', { n: offset + i + 1, label: b.label })));
        choices = wanted.map((b) => b.action);
        buttons = [];
    }
    buttons = [...buttons, ...renew];
    const parts = splitPlain(lines.join('\n'));
    // A reply of buttons only still needs a text to carry them.
    if (parts.length === 0 && buttons.length > 0)
        parts.push('…');
    return { parts, buttons, choices };
}
export function createChoiceMemory(maxPeople = 10_000) {
    const map = new Map();
    return {
        set(userId, actions) {
            map.delete(userId);
            if (actions.length === 0)
                return;
            map.set(userId, actions);
            // Oldest first in a Map: drop the oldest beyond the cap.
            while (map.size > maxPeople)
                map.delete(map.keys().next().value);
        },
        pick: (userId, n) => map.get(userId)?.[n - 1],
        has: (userId) => map.has(userId),
    };
}
/** Sends every part of a rendered reply; the buttons go with the last part. */
async function sendRendered(client, userId, r) {
    for (const [i, text] of r.parts.entries()) {
        const last = i === r.parts.length - 1;
        await client.sendText({ userId, text, ...(last && r.buttons.length > 0 ? { buttons: r.buttons } : {}) });
    }
}
/** Renders an outcome's replies, numbering choices across them; returns the messages and the choices. */
function renderAll(translator, locale, replies, proactive) {
    const messages = [];
    let choices = [];
    for (const reply of replies) {
        const r = renderZalo(translator, locale, reply, { proactive, choiceOffset: choices.length });
        choices = [...choices, ...r.choices];
        messages.push(r);
    }
    return { messages, choices };
}
/**
 * The work for one webhook event: a message goes through core and the replies are sent back; an
 * unfollow marks the person unreachable. A typed number picks one of the numbered choices the person
 * saw last.
 */
export function createZaloConversation(opts) {
    const { core, translator, client, logger } = opts;
    const log = logger.child({ channel: 'zalo' });
    return async (event) => {
        if (event.kind === 'unfollow') {
            await opts.onUnfollow(event.userId);
            log.info('a person unfollowed the OA: held as unreachable until they write again');
            return;
        }
        let message = event.message;
        const number = message.text !== undefined ? /^\s*(\d{1,3})\s*$/.exec(message.text) : null;
        if (number && opts.choices.has(message.userId)) {
            const action = opts.choices.pick(message.userId, Number(number[1]));
            if (action !== undefined) {
                const { text: _typed, ...rest } = message;
                message = { ...rest, action };
            }
        }
        let rendered;
        try {
            const outcome = await core.handle(message);
            rendered = renderAll(translator, outcome.locale, outcome.replies, false);
        }
        catch (error) {
            log.error({ err: error }, 'zalo message failed');
            rendered = { messages: [renderZalo(translator, translator.defaultLocale, { lines: [{ key: messageKeyOf(error) }] })], choices: [] };
        }
        // Numbers refer to the latest choices only; an answer without them leaves typed numbers as text.
        opts.choices.set(message.userId, rendered.choices);
        try {
            for (const r of rendered.messages)
                await sendRendered(client, message.userId, r);
        }
        catch (error) {
            if (error instanceof ZaloApiError && (error.kind === 'unreachable' || error.kind === 'window')) {
                log.warn({ code: error.code }, 'zalo recipient unreachable');
                return;
            }
            throw error;
        }
    };
}
/** When a Zalo user last wrote (their Zalo identity's `lastSeenAt`, UTC), or null if unknown. */
export function zaloLastSeen(people) {
    return (userId) => people.lastSeenAt({ channel: 'zalo', externalId: userId });
}
/**
 * The outbox's sender for Zalo. Outside the 7-day window (by our own record of the person's last
 * message, so nothing is sent that Zalo would refuse) it throws {@link UnreachableError}: the outbox
 * holds the message and marks the person unreachable until they write again. A long message is sent
 * in parts; if a later part fails, a retry sends the earlier parts again (rare: one part is 2,000
 * characters).
 */
export function zaloSender(client, translator, opts) {
    const clock = opts.now ?? (() => new Date());
    const windowMs = opts.windowMs ?? ZALO_WINDOW_MS - WINDOW_MARGIN_MS;
    return async (userId, reply, locale) => {
        const last = await opts.lastSeen(userId);
        if (!last || clock().getTime() - last.getTime() > windowMs) {
            throw new UnreachableError(`outside Zalo's 7-day window (last interaction ${last ? last.toISOString() : 'unknown'}): held until the person writes again`);
        }
        const r = renderZalo(translator, locale, reply, { proactive: true });
        try {
            await sendRendered(client, userId, r);
        }
        catch (error) {
            if (error instanceof ZaloApiError) {
                if (error.kind === 'retry')
                    throw new RetryLaterError(error.message, error.retryAfterMs ?? 30_000);
                if (error.kind === 'unreachable' || error.kind === 'window')
                    throw new UnreachableError(error.message);
            }
            throw error;
        }
        if (r.choices.length > 0)
            opts.choices?.set(userId, r.choices);
    };
}
//# sourceMappingURL=zalo.js.map