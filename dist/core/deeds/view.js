/**
 * How good deeds are shown (shared by the submit dialog and moderation): the answers, one line
 * each; a known deed in a list; and the lookup of known deeds like a given one.
 */
import { msg } from "../channel.js";
import { clip } from "../text/fold.js";
import { doerKey, findSimilar, placeKey } from "./similar.js";
/** How far back known deeds are looked at for similar ones: 180 days, in milliseconds. */
export const SIMILAR_WINDOW_MS = 180 * 24 * 60 * 60 * 1000;
/** Similar deeds shown at most. */
export const SIMILAR_SHOWN = 3;
/** Shortens a text to `max` characters with an ellipsis. */
/** The answers, one line each (the summary before sending, the moderation view's body). */
export function deedLines(d) {
    return [
        msg('deed-field-doer', { name: d.doerName ?? '' }),
        msg('deed-field-what', { text: d.description ?? '' }),
        msg('deed-field-place', { place: d.place ?? '' }),
        msg('deed-field-when', { when: d.whenText ?? '' }),
        msg('deed-field-photos', { count: d.photoCount }),
    ];
}
/**
 * One known deed in a list, never with its sender: reference, doer, place and the start of the
 * description. For residents (`forResident`), a deed not yet verified (NEW) shows no description:
 * unmoderated text of one resident is not shown to another.
 */
export const similarLine = (d, forResident = false) => forResident && d.state === 'NEW'
    ? msg('deed-similar-item-new', { ref: d.ref, doer: d.doerName, place: d.place, when: d.whenText })
    : msg('deed-similar-item', { ref: d.ref, doer: d.doerName, place: d.place, text: clip(d.description, 120) });
/**
 * Known deeds (NEW, PUBLISHED, PROMOTED) of the last {@link SIMILAR_WINDOW_MS} that look like
 * `deed` (see `findSimilar`), most alike first, at most {@link SIMILAR_SHOWN}; `excludeId` leaves the
 * deed itself out.
 */
export async function knownLike(ctx, deed, excludeId) {
    const known = await ctx.services.deeds.similarCandidates({
        doerKey: doerKey(deed.doerName),
        placeKey: placeKey(deed.place),
        since: new Date(ctx.now.getTime() - SIMILAR_WINDOW_MS),
        excludeId,
        limit: 50,
    });
    return findSimilar(deed, known)
        .slice(0, SIMILAR_SHOWN)
        .map((s) => s.deed);
}
//# sourceMappingURL=view.js.map