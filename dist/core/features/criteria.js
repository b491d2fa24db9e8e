/**
 * /tieuchi, /chitieu, /moc and free-text questions about the criteria (plan sections III and IV.1).
 */
import { msg } from "../channel.js";
import { categoryDetailReply, categoryListReply, criteriaSearchReplies } from "../criteria/criteria.js";
import { targetsReply } from "../plan/targets.js";
import { timelineReply } from "../plan/timeline.js";
export const criteriaFeature = {
    commands: {
        tieuchi: async (ctx, args) => (args ? criteriaSearchReplies(ctx.catalog, args, ctx.locale) : [categoryListReply(ctx.catalog, ctx.locale)]),
        chitieu: async (ctx) => [targetsReply(ctx.catalog, ctx.locale)],
        moc: async (ctx) => [timelineReply(ctx.catalog, ctx.locale, ctx.today)],
    },
    actions: {
        cat: async (ctx, code) => {
            const detail = categoryDetailReply(ctx.catalog, code, ctx.locale);
            if (detail)
                return [detail];
            const list = categoryListReply(ctx.catalog, ctx.locale);
            return [{ lines: [msg('criteria-unknown-category'), ...list.lines], buttons: list.buttons }];
        },
        criteria: async (ctx) => [categoryListReply(ctx.catalog, ctx.locale)],
        moc: async (ctx) => [timelineReply(ctx.catalog, ctx.locale, ctx.today)],
    },
};
//# sourceMappingURL=criteria.js.map