/**
 * People and roles: `/thamgia CODE` (alias `/join`) redeems an invite; administrators create
 * single-use invites with `/moi` (alias `/invite`), list people with `/nguoi` (alias `/people`) and
 * revoke roles. The last administrator cannot be revoked (the commune would lose its keys).
 */
import { msg } from "../channel.js";
import { formatLocalDate } from "../plan/dates.js";
import { clip } from "../text/fold.js";
import { parseId } from "../ids.js";
import { withAttemptLimit } from "./codes.js";
/** How long an invite code stays valid: 7 days, in milliseconds. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const ROLES = ['OFFICER', 'COUNCIL', 'ADMIN'];
const denied = () => [{ lines: [msg('access-denied', { audience: 'admin' })] }];
async function join(ctx, code) {
    if (!code)
        return [{ lines: [msg('join-usage')] }];
    // Unknown, used and expired codes get the same answer; wrong tries are limited (issue [3/9]).
    return withAttemptLimit(ctx, 'thamgia', code, async () => {
        const result = await ctx.services.roles.redeemInvite({ code, personId: ctx.personId, now: ctx.now });
        if (!result.ok)
            return 'wrong';
        const unit = result.unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(result.unitCode, ctx.locale) }) : '';
        return [{ lines: [msg('join-ok', { role: msg('role-name', { role: result.role }), unit })] }];
    });
}
async function invite(ctx, role, unitCode) {
    const expiresAt = new Date(ctx.now.getTime() + INVITE_TTL_MS);
    const code = await ctx.services.roles.createInvite({ role, planSlug: ctx.catalog.plan.id, unitCode, byId: ctx.personId, expiresAt });
    const unit = unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(unitCode, ctx.locale) }) : '';
    return [{ lines: [msg('invite-created', { role: msg('role-name', { role }), unit, code, until: formatLocalDate(expiresAt, ctx.services.settings.timeZone) })] }];
}
/** `inv:l`: the unused invites, each with a cancel button (issue [3/9]). */
async function openInvites(ctx) {
    const open = await ctx.services.roles.openInvites({ now: ctx.now });
    if (open.length === 0)
        return [{ lines: [msg('invites-none')] }];
    const tz = ctx.services.settings.timeZone;
    const lines = [msg('invites-title', { count: open.length })];
    const buttons = [];
    for (const i of open) {
        const unit = i.unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(i.unitCode, ctx.locale) }) : '';
        lines.push(msg('invites-item', { tail: i.codeTail, role: msg('role-name', { role: i.role }), unit, by: i.createdByName ?? '-', until: formatLocalDate(i.expiresAt, tz) }));
        buttons.push([{ label: msg('invites-cancel', { tail: i.codeTail }), action: `inv:c:${i.id}` }]);
    }
    return [{ lines, buttons }];
}
async function cancelInvite(ctx, raw) {
    const id = parseId(raw);
    if (id === undefined)
        return [{ lines: [msg('action-expired')] }];
    const done = await ctx.services.roles.cancelInvite({ id, now: ctx.now });
    return [{ lines: [msg(done ? 'invites-cancelled' : 'invites-gone')] }, ...(await openInvites(ctx))];
}
async function people(ctx) {
    const list = await ctx.services.roles.listPeopleWithRoles({ planSlug: ctx.catalog.plan.id });
    if (list.length === 0)
        return [{ lines: [msg('people-empty')] }];
    const lines = [msg('people-title', { count: list.length })];
    const buttons = [];
    for (const p of list) {
        for (const g of p.grants) {
            const unit = g.unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(g.unitCode, ctx.locale) }) : '';
            lines.push(msg('people-item', { name: p.displayName, role: msg('role-name', { role: g.role }), unit }));
            buttons.push([{ label: msg('people-revoke', { name: clip(p.displayName, 24), role: msg('role-name', { role: g.role }) }), action: `rk:${g.id}` }]);
        }
    }
    return [{ lines, buttons }];
}
async function revoke(ctx, payload) {
    const [first, second] = payload.split(':');
    const confirmed = first === 'y';
    const grantId = parseId(confirmed ? second : first);
    if (grantId === undefined)
        return [{ lines: [msg('action-expired')] }];
    const list = await ctx.services.roles.listPeopleWithRoles({ planSlug: ctx.catalog.plan.id });
    const owner = list.find((p) => p.grants.some((g) => g.id === grantId));
    const grant = owner?.grants.find((g) => g.id === grantId);
    if (!owner || !grant)
        return [{ lines: [msg('people-revoke-gone')] }];
    if (grant.role === 'ADMIN' && (await ctx.services.roles.adminIds()).length <= 1)
        return [{ lines: [msg('people-last-admin')] }];
    if (!confirmed) {
        return [{ lines: [msg('people-revoke-confirm', { name: owner.displayName, role: msg('role-name', { role: grant.role }) })], buttons: [[{ label: msg('people-revoke-yes'), action: `rk:y:${grantId}` }]] }];
    }
    const done = await ctx.services.roles.revoke({ grantId });
    return [{ lines: [msg(done ? 'people-revoked' : 'people-revoke-gone', { name: owner.displayName, role: msg('role-name', { role: grant.role }) })] }];
}
export const peopleFeature = {
    commands: {
        thamgia: (ctx, args) => join(ctx, args),
        moi: async (ctx) => [
            {
                lines: [msg('invite-choose-role')],
                buttons: [ROLES.map((role) => ({ label: msg('role-name', { role }), action: `inv:r:${role}` })), [{ label: msg('invites-open'), action: 'inv:l' }]],
            },
        ],
        nguoi: people,
    },
    actions: {
        inv: async (ctx, payload) => {
            if (!ctx.roles.admin)
                return denied();
            const [op, value] = payload.split(':');
            if (op === 'r' && value === 'OFFICER') {
                return [{ lines: [msg('invite-choose-unit')], buttons: ctx.catalog.plan.units.map((u) => [{ label: msg('plain', { text: u.name[ctx.locale] }), action: `inv:u:${u.code}` }]) }];
            }
            if (op === 'r' && (value === 'COUNCIL' || value === 'ADMIN'))
                return invite(ctx, value, null);
            if (op === 'u' && ctx.catalog.plan.units.some((u) => u.code === value))
                return invite(ctx, 'OFFICER', value);
            if (op === 'l')
                return openInvites(ctx);
            if (op === 'c')
                return cancelInvite(ctx, value);
            return [{ lines: [msg('action-expired')] }];
        },
        rk: (ctx, payload) => (ctx.roles.admin ? revoke(ctx, payload) : Promise.resolve(denied())),
    },
};
//# sourceMappingURL=people.js.map