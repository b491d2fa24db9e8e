/**
 * /start, /help, /lang: greeting, the commands a person may use, and the interface language.
 */
import { mayUse } from "../access.js";
import { LOCALES, msg } from "../channel.js";
import { COMMANDS, otherNames } from "../commands.js";
import { commandGroupPolicy } from "../group-policy.js";
/** The commands this person may use, one line each. */
export function helpReply(ctx) {
    // In a group only the commands answered there are listed (and nobody's roles are shown to others).
    const inGroup = ctx.message.chatType === 'group';
    const lines = COMMANDS.filter((c) => c.name !== 'start' && (inGroup ? c.audience === 'everyone' && commandGroupPolicy(c.name) === 'public' : mayUse(ctx.roles, c.audience))).map((c) => {
        // English readers see the English names first, as in their command menu and every English text.
        const first = ctx.locale === 'en' ? c.english : c.name;
        const others = [c.name, ...otherNames(c)].filter((n, i, all) => n !== first && all.indexOf(n) === i);
        return others.length > 0
            ? msg('help-line', { command: first, aliases: others.map((a) => `/${a}`).join(', '), description: msg(c.descriptionKey) })
            : msg('help-line-plain', { command: first, description: msg(c.descriptionKey) });
    });
    return { lines: [msg('help-title'), ...lines, ...(inGroup ? [] : [msg('help-free-text')])] };
}
async function setLocale(ctx, wanted) {
    await ctx.services.people.setLocale(ctx.personId, wanted);
    ctx.locale = wanted;
    return [{ lines: [msg('lang-set')] }];
}
export const generalFeature = {
    commands: {
        start: async (ctx) => [{ lines: [msg('welcome', { commune: ctx.catalog.plan.commune[ctx.locale] })] }, helpReply(ctx)],
        help: async (ctx) => [helpReply(ctx)],
        lang: async (ctx, args) => {
            const wanted = args.toLowerCase();
            if (LOCALES.includes(wanted))
                return setLocale(ctx, wanted);
            return [{ lines: [msg('lang-choose')], buttons: [LOCALES.map((l) => ({ label: msg('lang-name', { locale: l }), action: `lang:${l}` }))] }];
        },
    },
    actions: {
        lang: async (ctx, payload) => (LOCALES.includes(payload) ? setLocale(ctx, payload) : [{ lines: [msg('action-expired')] }]),
    },
};
//# sourceMappingURL=general.js.map