/**
 * `npm run plan:import -- [file]`: imports a plan file into the database (default: PLAN_FILE): YAML,
 * JSON, or the spreadsheet template (`.xlsx`, see `npm run plan:template`). Errors in a spreadsheet are
 * printed in DEFAULT_LOCALE with their sheet, row and column; nothing is imported when there is one.
 * Idempotent: an unchanged file changes nothing; an edited file updates the plan in place.
 * Exit codes: 0 imported or unchanged, 2 invalid file (every field at fault is printed), 1 other error.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PROJECT_ROOT } from '../app.ts';
import { msg } from '../core/channel.ts';
import { createTranslator } from '../core/i18n.ts';
import { readPlanXlsx } from '../plan-xlsx/workbook.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { loadPlanFile, PlanFileError } from '../core/plan/load.ts';
import { createDatabase, databaseFileFromUrl } from '../db/client.ts';
import { applyMigrations, migrationPaths } from '../db/migrate.ts';
import { importPlan, PlanImportError } from '../db/plan-repository.ts';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const file = resolve(process.cwd(), process.argv[2] ?? config.planFile);
  let plan;
  if (file.toLowerCase().endsWith('.xlsx')) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new PlanFileError(file, [{ path: '(file)', message: (error as Error).message }]);
    }
    const read = await readPlanXlsx(bytes);
    if (!read.ok) {
      const i18n = createTranslator({ localesDir: resolve(PROJECT_ROOT, 'locales'), defaultLocale: config.defaultLocale });
      const say = (m: Parameters<typeof i18n.format>[1]) => i18n.format(config.defaultLocale, m, 'plain');
      process.stderr.write(`${say(msg('plan-xlsx-invalid', { file, count: read.issues.length }))}\n`);
      for (const issue of read.issues) process.stderr.write(`  - ${say(issue.message)}\n`);
      return 2;
    }
    plan = read.plan;
  } else plan = loadPlanFile(file);
  const dbFile = databaseFileFromUrl(config.databaseUrl);
  if (dbFile) mkdirSync(dirname(dbFile), { recursive: true });
  await applyMigrations({ databaseUrl: config.databaseUrl, ...migrationPaths(config.databaseUrl, PROJECT_ROOT) });
  const db = await createDatabase({ databaseUrl: config.databaseUrl });
  try {
    const result = await importPlan(db.prisma, plan);
    const c = result.counts;
    process.stdout.write(
      `${result.slug}: ${result.status} — ${c.categories} categories, ${c.criteria} criteria, ${c.units} units, ` +
        `${c.movements} movements, ${c.quotas} quotas, ${c.phases} phases, ${c.milestones} milestones\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PlanFileError || error instanceof ConfigError || error instanceof PlanImportError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
