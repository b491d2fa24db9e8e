/**
 * Configuration: the only reader of `process.env`. One zod schema, parsed once at start; every
 * problem is reported at once with a hint, and the start stops (see {@link ConfigError}).
 */
import { AppError } from './core/errors.ts';
import { z } from 'zod';
import { CronExpressionParser } from 'cron-parser';
import { parseVoteRule } from './core/nominations/voting.ts';
import type { VoteRule } from './core/nominations/model.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());

/** A 5-field cron expression (minute hour day month weekday), read in the people's zone. */
const cron = (fallback: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(fallback)
      .refine((v) => {
        try {
          CronExpressionParser.parse(v);
          return v.trim().split(/\s+/).length === 5;
        } catch {
          return false;
        }
      }, 'not a 5-field cron expression (minute hour day month weekday), e.g. "30 7 * * 1" for Mondays 07:30'),
  );

/** A comma-separated list of whole days, e.g. "7,3,1". */
const dayList = (fallback: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, 'comma-separated whole days, e.g. 7,3,1')
      .default(fallback)
      .transform((v: string) => v.split(',').map((d) => Number(d.trim()))),
  );

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone (e.g. Asia/Ho_Chi_Minh)');

/** The Zalo settings that must all be set for the Zalo channel to start. */
const ZALO_REQUIRED = ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ID'] as const;

/** Every setting, with the environment variable it comes from. */
export const configSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'looks wrong: a token from @BotFather looks like 123456:ABC-DEF…')
        .optional(),
    ),
    TELEGRAM_API_ROOT: z.preprocess(blankToUndefined, z.url().default('https://api.telegram.org')),
    TELEGRAM_MODE: z.preprocess(blankToUndefined, z.enum(['polling', 'webhook']).default('polling')),
    TELEGRAM_REPLACE_WEBHOOK: z.preprocess(blankToUndefined, z.enum(['true', 'false'], 'true or false').default('false')),
    TELEGRAM_WEBHOOK_URL: z.preprocess(blankToUndefined, z.url().optional()),
    TELEGRAM_WEBHOOK_SECRET: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A–Z, a–z, 0–9, "_" or "-" (Telegram’s rule)')
        .optional(),
    ),
    HTTP_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
    DATABASE_BUSY_WAIT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(600_000).default(8000)),
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/i, 'write file:./data/thidua.db (SQLite, embedded) or postgresql://user@host:5432/database')
        .default('file:./data/thidua.db'),
    ),
    PLAN_FILE: z.preprocess(blankToUndefined, z.string().default('plans/ia-bang-2021-2025.yaml')),
    DEFAULT_LOCALE: z.preprocess(blankToUndefined, z.enum(['vi', 'en']).default('vi')),
    LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
    // The bot's own zone: `TZ` is Node's (and often the host's, e.g. Etc/UTC on servers) and is never read.
    BOT_TIME_ZONE: z.preprocess(blankToUndefined, timeZone.default('Asia/Ho_Chi_Minh')),
    CONSOLE_USER: optionalString,
    SCHEDULE_DIGEST: cron('30 7 * * 1'),
    SCHEDULE_REMINDERS: cron('0 7 * * *'),
    SCHEDULE_BULLETIN: cron('0 17 * * 5'),
    JOBS_MAX_LATENESS_HOURS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .min(0)
        .max(24 * 31)
        .default(36),
    ),
    REMINDER_DAYS_BEFORE: dayList('7,3,1'),
    REVIEW_REMINDER_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(60).default(3)),
    /** A council round open longer than this many days is brought to the council chair (issue 12). */
    COUNCIL_ROUND_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(365).default(14)),
    QUOTA_REMINDER_DAYS_BEFORE: dayList('30,7'),
    FAMILY_REVIEW_DATE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(off|(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/, 'MM-DD (e.g. 11-25), or "off"')
        .default('11-25'),
    ),
    AWARD_FORMS_FILE: z.preprocess(blankToUndefined, z.string().default('plans/award-forms.yaml')),
    COMMUNE_FILE: z.preprocess(blankToUndefined, z.string().default('plans/commune.yaml')),
    ADMIN_TELEGRAM_IDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'comma-separated numeric Telegram user ids, e.g. 12345,67890')
        .optional(),
    ),
    COUNCIL_VOTE_RULE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('majority')
        .refine((v) => {
          try {
            parseVoteRule(v);
            return true;
          } catch {
            return false;
          }
        }, '"majority" (more than half of all council members), "unanimous", or a number of votes such as 3'),
    ),
    DEED_DAILY_LIMIT: z.preprocess(blankToUndefined, z.coerce.number().int('a whole number of good deeds, e.g. 3').min(1).max(100).default(3)),
    RATE_LIMIT_PER_MINUTE: z.preprocess(
      blankToUndefined,
      z.coerce.number().int('a whole number of messages per minute, e.g. 60 (0 = no limit)').min(0).max(10_000).default(60),
    ),
    ZALO_APP_ID: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{1,30}$/, 'the numeric app id from developers.zalo.me (App → Thông tin ứng dụng)')
        .optional(),
    ),
    ZALO_APP_SECRET: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\S{8,200}$/, 'the app secret key (Khóa bí mật của ứng dụng), no spaces')
        .optional(),
    ),
    ZALO_OA_SECRET_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\S{8,200}$/, 'the OA secret key (Khóa bí mật OA, under Webhook), no spaces; not the app secret')
        .optional(),
    ),
    ZALO_OA_ID: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{1,30}$/, 'the numeric id of the Official Account')
        .optional(),
    ),
    ZALO_REFRESH_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\S{8,2000}$/, 'a refresh token, no spaces')
        .optional(),
    ),
    ZALO_OA_API_BASE: z.preprocess(blankToUndefined, z.url().default('https://openapi.zalo.me')),
    ZALO_OAUTH_BASE: z.preprocess(blankToUndefined, z.url().default('https://oauth.zaloapp.com')),
    ZALO_WEBHOOK_PATH: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\/[A-Za-z0-9._~/-]*$/, 'a path starting with "/", e.g. /zalo/webhook')
        .default('/zalo/webhook'),
    ),
    // Gone: Telegram and Zalo share the one HTTP server on HTTP_PORT. Set, it is reported (not ignored).
    ZALO_WEBHOOK_PORT: z.preprocess(blankToUndefined, z.string().optional()),
    ZALO_WEBHOOK_MAX_AGE_HOURS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .min(1)
        .max(24 * 7)
        .default(13),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_MODE === 'webhook' && c.TELEGRAM_BOT_TOKEN) {
      if (!c.TELEGRAM_WEBHOOK_URL) {
        ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_URL'], message: 'required when TELEGRAM_MODE=webhook (the public https URL Telegram calls)' });
      }
      if (!c.TELEGRAM_WEBHOOK_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'required when TELEGRAM_MODE=webhook, so forged requests are refused' });
      }
    }
    // The webhook secret travels in every request header and is stored by Telegram: it must not be
    // (or contain) the token's secret half, which alone lets anyone drive the bot.
    const tokenSecret = c.TELEGRAM_BOT_TOKEN?.split(':')[1];
    if (tokenSecret && c.TELEGRAM_WEBHOOK_SECRET?.includes(tokenSecret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'must not be the bot token or its part after ":" — choose a separate random value (e.g. `openssl rand -hex 32`)',
      });
    }
    // Zalo is all or nothing: a partial set is a mistake, not "Zalo off".
    const zaloSet = ZALO_REQUIRED.filter((k) => c[k] !== undefined);
    if (zaloSet.length > 0 || c.ZALO_REFRESH_TOKEN !== undefined) {
      for (const k of ZALO_REQUIRED.filter((k) => c[k] === undefined)) {
        const given = [...zaloSet, ...(c.ZALO_REFRESH_TOKEN !== undefined ? ['ZALO_REFRESH_TOKEN'] : [])].join(', ');
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `missing: Zalo needs ${ZALO_REQUIRED.join(', ')} together (${given} set); set them all, or none to run without Zalo`,
        });
      }
    }
    if (c.ZALO_WEBHOOK_PORT !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_WEBHOOK_PORT'],
        message: "no longer used: the Zalo webhook is served on HTTP_PORT with Telegram's and /healthz; remove it (and route ZALO_WEBHOOK_PATH to HTTP_PORT)",
      });
    }
  });

