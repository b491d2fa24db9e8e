/**
 * Linking one person's accounts on two channels (implements core's {@link LinkRepository}).
 *
 * - A link code is 10 characters of the invite alphabet (no 0/O, 1/I/L), single use, short-lived.
 *   A person holds at most one unused code: asking again replaces it.
 * - Joining takes three steps (issue [3/9]): the other account types the code ({@link LinkRepository.claim}: the
 *   code is held for that account alone), confirms after seeing both accounts and the roles that
 *   follow ({@link LinkRepository.confirmClaim}), and the code's owner confirms last ({@link LinkRepository.complete}).
 * - Completing is one transaction: the code is taken with a conditional `UPDATE … WHERE usedAt IS
 *   NULL AND expiresAt > now` (of two completions at once exactly one wins), then every identity of
 *   the redeeming person moves to the code's owner (the surviving person), and everything the
 *   redeeming person owned is re-pointed to the survivor before their row is deleted: role grants,
 *   nominations proposed, votes, history entries, notes, commendations, good deeds and additions,
 *   deed blocks, preferences, an open dialog, queued outbox messages, invites, link codes.
 * - Where both people hold a row a unique index allows once (the same role, a vote in the same
 *   round, a preference of the same kind, an open dialog, a deed block), the survivor's row is kept
 *   and the other one dropped.
 * - Two accounts on the same channel are never joined into one person: proactive messages go to
 *   one identity per channel, and a second Telegram account is more likely a mistake (or someone
 *   else's code) than the same person.
 *
 * @module
 */
import type { ClaimRefusal, ClaimResult, LinkRepository, LinkResult, LinkSide } from '../core/features/link.ts';
import type { PrismaClient } from './client.ts';
import { INVITE_ALPHABET, randomCode } from './role-repository.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
type Db = PrismaClient | Tx;

/**
 * Characters in a link code: 31^10 ≈ 8.2e14 codes (≈ 49.5 bits), stronger than an invite code
 * (31^8 ≈ 8.5e11), valid for minutes and once, and only after both accounts confirm.
 */
export const LINK_CODE_LENGTH = 10;

export const generateLinkCode = (): string => randomCode(LINK_CODE_LENGTH);

/** What a person typed → the stored form of a link code, or `null` when it cannot be one. */
export function normalizeLinkCode(input: string): string | null {
  const code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (code.length !== LINK_CODE_LENGTH) return null;
  for (const ch of code) if (!INVITE_ALPHABET.includes(ch)) return null;
  return code;
}

/**
 * Moves everything of person `fromId` to person `toId`, then deletes `fromId`. Call inside a
 * transaction.
 */
