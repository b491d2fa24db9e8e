/**
 * The core services wired to the database: what every channel needs. Used by `main.ts` and by
 * tests that run the bot in-process.
 *
 * A composition root: with `main.ts` and `src/cli/*`, the only code outside `src/db` that may touch
 * the Prisma client. Channels and jobs get core ports ({@link AppStores}, {@link Services}), never the
 * client.
 */
import type { AwardForm } from './core/awards.ts';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { loadAwardFormsFile } from './core/awards.ts';
import { createBotCore } from './core/bot.ts';
import { createFileSources, msg, type BotCore, type Locale } from './core/channel.ts';
import type { Services } from './core/context.ts';
import { createDialogs, createFeatures } from './core/assembly.ts';
import { createTranslator, type Translator } from './core/i18n.ts';
import { createPlanCatalog, type PlanCatalog } from './core/plan/catalog.ts';
import { prepareQuestions } from './core/qa/feature.ts';
import { importAwardForms, listAwardForms } from './db/award-repository.ts';
import { createDatabase, databaseFileFromUrl, type Database } from './db/client.ts';
import { createDeedRepository } from './db/deed-repository.ts';
import { createDialogStore } from './db/dialog-store.ts';
import { applyMigrations, migrationPaths } from './db/migrate.ts';
import { createNominationRepository } from './db/nomination-repository.ts';
import { createCouncilRepository } from './db/council-repository.ts';
import { createOutbox } from './db/outbox.ts';
import { createOutboxStore } from './db/outbox-store.ts';
import { createInbox } from './db/inbox-store.ts';
import { createZaloTokenStore, type ZaloTokenStore } from './db/zalo-token-store.ts';
import { createAdminAlerts, type AdminAlerts } from './core/alerts.ts';
import type { Inbox } from './core/inbox.ts';
import type { UnitOfWork } from './core/unit-of-work.ts';
import type { OutboxStore } from './core/outbox.ts';
import { createPeopleRepository } from './db/people-repository.ts';
import { createDraftRepository } from './db/draft-repository.ts';
import { createMilestoneDateRepository } from './db/milestone-date-repository.ts';
import { importPlan, loadPlan, type PlanImportResult } from './db/plan-repository.ts';
import { loadPlanAnyFile, parsePlanBytes } from './plan-xlsx/load.ts';
import { activePlanSlug, applyStagedPlan, planHistory, settleActivePlan, stagedPlan, stagePlan } from './db/plan-activation-repository.ts';
import type { PlanLibrary } from './core/plan/library.ts';
import { createRoleRepository } from './db/role-repository.ts';
import type { Logger } from './logger.ts';
import { createDigestRepository } from './db/digest-repository.ts';
import { createJobRunStore } from './db/job-store.ts';
import { createPreferenceRepository } from './db/preference-repository.ts';
import { createJobs } from './jobs/jobs.ts';
import { createScheduler, type Scheduler } from './jobs/scheduler.ts';
import { createLinkRepository } from './db/link-repository.ts';
import { createUnansweredRepository } from './db/unanswered-repository.ts';
import { createAttemptLimiter, createInboundLimiter } from './limits/rate-limits.ts';
import { loadCommuneFile } from './core/documents/commune.ts';
import type { DocumentServices } from './core/documents/ports.ts';
import { createDocumentRegister } from './db/document-register.ts';
import { createCommuneSettingsStore } from './db/commune-settings.ts';
import { applyOverrides } from './core/documents/settings.ts';
import { registerCommuneSettingsDialog } from './core/documents/settings-dialog.ts';
import { createDocumentRenderer } from './documents/renderer.ts';

import type { OpsProbe } from './http/ops.ts';
import { createOpsRepository } from './db/ops-repository.ts';
import { createSendPace } from './db/send-pace.ts';
import { TELEGRAM_PACE, type SendPace } from './core/pace.ts';

/** The project root (where `locales/`, `prisma/` and `plans/` live). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** How long the first administrator's code stays valid: 30 days, in milliseconds. */
const BOOTSTRAP_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The stores channels need besides core's services (ports implemented in src/db). */
export interface AppStores {
  /** The outbox rows each channel's sender delivers. */
  outbox: OutboxStore;
  /** The persisted inbox: every inbound event that can change state, recorded before its effects. */
  inbox: Inbox;
  /** One transaction that every repository joins (an update's handling and its replies commit together). */
  unitOfWork: UnitOfWork;
  /** Zalo OA tokens. */
  zaloTokens: ZaloTokenStore;
  /** Database reachability and outbox backlog, for `/readyz` and `/metrics`. */
  ops: OpsProbe;
  /** The send pace of each channel's bot token, shared by every instance on the database. */
  pace: SendPace;
}

