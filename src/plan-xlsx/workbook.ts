/**
 * A plan as a spreadsheet (XLSX, `exceljs`): {@link writePlanXlsx} writes a validated plan into the
 * template (sheets of `./sheets.ts`), {@link readPlanXlsx} reads a filled template into the same object
 * a YAML plan file gives and validates it with `planFileSchema`.
 *
 * Errors: every problem is a {@link XlsxIssue} naming the sheet, the row and the column letter as Excel
 * shows them, with a Fluent message (`plan-xlsx-*` in `locales/*.ftl`) saying what is wrong and what
 * would be right. All problems are reported at once; a plan is returned only when there are none.
 */
import type ExcelJS from 'exceljs';
import type { Msg } from '../core/channel.ts';
import { msg } from '../core/channel.ts';
import { planFileSchema, type PlanFile } from '../core/plan/plan-schema.ts';
import { PLAN_FIELDS, PLAN_HEADERS, PLAN_SHEET, SHEET_OF_REFERENCE, TABLE_SHEETS, type Column, type Kind } from './sheets.ts';

/** One problem of a spreadsheet; `message` is the whole sentence (`plan-xlsx-cell`, `-row` or `-sheet`). */
export interface XlsxIssue {
  sheet: string;
  row?: number;
  column?: string;
  message: Msg;
}

export type ReadResult = { ok: true; plan: PlanFile } | { ok: false; issues: XlsxIssue[] };

type Obj = Record<string, unknown>;

const get = (o: unknown, path: string): unknown =>
  path === '' ? o : path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Obj)[k] : undefined), o);

function set(o: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Obj;
  cur[keys.at(-1)!] = value;
}

/** The text of a cell as written in the sheet (for export). */
function toCell(value: unknown, col: { kind: Kind; options?: Readonly<Record<string, string>> }): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  switch (col.kind) {
    case 'bool':
      return value === true ? 'có' : undefined;
    case 'int':
      return value === 0 ? undefined : (value as number);
    case 'choice':
      return col.options?.[value as string] ?? String(value);
    case 'choices':
      return (value as string[]).map((v) => col.options?.[v] ?? v).join(', ');
    case 'codes':
      return (value as string[]).join(', ');
    case 'words':
      return (value as string[]).length ? (value as string[]).join('; ') : undefined;
    default:
      return String(value);
  }
}

/** The plain text of any cell value (numbers, dates, rich text, formulas, hyperlinks). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** Reads a cell as the plan file format wants it; unreadable values are kept as text for the schema to reject. */
function fromCell(raw: ExcelJS.CellValue, col: { kind: Kind; options?: Readonly<Record<string, string>> }): unknown {
  const text = cellText(raw).normalize('NFC').trim();
  if (text === '') return col.kind === 'bool' ? false : undefined;
  const choose = (s: string): string => {
    const found = Object.entries(col.options ?? {}).find(([c, label]) => c.toLowerCase() === s.toLowerCase() || label.toLowerCase() === s.toLowerCase());
    return found ? found[0] : s;
  };
  switch (col.kind) {
    case 'date':
    case 'planDate':
      // A date typed into a text-formatted cell is stored as Excel's day serial (1 = 1900-01-01);
      // a small number is a year ("2021").
      if (typeof raw === 'number' && raw > 9999) return new Date(Date.UTC(1899, 11, 30) + raw * 86_400_000).toISOString().slice(0, 10);
      return text;
    case 'int':
      return typeof raw === 'number' ? raw : /^-?\d+$/.test(text) ? Number(text) : text;
    case 'bool': {
      const t = text.toLowerCase();
      if (['có', 'co', 'x', 'yes', 'true'].includes(t)) return true;
      if (['không', 'khong', 'no', 'false'].includes(t)) return false;
      return text;
    }
    case 'choice':
      return choose(text);
    case 'choices':
      return text
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map(choose);
    case 'codes':
      return text
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'words':
      return text
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return text;
  }
}

