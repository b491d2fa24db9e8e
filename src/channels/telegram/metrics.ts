/**
 * A grammY API transformer that counts the Bot API's refusals that matter to operations: 429 (flood
 * control), 403 (blocked by the user) and 5xx (Telegram's side), in `thidua_platform_errors_total`.
 *
 * @module
 */
import type { Transformer } from 'grammy';
import type { Metrics } from '../../metrics.ts';

/** Install with `bot.api.config.use(countTelegramErrors(metrics))`; it changes no call's result. */
export function countTelegramErrors(metrics: Pick<Metrics, 'platformError'>): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) metrics.platformError('telegram', result.error_code);
      return result;
    } catch (error) {
      const code = (error as { error_code?: unknown }).error_code;
      if (typeof code === 'number') metrics.platformError('telegram', code);
      throw error;
    }
  };
}
