/**
 * The console chat: a terminal conversation over the same core, so anyone can try the bot without a
 * token. Buttons show as numbered choices; typing the number taps it. When standard input is not a
 * terminal, each line is one message, replies go to standard output (notices to standard error), and
 * the returned promise resolves at end of input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BotCore, FileReader, InboundMessage, Locale, Reply } from '../../core/channel.ts';
import { BACK_ACTION, CANCEL_ACTION } from '../../core/dialog/engine.ts';
import type { Translator } from '../../core/i18n.ts';
import { renderReply } from '../../core/render.ts';
import { normalizeInbound } from '../../core/text/fold.ts';
import type { Logger } from '../../logger.ts';
import { messageKeyOf } from '../../core/store-busy.ts';
import { cleanName } from '../../core/text/name.ts';

export interface ConsoleOptions {
  core: BotCore;
  translator: Translator;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Where notices (welcome, how to connect Telegram) go; standard error by default. */
  notices: Writable;
  /** The person at the keyboard (their identity on the `console` channel). */
  user: string;
  /** Show a prompt and the welcome text (a terminal); false for scripted input. */
  interactive: boolean;
  /** Also print the line telling how to connect Telegram. */
  telegramHint: boolean;
  /** The person's language for the notices printed before their first message (default: the translator's). */
  locale?: Locale;
  /** While nobody administers the bot: the one-time code that makes the first administrator. */
  adminCode?: string | null;
  /**
   * Delivers queued notices for this console person (decisions, reminders) through `send`; called
   * after every message, so they appear in the conversation.
   */
  deliverNotices?: (send: (reply: Reply, locale: Locale) => Promise<void>) => Promise<unknown>;
  /** Where files made for the person (drafted documents) are written; default `./exports`. */
  exportsDir?: string;
}

/** Writes a reply's files under `dir` (created when missing); returns their paths. */
export function saveFiles(reply: Reply, dir: string): string[] {
  if (!reply.files?.length) return [];
  mkdirSync(dir, { recursive: true });
  return reply.files.map((f) => {
    const path = join(dir, basename(f.name));
    writeFileSync(path, f.bytes);
    return path;
  });
}

/** A typed line `@path/to/file.xlsx` sends that file, as a document (e.g. a plan file to load). */
const FILE_LINE = /^@(\S.*)$/;

/** The console's {@link FileReader}: an attachment's reference is a path on this machine. */
export const consoleFileReader: FileReader = async ({ attachment, maxBytes }) => {
  try {
    if ((await stat(attachment.fileRef)).size > maxBytes) return { ok: false, reason: 'too-large' };
    return { ok: true, bytes: new Uint8Array(await readFile(attachment.fileRef)) };
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
};

/** Runs the chat until end of input. Never throws for a bad line: the error is logged and answered. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const { core, translator, output } = opts;
  let locale: Locale = opts.locale ?? translator.defaultLocale;
  let choices: { label: string; action: string }[] = [];
  const say = (key: string, args?: Record<string, string | number>) => translator.format(locale, { key, args }, 'plain');

  if (opts.interactive) opts.notices.write(`${say('console-welcome')}\n`);
  if (opts.telegramHint) opts.notices.write(`${say('console-telegram-hint')}\n`);
  if (opts.adminCode) opts.notices.write(`${say('console-admin-code', { code: opts.adminCode })}\n`);
  /** Renders replies with their buttons as numbered choices, which become the choices typed numbers tap. */
  const exportsDir = resolve(opts.exportsDir ?? 'exports');
  // How many of `choices` belong to the latest reply, and whether that reply waits for typed text.
  let waitsForText = false;
  /**
   * `append`: a notice printed after a reply numbers its buttons after the reply's, never taking over
   * the reply's numbers (issue 13: a council member's "2" must tap the reply's second choice).
   */
  const show = (replies: Reply[], replyLocale: Locale, prefix = '', append = false): string[] => {
    if (!append) choices = [];
    return replies.map((reply) => {
      const saved = saveFiles(reply, exportsDir).map((path) => ({ key: 'documents-file-saved', args: { path } }));
      const rendered = renderReply(translator, replyLocale, saved.length > 0 ? { ...reply, lines: [...reply.lines, ...saved] } : reply, 'plain');
      const buttons = rendered.buttons.flat();
      choices = [...choices, ...buttons];
      const numbered = buttons.map((b, i) => say('console-choice', { n: choices.length - buttons.length + i + 1, label: b.label }));
      return `${prefix}${rendered.text}${buttons.length > 0 ? `\n${say('console-choices')}\n${numbered.join('\n')}` : ''}`;
    });
  };
  const notice = async (reply: Reply, noticeLocale: Locale) => {
    output.write(`${show([reply], noticeLocale, '🔔 ', true).join('')}\n\n`);
  };
  /**
   * Whether typed numbers tap buttons: only when the latest buttons offer a real choice. When a step
   * waits for typed text (its only buttons are back and cancel), "45" is the answer, not a tap.
   */
  const choosing = () => !waitsForText && choices.some((c) => c.action !== BACK_ACTION && c.action !== CANCEL_ACTION);

  const rl = createInterface({ input: opts.input, terminal: false });
  const prompt = () => opts.interactive && output.write('> ');
  prompt();
  for await (const raw of rl) {
    const text = normalizeInbound(raw);
    const base: InboundMessage = { channel: 'console', userId: opts.user, chatId: opts.user, chatType: 'private', displayName: cleanName(opts.user) };
    let message: InboundMessage = { ...base, text };
    const file = FILE_LINE.exec(text.trim());
    if (file) {
      const path = resolve(file[1]!.trim());
      message = { ...base, attachments: [{ kind: 'DOCUMENT', channel: 'console', fileRef: path, fileName: basename(path) }] };
    }
    const number = /^\s*(\d{1,3})\s*$/.exec(text);
    if (number && choosing()) {
      const choice = choices[Number(number[1]) - 1];
      // A number beyond the choices is typed text (a decision number, a year…), as on Zalo.
      if (choice) message = { ...base, action: choice.action };
    }
    try {
      const outcome = await core.handle(message);
      locale = outcome.locale;
      // Numbers refer to the latest buttons only; a reply without buttons leaves typed numbers as text.
      const chunks = show(outcome.replies, locale);
      waitsForText = choices.length > 0 && choices.every((c) => c.action === BACK_ACTION || c.action === CANCEL_ACTION);
      if (chunks.length > 0) output.write(`${chunks.join('\n\n')}\n\n`);
      await opts.deliverNotices?.(notice);
    } catch (error) {
      opts.logger.error({ err: error }, 'console message failed');
      output.write(`${say(messageKeyOf(error))}\n\n`);
    }
    prompt();
  }
}
