/**
 * Reading a plan file (YAML or JSON) and validating it with {@link planFileSchema}.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { planFileSchema } from "./plan-schema.js";
/** Thrown when a plan file cannot be read, parsed or validated; `issues` names every field at fault. */
export class PlanFileError extends Error {
    file;
    issues;
    constructor(file, issues, 
    /** What the file is, for the message ("Plan file", "Award forms file"). */
    what = 'Plan file') {
        super(`${what} ${file} is invalid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
        this.file = file;
        this.issues = issues;
        this.name = 'PlanFileError';
    }
}
const formatPath = (path) => path.reduce((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') ||
    '(root)';
/**
 * Parses a data file (YAML, a superset of JSON) and validates it with `schema`. Text is normalised
 * to NFC, so a file saved in NFD still matches typed questions.
 * @throws PlanFileError with every issue (YAML syntax errors carry line and column); `what` names
 *         the kind of file in the message.
 */
export function parseDataText(text, file, schema, what = 'Plan file') {
    const doc = parseDocument(text.normalize('NFC'), { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new PlanFileError(file, doc.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(syntax)', message: e.message.split('\n')[0] ?? e.message })), what);
    }
    const result = schema.safeParse(doc.toJS());
    if (!result.success) {
        throw new PlanFileError(file, result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })), what);
    }
    return result.data;
}
/** Parses and validates plan text (see {@link parseDataText}). @throws PlanFileError */
export const parsePlanText = (text, file = '(plan)') => parseDataText(text, file, planFileSchema);
/**
 * Reads and validates a data file with `schema` (see {@link parseDataText}).
 * @throws PlanFileError when the file is missing, unreadable or invalid.
 */
export function loadDataFile(file, schema, what = 'Plan file') {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new PlanFileError(file, [{ path: '(file)', message: error.message }], what);
    }
    return parseDataText(text, file, schema, what);
}
/** Reads and validates a plan file. @throws PlanFileError when missing, unreadable or invalid. */
export const loadPlanFile = (file) => loadDataFile(file, planFileSchema);
//# sourceMappingURL=load.js.map