export async function mergePeople(tx: Tx, fromId: number, toId: number): Promise<void> {
  await tx.identity.updateMany({ where: { personId: fromId }, data: { personId: toId } });

  // Role grants: (personId, role, unitId) is unique, and SQLite lets NULL unit ids repeat, so check.
  for (const g of await tx.roleGrant.findMany({ where: { personId: fromId } })) {
    const dup = await tx.roleGrant.findFirst({ where: { personId: toId, role: g.role, unitId: g.unitId }, select: { id: true } });
    if (dup) await tx.roleGrant.delete({ where: { id: g.id } });
    else await tx.roleGrant.update({ where: { id: g.id }, data: { personId: toId } });
  }
  await tx.roleGrant.updateMany({ where: { grantedById: fromId }, data: { grantedById: toId } });

  // Nominations and their history.
  await tx.nomination.updateMany({ where: { proposerId: fromId }, data: { proposerId: toId } });
  await tx.nominationEvent.updateMany({ where: { actorId: fromId }, data: { actorId: toId } });
  await tx.nominationNote.updateMany({ where: { authorId: fromId }, data: { authorId: toId } });
  // Council records (issue 12): rounds, meetings, decisions, proposals keep who did what.
  await tx.reviewRound.updateMany({ where: { openedById: fromId }, data: { openedById: toId } });
  await tx.reviewRound.updateMany({ where: { closedById: fromId }, data: { closedById: toId } });
  await tx.councilMeeting.updateMany({ where: { chairId: fromId }, data: { chairId: toId } });
  await tx.councilMeeting.updateMany({ where: { secretaryId: fromId }, data: { secretaryId: toId } });
  await tx.councilMeeting.updateMany({ where: { recordedById: fromId }, data: { recordedById: toId } });
  await tx.councilMeetingAttendee.updateMany({ where: { personId: fromId }, data: { personId: toId } });
  await tx.decision.updateMany({ where: { recordedById: fromId }, data: { recordedById: toId } });
  await tx.proposal.updateMany({ where: { recordedById: fromId }, data: { recordedById: toId } });
  await tx.proposalItem.updateMany({ where: { outcomeById: fromId }, data: { outcomeById: toId } });
  for (const v of await tx.vote.findMany({ where: { voterId: fromId } })) {
    const dup = await tx.vote.findFirst({ where: { nominationId: v.nominationId, round: v.round, voterId: toId }, select: { id: true } });
    if (dup) await tx.vote.delete({ where: { id: v.id } });
    else await tx.vote.update({ where: { id: v.id }, data: { voterId: toId } });
  }

  // Good deeds.
  await tx.goodDeed.updateMany({ where: { submitterId: fromId }, data: { submitterId: toId } });
  await tx.goodDeed.updateMany({ where: { moderatorId: fromId }, data: { moderatorId: toId } });
  await tx.goodDeedAddition.updateMany({ where: { submitterId: fromId }, data: { submitterId: toId } });
  const block = await tx.deedBlock.findUnique({ where: { personId: fromId } });
  if (block) {
    if (await tx.deedBlock.findUnique({ where: { personId: toId }, select: { id: true } })) await tx.deedBlock.delete({ where: { id: block.id } });
    else await tx.deedBlock.update({ where: { id: block.id }, data: { personId: toId } });
  }
  await tx.deedBlock.updateMany({ where: { byId: fromId }, data: { byId: toId } });

  // Preferences: the survivor's choice wins where both chose.
  for (const p of await tx.preference.findMany({ where: { personId: fromId } })) {
    const dup = await tx.preference.findUnique({ where: { personId_kind: { personId: toId, kind: p.kind } }, select: { id: true } });
    if (dup) await tx.preference.delete({ where: { id: p.id } });
    else await tx.preference.update({ where: { id: p.id }, data: { personId: toId } });
  }

  // One open dialog per person: the survivor's wins.
  const dialog = await tx.dialogState.findUnique({ where: { personId: fromId }, select: { id: true } });
  if (dialog) {
    if (await tx.dialogState.findUnique({ where: { personId: toId }, select: { id: true } })) await tx.dialogState.delete({ where: { id: dialog.id } });
    else await tx.dialogState.update({ where: { id: dialog.id }, data: { personId: toId } });
  }

  // Queued messages keep their channel and chat; invites and link codes keep their history.
  await tx.outboxMessage.updateMany({ where: { personId: fromId }, data: { personId: toId } });
  await tx.invite.updateMany({ where: { createdById: fromId }, data: { createdById: toId } });
  await tx.invite.updateMany({ where: { usedById: fromId }, data: { usedById: toId } });
  await tx.linkCode.deleteMany({ where: { personId: fromId, usedAt: null } });
  await tx.linkCode.updateMany({ where: { personId: fromId }, data: { personId: toId } });

  const from = await tx.person.findUniqueOrThrow({ where: { id: fromId } });
  const to = await tx.person.findUniqueOrThrow({ where: { id: toId } });
  // A language chosen on either account is kept (holds are per identity: each keeps its own).
  await tx.person.update({ where: { id: toId }, data: { locale: to.locale ?? from.locale } });
  await tx.person.delete({ where: { id: fromId } });
}

