/**
 * People and roles: `/thamgia CODE` (alias `/join`) redeems an invite; administrators create
 * single-use invites with `/moi` (alias `/invite`), list people with `/nguoi` (alias `/people`) and
 * revoke roles. The last administrator cannot be revoked (the commune would lose its keys).
 */
import { msg, type Button, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { formatLocalDate } from '../plan/dates.ts';
import type { Role } from '../roles.ts';
import { clip } from '../text/fold.ts';
import { parseId } from '../ids.ts';
import { withAttemptLimit } from './codes.ts';

/** How long an invite code stays valid: 7 days, in milliseconds. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const ROLES: Role[] = ['OFFICER', 'COUNCIL', 'CHAIR', 'ADMIN'];
const denied = (): Reply[] => [{ lines: [msg('access-denied', { audience: 'admin' })] }];

async function join(ctx: Ctx, code: string): Promise<Reply[]> {
  if (!code) return [{ lines: [msg('join-usage')] }];
  // Unknown, used and expired codes get the same answer; wrong tries are limited (issue [3/9]).
  return withAttemptLimit(ctx, 'thamgia', code, async () => {
    const result = await ctx.services.roles.redeemInvite({ code, personId: ctx.personId, now: ctx.now });
    if (!result.ok) return 'wrong';
    const unit = result.unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(result.unitCode, ctx.locale) }) : '';
    return [{ lines: [msg('join-ok', { role: msg('role-name', { role: result.role }), unit })] }];
  });
}

async function invite(ctx: Ctx, role: Role, unitCode: string | null): Promise<Reply[]> {
  const expiresAt = new Date(ctx.now.getTime() + INVITE_TTL_MS);
  const code = await ctx.services.roles.createInvite({ role, planSlug: ctx.catalog.plan.id, unitCode, byId: ctx.personId, expiresAt });
  const unit = unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(unitCode, ctx.locale) }) : '';
  return [
    { lines: [msg('invite-created', { role: msg('role-name', { role }), unit, code, until: formatLocalDate(expiresAt, ctx.services.settings.timeZone) })] },
  ];
}

/** `inv:l`: the unused invites, each with a cancel button (issue [3/9]). */
async function openInvites(ctx: Ctx): Promise<Reply[]> {
  const open = await ctx.services.roles.openInvites({ now: ctx.now });
  if (open.length === 0) return [{ lines: [msg('invites-none')] }];
  const tz = ctx.services.settings.timeZone;
  const lines = [msg('invites-title', { count: open.length })];
  const buttons: Button[][] = [];
  for (const i of open) {
    const unit = i.unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(i.unitCode, ctx.locale) }) : '';
    lines.push(
      msg('invites-item', {
        tail: i.codeTail,
        role: msg('role-name', { role: i.role }),
        unit,
        by: i.createdByName ?? '-',
        until: formatLocalDate(i.expiresAt, tz),
      }),
    );
    buttons.push([{ label: msg('invites-cancel', { tail: i.codeTail }), action: `inv:c:${i.id}` }]);
  }
  return [{ lines, buttons }];
}

async function cancelInvite(ctx: Ctx, raw: string | undefined): Promise<Reply[]> {
  const id = parseId(raw);
  if (id === undefined) return [{ lines: [msg('action-expired')] }];
  const done = await ctx.services.roles.cancelInvite({ id, now: ctx.now });
  return [{ lines: [msg(done ? 'invites-cancelled' : 'invites-gone')] }, ...(await openInvites(ctx))];
}

async function people(ctx: Ctx): Promise<Reply[]> {
  const list = await ctx.services.roles.listPeopleWithRoles({ planSlug: ctx.catalog.plan.id });
  if (list.length === 0) return [{ lines: [msg('people-empty')] }];
  const lines = [msg('people-title', { count: list.length })];
  const buttons: Button[][] = [];
  for (const p of list) {
    for (const g of p.grants) {
      const unit = g.unitCode ? msg('role-unit', { unit: ctx.catalog.unitName(g.unitCode, ctx.locale) }) : '';
      lines.push(msg('people-item', { name: p.displayName, role: msg('role-name', { role: g.role }), unit }));
      buttons.push([{ label: msg('people-revoke', { name: clip(p.displayName, 24), role: msg('role-name', { role: g.role }) }), action: `rk:${g.id}` }]);
    }
  }
  return [{ lines, buttons }];
}

