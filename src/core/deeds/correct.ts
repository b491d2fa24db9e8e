/**
 * Correcting a good deed's spelling and diacritics before it is published (issue 13: "A moderator
 * can correct spelling and diacritics of a deed before publishing (it will be read on the commune
 * radio), with the teller's original kept"). Residents often type without diacritics ("ba Nam giup
 * do ho ngheo"); the public list, the weekly bulletin and the radio read the corrected text, while
 * the resident's own words stay unchanged in the record (`GoodDeed.original`), shown to moderators.
 *
 * Dialog `deed-correct`, opened by the `vt:ed:<id>` button of the moderation view: three steps —
 * what was done, who did it, where — each showing the current text with "Giữ nguyên". The correction
 * is written at the end, and only then: the person must still be a moderator (the engine's `allowed`
 * runs before every step, and the write re-reads the roles of that very message) and the deed must
 * still be NEW (a published text is never changed; `DeedRepository.correct` is conditional on NEW).
 */
import { deniedReply, mayUse } from '../access.ts';
import { msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { stepButton, type DialogDefinition, type DialogStep, type StepResult } from '../dialog/engine.ts';
import { clip } from '../text/fold.ts';
import type { DeedCorrection, GoodDeed } from './model.ts';
import { cleanText, DEED_LIMITS, textProblem } from './rules.ts';
import { problemMsg } from './submit.ts';

export const CORRECT_DIALOG = 'deed-correct';

/** The deed being corrected and the corrected fields typed so far (absent = kept as it is). */
export interface CorrectData {
  id: number;
  description?: string;
  doerName?: string;
  place?: string;
}

type Field = keyof DeedCorrection;
/** The steps in order: the description first (what the radio reads), then the doer, then the place. */
const STEPS: { step: string; field: Field; limits: readonly [number, number] }[] = [
  { step: 'what', field: 'description', limits: DEED_LIMITS.description },
  { step: 'doer', field: 'doerName', limits: DEED_LIMITS.doer },
  { step: 'place', field: 'place', limits: DEED_LIMITS.place },
];

const isModerator = (ctx: Ctx) => mayUse(ctx.roles, 'moderator');
const say = (key: string, args?: Record<string, string | number>): Reply[] => [{ lines: [msg(key, args)] }];

/**
 * Opens the correction dialog for a NEW deed (the caller has checked the moderator role).
 * @returns the first step's prompt, or "already handled" when the deed is no longer NEW.
 */
export async function startCorrection(ctx: Ctx, deed: GoodDeed): Promise<Reply[]> {
  if (deed.state !== 'NEW') return say('deed-already-handled', { ref: deed.ref });
  return ctx.services.dialogs.start<CorrectData>(ctx, CORRECT_DIALOG, 'what', { id: deed.id });
}

/**
 * Writes the correction: re-checks the role and the deed's state at this moment, skips a correction
 * that changes nothing, and answers with the deed as it will be published (via `show`).
 */
async function write(ctx: Ctx, data: CorrectData, show: (ctx: Ctx, id: number) => Promise<Reply[]>): Promise<Reply[]> {
  if (!isModerator(ctx)) return [deniedReply('moderator')];
  const deed = await ctx.services.deeds.get(data.id);
  if (!deed) return say('deed-not-found');
  if (deed.state !== 'NEW') return say('deed-already-handled', { ref: deed.ref });
  const text: DeedCorrection = {
    description: data.description ?? deed.description,
    doerName: data.doerName ?? deed.doerName,
    place: data.place ?? deed.place,
  };
  if (text.description === deed.description && text.doerName === deed.doerName && text.place === deed.place) {
    return [...say('deed-correct-unchanged', { ref: deed.ref }), ...(await show(ctx, deed.id))];
  }
  const done = await ctx.services.deeds.correct({ id: deed.id, moderatorId: ctx.personId, text, now: ctx.now });
  if (!done) return say('deed-already-handled', { ref: deed.ref });
  return [...say('deed-correct-done', { ref: deed.ref }), ...(await show(ctx, deed.id))];
}

/**
 * The correction dialog. `show` renders the deed with its moderation buttons after the write (given
 * by `moderate.ts`, which owns that view, to keep the import one-way).
 */
export function correctDialog(show: (ctx: Ctx, id: number) => Promise<Reply[]>): DialogDefinition<Ctx, CorrectData> {
  const steps: Record<string, DialogStep<Ctx, CorrectData>> = {};
  STEPS.forEach(({ step, field, limits }, i) => {
    const next = STEPS[i + 1]?.step;
    const advance = async (ctx: Ctx, data: CorrectData): Promise<StepResult<CorrectData>> =>
      next ? { next, data } : { done: true, say: await write(ctx, data, show) };
    steps[step] = {
      prompt: async (ctx, data) => {
        const deed = await ctx.services.deeds.get(data.id);
        const current = data[field] ?? deed?.[field] ?? '';
        return {
          lines: [
            msg('deed-correct-ask', { ref: deed?.ref ?? '', n: i + 1, total: STEPS.length, field }), // In <code> so that Telegram copies it on a tap: the moderator edits it instead of typing it all again.
            msg('deed-correct-current', { value: clip(current, 1000) }),
            msg('deed-correct-hint'),
          ],
          buttons: [[stepButton(step, msg('register-keep'), 'keep')]],
        };
      },
      handle: async (ctx, data, input) => {
        if (input.value === 'keep') return advance(ctx, data);
        if (input.value !== undefined) return { stay: true, say: say('register-choose-button') };
        if (input.attachments?.length) return { stay: true, say: say('register-text-expected') };
        const value = cleanText(input.text);
        const problem = textProblem(value, limits);
        if (problem) return { stay: true, say: [{ lines: [problemMsg(problem)] }] };
        return advance(ctx, { ...data, [field]: value });
      },
    };
  });
  return { kind: CORRECT_DIALOG, allowed: isModerator, steps };
}
