/**
 * `/viectot` (alias `/gooddeed`): a resident tells a good deed (issue [3/5]).
 *
 * who did it → what → where (a village of the plan, or free text) → when → photos (optional, up to
 * {@link MAX_DEED_PHOTOS}) → credit by name in public or not → summary, saying who will see what →
 * similar deeds already known, if any (add to one of them instead) → reference code.
 *
 * No phone number is asked. Abuse limits: a blocked person and a person who reached the daily limit
 * are refused politely (at the start and again on sending); links and repeated text are refused.
 */
import { sampleWarning } from '../plan/sample.ts';
import { tellModeratorsDeedArrived } from './moderation-loop.ts';
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { stepButton, type DialogDefinition, type DialogStep, type StepResult } from '../dialog/engine.ts';
import { formatPlanDate } from '../plan/dates.ts';
import type { DeedPhoto, GoodDeed } from './model.ts';
import { cleanText, DEED_LIMITS, MAX_DEED_PHOTOS, REPEAT_WINDOW_DAYS, startOfLocalDay, textProblem, type TextProblem } from './rules.ts';
import { textKey } from './similar.ts';
import { clip } from '../text/fold.ts';
import { deedLines, knownLike, similarLine } from './view.ts';

export const DEED_DIALOG = 'deed';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeedData {
  doerName?: string;
  description?: string;
  place?: string;
  whenText?: string;
  photos: DeedPhoto[];
  creditName?: boolean;
}

type Step = DialogStep<Ctx, DeedData>;
const stay = (key: string, args?: Record<string, string | number>): StepResult<DeedData> => ({ stay: true, say: [{ lines: [msg(key, args)] }] });

/** The message explaining why a typed answer is refused. */
export function problemMsg(p: TextProblem): Msg {
  switch (p.code) {
    case 'too-short':
      return msg('register-too-short', { min: p.min });
    case 'too-long':
      return msg('register-too-long', { max: p.max, length: p.length });
    case 'need-letters':
      return msg('register-need-letters');
    case 'link':
      return msg('deed-link-refused');
    case 'repeated':
      return msg('deed-repeated-refused');
  }
}

/** Why this person may not send a deed now (blocked, or the daily limit reached), if so. */
export async function submitRefusal(ctx: Ctx): Promise<Reply | null> {
  const { deeds, settings } = ctx.services;
  if (await deeds.isBlocked(ctx.personId)) return { lines: [msg('deed-blocked')] };
  const today = await deeds.recentSubmissions({ submitterId: ctx.personId, since: startOfLocalDay(ctx.today, settings.timeZone) });
  if (today.length >= settings.deedDailyLimit) return { lines: [msg('deed-limit', { limit: settings.deedDailyLimit })] };
  return null;
}

/** Extras of a text step: buttons besides "keep", and what a tap on one of them means. */
interface TextExtras {
  buttons?: (ctx: Ctx) => Button[][];
  /** A tapped value other than "keep": the answer it stands for, or `undefined` for none. */
  chosen?: (ctx: Ctx, value: string) => string | undefined;
  /** A further check of a typed answer: the refusal to show, or `null`. */
  check?: (ctx: Ctx, value: string) => Promise<Msg | null>;
}

/** A text step: typed answer checked by {@link textProblem}; "keep" when going back to it. */
function textStep(
  step: string,
  next: string,
  field: 'doerName' | 'description' | 'place' | 'whenText',
  limits: readonly [number, number],
  extra: TextExtras = {},
): Step {
  return {
    prompt: (ctx, data) => {
      const choices = extra.buttons?.(ctx) ?? [];
      return {
        lines: [msg(`deed-ask-${step}`, { choices: choices.length }), ...(data[field] ? [msg('register-current', { value: clip(data[field]!, 300) })] : [])],
        buttons: [...choices, ...(data[field] ? [[stepButton(step, msg('register-keep'), 'keep')]] : [])],
      };
    },
    handle: async (ctx, data, input) => {
      if (input.value === 'keep' && data[field]) return { next, data };
      if (input.value !== undefined) {
        const value = extra.chosen?.(ctx, input.value);
        return value ? { next, data: { ...data, [field]: value } } : stay('register-choose-button');
      }
      if (input.attachments?.length) return stay('register-text-expected');
      const value = cleanText(input.text);
      const problem = textProblem(value, limits);
      if (problem) return { stay: true, say: [{ lines: [problemMsg(problem)] }] };
      const refused = await extra.check?.(ctx, value);
      if (refused) return { stay: true, say: [{ lines: [refused] }] };
      return { next, data: { ...data, [field]: value } };
    },
  };
}

