/**
 * The platform-neutral bot: routes an {@link InboundMessage} to a feature (command, button action,
 * open dialog or free-text question) and returns message keys and values ({@link Outcome}).
 * Channels call {@link BotCore.handle}; nothing here knows a platform.
 */
import { deniedReply, mayUse } from './access.ts';
import { msg, type BotCore, type InboundMessage, type Outcome, type Reply } from './channel.ts';
import { COMMANDS, parseCommand } from './commands.ts';
import type { ActionHandler, CommandHandler, Ctx, Feature, Services } from './context.ts';
import type { StoredDialog } from './dialog/engine.ts';
import { helpReply } from './features/general.ts';
import { actionGroupPolicy, commandGroupPolicy } from './group-policy.ts';
import type { InboundLimiter } from './limits.ts';
import { localDate } from './plan/dates.ts';
import { isPlanFile, receivePlanFile } from './plan/upload.ts';
import { clip, foldText, looksBinary } from './text/fold.ts';
import { cleanName } from './text/name.ts';
import { answerQuestion } from './qa/feature.ts';

/** Longest message we read, in characters; longer input gets a polite answer. */
export const MAX_INPUT_CHARS = 4000;
/** Longest free-text question, in characters. */
export const MAX_QUESTION_CHARS = 500;

/** Greetings and thanks, folded; answered kindly instead of being searched as a criteria question. */
const GREETINGS = new Set(['alo', 'chao', 'xin chao', 'hi', 'hello', 'helo', 'hey']);
const THANKS = new Set(['cam on', 'thank', 'thanks', 'thank you', 'tks']);
/** Words that only address someone or soften ("chào bạn", "cảm ơn bot nhiều ạ"). */
const FILLERS = new Set(['a', 'ad', 'admin', 'anh', 'ban', 'bot', 'chi', 'em', 'nha', 'nhe', 'nhieu', 'oi', 'rat', 'so', 'much', 'very']);

/** `greeting` for "chao ban", "Xin chào!", "alo"; `thanks` for "cam on", "cảm ơn bạn nhiều"; else undefined. */
export function smallTalk(text: string): 'greeting' | 'thanks' | undefined {
  const words = foldText(text)
    .split(' ')
    .filter((w) => !FILLERS.has(w))
    .join(' ');
  return GREETINGS.has(words) ? 'greeting' : THANKS.has(words) ? 'thanks' : undefined;
}

export interface BotCoreDeps {
  services: Services;
  features: Feature[];
  /** Current instant; tests pass a fake clock. */
  now?: () => Date;
  /** Per-person limit on inbound messages and taps, checked before any work; none when absent. */
  inbound?: InboundLimiter;
}