/** The typed configuration passed to every part of the bot (no global singleton). */
export interface Config {
  telegram?: {
    token: string;
    apiRoot: string;
    mode: 'polling' | 'webhook';
    webhookUrl?: string;
    webhookSecret?: string;
    /**
     * Polling mode: delete a webhook found set (`TELEGRAM_REPLACE_WEBHOOK=true`). Default false: it is
     * reported and left alone (someone set it on purpose), and polling waits until it is gone.
     */
    replaceWebhook: boolean;
  };
  /** The Zalo Official Account channel; present when every required ZALO_* setting is. */
  zalo?: {
    appId: string;
    /** App secret: the `secret_key` header of OAuth calls. */
    appSecret: string;
    /** OA secret key ("Khóa bí mật OA"): signs webhook events. Not the app secret. */
    oaSecretKey: string;
    oaId: string;
    /** Seeds the token store once (first start); the database is the source of truth after. */
    refreshToken?: string;
    oaApiBase: string;
    oauthBase: string;
    webhookPath: string;
    /** Events whose timestamp is older than this are refused (ms). */
    webhookMaxAgeMs: number;
  };
  httpPort: number;
  /**
   * `HTTP_PORT` was set: the HTTP server (`/healthz`, `/readyz`, `/metrics`) runs even when no webhook
   * needs it (Telegram polling). Unset, polling serves nothing, so two bots on one machine don't
   * fight over the default port.
   */
  httpPortSet: boolean;
  databaseUrl: string;
  /**
   * SQLite: how long a write keeps retrying (asynchronously) while another process holds the write
   * lock, before the person is told the system is busy (ms; `DATABASE_BUSY_WAIT_MS`, default 8000).
   */
  databaseBusyWaitMs: number;
  planFile: string;
  defaultLocale: 'vi' | 'en';
  /** Log level; undefined means "info" (the console channel quietens it to "warn"). */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * `BOT_TIME_ZONE`: IANA zone of every people-facing date and time and of the schedules' cron
   * (storage is UTC). Independent of `TZ` (Node's own zone, whatever the host exports).
   */
  timeZone: string;
  /** Identity of the person at the console; defaults to the OS user name. */
  consoleUser?: string;
  /** Award forms file (who may award what, with validity dates). */
  awardFormsFile: string;
  /** The commune's data for its documents (names, signers, wording, căn cứ): `plans/commune.yaml`. */
  communeFile: string;
  /** Telegram user ids that are administrators by configuration. */
  adminTelegramIds: string[];
  /** When the council's votes decide a nomination. */
  voteRule: VoteRule;
  /** A review round open longer than this many days is brought to the council chair. */
  councilRoundDays: number;
  /** Good deeds (and additions to known ones) one person may send per day (local calendar days). */
  deedDailyLimit: number;
  /** Messages and taps one person may send per minute before the bot stops working for them (0 = no limit). */
  rateLimitPerMinute: number;
  schedule: {
    digestCron: string;
    remindersCron: string;
    bulletinCron: string;
    /** Occurrences missed for longer than this are skipped, not run late (ms). */
    maxLatenessMs: number;
    milestoneDaysBefore: number[];
    reviewAfterDays: number;
    quotaDaysBefore: number[];
    /** Yearly "Gia đình văn hóa" review date `MM-DD`; undefined when turned off. */
    familyReviewDate?: string;
  };
}

/** Thrown by {@link loadConfig}: `problems` lists every invalid variable with its reason. */
export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super('config/invalid', 'error-internal', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a {@link Config}.
 * @param env defaults to `process.env`; tests pass their own object.
 * @throws ConfigError listing every problem at once.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.') || '(environment)';
        // Never echo values: a token may be among them.
        return `${name}: ${i.message}`;
      }),
    );
  }
  const c = parsed.data;
  return {
    telegram: c.TELEGRAM_BOT_TOKEN
      ? {
          token: c.TELEGRAM_BOT_TOKEN,
          apiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
          mode: c.TELEGRAM_MODE,
          webhookUrl: c.TELEGRAM_WEBHOOK_URL,
          webhookSecret: c.TELEGRAM_WEBHOOK_SECRET,
          replaceWebhook: c.TELEGRAM_REPLACE_WEBHOOK === 'true',
        }
      : undefined,
    zalo:
      c.ZALO_APP_ID && c.ZALO_APP_SECRET && c.ZALO_OA_SECRET_KEY && c.ZALO_OA_ID
        ? {
            appId: c.ZALO_APP_ID,
            appSecret: c.ZALO_APP_SECRET,
            oaSecretKey: c.ZALO_OA_SECRET_KEY,
            oaId: c.ZALO_OA_ID,
            refreshToken: c.ZALO_REFRESH_TOKEN,
            oaApiBase: c.ZALO_OA_API_BASE.replace(/\/+$/, ''),
            oauthBase: c.ZALO_OAUTH_BASE.replace(/\/+$/, ''),
            webhookPath: c.ZALO_WEBHOOK_PATH,
            webhookMaxAgeMs: c.ZALO_WEBHOOK_MAX_AGE_HOURS * 3_600_000,
          }
        : undefined,
    httpPort: c.HTTP_PORT,
    httpPortSet: blankToUndefined(env.HTTP_PORT) !== undefined,
    databaseUrl: c.DATABASE_URL,
    databaseBusyWaitMs: c.DATABASE_BUSY_WAIT_MS,
    planFile: c.PLAN_FILE,
    defaultLocale: c.DEFAULT_LOCALE,
    logLevel: c.LOG_LEVEL,
    timeZone: c.BOT_TIME_ZONE,
    consoleUser: c.CONSOLE_USER,
    awardFormsFile: c.AWARD_FORMS_FILE,
    communeFile: c.COMMUNE_FILE,
    adminTelegramIds: (c.ADMIN_TELEGRAM_IDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    voteRule: parseVoteRule(c.COUNCIL_VOTE_RULE),
    councilRoundDays: c.COUNCIL_ROUND_DAYS,
    deedDailyLimit: c.DEED_DAILY_LIMIT,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    schedule: {
      digestCron: c.SCHEDULE_DIGEST,
      remindersCron: c.SCHEDULE_REMINDERS,
      bulletinCron: c.SCHEDULE_BULLETIN,
      maxLatenessMs: c.JOBS_MAX_LATENESS_HOURS * 3_600_000,
      milestoneDaysBefore: c.REMINDER_DAYS_BEFORE,
      reviewAfterDays: c.REVIEW_REMINDER_DAYS,
      quotaDaysBefore: c.QUOTA_REMINDER_DAYS_BEFORE,
      familyReviewDate: c.FAMILY_REVIEW_DATE === 'off' ? undefined : c.FAMILY_REVIEW_DATE,
    },
  };
}
