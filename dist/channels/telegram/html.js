/**
 * Telegram's HTML helpers live in `../html.ts` (shared: Zalo splits its plain text with them too, and
 * must not import Telegram's module). Re-exported here for Telegram's own code and its tests.
 * @module
 */
export * from "../html.js";
//# sourceMappingURL=html.js.map