const HEADER_FONT = { bold: true };

/** exceljs, loaded at first use: it costs the bot's start ≈0.4 s and 20 MB, and only spreadsheets need it. */
const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

/** The XLSX bytes of the template, filled with `plan` (a validated plan). */
export async function writePlanXlsx(plan: PlanFile): Promise<Uint8Array> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'thidua-bot';
  const ws = wb.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 36 }, { width: 80 }, { width: 80 }];
  ws.addRow(PLAN_HEADERS).font = HEADER_FONT;
  for (const f of PLAN_FIELDS) {
    const v = get(plan, f.path);
    const row = f.pair ? [f.label, get(v, 'vi'), get(v, 'en')] : [f.label, toCell(v, f)];
    const r = ws.addRow(row);
    r.getCell(1).font = HEADER_FONT;
    r.getCell(2).numFmt = '@';
    r.alignment = { wrapText: true, vertical: 'top' };
  }
  for (const s of TABLE_SHEETS) {
    const sheet = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => ({ width: c.width }));
    const head = sheet.addRow(s.columns.map((c) => c.header));
    head.font = HEADER_FONT;
    head.alignment = { wrapText: true, vertical: 'middle' };
    s.columns.forEach((c, i) => {
      // Dates and codes stay text: Excel would turn "2021" into a number and "2021-08" into a date.
      if (c.kind !== 'int') sheet.getColumn(i + 1).numFmt = '@';
    });
    const rows: Obj[] =
      s.target.kind === 'list'
        ? ((plan as unknown as Obj)[s.target.into] as Obj[])
        : plan.categories.flatMap((cat) => ((cat as unknown as Obj)[s.target.into] as Obj[]).map((x) => ({ ...x, category: cat.code })));
    for (const item of rows) {
      const r = sheet.addRow(s.columns.map((c) => toCell(get(item, c.path), c)));
      r.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Where a value of the plan object came from. */
interface Place {
  sheet: string;
  row: number;
  column?: string;
  header?: string;
  kind?: Kind;
  value?: string;
  options?: Readonly<Record<string, string>>;
}

const lowerFirst = (s: string) => s.replace(/\s*\(.*\)$/, '').replace(/^./, (c) => c.toLowerCase());

/**
 * Reads a filled template (XLSX bytes) into a plan and validates it.
 * @returns the plan, or every problem found (nothing is half-read: a plan is returned only when clean).
 */
export async function readPlanXlsx(data: Uint8Array): Promise<ReadResult> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, issues: [{ sheet: '-', message: msg('plan-xlsx-unreadable', { detail: (error as Error).message }) }] };
  }
  const issues: XlsxIssue[] = [];
  const places = new Map<string, Place>();
  const plan: Obj = {};

  const sheetIssue = (sheet: string, problem: Msg) => issues.push({ sheet, message: msg('plan-xlsx-sheet', { sheet, problem }) });
  const cellIssue = (p: Place, problem: Msg) =>
    issues.push({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      message: p.column
        ? msg('plan-xlsx-cell', { sheet: p.sheet, row: p.row, col: p.column, problem })
        : msg('plan-xlsx-row', { sheet: p.sheet, row: p.row, problem }),
    });

  // The vertical "Kế hoạch" sheet.
  const main = wb.getWorksheet(PLAN_SHEET);
  if (!main) sheetIssue(PLAN_SHEET, msg('plan-xlsx-no-sheet'));
  else {
    const byLabel = new Map<string, number>();
    main.eachRow((row, n) => byLabel.set(cellText(row.getCell(1).value).normalize('NFC').trim().toLowerCase(), n));
    for (const f of PLAN_FIELDS) {
      const n = byLabel.get(f.label.toLowerCase());
      if (n === undefined) {
        sheetIssue(PLAN_SHEET, msg('plan-xlsx-no-field', { field: f.label }));
        continue;
      }
      const row = main.getRow(n);
      const cols = f.pair
        ? ([
            ['vi', 2, `${f.label}`],
            ['en', 3, `${f.label} (tiếng Anh)`],
          ] as const)
        : ([['', 2, f.label]] as const);
      for (const [sub, idx, header] of cols) {
        const path = sub ? `${f.path}.${sub}` : f.path;
        const raw = row.getCell(idx).value;
        const value = fromCell(raw, f);
        if (value !== undefined) set(plan, path, value);
        places.set(path, { sheet: PLAN_SHEET, row: n, column: main.getColumn(idx).letter, header, kind: f.kind, value: cellText(raw).trim() });
      }
      if (f.pair) places.set(f.path, { sheet: PLAN_SHEET, row: n, column: 'B', header: f.label, kind: f.kind, value: '' });
    }
  }

  // The table sheets.
  const children: { sheet: string; into: 'profiles' | 'criteria'; item: Obj; place: Map<string, Place>; row: number; categoryPlace: Place }[] = [];
  for (const s of TABLE_SHEETS) {
    const ws = wb.getWorksheet(s.name);
    if (s.target.kind === 'list') (plan as Obj)[s.target.into] = [];
    if (!ws) {
      sheetIssue(s.name, msg('plan-xlsx-no-sheet'));
      continue;
    }
    const list = s.target.kind === 'list' ? ((plan as Obj)[s.target.into] as unknown[]) : undefined;
    // Columns are found by header, so a civil servant may reorder them; a missing header is an error.
    const header = ws.getRow(1);
    const colIndex = new Map<string, number>();
    header.eachCell((cell, n) => colIndex.set(cellText(cell.value).normalize('NFC').trim().toLowerCase(), n));
    const cols: { c: Column; idx: number }[] = [];
    for (const c of s.columns) {
      const idx = colIndex.get(c.header.toLowerCase());
      if (idx === undefined) {
        if (!c.optional) sheetIssue(s.name, msg('plan-xlsx-no-column', { field: c.header }));
      } else cols.push({ c, idx });
    }
    ws.eachRow((row, n) => {
      if (n === 1) return;
      if (cols.every(({ idx }) => cellText(row.getCell(idx).value).trim() === '')) return; // blank row
      const item: Obj = {};
      const local = new Map<string, Place>();
      for (const { c, idx } of cols) {
        const raw = row.getCell(idx).value;
        const value = fromCell(raw, c);
        if (value !== undefined) set(item, c.path, value);
        local.set(c.path, {
          sheet: s.name,
          row: n,
          column: ws.getColumn(idx).letter,
          header: c.header,
          kind: c.kind,
          value: cellText(raw).trim(),
          options: c.options,
        });
      }
      // A localized pair with both halves blank is an absent optional text, not two missing halves.
      for (const c of s.columns) {
        if (!c.path.endsWith('.vi')) continue;
        const base = c.path.slice(0, -3);
        const v = get(item, base) as Obj | undefined;
        if (v && v.vi === undefined && v.en === undefined) set(item, base, undefined);
      }
      if (s.columns.some((c) => c.path.startsWith('targets.')) && item.targets === undefined) item.targets = {};
      const rowPlace: Place = { sheet: s.name, row: n };
      if (list) {
        const i = list.length;
        const prefix = s.target.into === 'villages' ? `villages.${i}` : `${s.target.into}.${i}`;
        list.push(item);
        places.set(prefix, rowPlace);
        for (const [p, place] of local) places.set(p === '' ? prefix : `${prefix}.${p}`, place);
      } else {
        children.push({
          sheet: s.name,
          into: (s.target as { into: 'profiles' | 'criteria' }).into,
          item,
          place: local,
          row: n,
          categoryPlace: local.get('category')!,
        });
      }
    });
  }

  // Profiles and criteria go under their category.
  const categories = ((plan as Obj).categories ?? []) as Obj[];
  for (const c of categories) {
    c.profiles = [];
    c.criteria = [];
  }
  for (const child of children) {
    const code = child.item.category;
    const i = categories.findIndex((c) => c.code === code);
    if (code === undefined) {
      cellIssue(child.categoryPlace, msg('plan-xlsx-missing', { field: lowerFirst(child.categoryPlace.header ?? '') }));
      continue;
    }
    if (i < 0) {
      cellIssue(child.categoryPlace, msg('plan-xlsx-unknown', { value: String(code), other: SHEET_OF_REFERENCE.category! }));
      continue;
    }
    const list = categories[i]![child.into] as Obj[];
    const prefix = `categories.${i}.${child.into}.${list.length}`;
    delete child.item.category;
    list.push(child.item);
    places.set(prefix, { sheet: child.sheet, row: child.row });
    for (const [p, place] of child.place) places.set(`${prefix}.${p}`, place);
  }

  const result = planFileSchema.safeParse(plan);
  if (!result.success) {
    // The schema checks cross references only once every field is valid; check them now too, so a
    // civil servant gets every mistake in one round (the same words, so duplicates collapse below).
    const found = [...result.error.issues, ...crossCheck(plan)];
    const bad = found.map((i) => i.path.map(String).join('.'));
    for (const issue of found) {
      // A quota with a bad count is not also "asks for nothing": one message per mistake.
      if (issue.message.startsWith('a quota must ask') && bad.some((b) => b.startsWith(`${issue.path.map(String).join('.')}.`))) continue;
      const path = issue.path.map(String);
      let place: Place | undefined;
      let depth = path.length;
      for (; depth >= 0 && !place; depth--) place = places.get(path.slice(0, depth).join('.'));
      depth++;
      if (!place) {
        const key = String(path[0] ?? '');
        const sheet = TABLE_SHEETS.find((s) => s.target.kind === 'list' && s.target.into === key)?.name ?? PLAN_SHEET;
        sheetIssue(sheet, msg('plan-xlsx-no-rows'));
        continue;
      }
      cellIssue(place, problemOf(issue.message, path.slice(depth), place));
    }
  }
  // Several zod issues can land on the same cell with the same words; say it once.
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const k = JSON.stringify(i.message);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  if (unique.length > 0) return { ok: false, issues: unique };
  return { ok: true, plan: result.data! };
}

