/**
 * Grapheme-safe shortening: the one way a string is cut anywhere in the bot (button labels, previews,
 * echoed questions, notices, the Telegram 4096 split, Zalo's limits).
 *
 * A cut never falls inside a grapheme cluster: an emoji's surrogate pair, a skin-tone modifier, a ZWJ
 * family, a flag's pair of regional indicators, or a decomposed (NFD) Vietnamese letter and its marks
 * ("ệ" typed as e + U+0323 + U+0302). Telegram refuses a message holding half a surrogate pair
 * ("text must be encoded in UTF-8"), and a letter without its tone mark is a different word.
 *
 * Cost: only the text near the cut is looked at. The usual case (two plain characters on either side of
 * the cut) needs no segmentation at all; otherwise `Intl.Segmenter` runs over a small window that starts
 * at a position known to be a boundary, never over the whole string (a CPU profile had put 18 % of the
 * update path in segmenting whole replies).
 *
 * Pure: no I/O, no dependencies.
 */
let segmenter;
/** First look-back window, in UTF-16 units (doubled while no safe start is found). */
const WINDOW = 64;
/**
 * A UTF-16 unit that can never take part in a multi-unit grapheme rule: Latin, Latin-1, Latin
 * Extended-A/B (U+0000–U+02FF, which holds no combining mark, ZWJ, prepend, regional indicator or
 * extended pictographic that could join to its left) and precomposed Vietnamese (U+1E00–U+1EFF).
 * CR is excluded (CR LF is one cluster), and so are © and ® (extended pictographics: they join a
 * preceding ZWJ).
 */
function plain(c) {
    return (c < 0x300 && c !== 0x0d && c !== 0xa9 && c !== 0xae) || (c >= 0x1e00 && c <= 0x1eff);
}
/** Whether position `i` (0 < i < s.length) is certainly a grapheme boundary without segmenting. */
function surelyBoundary(s, i) {
    return plain(s.charCodeAt(i - 1)) && plain(s.charCodeAt(i));
}
/**
 * The greatest grapheme boundary at or before UTF-16 index `at` (0 ≤ at ≤ s.length).
 *
 * @param s  Any string.
 * @param at A UTF-16 index.
 * @returns An index `b ≤ at` such that `s.slice(0, b)` ends on a whole grapheme cluster.
 */
export function boundaryAtOrBefore(s, at) {
    if (at <= 0)
        return 0;
    if (at >= s.length)
        return s.length;
    if (surelyBoundary(s, at))
        return at;
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Grapheme rules look left arbitrarily far (regional-indicator parity, emoji ZWJ sequences) but only
    // one code point right of a boundary: segment from a sure boundary to just past `at`.
    const end = Math.min(s.length, at + 2);
    for (let back = WINDOW;; back *= 2) {
        const floor = Math.max(0, at - 2 * back);
        let start = Math.max(0, at - back);
        while (start > floor && !surelyBoundary(s, start))
            start--;
        if (start > 0 && !surelyBoundary(s, start))
            continue; // no sure boundary yet: look further back
        let best = start;
        for (const seg of segmenter.segment(s.slice(start, end))) {
            const pos = start + seg.index;
            if (pos > at)
                break;
            best = pos;
        }
        return best;
    }
}
/** UTF-16 index just after the first `n` code points of `s` (or `s.length`). */
function codePointIndex(s, n) {
    let i = 0;
    for (let k = 0; k < n && i < s.length; k++) {
        const c = s.charCodeAt(i);
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    }
    return i;
}
/** Length of `s` in `unit`, stopping early once it exceeds `limit`. */
function exceeds(s, limit, unit) {
    if (s.length <= limit)
        return false;
    if (unit === 'utf16')
        return true;
    return codePointIndex(s, limit) < s.length;
}
/**
 * Shortens `text` to at most `max` units, never inside a grapheme cluster, ending with the ellipsis
 * when cut (spaces before the ellipsis are dropped). Text that fits is returned unchanged.
 *
 * @param text Any string.
 * @param max  Maximum length of the result in `unit`s, ellipsis included; an integer ≥ 0. When `max`
 *             is shorter than the ellipsis, the text is cut to `max` with no ellipsis.
 * @returns A prefix of `text` made of whole grapheme clusters, plus the ellipsis when cut. A first
 *          cluster longer than the room gives just the ellipsis (or `""`).
 * @example truncate('Chúc mừng 🎉🎉', 11) === 'Chúc mừng…'; truncate('Tiến👍🏽', 5) === 'Tiến…'
 */
export function truncate(text, max, options = {}) {
    const unit = options.unit ?? 'utf16';
    if (!exceeds(text, max, unit))
        return text;
    let ellipsis = options.ellipsis ?? '…';
    const ellipsisLength = unit === 'utf16' ? ellipsis.length : [...ellipsis].length;
    if (ellipsisLength > max)
        ellipsis = '';
    const room = max - (ellipsis === '' ? 0 : ellipsisLength);
    const at = unit === 'utf16' ? room : codePointIndex(text, room);
    const cut = boundaryAtOrBefore(text, at);
    return `${ellipsis === '' ? text.slice(0, cut) : text.slice(0, cut).trimEnd()}${ellipsis}`;
}
/**
 * Shortens `text` so that its UTF-8 encoding takes at most `maxBytes` bytes (e.g. Telegram's 64-byte
 * callback data), never inside a grapheme cluster; no ellipsis.
 *
 * @param text Any string.
 * @param maxBytes An integer ≥ 0.
 */
export function truncateBytes(text, maxBytes) {
    let bytes = 0;
    let i = 0;
    while (i < text.length) {
        const c = text.codePointAt(i);
        const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        i += c > 0xffff ? 2 : 1;
    }
    return i >= text.length ? text : text.slice(0, boundaryAtOrBefore(text, i));
}
//# sourceMappingURL=truncate.js.map