/**
 * The Council's yearly report to the People's Committee (plan IV.5: "Hội đồng Thi đua – Khen
 * thưởng xã … tổng hợp, báo cáo"): results against every target row of IV.1, the exemplars the
 * Council agreed to propose during the year, and the good deeds published. DOCX for the report,
 * XLSX for progress and the lists. Pure; the targets are for the whole period (domain-corrections
 * §3), so progress is counted to the report date, not per year.
 *
 * @module
 */
import type { SubjectType } from '../plan/plan-schema.ts';
import { documentFrame, listTable, tally, wording, type DossierContext, type DossierEntry } from './dossier.ts';
import { shortDate } from './layout.ts';
import { para, type Block, type Column, type OfficialDocument, type Row, type Workbook } from './model.ts';

/** One target row of IV.1 with its progress. */
export interface TargetProgress {
  unitName: string;
  /** Movement or field ("Phong trào, lĩnh vực"). */
  field: string;
  /** Targets by kind, e.g. `{ COLLECTIVE: 1, INDIVIDUAL: 2, HOUSEHOLD: 0, any: 0 }`. */
  targets: Record<SubjectType | 'any', number>;
  submitted: Record<SubjectType | 'any', number>;
  approved: Record<SubjectType | 'any', number>;
  met: boolean;
}

/** A published good deed ("Việc tốt quanh ta"). */
export interface PublishedDeed {
  ref: string;
  doerName: string;
  description: string;
  place: string;
  /** `YYYY-MM-DD` (local). */
  publishedOn: string;
}

export interface YearlyInput {
  year: number;
  progress: TargetProgress[];
  /** Nominations the Council agreed to propose during the year. */
  exemplars: DossierEntry[];
  deeds: PublishedDeed[];
}

const KIND_WORDS: Record<SubjectType | 'any', string> = { COLLECTIVE: 'tập thể', INDIVIDUAL: 'cá nhân', HOUSEHOLD: 'hộ', any: 'gương' };

/** "01 tập thể, 02 cá nhân" — the kinds with a target, two digits as the plan writes them. */
export function countsText(counts: Record<SubjectType | 'any', number>, only: Record<SubjectType | 'any', number>): string {
  const kinds = (['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD', 'any'] as const).filter((k) => only[k] > 0);
  return kinds.map((k) => `${String(counts[k]).padStart(2, '0')} ${KIND_WORDS[k]}`).join(', ') || '—';
}

function progressTable(ctx: DossierContext, input: YearlyInput): { columns: Column[]; rows: Row[] } {
  const w = (k: string) => wording(ctx.commune, 'baoCaoNam', k);
  const columns: Column[] = [
    { title: w('colNo'), width: 0.06, align: 'center' },
    { title: w('colUnit'), width: 0.22 },
    { title: w('colField'), width: 0.24 },
    { title: w('colTarget'), width: 0.13, align: 'center' },
    { title: w('colSubmitted'), width: 0.11, align: 'center' },
    { title: w('colApproved'), width: 0.13, align: 'center' },
    { title: w('colMet'), width: 0.11, align: 'center' },
  ];
  const rows: Row[] = input.progress.map((p, i) => ({
    cells: [
      String(i + 1),
      p.unitName,
      p.field,
      countsText(p.targets, p.targets),
      countsText(p.submitted, p.targets),
      countsText(p.approved, p.targets),
      p.met ? w('met') : w('notMet'),
    ],
  }));
  return { columns, rows };
}

function deedsTable(ctx: DossierContext, deeds: PublishedDeed[]): { columns: Column[]; rows: Row[] } {
  const w = (k: string) => wording(ctx.commune, 'baoCaoNam', k);
  return {
    columns: [
      { title: w('colNo'), width: 0.06, align: 'center' },
      { title: w('colDeed'), width: 0.44 },
      { title: w('colDoer'), width: 0.2 },
      { title: w('colPlace'), width: 0.16 },
      { title: w('colPublished'), width: 0.14, align: 'center' },
    ],
    rows: deeds.map((d, i) => ({ cells: [String(i + 1), d.description, d.doerName, d.place, shortDate(d.publishedOn)] })),
  };
}

/** The yearly report (DOCX model). `ctx.number` is the Council's own number ("…/BC-HĐTĐKT"). */
export function buildYearlyReport(ctx: DossierContext, input: YearlyInput): OfficialDocument {
  const values = { planTitle: ctx.planTitle, year: String(input.year), date: shortDate(ctx.date) };
  const w = (k: string, more: Record<string, string | number> = {}) => wording(ctx.commune, 'baoCaoNam', k, { ...values, ...more });
  const heading = (text: string): Block => ({ kind: 'para', runs: [{ text, bold: true }], indent: false });
  const t = tally(input.exemplars);
  const met = input.progress.filter((p) => p.met).length;
  const body: Block[] = [
    para(w('intro')),
    heading(w('targets')),
    para(w('targetsSummary', { met, total: input.progress.length })),
    { kind: 'table', ...progressTable(ctx, input) },
    heading(w('exemplars')),
    para(w('exemplarsCount', { ...t })),
    ...(input.exemplars.length > 0 ? [{ kind: 'table', ...listTable(ctx.commune, input.exemplars) } as Block] : []),
    heading(w('deeds')),
    para(w('deedsCount', { total: input.deeds.length })),
    ...(input.deeds.length > 0 ? [{ kind: 'table', ...deedsTable(ctx, input.deeds) } as Block] : []),
    heading(w('assessment')),
    para(w('assessmentText'), { italic: true }),
  ];
  return {
    ...documentFrame(ctx, 'baoCaoNam', values),
    fileName: `bao-cao-nam-${input.year}`,
    body,
    appendix: [],
  };
}

/** Progress and the lists as a workbook: targets, exemplars, good deeds (one sheet each). */
export function buildYearlyWorkbook(ctx: DossierContext, input: YearlyInput): Workbook {
  const w = (k: string) =>
    wording(ctx.commune, 'baoCaoNam', k, {
      year: String(input.year),
      date: shortDate(ctx.date),
      met: input.progress.filter((p) => p.met).length,
      total: input.progress.length,
    });
  return {
    fileName: `tien-do-${input.year}-${ctx.date}`,
    sheets: [
      { name: 'Chỉ tiêu', title: w('targets'), subtitle: w('targetsSummary'), ...progressTable(ctx, input) },
      { name: 'Điển hình', title: w('exemplars'), ...listTable(ctx.commune, input.exemplars) },
      { name: 'Việc tốt', title: w('deeds'), ...deedsTable(ctx, input.deeds) },
    ],
  };
}