/** What is wrong with a value, and what would be right, from the schema's message and the column. */
function problemOf(message: string, rest: string[], place: Place): Msg {
  const value = place.value ?? '';
  const field = lowerFirst(place.header ?? '');
  let m: RegExpMatchArray | null;
  if ((m = message.match(/^duplicate code "(.*)"$/))) return msg('plan-xlsx-duplicate', { value: m[1]! });
  if ((m = message.match(/^unknown (unit|movement|phase|profile) "(.*)"$/)))
    return msg('plan-xlsx-unknown', { value: m[2]!, other: SHEET_OF_REFERENCE[m[1]!]! });
  if ((m = message.match(/^"(.*)" is not among/))) return msg('plan-xlsx-not-in-category', { value: SUBJECT_LABEL[m[1]!] ?? m[1]! });
  if (message === 'ends before it starts') return msg('plan-xlsx-ends-before');
  if (message.startsWith('a quota must ask')) return msg('plan-xlsx-quota-empty');
  if (message.includes('MONTH milestone') || message.includes('precision DAY') || message.includes('"BEFORE"')) return msg('plan-xlsx-precision');
  if (rest.length > 0 && place.column === undefined) {
    if (rest[0] === 'criteria') return msg('plan-xlsx-no-criteria');
    return msg('plan-xlsx-other', { detail: message });
  }
  if (value === '') return msg('plan-xlsx-missing', { field });
  switch (place.kind) {
    case 'code':
    case 'codes':
      return msg('plan-xlsx-code', { value });
    case 'date':
      return msg('plan-xlsx-date', { value });
    case 'planDate':
      return msg('plan-xlsx-plan-date', { value });
    case 'int':
      return msg('plan-xlsx-count', { value });
    case 'bool':
      return msg('plan-xlsx-yes-no', { value });
    case 'choice':
    case 'choices':
      return msg('plan-xlsx-choice', { value, options: Object.values(place.options ?? {}).join(', ') });
    default:
      return msg('plan-xlsx-other', { detail: message });
  }
}

