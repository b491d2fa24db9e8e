/**
 * The one error vocabulary of thidua-bot: an {@link AppError} carries a stable `code` (for logs,
 * tests and the code that recovers from it) and the Fluent `messageKey` a person is answered with.
 * Every error class the bot defines extends it (the store being busy, a nomination rule, an invalid
 * plan file or configuration, a bad schedule); anything else is an internal failure.
 *
 * One boundary per channel (src/channels/inbound.ts for Telegram and Zalo, the console's own loop)
 * logs the failure with the update's id and answers, in a private chat only, with
 * {@link messageKeyOf} in the person's language.
 */
import type { MsgArgs } from './channel.ts';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    /** Stable identifier, e.g. `store-busy`, `nomination/already-voted`, `plan/invalid-file`. */
    readonly code: string,
    /** Fluent key of the answer to the person (`locales/*.ftl`). */
    readonly messageKey: string,
    message?: string,
    options?: { cause?: unknown; args?: MsgArgs },
  ) {
    super(message ?? code, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.args = options?.args;
  }

  /** Values of {@link messageKey}, if it takes any. */
  readonly args: MsgArgs | undefined;
}

/**
 * The Fluent key a channel's error boundary answers with: an {@link AppError}'s `messageKey` (or any
 * error carrying a string `messageKey`), else `error-internal`.
 */
export function messageKeyOf(error: unknown): string {
  const key = (error as { messageKey?: unknown } | null)?.messageKey;
  return typeof key === 'string' && key !== '' ? key : 'error-internal';
}

/** The error's {@link AppError.code}, or `internal` for anything else (for logs). */
export const errorCodeOf = (error: unknown): string => (error instanceof AppError ? error.code : 'internal');
