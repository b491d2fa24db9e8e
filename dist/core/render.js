/** Formats each line (joined with "\n") and each button label; labels are always plain text. */
export function renderReply(translator, locale, reply, mode) {
    return {
        text: reply.lines.map((line) => translator.format(locale, line, mode)).join('\n'),
        buttons: (reply.buttons ?? []).map((row) => row.map((b) => ({ label: translator.format(locale, b.label, 'plain'), action: b.action }))),
    };
}
//# sourceMappingURL=render.js.map