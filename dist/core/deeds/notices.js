/**
 * Notices to the residents who told a good deed (issue [3/5]: "the resident is told when their deed
 * is published or becomes a nomination", and kindly when it is not published). Each goes through
 * the outbox under a unique key `deed:<id>:<event>:<personId>`, so it is sent once.
 */
import { msg } from "../channel.js";
/** The sender and everyone who added to the deed, once each. */
export const tellersOf = (deed) => [...new Set([deed.submitterId, ...deed.additions.map((a) => a.submitterId)])];
/** Queues `reply` for `people` under `deed:<id>:<event>:<personId>`. */
export async function tellResidents(ctx, deed, event, people, reply) {
    await ctx.services.notifier.notify(people.map((personId) => ({ personId, key: `deed:${deed.id}:${event}:${personId}`, reply })));
}
/**
 * Called when a nomination promoted from a deed has been submitted (see `register.ts`): marks the
 * deed PROMOTED, links it to the nomination and tells its residents. Does nothing when the deed was
 * meanwhile rejected or merged (the nomination still stands, with its `goodDeedId`).
 */
export async function deedBecameNomination(ctx, input) {
    const { deeds } = ctx.services;
    const marked = await deeds.markPromoted({ id: input.deedId, nominationId: input.nominationId, moderatorId: ctx.personId, now: ctx.now });
    const deed = marked ? await deeds.get(input.deedId) : null;
    if (!deed)
        return;
    await tellResidents(ctx, deed, 'promoted', tellersOf(deed), { lines: [msg('deed-notice-promoted', { ref: deed.ref, doer: deed.doerName })] });
}
//# sourceMappingURL=notices.js.map