export interface App {
  core: BotCore;
  translator: Translator;
  services: Services;
  stores: AppStores;
  /** Notices to every administrator (through the outbox). */
  alerts: AdminAlerts;
  catalog: () => PlanCatalog;
  /** Builds the active plan's question classifier and criteria index now (see `prepareQuestions`). */
  prepareQuestions(): void;
  planImport: PlanImportResult;
  /** The job dispatcher: `catchUp()` at start, `tick()` each minute (src/jobs/wake.ts). */
  scheduler: Scheduler;
  /** Ends dialogs untouched for their time to live and queues the notice to their owners. */
  expireDialogs(now?: Date): Promise<number>;
  /**
   * Picks up a plan another instance applied (the newest PlanActivation names another plan than this
   * instance's catalog): switches the catalog; true when it did. Called each minute with the sweep.
   */
  syncActivePlan(): Promise<boolean>;
  /**
   * While nobody is an administrator: the one-time code that makes the first one (`/thamgia CODE`),
   * created on first call. `null` once an administrator exists.
   */
  bootstrapAdminCode(now?: Date): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations, imports the configured plan and award forms
 * (idempotent: unchanged files are skipped) and builds the core.
 * @throws PlanFileError for an invalid plan or award forms file; Error when the database cannot be
 *         opened or migrated.
 */
export async function createApp(opts: {
  config: Config;
  logger: Logger;
  now?: () => Date;
  /**
   * An open database on `config.databaseUrl` to use instead of opening one (tests keep a handle to
   * inspect rows). The app owns it from then on: `close()` closes it.
   */
  database?: Database;
}): Promise<App> {
  const { config, logger } = opts;
  const clock = opts.now ?? (() => new Date());
  const file = databaseFileFromUrl(config.databaseUrl);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const migrations = await applyMigrations({
    databaseUrl: config.databaseUrl,
    ...migrationPaths(config.databaseUrl, PROJECT_ROOT),
  });
  if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'database migrated');