export function createLinkRepository(prisma: PrismaClient): LinkRepository {
  /** The people behind a code's owner and an identity, with their channels. */
  async function sides(db: Db, ownerId: number, channel: string, externalId: string) {
    const identity = await db.identity.findUnique({ where: { channel_externalId: { channel, externalId } } });
    const owner = await db.person.findUnique({ where: { id: ownerId }, include: { identities: { select: { channel: true } } } });
    if (!identity || !owner) return null;
    const claimant = await db.person.findUniqueOrThrow({ where: { id: identity.personId }, include: { identities: { select: { channel: true } } } });
    const side = (p: typeof owner): LinkSide => ({
      personId: p.id,
      displayName: p.displayName,
      channels: [...new Set(p.identities.map((i) => i.channel))].sort(),
    });
    return { owner: side(owner), claimant: side(claimant) };
  }

  /** Why these two cannot be joined, or null when they can. */
  function refusal(s: { owner: LinkSide; claimant: LinkSide }): ClaimRefusal | null {
    if (s.owner.personId === s.claimant.personId) return { ok: false, reason: 'self' };
    const clash = s.claimant.channels.find((c) => s.owner.channels.includes(c));
    return clash ? { ok: false, reason: 'conflict', channel: clash } : null;
  }

  return {
    async createCode({ personId, expiresAt }) {
      await prisma.linkCode.deleteMany({ where: { personId, usedAt: null } });
      for (let attempt = 0; ; attempt++) {
        const code = generateLinkCode();
        try {
          await prisma.linkCode.create({ data: { code, personId, expiresAt } });
          return code;
        } catch (error) {
          const taken = await prisma.linkCode.findUnique({ where: { code }, select: { id: true } });
          if (!taken || attempt >= 4) throw error;
        }
      }
    },

    async claim({ code: input, channel, externalId, now }): Promise<ClaimResult> {
      const code = normalizeLinkCode(input);
      if (code === null) return { ok: false, reason: 'invalid' };
      return prisma.$transaction(async (tx): Promise<ClaimResult> => {
        const row = await tx.linkCode.findUnique({ where: { code } });
        // Unknown, used, expired, or already typed by another account: one answer for all.
        if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'invalid' };
        if (row.claimChannel !== null && (row.claimChannel !== channel || row.claimExternalId !== externalId)) return { ok: false, reason: 'invalid' };
        const both = await sides(tx, row.personId, channel, externalId);
        if (!both) return { ok: false, reason: 'invalid' };
        const refused = refusal(both);
        if (refused) return refused;
        await tx.linkCode.update({ where: { id: row.id }, data: { claimChannel: channel, claimExternalId: externalId } });
        return { ok: true, preview: { codeId: row.id, expiresAt: row.expiresAt, ...both } };
      });
    },

    async confirmClaim({ codeId, channel, externalId, now }) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.linkCode.updateMany({
          where: { id: codeId, usedAt: null, expiresAt: { gt: now }, claimChannel: channel, claimExternalId: externalId, claimConfirmedAt: null },
          data: { claimConfirmedAt: now },
        });
        if (count !== 1) return null;
        const row = await tx.linkCode.findUniqueOrThrow({ where: { id: codeId } });
        const both = await sides(tx, row.personId, channel, externalId);
        return both && !refusal(both) ? { codeId, expiresAt: row.expiresAt, ...both } : null;
      });
    },

    async complete({ codeId, ownerId, now }): Promise<LinkResult> {
      return prisma.$transaction(async (tx): Promise<LinkResult> => {
        const row = await tx.linkCode.findUnique({ where: { id: codeId } });
        if (!row || row.personId !== ownerId || !row.claimConfirmedAt || !row.claimChannel || !row.claimExternalId) return { ok: false, reason: 'invalid' };
        const both = await sides(tx, row.personId, row.claimChannel, row.claimExternalId);
        if (!both) return { ok: false, reason: 'invalid' };
        const refused = refusal(both);
        if (refused) return refused;
        // Of two confirmations at once exactly one takes the code.
        const taken = await tx.linkCode.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
        if (taken.count !== 1) return { ok: false, reason: 'invalid' };
        await mergePeople(tx, both.claimant.personId, both.owner.personId);
        return {
          ok: true,
          personId: both.owner.personId,
          displayName: both.owner.displayName,
          mergedId: both.claimant.personId,
          claimChannel: row.claimChannel,
        };
      });
    },

    async decline({ codeId, personId, channel, externalId, now }) {
      // Either side may stop it: the owner (by person) or the account that typed the code.
      const who = personId !== undefined ? { personId } : { claimChannel: channel, claimExternalId: externalId };
      const { count } = await prisma.linkCode.updateMany({ where: { id: codeId, usedAt: null, ...who }, data: { usedAt: now } });
      return count === 1;
    },
  };
}
