/**
 * Nurturing notes (bồi dưỡng), replication activities (nhân rộng) and annotations on a nomination.
 * (Awards are recorded through the decision chain: `../council/decide.ts`.)
 */
import { msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { DialogDefinition } from '../dialog/engine.ts';
import { clip } from '../text/fold.ts';
import { NominationError, type NoteKind } from './model.ts';
import { handles } from './view.ts';

export const NOTE_DIALOG = 'note';
export const WITHDRAW_DIALOG = 'withdraw';

const say = (key: string, args?: Record<string, string | number>) => [{ lines: [msg(key, args)] }];

interface NoteData {
  id: number;
  kind: NoteKind;
}

export const noteDialog: DialogDefinition<Ctx, NoteData> = {
  kind: NOTE_DIALOG,
  // Whoever handles the nomination now (an officer of its unit, the council, an administrator).
  allowed: async (ctx, d) => {
    const n = await ctx.services.nominations.get(d.id);
    return n !== null && handles(ctx, n);
  },
  steps: {
    text: {
      prompt: (_ctx, d) => ({ lines: [msg('note-ask', { kind: msg('note-kind', { kind: d.kind }), id: d.id })] }),
      handle: async (ctx, d, input) => {
        const text = (input.text ?? '').trim();
        if (text.length < 5) return { stay: true, say: say('register-too-short', { min: 5 }) };
        if (text.length > 2000) return { stay: true, say: say('register-too-long', { max: 2000, length: text.length }) };
        await ctx.services.nominations.annotate({ id: d.id, kind: d.kind, text, authorId: ctx.personId, now: ctx.now });
        return { done: true, say: [{ lines: [msg('note-saved', { kind: msg('note-kind', { kind: d.kind }), id: d.id })] }] };
      },
    },
  },
};

export const startNote = (ctx: Ctx, id: number, kind: NoteKind): Promise<Reply[]> =>
  ctx.services.dialogs.start(ctx, NOTE_DIALOG, 'text', { id, kind } satisfies NoteData);

/** Rút hồ sơ: an officer of the unit withdraws a SUBMITTED or RETURNED nomination, with a reason. */
export const withdrawDialog: DialogDefinition<Ctx, { id: number }> = {
  kind: WITHDRAW_DIALOG,
  // Still an officer of the nomination's unit at every step (security: authorization at write).
  allowed: async (ctx, d) => {
    const n = await ctx.services.nominations.get(d.id);
    return n !== null && ctx.roles.officerUnits.includes(n.unitCode);
  },
  steps: {
    reason: {
      prompt: (_ctx, d) => ({ lines: [msg('withdraw-ask-reason', { id: d.id })] }),
      handle: async (ctx, d, input) => {
        const reason = (input.text ?? '').replace(/\s+/g, ' ').trim();
        if (reason.length < 5) return { stay: true, say: say('register-too-short', { min: 5 }) };
        const n = await ctx.services.nominations.get(d.id);
        if (!n || !ctx.roles.officerUnits.includes(n.unitCode)) return { done: true, say: say('access-denied', { audience: 'officer' }) };
        try {
          await ctx.services.nominations.withdraw({ id: d.id, actorId: ctx.personId, reason: clip(reason, 1000), now: ctx.now });
        } catch (error) {
          if (error instanceof NominationError) return { done: true, say: say('review-error', { code: error.code }) };
          throw error;
        }
        return { done: true, say: say('withdraw-saved', { id: d.id }) };
      },
    },
  },
};

export const startWithdrawal = (ctx: Ctx, id: number): Promise<Reply[]> => ctx.services.dialogs.start(ctx, WITHDRAW_DIALOG, 'reason', { id });
