/**
 * `npm run plan:import -- [file]`: imports a plan file into the database (default: PLAN_FILE).
 * Idempotent: an unchanged file changes nothing; an edited file updates the plan in place.
 * Exit codes: 0 imported or unchanged, 2 invalid file (every field at fault is printed), 1 other error.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PROJECT_ROOT } from "../app.js";
import { ConfigError, loadConfig } from "../config.js";
import { loadPlanFile, PlanFileError } from "../core/plan/load.js";
import { createDatabase, databaseFileFromUrl } from "../db/client.js";
import { applyMigrations, migrationPaths } from "../db/migrate.js";
import { importPlan, PlanImportError } from "../db/plan-repository.js";
async function main() {
    if (existsSync('.env'))
        process.loadEnvFile('.env');
    const config = loadConfig();
    const file = resolve(process.cwd(), process.argv[2] ?? config.planFile);
    const plan = loadPlanFile(file);
    const dbFile = databaseFileFromUrl(config.databaseUrl);
    if (dbFile)
        mkdirSync(dirname(dbFile), { recursive: true });
    await applyMigrations({ databaseUrl: config.databaseUrl, ...migrationPaths(config.databaseUrl, PROJECT_ROOT) });
    const db = await createDatabase({ databaseUrl: config.databaseUrl });
    try {
        const result = await importPlan(db.prisma, plan);
        const c = result.counts;
        process.stdout.write(`${result.slug}: ${result.status} — ${c.categories} categories, ${c.criteria} criteria, ${c.units} units, ` +
            `${c.movements} movements, ${c.quotas} quotas, ${c.phases} phases, ${c.milestones} milestones\n`);
        return 0;
    }
    finally {
        await db.close();
    }
}
main().then((code) => process.exit(code), (error) => {
    if (error instanceof PlanFileError || error instanceof ConfigError || error instanceof PlanImportError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
//# sourceMappingURL=import-plan.js.map