  // One translator (its Fluent files parsed once): a spreadsheet plan's problems are worded with it.
  const translator = createTranslator({
    localesDir: resolve(PROJECT_ROOT, 'locales'),
    defaultLocale: config.defaultLocale,
    onMissing: (locale: Locale, key: string) => logger.error({ locale, key }, 'missing text'),
  });
  const planFile = await loadPlanAnyFile(resolve(process.cwd(), config.planFile), translator, config.defaultLocale);
  const awardForms = loadAwardFormsFile(resolve(process.cwd(), config.awardFormsFile));
  const commune = loadCommuneFile(resolve(process.cwd(), config.communeFile));
  const db = opts.database ?? (await createDatabase({ databaseUrl: config.databaseUrl, busyWaitMs: config.databaseBusyWaitMs }));
  try {
    const planImport = await importPlan(db.prisma, planFile);
    logger.info({ plan: planImport.slug, status: planImport.status, ...planImport.counts }, 'plan ready');
    await importAwardForms(db.prisma, awardForms);
    let awardTable: Promise<AwardForm[]> | undefined;
    const activeSlug = await settleActivePlan(db.prisma, { fileSlug: planFile.id, fileStatus: planImport.status, now: clock() });
    if (activeSlug !== planFile.id)
      logger.warn({ planFile: planFile.id, active: activeSlug }, 'PLAN_FILE is unchanged since the last start; the plan applied in chat stays active');
    // The file was validated once above: when it names the active plan, the catalog is built from it,
    // not read back and re-validated; a plan applied in chat earlier is read from its document.
    let catalog = createPlanCatalog(activeSlug === planFile.id ? planFile : ((await loadPlan(db.prisma, activeSlug)) ?? planFile));
    const files = createFileSources();
    const plans: PlanLibrary = {
      parse: parsePlanBytes,
      stage: (input) => stagePlan(db.prisma, input),
      staged: (id) => stagedPlan(db.prisma, id),
      history: () => planHistory(db.prisma),
      async apply(input) {
        const result = await applyStagedPlan(db.prisma, input);
        if (result.ok) {
          catalog = createPlanCatalog(result.plan);
          logger.info({ plan: result.plan.id, by: input.byId, kept: result.kept.length, lost: result.lost.length }, 'plan applied in chat');
        }
        return result;
      },
    };
    const dialogStore = createDialogStore(db.prisma);
    const drafts = createDraftRepository(db.prisma);
    const dialogs = createDialogs({ store: dialogStore, drafts, planSlug: () => catalog.plan.id });
    const roles = createRoleRepository(db.prisma);
    const notifier = createOutbox(db.prisma, { defaultLocale: config.defaultLocale, now: clock });
    const preferences = createPreferenceRepository(db.prisma);
    // Assigned once below, after `services` (whose jobStatus reads it) exists: a cycle, not a reassignment.
    // eslint-disable-next-line prefer-const
    let scheduler: Scheduler | undefined;
    const services: Services = {
      people: createPeopleRepository(db.prisma, { now: clock, logger }),
      roles,
      nominations: createNominationRepository(db.prisma),
      council: createCouncilRepository(db.prisma),
      deeds: createDeedRepository(db.prisma),
      dialogs,
      notifier,
      attempts: createAttemptLimiter({ logger }),
      preferences,
      milestoneDates: createMilestoneDateRepository(db.prisma),
      drafts,
      jobStatus: () => scheduler!.status(),
      // The award table is written only by the import at start (above): read once, then kept.
      awardForms: () => (awardTable ??= listAwardForms(db.prisma).catch((error: unknown) => ((awardTable = undefined), Promise.reject(error)))),
      unanswered: createUnansweredRepository(db.prisma),
      catalog: () => catalog,
      plans,
      files,
      settings: {
        defaultLocale: config.defaultLocale,
        timeZone: config.timeZone,
        voteRule: config.voteRule,
        councilRoundDays: config.councilRoundDays,
        adminTelegramIds: config.adminTelegramIds,
        deedDailyLimit: config.deedDailyLimit,
      },
    };
    scheduler = createScheduler({
      jobs: createJobs({ services, digests: createDigestRepository(db.prisma), preferences, settings: config.schedule }),
      store: createJobRunStore(db.prisma),
      timeZone: config.timeZone,
      maxLatenessMs: config.schedule.maxLatenessMs,
      logger,
      now: clock,
    });
    const communeSettings = createCommuneSettingsStore(db.prisma);
    // The file, with what an administrator set in chat applied: read anew for every document.
    const documents: DocumentServices = {
      register: createDocumentRegister(db.prisma),
      renderer: createDocumentRenderer(),
      settings: communeSettings,
      commune: async () => applyOverrides(commune, await communeSettings.all()),
    };
    registerCommuneSettingsDialog(dialogs, documents);
    const core = createBotCore({
      services,
      features: createFeatures({ links: createLinkRepository(db.prisma), documents }),
      inbound: config.rateLimitPerMinute > 0 ? createInboundLimiter({ logger, perMinute: config.rateLimitPerMinute }) : undefined,
      now: clock,
    });
    // Claims, SENT marks and a polled batch of updates written in one transaction each (one commit
    // instead of one per row) on SQLite only: its transaction is the one connection's and conflicts
    // with nothing. On PostgreSQL a unit is SERIALIZABLE, and a batch of rows the other instance is
    // claiming too fails and runs again, up to failing for good (two-instance test: replies left to
    // the loop's 30 s grace, at times over 180 s); there each row is its own statement, as before.
    const batched = db.engine === 'sqlite' ? { unitOfWork: db.unitOfWork } : {};
    return {
      core,
      translator,
      services,
      stores: {
        outbox: createOutboxStore(db.prisma, { durable: db.durable, ...batched }),
        inbox: createInbox(db.prisma, { durable: db.durable, ...batched }),
        unitOfWork: db.unitOfWork,
        zaloTokens: createZaloTokenStore(db.prisma, { now: clock }),
        ops: createOpsRepository(db.prisma),
        pace: createSendPace({ prisma: db.prisma, engine: db.engine, limits: { telegram: TELEGRAM_PACE, zalo: TELEGRAM_PACE } }),
      },
      alerts: createAdminAlerts({ roles, notifier }),
      catalog: () => catalog,
      prepareQuestions: () => prepareQuestions(catalog),
      planImport,
      scheduler,
      async syncActivePlan() {
        const slug = await activePlanSlug(db.prisma);
        if (slug === null || slug === catalog.plan.id) return false;
        const plan = await loadPlan(db.prisma, slug);
        if (!plan) return false;
        catalog = createPlanCatalog(plan);
        logger.info({ plan: slug }, 'active plan changed by another instance');
        return true;
      },
      async expireDialogs(now = clock()) {
        const expired = await dialogStore.takeExpired(now);
        const notices = [];
        for (const d of expired) {
          // What was typed in a registration is kept as a draft, and the notice says where it is.
          const kept = await dialogs.abandon(d.personId, d, now);
          notices.push({
            personId: d.personId,
            key: `dialog:${d.personId}:${d.kind}:${d.expiresAt.toISOString()}`,
            reply: kept ?? { lines: [msg('dialog-expired-notice', { kind: d.kind })] },
          });
        }
        await notifier.notify(notices);
        return expired.length;
      },
      async bootstrapAdminCode(now = clock()) {
        if ((await roles.adminIds()).length > 0) return null;
        const pending = await roles.pendingBootstrapInvite(now);
        if (pending) return pending;
        return roles.createInvite({ role: 'ADMIN', planSlug: catalog.plan.id, byId: null, expiresAt: new Date(now.getTime() + BOOTSTRAP_TTL_MS) });
      },
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
