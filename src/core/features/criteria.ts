/**
 * /tieuchi, /chitieu, /moc and free-text questions about the criteria (plan sections III and IV.1).
 */
import { msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { categoryDetailReply, categoryListReply, criteriaSearchReplies } from '../criteria/criteria.ts';
import { targetsReply } from '../plan/targets.ts';
import { timelineReply } from '../plan/timeline.ts';

/** `/moc` with the actual dates set so far; administrators are told how to set them. */
async function timeline(ctx: Ctx): Promise<Reply> {
  const reply = timelineReply(ctx.catalog, ctx.locale, ctx.today, await ctx.services.milestoneDates.list(ctx.catalog.plan.id));
  return ctx.roles.admin ? { ...reply, lines: [...reply.lines, msg('timeline-admin-hint')] } : reply;
}

export const criteriaFeature: Feature = {
  commands: {
    tieuchi: async (ctx, args) => (args ? criteriaSearchReplies(ctx.catalog, args, ctx.locale) : [categoryListReply(ctx.catalog, ctx.locale)]),
    chitieu: async (ctx) => [targetsReply(ctx.catalog, ctx.locale)],
    moc: async (ctx) => [await timeline(ctx)],
  },
  actions: {
    cat: async (ctx, code) => {
      const detail = categoryDetailReply(ctx.catalog, code, ctx.locale);
      if (detail) return [detail];
      const list = categoryListReply(ctx.catalog, ctx.locale);
      return [{ lines: [msg('criteria-unknown-category'), ...list.lines], buttons: list.buttons }];
    },
    criteria: async (ctx) => [categoryListReply(ctx.catalog, ctx.locale)],
    moc: async (ctx) => [await timeline(ctx)],
  },
};
