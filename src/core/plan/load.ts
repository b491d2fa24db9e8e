/**
 * Reading a plan file (YAML or JSON) and validating it with {@link planFileSchema}.
 */
import { AppError } from '../errors.ts';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { planFileSchema, type PlanFile } from './plan-schema.ts';

/** One problem in a plan file: the field path (e.g. `categories[3].criteria[2].text.vi`) and why. */
export interface PlanFileIssue {
  path: string;
  message: string;
}

/** Thrown when a plan file cannot be read, parsed or validated; `issues` names every field at fault. */
export class PlanFileError extends AppError {
  constructor(
    readonly file: string,
    readonly issues: PlanFileIssue[],
    /** What the file is, for the message ("Plan file", "Award forms file"). */
    what = 'Plan file',
  ) {
    super('plan/invalid-file', 'error-internal', `${what} ${file} is invalid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'PlanFileError';
  }
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(root)';

/**
 * Parses a data file (YAML, a superset of JSON) and validates it with `schema`. Text is normalised
 * to NFC, so a file saved in NFD still matches typed questions.
 * @throws PlanFileError with every issue (YAML syntax errors carry line and column); `what` names
 *         the kind of file in the message.
 */
export function parseDataText<S extends z.ZodType>(text: string, file: string, schema: S, what = 'Plan file'): z.output<S> {
  const doc = parseDocument(text.normalize('NFC'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new PlanFileError(
      file,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(syntax)',
        message: e.message.split('\n')[0] ?? e.message,
      })),
      what,
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    throw new PlanFileError(
      file,
      result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
      what,
    );
  }
  return result.data;
}

/** Parses and validates plan text (see {@link parseDataText}). @throws PlanFileError */
export const parsePlanText = (text: string, file = '(plan)'): PlanFile => parseDataText(text, file, planFileSchema);

/**
 * Reads and validates a data file with `schema` (see {@link parseDataText}).
 * @throws PlanFileError when the file is missing, unreadable or invalid.
 */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S, what = 'Plan file'): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanFileError(file, [{ path: '(file)', message: (error as Error).message }], what);
  }
  return parseDataText(text, file, schema, what);
}

/** Reads and validates a plan file. @throws PlanFileError when missing, unreadable or invalid. */
export const loadPlanFile = (file: string): PlanFile => loadDataFile(file, planFileSchema);
