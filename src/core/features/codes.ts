/**
 * What every code-taking command shares (`/thamgia` invite codes, `/lienket` link codes; issue
 * [3/9]): a per-identity and per-code attempt limit with back-off, one answer for every wrong code
 * (unknown, used, expired and malformed look the same, so an answer tells a guesser nothing), and a
 * notice to the administrators when an account hits the limit.
 */
import { msg, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { identityKey, NO_ATTEMPT_LIMIT } from '../limits.ts';
import type { Roles } from '../roles.ts';

/** A typed code as a limiter key: case, spaces and dashes ignored (as the repositories read it). */
export const codeKey = (typed: string): string =>
  `code:${typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .slice(0, 32)}`;

const keysOf = (ctx: Ctx, typed: string): string[] => [identityKey(ctx.channel, ctx.message.userId), codeKey(typed)];

/** The answer while attempts are blocked: how many minutes to wait (rounded up). */
const waitReply = (ms: number): Reply[] => [{ lines: [msg('code-wait', { minutes: Math.max(1, Math.ceil(ms / 60_000)) })] }];

/**
 * Runs `check` for a typed code unless this identity or this code must wait. `check` answers
 * `wrong` for any wrong code: the attempt is counted, and the first attempt over the limit is
 * reported to the administrators.
 */
export async function withAttemptLimit(ctx: Ctx, command: string, typed: string, check: () => Promise<Reply[] | 'wrong'>): Promise<Reply[]> {
  const attempts = ctx.services.attempts ?? NO_ATTEMPT_LIMIT;
  const keys = keysOf(ctx, typed);
  const wait = await attempts.waitMs(keys);
  if (wait > 0) return waitReply(wait);
  const result = await check();
  if (result !== 'wrong') return result;
  const counted = await attempts.fail(keys);
  if (counted.started) {
    const admins = await ctx.services.roles.adminIds();
    const slot = Math.floor(ctx.now.getTime() / (15 * 60_000));
    await ctx.services.notifier.notify(
      admins.map((personId) => ({
        personId,
        key: `security:codes:${ctx.channel}:${ctx.message.userId}:${slot}:${personId}`,
        reply: {
          lines: [
            msg('code-limit-admin-notice', {
              name: ctx.person.displayName,
              channel: msg('channel-name', { channel: ctx.channel }),
              id: ctx.message.userId,
              command,
            }),
          ],
        },
      })),
    );
  }
  return counted.waitMs > 0 ? [{ lines: [msg('code-wrong')] }, ...waitReply(counted.waitMs)] : [{ lines: [msg('code-wrong')] }];
}

/** The roles as one line of names (`Quản trị viên, Cán bộ đơn vị — Trạm Y tế`), or "no role". */
export function rolesLine(ctx: Ctx, roles: Roles): Msg {
  const names: Msg[] = [];
  if (roles.admin) names.push(msg('role-name', { role: 'ADMIN' }));
  if (roles.council) names.push(msg('role-name', { role: 'COUNCIL' }));
  if (roles.chair) names.push(msg('role-name', { role: 'CHAIR' }));
  for (const unit of roles.officerUnits)
    names.push(msg('role-with-unit', { role: msg('role-name', { role: 'OFFICER' }), unit: ctx.catalog.unitName(unit, ctx.locale) }));
  return names.length > 0 ? msg('roles-list', { roles: names }) : msg('roles-none');
}

/** Both people's roles together: what the joined account holds. */
export const unionRoles = (a: Roles, b: Roles): Roles => ({
  admin: a.admin || b.admin,
  council: a.council || b.council,
  chair: a.chair || b.chair,
  officerUnits: [...new Set([...a.officerUnits, ...b.officerUnits])],
});
