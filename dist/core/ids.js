/**
 * Strict parsing of ids that come from outside (button payloads, webhook fields; issue [3/9]):
 * plain decimal digits only. `Number()` would accept `0x1`, `1e3`, ` 7 `, `-0` and `Infinity`.
 */
/** A positive safe integer written in decimal (`"42"`), or `undefined` for anything else. */
export function parseId(raw) {
    if (raw === undefined || !/^[1-9][0-9]{0,15}$/.test(raw))
        return undefined;
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : undefined;
}
/** A non-negative safe integer written in decimal (`"0"`, `"20"`; page offsets), or `undefined`. */
export function parseCount(raw) {
    if (raw === '0')
        return 0;
    return parseId(raw);
}
//# sourceMappingURL=ids.js.map