export function createBotCore(deps: BotCoreDeps): BotCore {
  const clock = deps.now ?? (() => new Date());
  const { services } = deps;
  const commands = new Map<string, CommandHandler>();
  const actions = new Map<string, ActionHandler>();
  for (const f of deps.features) {
    for (const [name, h] of Object.entries(f.commands ?? {})) commands.set(name, h);
    for (const [prefix, h] of Object.entries(f.actions ?? {})) actions.set(prefix, h);
  }

  async function context(message: InboundMessage): Promise<Ctx> {
    const now = clock();
    const identity = {
      channel: message.channel,
      externalId: message.userId,
      // Cleaned here too (channels clean at the edge): a name is shown to others, e.g. in /nguoi.
      displayName: cleanName(message.displayName ?? '') || message.userId,
    };
    const catalog = services.catalog();
    const planSlug = catalog.plan.id;
    const who = services.people.identify
      ? await services.people.identify(identity, planSlug)
      : await services.people.ensure(identity).then(async (person) => ({ person, roles: await services.roles.rolesOf({ personId: person.id, planSlug }) }));
    const { person } = who;
    let { roles } = who;
    if (!roles.admin && message.channel === 'telegram' && services.settings.adminTelegramIds.includes(message.userId)) {
      await services.roles.grant({ personId: person.id, role: 'ADMIN', planSlug: catalog.plan.id });
      roles = { ...roles, admin: true };
    }
    return {
      message,
      person,
      personId: person.id,
      roles,
      locale: person.locale ?? services.settings.defaultLocale,
      channel: message.channel,
      chatId: message.chatId,
      now,
      today: localDate(now, services.settings.timeZone),
      catalog,
      services,
    };
  }

  async function openDialog(ctx: Ctx): Promise<{ dialog: StoredDialog | null; notice: Reply[] }> {
    const dialog = await services.dialogs.current(ctx.personId);
    if (dialog && dialog.expiresAt.getTime() <= ctx.now.getTime()) {
      const kept = await services.dialogs.abandon(ctx.personId, dialog, ctx.now);
      await services.dialogs.cancel(ctx);
      return { dialog: null, notice: [kept ?? { lines: [msg('dialog-expired')] }] };
    }
    return { dialog, notice: [] };
  }

  async function onAction(ctx: Ctx, action: string, dialog: StoredDialog | null): Promise<Reply[]> {
    if (action.startsWith('d:')) return dialog ? services.dialogs.handle(ctx, dialog, { action }) : [{ lines: [msg('action-expired')] }];
    const colon = action.indexOf(':');
    const handler = actions.get(colon < 0 ? action : action.slice(0, colon));
    return handler ? handler(ctx, colon < 0 ? '' : action.slice(colon + 1)) : [{ lines: [msg('action-expired')] }];
  }

  async function onCommand(ctx: Ctx, name: string, known: boolean, args: string, dialog: StoredDialog | null): Promise<Reply[]> {
    if (name === 'huy') return [{ lines: [msg(dialog && (await services.dialogs.cancel(ctx)) ? 'dialog-cancelled' : 'dialog-nothing-to-cancel')] }];
    if (name === 'tiep') return dialog ? services.dialogs.resume(ctx, dialog) : [{ lines: [msg('dialog-nothing-to-continue')] }];
    const spec = COMMANDS.find((c) => c.name === name);
    const handler = commands.get(name);
    // A short help: the everyday commands and where the rest are (issue [1/5]).
    if (!known || !spec || !handler) return [{ lines: [msg('unknown-command', { command: clip(name, 32) }), msg('unknown-command-hint')] }];
    if (!mayUse(ctx.roles, spec.audience)) return [deniedReply(spec.audience)];
    const replies = await handler(ctx, args);
    // A command answered in the middle of a dialog: remind that the dialog is still open.
    const still = dialog ? await services.dialogs.current(ctx.personId) : null;
    return still && still.kind === dialog?.kind && still.step === dialog.step ? [...replies, { lines: [msg('dialog-pending')] }] : replies;
  }

  /**
   * In a group: only our own known commands and the buttons of public answers are handled; the rest
   * of the table ({@link commandGroupPolicy}) gets a short note pointing to the private chat.
   * Returns `undefined` when the message is handled as usual.
   */
  function groupGate(message: InboundMessage): Reply[] | undefined {
    if (message.chatType !== 'group') return undefined;
    if (message.action !== undefined) return actionGroupPolicy(message.action) === 'public' ? undefined : [{ lines: [msg('group-private-action')] }];
    const command = parseCommand(message.text ?? '');
    // Chatter, other bots' bare commands (/ban) and stickers are not ours: stay silent.
    if (!command || !command.known || message.unsupported || message.attachments?.length) return [];
    if (commandGroupPolicy(command.name) === 'public') return undefined;
    const lines = [msg('group-private-note', { command: command.name })];
    // A code typed in the group has been read by everyone there: it must be replaced.
    if ((command.name === 'thamgia' || command.name === 'lienket') && command.args) lines.push(msg('group-code-seen'));
    return [{ lines, deepLink: command.name }];
  }

  async function route(ctx: Ctx): Promise<Reply[]> {
    const { message } = ctx;
    const gated = groupGate(message);
    if (gated) return gated;
    const { dialog, notice } = await openDialog(ctx);
    if (message.action !== undefined) return [...notice, ...(await onAction(ctx, message.action, dialog))];
    if (message.unsupported) return message.chatType === 'group' ? [] : [{ lines: [msg('input-unsupported')] }];
    const text = message.text ?? '';
    const command = parseCommand(text);
    if (message.chatType === 'group' && !command) return [];
    // Refused before an open dialog sees it: say that the dialog is still waiting for an answer.
    const pending: Reply[] = dialog && !command ? [{ lines: [msg('dialog-pending')] }] : [];
    if (text.length > MAX_INPUT_CHARS) return [{ lines: [msg('input-too-long', { max: MAX_INPUT_CHARS })] }, ...pending];
    if (looksBinary(text)) return [{ lines: [msg('input-unreadable')] }, ...pending];
    if (command) {
      // `/start duyet`: the private chat opened from a group's deep link runs the command asked for there.
      const linked = command.name === 'start' && message.chatType === 'private' ? parseCommand(`/${command.args}`) : undefined;
      if (linked?.known && linked.name !== 'start' && !linked.args) return [...notice, ...(await onCommand(ctx, linked.name, true, '', dialog))];
      return [...notice, ...(await onCommand(ctx, command.name, command.known, command.args, dialog))];
    }
    if (dialog) return services.dialogs.handle(ctx, dialog, { text, attachments: message.attachments });
    if (message.attachments?.length) {
      // An administrator's plan file in the private chat: checked and summarised (issue 16).
      const planFile = ctx.roles.admin && message.chatType === 'private' ? message.attachments.find(isPlanFile) : undefined;
      if (planFile) return [...notice, ...(await receivePlanFile(ctx, planFile))];
      return [...notice, { lines: [msg('attachment-outside-dialog')] }];
    }
    if (text.trim() === '') return [...notice, { lines: [msg('empty-input')] }, helpReply(ctx)];
    if (text.length > MAX_QUESTION_CHARS) return [{ lines: [msg('input-too-long', { max: MAX_QUESTION_CHARS })] }];
    const talk = smallTalk(text);
    if (talk === 'greeting') return [...notice, ...(await onCommand(ctx, 'start', true, '', null))];
    if (talk === 'thanks') return [...notice, { lines: [msg('small-talk-thanks')] }];
    // Free text: what is being asked, answered short, or "did you mean …?" when unsure (issue 14).
    return [...notice, ...(await answerQuestion(ctx, text))];
  }

  return {
    async handle(message) {
      // Group chatter and other bots' commands cost nothing: no person is looked up or created.
      if (message.chatType === 'group' && groupGate(message)?.length === 0) return { locale: services.settings.defaultLocale, replies: [] };
      // Over the per-person limit: no work at all (not even the person's language), one polite answer.
      const verdict = deps.inbound ? await deps.inbound.take(`${message.channel}:${message.userId}`) : { allowed: true as const };
      if (!verdict.allowed) {
        const locale = message.languageHint?.startsWith('en') ? 'en' : services.settings.defaultLocale;
        return { locale, replies: verdict.first ? [{ lines: [msg('rate-limited', { seconds: Math.max(1, Math.ceil(verdict.retryMs / 1000)) })] }] : [] };
      }
      const ctx = await context(message);
      const replies = await route(ctx);
      return { locale: ctx.locale, replies, personId: ctx.personId } satisfies Outcome;
    },
  };
}
