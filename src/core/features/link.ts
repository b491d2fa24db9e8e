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
import { msg, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { parseId } from '../ids.ts';
import { formatLocalDateTime } from '../plan/dates.ts';
import type { Roles } from '../roles.ts';
import { rolesLine, unionRoles, withAttemptLimit } from './codes.ts';

/** How long a link code stays valid: 10 minutes, in milliseconds. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;

/** One side of a join: a person and the channels they are on. */
export interface LinkSide {
  personId: number;
  displayName: string;
  channels: string[];
}

/** What both sides see before confirming: the code's owner survives, the claimant is joined into them. */
export interface LinkPreview {
  codeId: number;
  expiresAt: Date;
  owner: LinkSide;
  claimant: LinkSide;
}

/** Cases where a right code still cannot join the two accounts. */
export type ClaimRefusal = { ok: false; reason: 'self' } | { ok: false; reason: 'conflict'; channel: string };

/** `invalid` covers unknown, used, expired, malformed and someone else's claim: one answer for all. */
export type ClaimResult = { ok: true; preview: LinkPreview } | { ok: false; reason: 'invalid' } | ClaimRefusal;

export type LinkResult =
  { ok: true; personId: number; displayName: string; mergedId: number; claimChannel: string } | { ok: false; reason: 'invalid' } | ClaimRefusal;

/** Repository port (implemented in `src/db/link-repository.ts`). */
export interface LinkRepository {
  /** A fresh code for `personId` (replacing their unused ones), valid until `expiresAt`. */
  createCode(input: { personId: number; expiresAt: Date }): Promise<string>;
  /**
   * The account `channel`/`externalId` typed a code (case, spaces and dashes ignored): the code is
   * held for that account (another account typing it gets `invalid`) and both sides are returned.
   * Nothing is joined yet.
   */
  claim(input: { code: string; channel: string; externalId: string; now: Date }): Promise<ClaimResult>;
  /** The claiming account confirms; null when the claim is no longer open (expired, declined, not theirs). */
  confirmClaim(input: { codeId: number; channel: string; externalId: string; now: Date }): Promise<LinkPreview | null>;
  /**
   * The code's owner confirms last: in one transaction the code is used up and the claimant's person
   * is merged into the owner's. `invalid` unless the claimant confirmed and the code is still valid.
   */
  complete(input: { codeId: number; ownerId: number; now: Date }): Promise<LinkResult>;
  /** Either side stops the join (the owner by `personId`, the claimant by identity): the code is used up. */
  decline(input: { codeId: number; personId?: number; channel?: string; externalId?: string; now: Date }): Promise<boolean>;
}

/** `K7M2QX4PRT` → `K7M2Q-X4PRT`, easier to read aloud and type. */
export const formatLinkCode = (code: string): string => `${code.slice(0, Math.ceil(code.length / 2))}-${code.slice(Math.ceil(code.length / 2))}`;

const channelsOf = (side: LinkSide): Msg[] => side.channels.map((channel) => msg('channel-name', { channel }));

async function rolesAfter(ctx: Ctx, p: LinkPreview): Promise<{ claimant: Roles; joined: Roles }> {
  const planSlug = ctx.catalog.plan.id;
  const owner = await ctx.services.roles.rolesOf({ personId: p.owner.personId, planSlug });
  const claimant = await ctx.services.roles.rolesOf({ personId: p.claimant.personId, planSlug });
  return { claimant, joined: unionRoles(owner, claimant) };
}
const hasRole = (r: Roles) => r.admin || r.council || r.officerUnits.length > 0;

/** The question to one side, naming both accounts and the roles the joined account will hold. */
async function confirmation(ctx: Ctx, p: LinkPreview, side: 'claimant' | 'owner'): Promise<Reply> {
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
  if (hasRole(roles.claimant)) lines.push(msg('link-staff-warning', { roles: rolesLine(ctx, roles.claimant), owner: p.owner.displayName }));
  lines.push(msg('link-confirm-until', { until: formatLocalDateTime(p.expiresAt, ctx.services.settings.timeZone) }));
  const [yes, no] = side === 'claimant' ? ['y', 'n'] : ['o', 'x'];
  return {
    lines,
    buttons: [
      [
        { label: msg('link-yes'), action: `lk:${yes}:${p.codeId}` },
        { label: msg('link-no'), action: `lk:${no}:${p.codeId}` },
      ],
    ],
  };
}

async function claim(links: LinkRepository, ctx: Ctx, typed: string): Promise<Reply[]> {
  return withAttemptLimit(ctx, 'lienket', typed, async () => {
    const result = await links.claim({ code: typed, channel: ctx.channel, externalId: ctx.message.userId, now: ctx.now });
    if (result.ok) return [await confirmation(ctx, result.preview, 'claimant')];
    if (result.reason === 'self') return [{ lines: [msg('link-self')] }];
    if (result.reason === 'conflict') return [{ lines: [msg('link-conflict', { channel: msg('channel-name', { channel: result.channel }) })] }];
    return 'wrong';
  });
}

async function link(links: LinkRepository, ctx: Ctx, args: string): Promise<Reply[]> {
  // A code shown in a group could be used by anyone there (the group table sends /lienket here too).
  if (ctx.message.chatType !== 'private') return [{ lines: [msg('link-private-only')] }];
  if (args) return claim(links, ctx, args);
  const expiresAt = new Date(ctx.now.getTime() + LINK_CODE_TTL_MS);
  const code = formatLinkCode(await links.createCode({ personId: ctx.personId, expiresAt }));
  return [
    {
      lines: [
        msg('link-code', {
          code,
          until: formatLocalDateTime(expiresAt, ctx.services.settings.timeZone),
          channel: msg('channel-name', { channel: ctx.channel }),
        }),
      ],
    },
  ];
}

/** Buttons `lk:<op>:<codeId>`: y/n by the account that typed the code, o/x by the code's owner. */
async function linkAction(links: LinkRepository, ctx: Ctx, payload: string): Promise<Reply[]> {
  const [op, raw] = payload.split(':');
  const codeId = parseId(raw);
  if (codeId === undefined) return [{ lines: [msg('action-expired')] }];
  const who = { channel: ctx.channel, externalId: ctx.message.userId };
  switch (op) {
    case 'y': {
      const preview = await links.confirmClaim({ codeId, ...who, now: ctx.now });
      if (!preview) return [{ lines: [msg('link-gone')] }];
      await ctx.services.notifier.notify([{ personId: preview.owner.personId, key: `link:${codeId}:owner`, reply: await confirmation(ctx, preview, 'owner') }]);
      return [{ lines: [msg('link-waiting-owner', { owner: preview.owner.displayName, ownerChannels: channelsOf(preview.owner) })] }];
    }
    case 'o': {
      const result = await links.complete({ codeId, ownerId: ctx.personId, now: ctx.now });
      if (result.ok) return [{ lines: [msg('link-ok', { name: result.displayName, channel: msg('channel-name', { channel: result.claimChannel }) })] }];
      if (result.reason === 'conflict') return [{ lines: [msg('link-conflict', { channel: msg('channel-name', { channel: result.channel }) })] }];
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

export function createLinkFeature(links: LinkRepository): Feature {
  return {
    commands: { lienket: (ctx, args) => link(links, ctx, args) },
    actions: {
      lk: (ctx, payload) => (ctx.message.chatType === 'private' ? linkAction(links, ctx, payload) : Promise.resolve([{ lines: [msg('link-private-only')] }])),
      noop: async () => [{ lines: [msg('keep-receiving-ok')] }],
    },
  };
}
