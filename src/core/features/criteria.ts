/**
 * /tieuchi, /chitieu, /moc and free-text questions about the criteria (plan sections III and IV.1).
 */
import { msg } from '../channel.ts';
import type { Feature } from '../context.ts';
import { categoryDetailReply, categoryListReply, criteriaSearchReplies } from '../criteria/criteria.ts';
import { targetsReply } from '../plan/targets.ts';
import { timelineReply } from '../plan/timeline.ts';

export const criteriaFeature: Feature = {
  commands: {
    tieuchi: async (ctx, args) => (args ? criteriaSearchReplies(ctx.catalog, args, ctx.locale) : [categoryListReply(ctx.catalog, ctx.locale)]),
    chitieu: async (ctx) => [targetsReply(ctx.catalog, ctx.locale)],
    moc: async (ctx) => [timelineReply(ctx.catalog, ctx.locale, ctx.today)],
  },
  actions: {
    cat: async (ctx, code) => {
      const detail = categoryDetailReply(ctx.catalog, code, ctx.locale);
      if (detail) return [detail];
      const list = categoryListReply(ctx.catalog, ctx.locale);
      return [{ lines: [msg('criteria-unknown-category'), ...list.lines], buttons: list.buttons }];
    },
    criteria: async (ctx) => [categoryListReply(ctx.catalog, ctx.locale)],
    moc: async (ctx) => [timelineReply(ctx.catalog, ctx.locale, ctx.today)],
  },
};
