/**
 * The database stayed locked by another process (a backup, an administrator's sqlite3 shell, a
 * second instance during a deploy) longer than the bot waits for it (issue 18). The request was not
 * completed; the person is told to send it again shortly (`error-busy`), not "an error occurred".
 *
 * Thrown by the database layer; core and channels only read {@link messageKeyOf}.
 */
import { AppError } from './errors.ts';

export { messageKeyOf } from './errors.ts';

export class StoreBusyError extends AppError {
  override readonly name = 'StoreBusyError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('store-busy', 'error-busy', message, options);
  }
}