/** Refuses a description the person already sent in the last {@link REPEAT_WINDOW_DAYS} days. */
async function notSentBefore(ctx: Ctx, value: string): Promise<Msg | null> {
  const since = new Date(ctx.now.getTime() - REPEAT_WINDOW_DAYS * DAY_MS);
  const mine = await ctx.services.deeds.recentSubmissions({ submitterId: ctx.personId, since });
  const key = textKey(value);
  // An addition's text holds the description among other words: containing it is sending it again.
  return mine.some((s) => s.textKey.includes(key)) ? msg('deed-already-sent', { days: REPEAT_WINDOW_DAYS }) : null;
}

/** `YYYY-MM-DD` of `days` before the calendar date `date`. */
const daysBefore = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
};

/** Where: the plan's villages as buttons (stored by their Vietnamese name), or free text. */
const placeStep: Step = textStep('place', 'when', 'place', DEED_LIMITS.place, {
  buttons: (ctx) => ctx.catalog.plan.villages.map((v, i) => [stepButton('place', msg('plain', { text: v[ctx.locale] }), `v${i}`)]),
  chosen: (ctx, value) => (/^v\d+$/.test(value) ? ctx.catalog.plan.villages[Number(value.slice(1))]?.vi : undefined),
});

/** When: today or yesterday (stored as the local date, so a bulletin read later stays right), or free text. */
const whenStep: Step = textStep('when', 'photo', 'whenText', DEED_LIMITS.when, {
  buttons: () => [[stepButton('when', msg('deed-when-today'), 'today'), stepButton('when', msg('deed-when-yesterday'), 'yday')]],
  chosen: (ctx, value) => (value === 'today' || value === 'yday' ? formatPlanDate(daysBefore(ctx.today, value === 'today' ? 0 : 1)) : undefined),
});

const photoStep: Step = {
  prompt: (_ctx, data) => ({
    lines: [msg('deed-ask-photo', { max: MAX_DEED_PHOTOS }), ...(data.photos.length ? [msg('deed-photo-count', { count: data.photos.length })] : [])],
    buttons: [[stepButton('photo', msg(data.photos.length ? 'deed-photo-done' : 'deed-photo-skip', { count: data.photos.length }), 'ok')]],
  }),
  handle: (_ctx, data, input) => {
    if (input.value === 'ok') return { next: 'credit', data };
    if (!input.attachments?.length) return stay('deed-photo-expected');
    const photos = input.attachments.filter((a) => a.kind === 'PHOTO');
    if (photos.length === 0) return stay('deed-photo-only');
    const all = [...data.photos, ...photos.map((a) => ({ channel: a.channel, fileRef: a.fileRef }))].slice(0, MAX_DEED_PHOTOS);
    const dropped = data.photos.length + photos.length - all.length;
    return {
      stay: true,
      data: { ...data, photos: all },
      say: [{ lines: [msg('deed-photo-received', { count: all.length }), ...(dropped > 0 ? [msg('deed-photo-limit', { max: MAX_DEED_PHOTOS })] : [])] }],
    };
  },
};

const creditStep: Step = {
  prompt: (ctx) => ({
    lines: [msg('deed-ask-credit'), msg('deed-privacy-officers')],
    buttons: [
      [stepButton('credit', msg('deed-credit-yes', { name: clip(ctx.person.displayName, 40) }), 'yes')],
      [stepButton('credit', msg('deed-credit-no'), 'no')],
    ],
  }),
  handle: (_ctx, data, input) =>
    input.value === 'yes' || input.value === 'no' ? { next: 'sum', data: { ...data, creditName: input.value === 'yes' } } : stay('register-choose-button'),
};

/** Who will see what, in the resident's words. */
const privacyLine = (ctx: Ctx, creditName: boolean): Msg => msg('deed-privacy', { named: creditName ? 'yes' : 'no', name: ctx.person.displayName });

