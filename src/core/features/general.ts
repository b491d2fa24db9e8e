/**
 * /start, /help, /lang: greeting, the commands a person may use, and the interface language.
 */
import { mayUse } from '../access.ts';
import { LOCALES, msg, type Locale, type Reply } from '../channel.ts';
import { COMMANDS, otherNames } from '../commands.ts';
import type { Ctx, Feature } from '../context.ts';
import { commandGroupPolicy } from '../group-policy.ts';

/** The commands this person may use, one line each. */
export function helpReply(ctx: Ctx): Reply {
  // In a group only the commands answered there are listed (and nobody's roles are shown to others).
  const inGroup = ctx.message.chatType === 'group';
  const lines = COMMANDS.filter(
    (c) => c.name !== 'start' && (inGroup ? c.audience === 'everyone' && commandGroupPolicy(c.name) === 'public' : mayUse(ctx.roles, c.audience)),
  ).map((c) => {
    // English readers see the English names first, as in their command menu and every English text.
    const first = ctx.locale === 'en' ? c.english : c.name;
    const others = [c.name, ...otherNames(c)].filter((n, i, all) => n !== first && all.indexOf(n) === i);
    return others.length > 0
      ? msg('help-line', { command: first, aliases: others.map((a) => `/${a}`).join(', '), description: msg(c.descriptionKey) })
      : msg('help-line-plain', { command: first, description: msg(c.descriptionKey) });
  });
  return { lines: [msg('help-title'), ...lines, ...(inGroup ? [] : [msg('help-free-text')])] };
}

async function setLocale(ctx: Ctx, wanted: Locale): Promise<Reply[]> {
  await ctx.services.people.setLocale(ctx.personId, wanted);
  ctx.locale = wanted;
  return [{ lines: [msg('lang-set')] }];
}

export const generalFeature: Feature = {
  commands: {
    start: async (ctx) => [{ lines: [msg('welcome', { commune: ctx.catalog.plan.commune[ctx.locale] })] }, helpReply(ctx)],
    help: async (ctx) => [helpReply(ctx)],
    lang: async (ctx, args) => {
      const wanted = args.toLowerCase() as Locale;
      if (LOCALES.includes(wanted)) return setLocale(ctx, wanted);
      return [{ lines: [msg('lang-choose')], buttons: [LOCALES.map((l) => ({ label: msg('lang-name', { locale: l }), action: `lang:${l}` }))] }];
    },
  },
  actions: {
    lang: async (ctx, payload) => (LOCALES.includes(payload as Locale) ? setLocale(ctx, payload as Locale) : [{ lines: [msg('action-expired')] }]),
  },
};
