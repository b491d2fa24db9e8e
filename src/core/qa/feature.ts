/**
 * Free-text questions (issue 14): classify ({@link ./classify.ts}), then answer short, ask "did you
 * mean …?" with at most three buttons when unsure, or say honestly what the bot can do. Questions
 * not answered with confidence are kept ({@link UnansweredQuestionStore}); `/cauhoi` lists the most
 * frequent recent ones to administrators.
 */
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { categoryListReply } from '../criteria/criteria.ts';
import { targetsReply } from '../plan/targets.ts';
import type { PlanCatalog } from '../plan/catalog.ts';
import { formatLocalDateTime } from '../plan/dates.ts';
import { clip, foldText } from '../text/fold.ts';
import {
  criteriaShortReply,
  datesAnswer,
  generalCriteriaReply,
  targetsAnswer,
  targetsHouseholdsAnswer,
  targetsTotalAnswer,
  type DateTopic,
} from './answer-plan.ts';
import { processAnswer, titleAnswer, UNLISTED_AWARD_WORDS, type ProcessTopic, type Register } from './answer-process.ts';
import { createClassifier, THRESHOLDS, type Classifier, type Slots } from './classify.ts';
import { INTENT_IDS, type IntentId } from './intents.ts';

/** How far back `/cauhoi` looks, in days, and how many groups it lists. */
export const UNANSWERED_DAYS = 30;
export const UNANSWERED_LIMIT = 10;
/** Action prefix of the answer buttons: `qa:<intent>[:<arg>]` (≤ 64 bytes). */
const ACTION = 'qa';

const classifiers = new WeakMap<PlanCatalog, Classifier>();
/** The classifier of a plan, built once per catalog. */
export function classifierFor(catalog: PlanCatalog): Classifier {
  let c = classifiers.get(catalog);
  if (!c) classifiers.set(catalog, (c = createClassifier(catalog)));
  return c;
}

/**
 * Builds what the first question of a plan would build (the classifier and the criteria index,
 * ~45 ms together), so that it is not built while someone waits for an answer. Call it when the bot
 * is idle, e.g. shortly after start; later calls cost nothing.
 */
export function prepareQuestions(catalog: PlanCatalog): void {
  classifierFor(catalog);
  catalog.search.search('', 1);
}

const registerOf = (ctx: Ctx): Register => (ctx.roles.admin || ctx.roles.council || ctx.roles.officerUnits.length > 0 ? 'staff' : 'resident');

/** What the bot can do, in a few lines with three buttons: for "ok", "?", "help", and questions out of scope. */
function canDo(ctx: Ctx, lead: Msg[]): Reply {
  const buttons: Button[][] = [
    [{ label: msg('qa-label', { intent: 'criteria-list' }), action: 'criteria:list' }],
    [{ label: msg('qa-label', { intent: 'targets', unit: 'none' }), action: `${ACTION}:targets` }],
    [{ label: msg('qa-label', { intent: 'process-nominate' }), action: `${ACTION}:process.nominate` }],
  ];
  return { lines: [...lead, msg('qa-can-do', { register: registerOf(ctx) })], buttons };
}

/** The answer to an intent with what the question named. Never a list of categories unless asked. */
export async function answerIntent(ctx: Ctx, intent: IntentId, slots: Slots, tokens: string[] = []): Promise<Reply[]> {
  const { catalog, locale, today } = ctx;
  const register = registerOf(ctx);
  const [family, topic] = intent.split('.') as [string, string | undefined];
  switch (family) {
    case 'criteria': {
      if (topic === 'list') return [categoryListReply(catalog, locale)];
      if (topic === 'general') return [generalCriteriaReply(catalog, locale)];
      const found = catalog.search.search(tokens.join(' '), 3).map((m) => m.code);
      const code = slots.category ?? found[0];
      const reply = code
        ? criteriaShortReply(
            catalog,
            code,
            locale,
            found.filter((c) => c !== code),
          )
        : undefined;
      return [reply ?? { lines: [msg('qa-criteria-which')], buttons: [[{ label: msg('qa-label', { intent: 'criteria-list' }), action: 'criteria:list' }]] }];
    }
    case 'targets':
      if (topic === 'all') return [targetsReply(catalog, locale)];
      if (topic === 'total') return [targetsTotalAnswer(catalog)];
      if (topic === 'households') return [targetsHouseholdsAnswer(catalog, locale)];
      return [targetsAnswer(catalog, { units: slots.units, ownUnits: ctx.roles.officerUnits, locale, register })];
    case 'date': {
      const actual = await ctx.services.milestoneDates.list(catalog.plan.id);
      return [datesAnswer(catalog, (topic ?? 'next') as DateTopic, locale, today, actual)];
    }
    case 'process':
    case 'exemplars': {
      const forms = await ctx.services.awardForms();
      return [processAnswer((topic ?? family) as ProcessTopic, { register, officer: ctx.roles.officerUnits.length > 0, forms, today, locale })];
    }
    case 'title': {
      const forms = await ctx.services.awardForms();
      const unlisted = UNLISTED_AWARD_WORDS.some((w) => w.every((x, i) => tokens.includes(x) && (i === 0 || tokens.indexOf(x) > tokens.indexOf(w[i - 1]!))));
      return [titleAnswer({ codes: unlisted && slots.awards.length === 0 ? [] : slots.awards, unlisted, forms, today, locale, catalog })];
    }
    case 'help':
      return [canDo(ctx, [])];
    case 'ack':
      return [canDo(ctx, [msg('qa-ack')])];
    default:
      return [canDo(ctx, [msg('qa-other')])];
  }
}