const summaryStep: Step = {
  prompt: (ctx, data) => ({
    lines: [msg('deed-summary-title'), ...deedLines({ ...data, photoCount: data.photos.length }), privacyLine(ctx, data.creditName ?? false)],
    buttons: [[stepButton('sum', msg('deed-send'), 'ok')]],
  }),
  handle: async (ctx, data, input) => {
    if (input.value !== 'ok') return stay('register-choose-button');
    const refused = await submitRefusal(ctx);
    if (refused) return { done: true, say: [refused] };
    return (await similarTo(ctx, data)).length > 0 ? { next: 'similar', data } : submit(ctx, data);
  },
};

/** Known deeds like the one told so far, most alike first. */
const similarTo = (ctx: Ctx, data: DeedData): Promise<GoodDeed[]> =>
  knownLike(ctx, { doerName: data.doerName ?? '', place: data.place ?? '', description: data.description ?? '' });

const similarStep: Step = {
  prompt: async (ctx, data) => {
    const similar = await similarTo(ctx, data);
    return {
      lines: [msg('deed-similar-title', { count: similar.length }), ...similar.map((d) => similarLine(d, true)), msg('deed-similar-hint')],
      buttons: [
        ...similar.map((d) => [stepButton('similar', msg('deed-similar-add', { ref: d.ref }), `a${d.id}`)]),
        [stepButton('similar', msg('deed-similar-new'), 'new')],
      ],
    };
  },
  handle: async (ctx, data, input) => {
    if (input.value === 'new') return submit(ctx, data);
    const add = /^a(\d+)$/.exec(input.value ?? '');
    if (!add) return stay('register-choose-button');
    const target = (await similarTo(ctx, data)).find((d) => d.id === Number(add[1]));
    if (!target) return stay('register-choose-button');
    const refused = await submitRefusal(ctx);
    if (refused) return { done: true, say: [refused] };
    const text = `${data.doerName} — ${data.description} (${data.place}, ${data.whenText})`;
    const added = await ctx.services.deeds.addTo({
      deedId: target.id,
      submitterId: ctx.personId,
      text,
      creditName: data.creditName ?? false,
      photos: data.photos,
      now: ctx.now,
    });
    if (!added) return stay('deed-gone');
    return { done: true, say: [{ lines: [msg('deed-added', { ref: added.ref }), privacyLine(ctx, data.creditName ?? false)] }] };
  },
};

async function submit(ctx: Ctx, data: DeedData): Promise<StepResult<DeedData>> {
  const refused = await submitRefusal(ctx);
  if (refused) return { done: true, say: [refused] };
  const deed = await ctx.services.deeds.create({
    draft: {
      doerName: data.doerName!,
      description: data.description!,
      place: data.place!,
      whenText: data.whenText!,
      creditName: data.creditName ?? false,
      photos: data.photos,
    },
    submitterId: ctx.personId,
    now: ctx.now,
  });
  await tellModeratorsDeedArrived(ctx);
  return { done: true, say: [{ lines: [msg('deed-submitted', { ref: deed.ref }), privacyLine(ctx, deed.creditName), msg('deed-submitted-next')] }] };
}

export const deedDialog: DialogDefinition<Ctx, DeedData> = {
  kind: DEED_DIALOG,
  steps: {
    doer: textStep('doer', 'what', 'doerName', DEED_LIMITS.doer),
    what: textStep('what', 'place', 'description', DEED_LIMITS.description, { check: notSentBefore }),
    place: placeStep,
    when: whenStep,
    photo: photoStep,
    credit: creditStep,
    sum: summaryStep,
    similar: similarStep,
  },
};

/** `/viectot`: resumes an open deed dialog, or starts one unless the person may not send now. */
export async function startDeed(ctx: Ctx): Promise<Reply[]> {
  const open = await ctx.services.dialogs.current(ctx.personId);
  const sample = sampleWarning(ctx);
  const warned = (replies: Reply[]): Reply[] => (sample ? [sample, ...replies] : replies);
  if (open?.kind === DEED_DIALOG) return warned(await ctx.services.dialogs.resume(ctx, open));
  const refused = await submitRefusal(ctx);
  if (refused) return [refused];
  return warned([{ lines: [msg('deed-intro')] }, ...(await ctx.services.dialogs.start(ctx, DEED_DIALOG, 'doer', { photos: [] } satisfies DeedData))]);
}
