/**
 * One person, two channels: `/lienket` (alias `/link`) on one channel gives a short single-use code;
 * `/lienket CODE` on the other channel joins that account to the code's owner, so roles, nominations,
 * good deeds, preferences and an open dialog follow the person.
 *
 * Also the `noop` action: the "keep receiving messages" button every proactive Zalo message carries
 * (tapping it is an interaction that renews Zalo's 7-day window); core only acknowledges it.
 */
import { msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { formatLocalDateTime } from '../plan/dates.ts';

/** How long a link code stays valid: 10 minutes, in milliseconds. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;

export type LinkResult =
  | { ok: true; personId: number; displayName: string; mergedId: number }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'self' }
  | { ok: false; reason: 'conflict'; channel: string };

/** Repository port (implemented in `src/db/link-repository.ts`). */
export interface LinkRepository {
  /** A fresh code for `personId` (replacing their unused ones), valid until `expiresAt`. */
  createCode(input: { personId: number; expiresAt: Date }): Promise<string>;
  /**
   * Redeems a code (case, spaces and dashes ignored) for the identity `channel`/`externalId`: in one
   * transaction the code is used up and that identity's person is merged into the code's owner.
   */
  redeem(input: { code: string; channel: string; externalId: string; now: Date }): Promise<LinkResult>;
}

/** `K7M2QX` → `K7M-2QX`, easier to read aloud and type. */
export const formatLinkCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;

async function link(links: LinkRepository, ctx: Ctx, args: string): Promise<Reply[]> {
  // A code shown in a group could be used by anyone there.
  if (ctx.message.chatType !== 'private') return [{ lines: [msg('link-private-only')] }];
  if (!args) {
    const expiresAt = new Date(ctx.now.getTime() + LINK_CODE_TTL_MS);
    const code = formatLinkCode(await links.createCode({ personId: ctx.personId, expiresAt }));
    return [{ lines: [msg('link-code', { code, until: formatLocalDateTime(expiresAt, ctx.services.settings.timeZone), channel: msg('channel-name', { channel: ctx.channel }) })] }];
  }
  const result = await links.redeem({ code: args, channel: ctx.channel, externalId: ctx.message.userId, now: ctx.now });
  if (!result.ok) {
    if (result.reason === 'conflict') return [{ lines: [msg('link-conflict', { channel: msg('channel-name', { channel: result.channel }) })] }];
    return [{ lines: [msg('link-failed', { reason: result.reason })] }];
  }
  return [{ lines: [msg('link-ok', { name: result.displayName, channel: msg('channel-name', { channel: ctx.channel }) })] }];
}

export function createLinkFeature(links: LinkRepository): Feature {
  return {
    commands: { lienket: (ctx, args) => link(links, ctx, args) },
    actions: { noop: async () => [{ lines: [msg('keep-receiving-ok')] }] },
  };
}
