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

/** The limits of one channel: minimum spacing overall and per chat, in milliseconds. */
export interface PaceLimits {
  /** Minimum time between two sends of the bot overall, ms (1000 / 30 ≈ 34 for Telegram). */
  overallGapMs: number;
  /** Minimum time between two sends to one chat, ms (1000 for Telegram). */
  perChatGapMs: number;
}

/**
 * Telegram's published limits, 30 messages per second overall and one per second per chat, kept with
 * a margin overall: slots are 40 ms apart (25 a second), because a request leaves at its slot but
 * reaches the platform a few to tens of milliseconds later, and 30 slots 34 ms apart span only 986 ms,
 * so a little jitter would put 31 into one of the platform's seconds (seen in the two-instance test).
 */
export const TELEGRAM_PACE: PaceLimits = { overallGapMs: 40, perChatGapMs: 1000 };

/** A shared send pace: every send first reserves its slot. */
export interface SendPace {
  /**
   * Reserves the next slot for one message to `chatId` on `channel`, at or after `now`, that keeps
   * both limits with every slot reserved before it (by any instance). `burst`: the chat's own spacing
   * is not waited for (a person's own conversation: several replies to one message may go out back to
   * back), though the slot still counts for the chat; the overall pace is kept as always.
   *
   * @returns the instant (UTC) the message may go out: now, or later when the pace is full. A caller
   *   that would rather not wait long may still send at that instant or give the slot up (an unused
   *   slot only slows the pace down, never speeds it up).
   */
  reserve(opts: { channel: string; chatId: string; now: Date; burst?: boolean }): Promise<Date>;
}