/**
 * The schema's cross-reference checks (duplicate codes, unknown unit / movement / phase / profile,
 * ends before it starts), written to run on an object that may still have invalid fields.
 */
function crossCheck(plan: Obj): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
  const codes = (key: string) => new Set(list(plan[key]).map((x) => x.code));
  const unique = (items: Obj[], path: (string | number)[]) => {
    const seen = new Set<unknown>();
    items.forEach((x, i) => {
      if (typeof x.code === 'string' && seen.has(x.code)) out.push({ path: [...path, i, 'code'], message: `duplicate code "${x.code}"` });
      seen.add(x.code);
    });
  };
  for (const key of ['movements', 'units', 'categories', 'quotas', 'phases', 'milestones', 'generalCriteria', 'agencyNotes']) unique(list(plan[key]), [key]);
  const refs = (key: string, field: string, known: Set<unknown>, what: string) =>
    list(plan[key]).forEach((x, i) => {
      if (typeof x[field] === 'string' && !known.has(x[field])) out.push({ path: [key, i, field], message: `unknown ${what} "${String(x[field])}"` });
    });
  refs('categories', 'movement', codes('movements'), 'movement');
  refs('quotas', 'unit', codes('units'), 'unit');
  refs('quotas', 'movement', codes('movements'), 'movement');
  refs('milestones', 'phase', codes('phases'), 'phase');
  list(plan.categories).forEach((c, i) => {
    unique(list(c.criteria), ['categories', i, 'criteria']);
    unique(list(c.profiles), ['categories', i, 'profiles']);
    const profiles = new Set(list(c.profiles).map((p) => p.code));
    const types = Array.isArray(c.subjectTypes) ? (c.subjectTypes as unknown[]) : [];
    list(c.profiles).forEach((p, j) => {
      if (typeof p.subjectType === 'string' && types.length && !types.includes(p.subjectType))
        out.push({ path: ['categories', i, 'profiles', j, 'subjectType'], message: `"${p.subjectType}" is not among the category's subjectTypes` });
    });
    list(c.criteria).forEach((x, j) => {
      (Array.isArray(x.profiles) ? (x.profiles as unknown[]) : []).forEach((p, k) => {
        if (!profiles.has(p)) out.push({ path: ['categories', i, 'criteria', j, 'profiles', k], message: `unknown profile "${String(p)}"` });
      });
      (Array.isArray(x.subjectTypes) ? (x.subjectTypes as unknown[]) : []).forEach((t, k) => {
        if (types.length && !types.includes(t))
          out.push({ path: ['categories', i, 'criteria', j, 'subjectTypes', k], message: `"${String(t)}" is not among the category's subjectTypes` });
      });
    });
  });
  const first = (d: unknown) => (typeof d !== 'string' ? undefined : d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  const last = (d: unknown) => (typeof d !== 'string' ? undefined : d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
  list(plan.phases).forEach((p, i) => {
    const a = first(p.start);
    const b = last(p.end);
    if (a && b && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(String(p.start)) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(String(p.end)) && a > b)
      out.push({ path: ['phases', i, 'end'], message: 'ends before it starts' });
  });
  const period = (plan.period ?? {}) as Obj;
  if (typeof period.start === 'string' && typeof period.end === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(period.end) && period.start > period.end) {
    out.push({ path: ['period', 'end'], message: 'ends before it starts' });
  }
  return out;
}

const SUBJECT_LABEL: Record<string, string> = { COLLECTIVE: 'Tập thể', INDIVIDUAL: 'Cá nhân', HOUSEHOLD: 'Hộ gia đình' };
