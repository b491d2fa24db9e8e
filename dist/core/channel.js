/**
 * The port every channel (console, Telegram, Zalo) implements against core.
 *
 * Inbound: a channel turns a platform update into an {@link InboundMessage} (text normalised to NFC
 * at the edge) and calls {@link BotCore.handle}. Outbound: core answers with an {@link Outcome}:
 * message keys and values ({@link Msg}), never finished text, rendered by one translator in the
 * person's locale. Platform quirks (HTML escaping, length limits, buttons) stay in the adapter.
 */
export const LOCALES = ['vi', 'en'];
/** Shorthand for a {@link Msg}. */
export const msg = (key, args) => (args ? { key, args } : { key });
//# sourceMappingURL=channel.js.map