/**
 * The core services wired to the database: what every channel needs. Used by `main.ts` and by
 * tests that run the bot in-process.
 *
 * A composition root: with `main.ts` and `src/cli/*`, the only code outside `src/db` that may touch
 * the Prisma client. Channels and jobs get core ports ({@link AppStores}, {@link Services}), never the
 * client.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAwardFormsFile } from "./core/awards.js";
import { createBotCore } from "./core/bot.js";
import { msg } from "./core/channel.js";
import { DialogEngine } from "./core/dialog/engine.js";
import { criteriaFeature } from "./core/features/criteria.js";
import { generalFeature } from "./core/features/general.js";
import { peopleFeature } from "./core/features/people.js";
import { deedFeature, registerDeedDialogs } from "./core/deeds/feature.js";
import { createTranslator } from "./core/i18n.js";
import { nominationFeatures, registerNominationDialogs } from "./core/nominations/feature.js";
import { createPlanCatalog } from "./core/plan/catalog.js";
import { loadPlanFile } from "./core/plan/load.js";
import { importAwardForms, listAwardForms } from "./db/award-repository.js";
import { createDatabase, databaseFileFromUrl } from "./db/client.js";
import { createDeedRepository } from "./db/deed-repository.js";
import { createDialogStore } from "./db/dialog-store.js";
import { applyMigrations, migrationPaths } from "./db/migrate.js";
import { createNominationRepository } from "./db/nomination-repository.js";
import { createOutbox } from "./db/outbox.js";
import { createOutboxStore } from "./db/outbox-store.js";
import { createInboundEventLog } from "./db/inbound-log.js";
import { createZaloTokenStore } from "./db/zalo-token-store.js";
import { createAdminAlerts } from "./core/alerts.js";
import { createPeopleRepository } from "./db/people-repository.js";
import { importPlan, loadPlan } from "./db/plan-repository.js";
import { createRoleRepository } from "./db/role-repository.js";
import { createDigestRepository } from "./db/digest-repository.js";
import { createJobRunStore } from "./db/job-store.js";
import { createPreferenceRepository } from "./db/preference-repository.js";
import { createJobs } from "./jobs/jobs.js";
import { createScheduler } from "./jobs/scheduler.js";
import { remindersFeature } from "./core/features/reminders.js";
import { createLinkFeature } from "./core/features/link.js";
import { createLinkRepository } from "./db/link-repository.js";
import { qaFeature } from "./core/qa/feature.js";
import { createUnansweredRepository } from "./db/unanswered-repository.js";
import { createAttemptLimiter, createInboundLimiter } from "./limits/rate-limits.js";
/** The project root (where `locales/`, `prisma/` and `plans/` live). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** How long the first administrator's code stays valid: 30 days, in milliseconds. */
const BOOTSTRAP_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Opens the database, applies pending migrations, imports the configured plan and award forms
 * (idempotent: unchanged files are skipped) and builds the core.
 * @throws PlanFileError for an invalid plan or award forms file; Error when the database cannot be
 *         opened or migrated.
 */
export async function createApp(opts) {
    const { config, logger } = opts;
    const clock = opts.now ?? (() => new Date());
    const file = databaseFileFromUrl(config.databaseUrl);
    if (file)
        mkdirSync(dirname(file), { recursive: true });
    const migrations = await applyMigrations({
        databaseUrl: config.databaseUrl,
        ...migrationPaths(config.databaseUrl, PROJECT_ROOT),
    });
    if (migrations.applied.length > 0)
        logger.info({ applied: migrations.applied }, 'database migrated');
    const planFile = loadPlanFile(resolve(process.cwd(), config.planFile));
    const awardForms = loadAwardFormsFile(resolve(process.cwd(), config.awardFormsFile));
    const db = opts.database ?? (await createDatabase({ databaseUrl: config.databaseUrl, busyWaitMs: config.databaseBusyWaitMs }));
    try {
        const planImport = await importPlan(db.prisma, planFile);
        logger.info({ plan: planImport.slug, status: planImport.status, ...planImport.counts }, 'plan ready');
        await importAwardForms(db.prisma, awardForms);
        const catalog = createPlanCatalog((await loadPlan(db.prisma, planFile.id)));
        const translator = createTranslator({
            localesDir: resolve(PROJECT_ROOT, 'locales'),
            defaultLocale: config.defaultLocale,
            onMissing: (locale, key) => logger.error({ locale, key }, 'missing text'),
        });
        const dialogStore = createDialogStore(db.prisma);
        const dialogs = new DialogEngine(dialogStore);
        registerNominationDialogs(dialogs);
        registerDeedDialogs(dialogs);
        const roles = createRoleRepository(db.prisma);
        const notifier = createOutbox(db.prisma, { defaultLocale: config.defaultLocale, now: clock });
        const preferences = createPreferenceRepository(db.prisma);
        let scheduler;
        const services = {
            people: createPeopleRepository(db.prisma, { now: clock }),
            roles,
            nominations: createNominationRepository(db.prisma),
            deeds: createDeedRepository(db.prisma),
            dialogs,
            notifier,
            attempts: createAttemptLimiter({ logger }),
            preferences,
            jobStatus: () => scheduler.status(),
            awardForms: () => listAwardForms(db.prisma),
            unanswered: createUnansweredRepository(db.prisma),
            catalog: () => catalog,
            settings: { defaultLocale: config.defaultLocale, timeZone: config.timeZone, voteRule: config.voteRule, adminTelegramIds: config.adminTelegramIds, deedDailyLimit: config.deedDailyLimit },
        };
        scheduler = createScheduler({
            jobs: createJobs({ services, digests: createDigestRepository(db.prisma), preferences, settings: config.schedule }),
            store: createJobRunStore(db.prisma),
            timeZone: config.timeZone,
            maxLatenessMs: config.schedule.maxLatenessMs,
            logger,
            now: clock,
        });
        const core = createBotCore({ services, features: [generalFeature, criteriaFeature, peopleFeature, remindersFeature, ...nominationFeatures, deedFeature, qaFeature, createLinkFeature(createLinkRepository(db.prisma))], inbound: config.rateLimitPerMinute > 0 ? createInboundLimiter({ logger, perMinute: config.rateLimitPerMinute }) : undefined, now: clock });
        return {
            core,
            translator,
            services,
            stores: { outbox: createOutboxStore(db.prisma), inboundEvents: createInboundEventLog(db.prisma), zaloTokens: createZaloTokenStore(db.prisma, { now: clock }) },
            alerts: createAdminAlerts({ roles, notifier }),
            catalog: () => catalog,
            planImport,
            scheduler,
            async expireDialogs(now = clock()) {
                const expired = await dialogStore.takeExpired(now);
                await notifier.notify(expired.map((d) => ({ personId: d.personId, key: `dialog:${d.personId}:${d.kind}:${d.expiresAt.toISOString()}`, reply: { lines: [msg('dialog-expired-notice', { kind: d.kind })] } })));
                return expired.length;
            },
            async bootstrapAdminCode(now = clock()) {
                if ((await roles.adminIds()).length > 0)
                    return null;
                const pending = await roles.pendingBootstrapInvite(now);
                if (pending)
                    return pending;
                return roles.createInvite({ role: 'ADMIN', planSlug: catalog.plan.id, byId: null, expiresAt: new Date(now.getTime() + BOOTSTRAP_TTL_MS) });
            },
            close: () => db.close(),
        };
    }
    catch (error) {
        await db.close();
        throw error;
    }
}
//# sourceMappingURL=app.js.map