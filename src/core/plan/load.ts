/**
 * Reading a plan file (YAML or JSON) and validating it with {@link planFileSchema}.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { planFileSchema, type PlanFile } from './plan-schema.ts';

/** One problem in a plan file: the field path (e.g. `categories[3].criteria[2].text.vi`) and why. */
export interface PlanFileIssue {
  path: string;
  message: string;
}

/** Thrown when a plan file cannot be read, parsed or validated; `issues` names every field at fault. */
export class PlanFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: PlanFileIssue[],
  ) {
    super(`Plan file ${file} is invalid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'PlanFileError';
  }
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') ||
  '(root)';

/**
 * Parses and validates plan text. YAML is a superset of JSON, so both formats are accepted.
 * Text is normalised to NFC, so a file saved in NFD still matches typed questions.
 * @throws PlanFileError with every issue (YAML syntax errors carry line and column).
 */
export function parsePlanText(text: string, file = '(plan)'): PlanFile {
  const doc = parseDocument(text.normalize('NFC'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new PlanFileError(
      file,
      doc.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(syntax)', message: e.message.split('\n')[0] ?? e.message })),
    );
  }
  const result = planFileSchema.safeParse(doc.toJS());
  if (!result.success) {
    throw new PlanFileError(file, result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return result.data;
}

/**
 * Reads and validates a plan file.
 * @throws PlanFileError when the file is missing, unreadable or invalid.
 */
export function loadPlanFile(file: string): PlanFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanFileError(file, [{ path: '(file)', message: (error as Error).message }]);
  }
  return parsePlanText(text, file);
}
