/**
 * Structured logs (pino), always to standard error: standard output belongs to the console chat.
 * Tokens are redacted wherever they might appear (config objects, request URLs carrying `/bot<token>`).
 */
import { pino } from 'pino';
const TOKEN_IN_URL = /bot\d+:[A-Za-z0-9_-]+/g;
/** Removes Telegram bot tokens from a string (they travel in Bot API URLs). */
export const redactTokens = (s) => s.replace(TOKEN_IN_URL, 'bot<redacted>');
export function createLogger(opts = {}) {
    return pino({
        level: opts.level ?? 'info',
        base: { app: 'thidua-bot' },
        redact: {
            paths: ['token', '*.token', 'telegram.token', 'config.telegram.token', 'webhookSecret', '*.webhookSecret', 'secret'],
            censor: '<redacted>',
        },
        formatters: { level: (label) => ({ level: label }) },
        hooks: {
            logMethod(args, method) {
                // Error messages from HTTP clients may carry a URL with the token.
                const cleaned = args.map((a) => typeof a === 'string'
                    ? redactTokens(a)
                    : a instanceof Error
                        ? Object.assign(new Error(redactTokens(a.message)), { name: a.name, stack: a.stack && redactTokens(a.stack) })
                        : a);
                method.apply(this, cleaned);
            },
        },
        serializers: {
            err: (e) => ({ type: e.name, message: redactTokens(e.message), stack: e.stack ? redactTokens(e.stack) : undefined }),
        },
    }, pino.destination({ dest: opts.destination ?? 2, sync: true }));
}
//# sourceMappingURL=logger.js.map