/**
 * A plan whose dates lie ahead: the shipped 2021–2025 plan with every year 2020–2025 moved five
 * years on (2026–2030; id `ia-bang-2026-2030`), written to a temp file, so reminders of milestones
 * and phase ends can be seen working after the shipped plan ended.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const FUTURE_PLAN_ID = 'ia-bang-2026-2030';

export async function writeFuturePlan(): Promise<{ file: string; remove(): Promise<void> }> {
  const source = await readFile(join(ROOT, 'plans/ia-bang-2021-2025.yaml'), 'utf8');
  const shifted = source.replace(/\b(202[0-5])\b/g, (y) => String(Number(y) + 5));
  const dir = await mkdtemp(join(tmpdir(), 'thidua-plan-'));
  const file = join(dir, 'plan-2026-2030.yaml');
  await writeFile(file, shifted);
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
