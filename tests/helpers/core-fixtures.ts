/**
 * Fixtures for core tests: the shipped plan and a translator.
 */
import { resolve } from 'node:path';
import type { Locale } from '../../src/core/channel.ts';
import { createTranslator, type Translator } from '../../src/core/i18n.ts';
import { createPlanCatalog, type PlanCatalog } from '../../src/core/plan/catalog.ts';
import { loadPlanFile } from '../../src/core/plan/load.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHIPPED_PLAN = resolve(ROOT, 'plans/ia-bang-2021-2025.yaml');

let cachedCatalog: PlanCatalog | undefined;
export function shippedCatalog(): PlanCatalog {
  cachedCatalog ??= createPlanCatalog(loadPlanFile(SHIPPED_PLAN));
  return cachedCatalog;
}

export function testTranslator(onMissing?: (locale: Locale, key: string) => void): Translator {
  return createTranslator({ localesDir: resolve(ROOT, 'locales'), defaultLocale: 'vi', onMissing });
}
