/**
 * `npm run plan:template [-- out.xlsx]`: writes the plan spreadsheet template (see `src/plan-xlsx/`),
 * filled with the current plan (PLAN_FILE), so it is also an export of that plan. A commune edits it
 * in Excel or LibreOffice and loads it with `npm run plan:import -- file.xlsx`.
 * Default output: `ke-hoach-<plan id>.xlsx` in the current directory.
 * Exit codes: 0 written, 2 invalid configuration or plan file, 1 other error.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { loadPlanFile, PlanFileError } from '../core/plan/load.ts';
import { writePlanXlsx } from '../plan-xlsx/workbook.ts';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const plan = loadPlanFile(resolve(process.cwd(), config.planFile));
  const out = resolve(process.cwd(), process.argv[2] ?? `ke-hoach-${plan.id}.xlsx`);
  writeFileSync(out, await writePlanXlsx(plan));
  process.stdout.write(`${out}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PlanFileError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
