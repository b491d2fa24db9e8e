/**
 * `/ngaymoc` (alias `/setdate`): the standing office of the Council (administrators) sets the actual
 * date of a review or conference once it is known, or clears it. The plan gives most of them as a
 * year or an occasion ("vào dịp tổng kết công tác năm", "nhân dịp Kỷ niệm 75 năm …"); reminders count
 * down only to exact days, so this is what makes them count down (domain-corrections §3).
 */
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { stepButton, type DialogDefinition, type DialogEngine, type DialogStep } from '../dialog/engine.ts';
import { pick } from '../plan/catalog.ts';
import { formatPlanDate, milestoneLastDay, parseTypedDate } from '../plan/dates.ts';
import type { Milestone } from '../plan/plan-schema.ts';
import { milestoneWhen } from '../plan/timeline.ts';
import { clip } from '../text/fold.ts';

export const MILESTONE_DATE_DIALOG = 'mdate';
const LABEL_MAX = 44;

interface MilestoneDateData {
  code: string;
}

/** Milestones whose date may be set: not yet past (their actual date, else their plan date). */
async function settable(ctx: Ctx): Promise<{ m: Milestone; actual?: string }[]> {
  const actual = await ctx.services.milestoneDates.list(ctx.catalog.plan.id);
  return ctx.catalog.plan.milestones
    .map((m) => ({ m, actual: actual.get(m.code) }))
    .filter(
      ({ m, actual: a }) =>
        milestoneLastDay(m, a) >= ctx.today || (a === undefined && m.precision !== 'DAY' && m.date.slice(0, 4) >= String(Number(ctx.today.slice(0, 4)) - 1)),
    );
}

async function listReply(ctx: Ctx): Promise<Reply> {
  const items = await settable(ctx);
  if (items.length === 0) return { lines: [msg('mdate-none')] };
  const lines: Msg[] = [msg('mdate-title')];
  const buttons: Button[][] = [];
  items.forEach(({ m, actual }, i) => {
    lines.push(msg('mdate-item', { n: i + 1, title: pick(m.title, ctx.locale), when: milestoneWhen(m, ctx.locale, actual) }));
    buttons.push([{ label: msg('mdate-button', { n: i + 1, title: clip(pick(m.title, ctx.locale), LABEL_MAX) }), action: `md:${m.code}` }]);
  });
  lines.push(msg('mdate-hint'));
  return { lines, buttons };
}

const dateStep: DialogStep<Ctx, MilestoneDateData> = {
  prompt: async (ctx, data) => {
    const m = ctx.catalog.plan.milestones.find((x) => x.code === data.code);
    const actual = (await ctx.services.milestoneDates.list(ctx.catalog.plan.id)).get(data.code);
    return {
      lines: [msg('mdate-ask', { title: m ? pick(m.title, ctx.locale) : data.code, when: m ? milestoneWhen(m, ctx.locale, actual) : '' })],
      buttons: actual ? [[stepButton('date', msg('mdate-clear'), 'clear')]] : [],
    };
  },
  handle: async (ctx, data, input) => {
    const m = ctx.catalog.plan.milestones.find((x) => x.code === data.code);
    if (!m) return { done: true, say: [{ lines: [msg('mdate-unknown')] }] };
    const repo = ctx.services.milestoneDates;
    const planSlug = ctx.catalog.plan.id;
    if (input.value === 'clear') {
      await repo.clear({ planSlug, code: m.code });
      return { done: true, say: [{ lines: [msg('mdate-cleared', { title: pick(m.title, ctx.locale), when: milestoneWhen(m, ctx.locale) })] }] };
    }
    const date = parseTypedDate(input.text ?? '');
    if (!date) return { stay: true, say: [{ lines: [msg('mdate-bad-date')] }] };
    await repo.set({ planSlug, code: m.code, date, byId: ctx.personId, now: ctx.now });
    return {
      done: true,
      say: [{ lines: [msg('mdate-set', { title: pick(m.title, ctx.locale), date: formatPlanDate(date), past: date < ctx.today ? 'yes' : 'no' })] }],
    };
  },
};

export const milestoneDateDialog: DialogDefinition<Ctx, MilestoneDateData> = { kind: MILESTONE_DATE_DIALOG, steps: { date: dateStep } };

export function registerMilestoneDateDialog(engine: DialogEngine<Ctx>): void {
  engine.register(milestoneDateDialog);
}

export const milestoneDatesFeature: Feature = {
  commands: {
    ngaymoc: async (ctx) => [await listReply(ctx)],
  },
  actions: {
    md: async (ctx, code) => {
      if (!ctx.roles.admin) return [{ lines: [msg('access-denied', { audience: 'admin' })] }];
      if (!ctx.catalog.plan.milestones.some((m) => m.code === code)) return [{ lines: [msg('mdate-unknown')] }, await listReply(ctx)];
      return ctx.services.dialogs.start(ctx, MILESTONE_DATE_DIALOG, 'date', { code });
    },
  },
};
