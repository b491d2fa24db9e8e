/**
 * The database stayed locked by another process (a backup, an administrator's sqlite3 shell, a
 * second instance during a deploy) longer than the bot waits for it (issue 18). The request was not
 * completed; the person is told to send it again shortly (`error-busy`), not "an error occurred".
 *
 * Thrown by the database layer; core and channels only read {@link messageKeyOf}.
 */
export class StoreBusyError extends Error {
    /** Fluent key of the answer to the person. */
    messageKey = 'error-busy';
    name = 'StoreBusyError';
}
/**
 * The Fluent key a channel's error boundary answers with: the error's own `messageKey` when it
 * carries one (e.g. {@link StoreBusyError}), else `error-internal`.
 */
export function messageKeyOf(error) {
    const key = error?.messageKey;
    return typeof key === 'string' && key !== '' ? key : 'error-internal';
}
//# sourceMappingURL=store-busy.js.map