async function revoke(ctx: Ctx, payload: string): Promise<Reply[]> {
  const [first, second] = payload.split(':');
  const confirmed = first === 'y';
  const grantId = parseId(confirmed ? second : first);
  if (grantId === undefined) return [{ lines: [msg('action-expired')] }];
  const list = await ctx.services.roles.listPeopleWithRoles({ planSlug: ctx.catalog.plan.id });
  const owner = list.find((p) => p.grants.some((g) => g.id === grantId));
  const grant = owner?.grants.find((g) => g.id === grantId);
  if (!owner || !grant) return [{ lines: [msg('people-revoke-gone')] }];
  if (grant.role === 'ADMIN' && (await ctx.services.roles.adminIds()).length <= 1) return [{ lines: [msg('people-last-admin')] }];
  if (!confirmed) {
    return [
      {
        lines: [msg('people-revoke-confirm', { name: owner.displayName, role: msg('role-name', { role: grant.role }) })],
        buttons: [[{ label: msg('people-revoke-yes'), action: `rk:y:${grantId}` }]],
      },
    ];
  }
  const done = await ctx.services.roles.revoke({ grantId });
  if (done) await closeDialogsAfterRevoke(ctx, owner.id, grantId);
  return [{ lines: [msg(done ? 'people-revoked' : 'people-revoke-gone', { name: owner.displayName, role: msg('role-name', { role: grant.role }) })] }];
}

/**
 * A person who just lost a role loses the dialog that needed it at once, and is told (issue [3/9]):
 * the dialog's own check runs with the person's roles as they are now.
 */
async function closeDialogsAfterRevoke(ctx: Ctx, personId: number, grantId: number): Promise<void> {
  const roles = await ctx.services.roles.rolesOf({ personId, planSlug: ctx.catalog.plan.id });
  const closed = await ctx.services.dialogs.closeIfNotAllowed({ ...ctx, personId, roles });
  if (!closed) return;
  await ctx.services.notifier.notify([
    { personId, key: `dialog-closed-role:${personId}:${grantId}`, reply: { lines: [msg('dialog-closed-role-notice', { kind: closed.kind })] } },
  ]);
}

export const peopleFeature: Feature = {
  commands: {
    thamgia: (ctx, args) => join(ctx, args),
    moi: async () => [
      {
        lines: [msg('invite-choose-role')],
        buttons: [ROLES.map((role) => ({ label: msg('role-name', { role }), action: `inv:r:${role}` })), [{ label: msg('invites-open'), action: 'inv:l' }]],
      },
    ],
    nguoi: people,
  },
  actions: {
    inv: async (ctx, payload) => {
      if (!ctx.roles.admin) return denied();
      const [op, value] = payload.split(':');
      if (op === 'r' && value === 'OFFICER') {
        return [
          {
            lines: [msg('invite-choose-unit')],
            buttons: ctx.catalog.plan.units.map((u) => [{ label: msg('plain', { text: u.name[ctx.locale] }), action: `inv:u:${u.code}` }]),
          },
        ];
      }
      if (op === 'r' && (value === 'COUNCIL' || value === 'CHAIR' || value === 'ADMIN')) return invite(ctx, value, null);
      if (op === 'u' && ctx.catalog.plan.units.some((u) => u.code === value)) return invite(ctx, 'OFFICER', value!);
      if (op === 'l') return openInvites(ctx);
      if (op === 'c') return cancelInvite(ctx, value);
      return [{ lines: [msg('action-expired')] }];
    },
    rk: (ctx, payload) => (ctx.roles.admin ? revoke(ctx, payload) : Promise.resolve(denied())),
  },
};