/** The button that answers one intent with what the question named. */
function intentButton(ctx: Ctx, intent: IntentId, slots: Slots): Button {
  let arg = '';
  let unit = '';
  if (intent === 'targets' && slots.units.length > 0) {
    arg = slots.units.join(',');
    unit = ctx.catalog.unitName(slots.units[0]!, ctx.locale);
  }
  if (intent === 'criteria' && slots.category) arg = slots.category;
  if (intent === 'title' && slots.awards.length > 0) arg = slots.awards.join(',');
  const action = `${ACTION}:${intent}${arg ? `:${arg}` : ''}`;
  const category = intent === 'criteria' && slots.category ? ctx.catalog.categoryByCode.get(slots.category) : undefined;
  return {
    label: msg('qa-label', {
      intent: intent.replace('.', '-'),
      unit: unit ? clip(unit, 40) : 'none',
      code: category?.code ?? 'none',
      name: category ? clip(category.name[ctx.locale], 36) : '',
    }),
    action: action.length <= 64 ? action : `${ACTION}:${intent}`,
  };
}

/**
 * Answers a free-text question (private chats): in English when the question clearly is, whatever
 * the person's language. Questions answered with "did you mean" or "I can't answer" are kept.
 */
export async function answerQuestion(ctx: Ctx, text: string): Promise<Reply[]> {
  const forms = await ctx.services.awardForms();
  const c = classifierFor(ctx.catalog).classify(text, forms);
  if (c.english) ctx.locale = 'en';
  const top = c.ranked[0]!;
  const keep = (offered: string[]) =>
    ctx.services.unanswered?.record({
      text: clip(text.trim(), 500),
      key: clip(foldText(text), 500),
      locale: ctx.locale,
      channel: ctx.channel,
      offered,
      at: ctx.now,
    });
  if (c.confidence === 'answer' && top.intent !== 'other') return answerIntent(ctx, top.intent, c.slots, c.tokens);
  if (c.confidence === 'clarify') {
    const options = c.ranked.filter((r) => r.intent !== 'other' && r.intent !== 'ack' && r.score >= THRESHOLDS.clarify * 0.75).slice(0, 3);
    if (options.length > 0) {
      await keep(options.map((o) => o.intent));
      return [{ lines: [msg('qa-clarify', { register: registerOf(ctx) })], buttons: options.map((o) => [intentButton(ctx, o.intent, c.slots)]) }];
    }
  }
  await keep([]);
  return answerIntent(ctx, 'other', c.slots, c.tokens);
}

/** `qa:<intent>[:<arg>]`: the answer a "did you mean" or "more" button stands for. */
async function onAction(ctx: Ctx, payload: string): Promise<Reply[]> {
  const [intent, arg = ''] = payload.split(':') as [string, string | undefined];
  if (intent === 'targets.all') return [targetsReply(ctx.catalog, ctx.locale)];
  if (!(INTENT_IDS as readonly string[]).includes(intent)) return [{ lines: [msg('action-expired')] }];
  const args = arg.split(',').filter(Boolean);
  const slots: Slots = { units: [], awards: [], categoryScore: 0 };
  if (intent === 'targets') slots.units = args.filter((u) => ctx.catalog.plan.units.some((x) => x.code === u));
  if (intent === 'criteria' && ctx.catalog.categoryByCode.has(arg)) slots.category = arg;
  if (intent === 'title') slots.awards = args;
  return answerIntent(ctx, intent as IntentId, slots);
}

/** `/cauhoi`: the most frequent unanswered questions of the last {@link UNANSWERED_DAYS} days. */
async function unansweredCommand(ctx: Ctx): Promise<Reply[]> {
  const store = ctx.services.unanswered;
  const since = new Date(ctx.now.getTime() - UNANSWERED_DAYS * 24 * 60 * 60 * 1000);
  const rows = store ? await store.mostFrequent({ since, limit: UNANSWERED_LIMIT }) : [];
  if (rows.length === 0) return [{ lines: [msg('qa-unanswered-none', { days: UNANSWERED_DAYS })] }];
  const lines: Msg[] = [msg('qa-unanswered-title', { days: UNANSWERED_DAYS })];
  rows.forEach((r, i) =>
    lines.push(
      msg('qa-unanswered-item', {
        n: i + 1,
        text: clip(r.text, 120),
        count: r.count,
        last: formatLocalDateTime(r.lastAt, ctx.services.settings.timeZone),
        offered:
          r.offered.length > 0
            ? r.offered.map((o) => msg('qa-label', { intent: o.replace('.', '-'), unit: 'none', code: 'none', name: '' }))
            : msg('qa-offered-none'),
      }),
    ),
  );
  return [{ lines }];
}

export const qaFeature: Feature = {
  commands: { cauhoi: unansweredCommand },
  actions: { [ACTION]: onAction },
};
