/**
 * Reading a plan from any of its file forms: YAML / JSON (`loadPlanFile`) or the spreadsheet
 * template (`.xlsx`, {@link readPlanXlsx}), so PLAN_FILE may name either.
 */
import { readFileSync } from 'node:fs';
import { msg, type Locale } from '../core/channel.ts';
import type { Translator } from '../core/i18n.ts';
import { loadPlanFile, parsePlanText, PlanFileError } from '../core/plan/load.ts';
import type { PlanParseResult } from '../core/plan/library.ts';
import type { PlanFile } from '../core/plan/plan-schema.ts';
import { readPlanXlsx } from './workbook.ts';

/**
 * Reads and validates a plan file; a `.xlsx` file is read as the spreadsheet template.
 * @throws PlanFileError when the file is missing or invalid; a spreadsheet's issues are worded by
 *         `i18n` in `locale` ("Sheet Tiêu chí, dòng 14, cột C" as the place, then what is wrong).
 */
export async function loadPlanAnyFile(file: string, i18n: Translator, locale: Locale): Promise<PlanFile> {
  if (!file.toLowerCase().endsWith('.xlsx')) return loadPlanFile(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new PlanFileError(file, [{ path: '(file)', message: (error as Error).message }]);
  }
  const read = await readPlanXlsx(bytes);
  if (read.ok) return read.plan;
  throw new PlanFileError(
    file,
    read.issues.map((issue) => {
      const text = i18n.format(locale, issue.message, 'plain');
      const at = text.indexOf(': ');
      return at < 0 ? { path: '(file)', message: text } : { path: text.slice(0, at), message: text.slice(at + 2) };
    }),
  );
}

/** Plan files accepted in chat, by extension (lower case). */
export const PLAN_FILE_EXTENSIONS = ['.xlsx', '.yaml', '.yml', '.json'] as const;

/**
 * Reads a plan file's bytes (sent in chat): `.xlsx` as the spreadsheet template, anything else as
 * YAML / JSON. Never throws for a bad file: every problem comes back as a message (a spreadsheet's
 * name sheet, row and column; a YAML file's name the field or the line).
 */
export async function parsePlanBytes(input: { bytes: Uint8Array; fileName: string }): Promise<PlanParseResult> {
  if (input.fileName.toLowerCase().endsWith('.xlsx')) {
    const read = await readPlanXlsx(input.bytes);
    return read.ok ? read : { ok: false, issues: read.issues.map((i) => i.message) };
  }
  try {
    return { ok: true, plan: parsePlanText(new TextDecoder('utf-8', { fatal: false }).decode(input.bytes), input.fileName) };
  } catch (error) {
    if (error instanceof PlanFileError)
      return { ok: false, issues: error.issues.map((i) => msg('plan-upload-field-issue', { path: i.path, problem: i.message })) };
    throw error;
  }
}
