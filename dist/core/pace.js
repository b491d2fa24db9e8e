/**
 * Nhịp gửi — the pace at which one bot token may send, kept across every instance of the bot.
 *
 * Telegram accepts about 30 messages a second from one bot overall and about one a second to one
 * chat (Bot API FAQ, "My bot is hitting limits"); Zalo OA publishes no figure, and the same pace is
 * used. Two bot processes sharing one token must share the pace too, so slots are reserved in the
 * database (see `src/db/send-pace.ts`), not in memory.
 *
 * @module
 */
/** Telegram's published limits: 30 messages per second overall, one per second per chat. */
export const TELEGRAM_PACE = { overallGapMs: Math.ceil(1000 / 30), perChatGapMs: 1000 };
//# sourceMappingURL=pace.js.map