/**
 * Renders core replies into text through the one translator: every channel uses this, then applies
 * its own limits (Telegram 4096 characters, Zalo 2,000) and button style.
 */
import type { Locale, Reply } from './channel.ts';
import type { RenderMode, Translator } from './i18n.ts';

/** A reply as text, with button labels rendered and actions kept. */
export interface RenderedReply {
  text: string;
  buttons: { label: string; action: string }[][];
}

/** Formats each line (joined with "\n") and each button label; labels are always plain text. */
export function renderReply(translator: Translator, locale: Locale, reply: Reply, mode: RenderMode): RenderedReply {
  return {
    text: reply.lines.map((line) => translator.format(locale, line, mode)).join('\n'),
    buttons: (reply.buttons ?? []).map((row) => row.map((b) => ({ label: translator.format(locale, b.label, 'plain'), action: b.action }))),
  };
}
