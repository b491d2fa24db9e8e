/**
 * One person, two channels: `/lienket` (alias `/link`) on one channel gives a single-use code;
 * `/lienket CODE` on the other channel asks to join that account to the code's owner, so roles,
 * nominations, good deeds, preferences and an open dialog follow the person. Nothing is joined
 * until BOTH accounts confirmed after seeing whose accounts are joined and which roles follow
 * (issue [3/9]: a council member typing a resident's code would otherwise hand the resident their
 * roles). Wrong codes are limited per account and per code ({@link withAttemptLimit}).
 *
 * Also the `noop` action: the "keep receiving messages" button every proactive Zalo message carries
 * (tapping it is an interaction that renews Zalo's 7-day window); core only acknowledges it.
 */
import { msg } from "../channel.js";
import { parseId } from "../ids.js";
import { formatLocalDateTime } from "../plan/dates.js";
import { rolesLine, unionRoles, withAttemptLimit } from "./codes.js";
/** How long a link code stays valid: 10 minutes, in milliseconds. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
/** `K7M2QX4PRT` → `K7M2Q-X4PRT`, easier to read aloud and type. */
export const formatLinkCode = (code) => `${code.slice(0, Math.ceil(code.length / 2))}-${code.slice(Math.ceil(code.length / 2))}`;
const channelsOf = (side) => side.channels.map((channel) => msg('channel-name', { channel }));
async function rolesAfter(ctx, p) {
    const planSlug = ctx.catalog.plan.id;
    const owner = await ctx.services.roles.rolesOf({ personId: p.owner.personId, planSlug });
    const claimant = await ctx.services.roles.rolesOf({ personId: p.claimant.personId, planSlug });
    return { claimant, joined: unionRoles(owner, claimant) };
}
const hasRole = (r) => r.admin || r.council || r.officerUnits.length > 0;
/** The question to one side, naming both accounts and the roles the joined account will hold. */
async function confirmation(ctx, p, side) {
    const roles = await rolesAfter(ctx, p);
    const lines = [
        msg(side === 'claimant' ? 'link-confirm-claimant' : 'link-confirm-owner', {
            owner: p.owner.displayName,
            ownerChannels: channelsOf(p.owner),
            claimant: p.claimant.displayName,
            claimantChannels: channelsOf(p.claimant),
        }),
        msg('link-roles-after', { roles: rolesLine(ctx, roles.joined) }),
    ];
    // A staff account joined into another hands its roles over: say so plainly.
    if (hasRole(roles.claimant))
        lines.push(msg('link-staff-warning', { roles: rolesLine(ctx, roles.claimant), owner: p.owner.displayName }));
    lines.push(msg('link-confirm-until', { until: formatLocalDateTime(p.expiresAt, ctx.services.settings.timeZone) }));
    const [yes, no] = side === 'claimant' ? ['y', 'n'] : ['o', 'x'];
    return { lines, buttons: [[{ label: msg('link-yes'), action: `lk:${yes}:${p.codeId}` }, { label: msg('link-no'), action: `lk:${no}:${p.codeId}` }]] };
}
async function claim(links, ctx, typed) {
    return withAttemptLimit(ctx, 'lienket', typed, async () => {
        const result = await links.claim({ code: typed, channel: ctx.channel, externalId: ctx.message.userId, now: ctx.now });
        if (result.ok)
            return [await confirmation(ctx, result.preview, 'claimant')];
        if (result.reason === 'self')
            return [{ lines: [msg('link-self')] }];
        if (result.reason === 'conflict')
            return [{ lines: [msg('link-conflict', { channel: msg('channel-name', { channel: result.channel }) })] }];
        return 'wrong';
    });
}
async function link(links, ctx, args) {
    // A code shown in a group could be used by anyone there (the group table sends /lienket here too).
    if (ctx.message.chatType !== 'private')
        return [{ lines: [msg('link-private-only')] }];
    if (args)
        return claim(links, ctx, args);
    const expiresAt = new Date(ctx.now.getTime() + LINK_CODE_TTL_MS);
    const code = formatLinkCode(await links.createCode({ personId: ctx.personId, expiresAt }));
    return [{ lines: [msg('link-code', { code, until: formatLocalDateTime(expiresAt, ctx.services.settings.timeZone), channel: msg('channel-name', { channel: ctx.channel }) })] }];
}
/** Buttons `lk:<op>:<codeId>`: y/n by the account that typed the code, o/x by the code's owner. */
async function linkAction(links, ctx, payload) {
    const [op, raw] = payload.split(':');
    const codeId = parseId(raw);
    if (codeId === undefined)
        return [{ lines: [msg('action-expired')] }];
    const who = { channel: ctx.channel, externalId: ctx.message.userId };
    switch (op) {
        case 'y': {
            const preview = await links.confirmClaim({ codeId, ...who, now: ctx.now });
            if (!preview)
                return [{ lines: [msg('link-gone')] }];
            await ctx.services.notifier.notify([{ personId: preview.owner.personId, key: `link:${codeId}:owner`, reply: await confirmation(ctx, preview, 'owner') }]);
            return [{ lines: [msg('link-waiting-owner', { owner: preview.owner.displayName, ownerChannels: channelsOf(preview.owner) })] }];
        }
        case 'o': {
            const result = await links.complete({ codeId, ownerId: ctx.personId, now: ctx.now });
            if (result.ok)
                return [{ lines: [msg('link-ok', { name: result.displayName, channel: msg('channel-name', { channel: result.claimChannel }) })] }];
            if (result.reason === 'conflict')
                return [{ lines: [msg('link-conflict', { channel: msg('channel-name', { channel: result.channel }) })] }];
            return [{ lines: [msg('link-gone')] }];
        }
        case 'n':
        case 'x': {
            const done = await links.decline({ codeId, ...(op === 'x' ? { personId: ctx.personId } : who), now: ctx.now });
            return [{ lines: [msg(done ? 'link-declined' : 'link-gone')] }];
        }
        default:
            return [{ lines: [msg('action-expired')] }];
    }
}
export function createLinkFeature(links) {
    return {
        commands: { lienket: (ctx, args) => link(links, ctx, args) },
        actions: {
            lk: (ctx, payload) => (ctx.message.chatType === 'private' ? linkAction(links, ctx, payload) : Promise.resolve([{ lines: [msg('link-private-only')] }])),
            noop: async () => [{ lines: [msg('keep-receiving-ok')] }],
        },
    };
}
//# sourceMappingURL=link.js.map