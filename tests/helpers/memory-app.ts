/**
 * The bot's core in-process on in-memory ports (tests/helpers/memory-ports.ts): the same features
 * and dialogs as the app (`createFeatures`, `createDialogs` of src/core/assembly.ts), the shipped
 * plan, the real translator, a fake clock, and no database. For tests of core behaviour (texts,
 * dialogs, roles, invites, questions, limits) that register no nominations: the nominations store
 * is an empty one ({@link emptyNominations}: reads answer "none", writes fail), and the council,
 * good deeds, links, documents, plan library and job status are {@link notFaked} and fail loudly
 * when used — such tests run on the database (tests/helpers/test-app.ts), as do the repositories'
 * own tests. The fakes are checked against the repositories by tests/helpers/memory-ports.test.ts.
 *
 * Shaped like {@link TestApp} (`say`, `tap`, `grant`, `outbox`, `advance`, `missing` …) so a test
 * file moves by changing its import.
 */
import { resolve } from 'node:path';
import type { App } from '../../src/app.ts';
import { createDialogs, createFeatures } from '../../src/core/assembly.ts';
import { loadAwardFormsFile } from '../../src/core/awards.ts';
import { createBotCore } from '../../src/core/bot.ts';
import { createFileSources, type Attachment, type InboundMessage, type Outcome } from '../../src/core/channel.ts';
import type { Services } from '../../src/core/context.ts';
import { renderReply, type RenderedReply } from '../../src/core/render.ts';
import type { Role } from '../../src/core/roles.ts';
import { loadConfig } from '../../src/config.ts';
import { createAttemptLimiter, createInboundLimiter } from '../../src/limits/rate-limits.ts';
import { createLogger } from '../../src/logger.ts';
import { ROOT, shippedCatalog, testTranslator } from './core-fixtures.ts';
import {
  memoryDialogs,
  memoryDrafts,
  memoryMilestoneDates,
  memoryNotifier,
  memoryPeople,
  memoryPreferences,
  memoryRoles,
  memoryUnanswered,
  emptyNominations,
  notFaked,
} from './memory-ports.ts';

const awardForms = loadAwardFormsFile(resolve(ROOT, 'plans/award-forms.yaml'));
const silent = createLogger({ level: 'silent' });

export interface MemoryApp {
  app: Pick<App, 'core' | 'translator' | 'services' | 'catalog'>;
  /** The in-memory ports behind `app.services`, for tests that look at (or prepare) their rows. */
  ports: {
    people: ReturnType<typeof memoryPeople>;
    roles: ReturnType<typeof memoryRoles>;
    notifier: ReturnType<typeof memoryNotifier>;
    dialogs: ReturnType<typeof memoryDialogs>;
    unanswered: ReturnType<typeof memoryUnanswered>;
  };
  /** Sends text as `user` (a Telegram user id in a private chat); returns the rendered replies. */
  say(user: string, text: string, extra?: Partial<InboundMessage>): Promise<RenderedReply[]>;
  /** Taps a button action as `user`. */
  tap(user: string, action: string): Promise<RenderedReply[]>;
  /** Sends photos/documents as `user`. */
  send(user: string, attachments: Omit<Attachment, 'channel'>[]): Promise<RenderedReply[]>;
  /** Gives `user` a role directly (as an administrator would through an invite). */
  grant(user: string, role: Role, unitCode?: string): Promise<number>;
  /** Person id of `user` (created on first use). */
  personId(user: string): Promise<number>;
  /** Outbox rows rendered as plain text, oldest first. */
  outbox(): Promise<{ personId: number; key: string; state: string; text: string }[]>;
  /** Moves the fake clock. */
  advance(ms: number): void;
  now(): Date;
  /** Texts the translator could not find, as `locale:key`, in the order met. */
  missing: string[];
  /** Nothing to release (no database); kept so a moved test's `close()` calls stay. */
  close(): Promise<void>;
}

/**
 * A core on fresh in-memory ports. `env` is configuration as for the app (defaults otherwise;
 * `RATE_LIMIT_PER_MINUTE` is 0 unless given, as in createTestApp); `start` the fake clock's start.
 */
export function createMemoryApp(opts: { env?: Record<string, string>; start?: Date } = {}): MemoryApp {
  let now = opts.start ?? new Date('2026-11-30T02:00:00Z');
  const clock = () => now;
  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '0', ...opts.env });
  const catalog = shippedCatalog();
  const missing: string[] = [];
  const translator = testTranslator((locale, key) => missing.push(`${locale}:${key}`));
  const people = memoryPeople({ now: clock });
  const roles = memoryRoles({ people, units: (slug) => (slug === catalog.plan.id ? catalog.plan.units.map((u) => u.code) : []) });
  const notifier = memoryNotifier({ people, defaultLocale: config.defaultLocale });
  const dialogStore = memoryDialogs();
  const unanswered = memoryUnanswered();
  const drafts = memoryDrafts();
  const services: Services = {
    people,
    roles,
    nominations: emptyNominations(),
    council: notFaked('council'),
    deeds: notFaked('deeds'),
    dialogs: createDialogs({ store: dialogStore, drafts, planSlug: () => catalog.plan.id }),
    notifier,
    attempts: createAttemptLimiter({ logger: silent }),
    preferences: memoryPreferences(),
    milestoneDates: memoryMilestoneDates(),
    drafts,
    jobStatus: notFaked<{ status: Services['jobStatus'] }>('jobStatus').status,
    awardForms: async () => structuredClone(awardForms),
    unanswered,
    catalog: () => catalog,
    plans: notFaked('plans'),
    files: createFileSources(),
    settings: {
      defaultLocale: config.defaultLocale,
      timeZone: config.timeZone,
      voteRule: config.voteRule,
      councilRoundDays: config.councilRoundDays,
      adminTelegramIds: config.adminTelegramIds,
      deedDailyLimit: config.deedDailyLimit,
    },
  };
  const core = createBotCore({
    services,
    features: createFeatures({ links: notFaked('links'), documents: notFaked('documents') }),
    inbound: config.rateLimitPerMinute > 0 ? createInboundLimiter({ logger: silent, perMinute: config.rateLimitPerMinute }) : undefined,
    now: clock,
  });
  const render = (o: Outcome) => o.replies.map((r) => renderReply(translator, o.locale, r, 'plain'));
  const base = (user: string): InboundMessage => ({ channel: 'telegram', userId: user, chatId: user, chatType: 'private', displayName: `User ${user}` });
  const personId = async (user: string) => (await people.ensure({ channel: 'telegram', externalId: user, displayName: `User ${user}` })).id;
  return {
    app: { core, translator, services, catalog: () => catalog },
    ports: { people, roles, notifier, dialogs: dialogStore, unanswered },
    say: async (user, text, extra = {}) => render(await core.handle({ ...base(user), text, ...extra })),
    tap: async (user, action) => render(await core.handle({ ...base(user), action })),
    send: async (user, attachments) =>
      render(await core.handle({ ...base(user), attachments: attachments.map((a) => ({ ...a, channel: 'telegram' as const })) })),
    async grant(user, role, unitCode) {
      const id = await personId(user);
      await roles.grant({ personId: id, role, planSlug: catalog.plan.id, unitCode: unitCode ?? null });
      return id;
    },
    personId,
    async outbox() {
      return notifier.rows.map((r) => ({ personId: r.personId, key: r.key, state: r.state, text: renderReply(translator, r.locale, r.reply, 'plain').text }));
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    now: clock,
    missing,
    close: async () => undefined,
  };
}
