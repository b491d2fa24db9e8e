/**
 * `/vanban` producers beyond the dossier: the achievement report of one nomination (báo cáo thành
 * tích), the Council's yearly report (plan IV.5) and progress with the lists as a workbook. They
 * gather the records through core's ports and hand plain inputs to the pure builders.
 *
 * @module
 */
import { msg } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { computeProgress } from '../nominations/progress.ts';
import { pick } from '../plan/catalog.ts';
import { localDate } from '../plan/dates.ts';
import type { SubjectType } from '../plan/plan-schema.ts';
import { applicableCriteria } from '../criteria/applicability.ts';
import { buildAchievementReport } from './achievement.ts';
import { inListOrder, tally, type DossierContext, type DossierEntry } from './dossier.ts';
import type { Nomination } from '../nominations/model.ts';
import type { Producer, Request } from './feature.ts';
import type { DocumentServices } from './ports.ts';
import { commendationsOf, dossierEntries, MAX_DOSSIER, parseIds, toEntries, type Commendations } from './records.ts';
import type { AwardForm } from '../awards.ts';
import { buildYearlyReport, buildYearlyWorkbook, type TargetProgress, type YearlyInput } from './yearly.ts';

/** Most good deeds listed in a yearly report. */
export const MAX_DEEDS = 1000;

const base = async (ctx: Ctx, docs: DocumentServices, date: string, number?: string, draft = true): Promise<DossierContext> => ({
  commune: await docs.commune(),
  planTitle: ctx.catalog.plan.title.vi,
  date,
  ...(number ? { number } : {}),
  draft,
});

/** The report's inputs for one nomination: its row, the criteria with the self-check, the awards recorded. */
function achievementInput(ctx: Ctx, n: Nomination, entry: DossierEntry, forms: AwardForm[], commendations: Commendations) {
  const category = ctx.catalog.categoryByCode.get(n.categoryCode);
  const awards = commendations.map((c) => ({
    form: forms.find((f) => f.code === c.awardCode)?.name.vi ?? c.awardCode,
    number: c.decisionNumber,
    date: c.decisionDate,
  }));
  // Only the criteria that apply to this nominee (subject type, sub-profile), minus those marked "không áp dụng".
  const applicable = category ? applicableCriteria(category, { subjectType: n.subjectType, profile: n.profile }) : [];
  const criteria = applicable
    .filter((a) => !(n.notApplicable ?? []).includes(a.criterion.code))
    .map((a) => ({ text: pick(a.criterion.text, 'vi'), met: n.selfCheck.includes(a.criterion.code) }));
  return { entry, criteria, awards };
}

/**
 * `/vanban thanhtich 12`: the report of nomination 12 (any state past the draft). Without a number,
 * or with several, the reports of the dossier (as for the tờ trình) in one file, one per section.
 */
const thanhTich: Producer = async (ctx, docs, req) => {
  if (req.words.length === 1 && /^#?\d{1,9}$/.test(req.words[0]!)) {
    const id = Number(req.words[0]!.replace('#', ''));
    const n = await ctx.services.nominations.get(id);
    if (!n || n.planSlug !== ctx.catalog.plan.id || n.state === 'DRAFT') return { refusal: [{ lines: [msg('documents-not-found', { ids: String(id) })] }] };
    const commendations = await commendationsOf(ctx, [n]);
    const [entry] = await toEntries(ctx, [n], commendations);
    const doc = buildAchievementReport(
      await base(ctx, docs, ctx.today),
      achievementInput(ctx, n, entry!, await ctx.services.awardForms(), commendations.get(n.id)!),
    );
    return { doc, preview: msg('documents-preview-achievement', { name: n.nomineeName, id: n.id, subject: n.subjectType }) };
  }
  if (!parseIds(req.words)) return { refusal: [{ lines: [msg('documents-achievement-usage')] }] };
  // Every nominee needs its report, whichever level awards it.
  const d = await dossierEntries(ctx, req, 'ANY');
  if ('refusal' in d) return d;
  const nominations = new Map(d.nominations.map((n) => [n.id, n]));
  const forms = await ctx.services.awardForms();
  const c = await base(ctx, docs, ctx.today);
  const reports = inListOrder(d.entries).map((e) =>
    buildAchievementReport(c, achievementInput(ctx, nominations.get(e.id)!, e, forms, d.commendations.get(e.id)!)),
  );
  return { bundle: { fileName: `bao-cao-thanh-tich-${ctx.today}`, docs: reports }, preview: msg('documents-preview-achievements', { ...tally(d.entries) }) };
};

/** The year asked for (default: this year), or undefined when the words are not a year. */
function yearOf(ctx: Ctx, req: Request): number | undefined {
  if (req.words.length === 0) return Number(ctx.today.slice(0, 4));
  const m = req.words.length === 1 ? /^(20\d\d)$/.exec(req.words[0]!) : null;
  return m ? Number(m[1]) : undefined;
}

const KIND: Record<string, SubjectType | 'any'> = { collectives: 'COLLECTIVE', individuals: 'INDIVIDUAL', households: 'HOUSEHOLD', any: 'any' };
const byKind = (counts: Record<string, number>): Record<SubjectType | 'any', number> => {
  const out = { COLLECTIVE: 0, INDIVIDUAL: 0, HOUSEHOLD: 0, any: 0 };
  for (const [k, v] of Object.entries(counts)) if (KIND[k]) out[KIND[k]!] = v;
  return out;
};

/** Everything the yearly report says, from the records: progress to today, the year's exemplars and deeds. */
async function yearlyInput(ctx: Ctx, year: number): Promise<YearlyInput> {
  const tz = ctx.services.settings.timeZone;
  const rows = await ctx.services.nominations.progressRows(ctx.catalog.plan.id);
  const progress: TargetProgress[] = computeProgress(ctx.catalog.plan, rows, tz).map((p) => ({
    unitName: ctx.catalog.unitName(p.quota.unit, 'vi'),
    field: pick(p.quota.field, 'vi'),
    targets: byKind(p.quota.targets),
    submitted: byKind(p.submitted),
    approved: byKind(p.approved),
    met: p.met,
  }));
  const { items } = await ctx.services.nominations.list({ planSlug: ctx.catalog.plan.id, states: ['APPROVED'], offset: 0, limit: MAX_DOSSIER });
  const inYear = items.filter((n) => n.decidedAt && localDate(n.decidedAt, tz).startsWith(`${year}-`)).sort((a, b) => a.id - b.id);
  // A day's margin on each side of the year, then the exact local year.
  const from = new Date(Date.UTC(year - 1, 11, 31));
  const to = new Date(Date.UTC(year + 1, 0, 2));
  const deeds = (await ctx.services.deeds.publishedBetween({ from, to, limit: MAX_DEEDS }))
    .map((d) => ({ ref: d.ref, doerName: d.doerName, description: d.description, place: d.place, publishedOn: localDate(d.publishedAt, tz) }))
    .filter((d) => d.publishedOn.startsWith(`${year}-`))
    .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn));
  return { year, progress, exemplars: await toEntries(ctx, inYear), deeds };
}

const yearly: Producer = async (ctx, docs, req) => {
  const year = yearOf(ctx, req);
  if (year === undefined) return { refusal: [{ lines: [msg('documents-year-usage')] }] };
  const input = await yearlyInput(ctx, year);
  const met = input.progress.filter((p) => p.met).length;
  const preview = msg('documents-preview-yearly', {
    year: String(year),
    met,
    targets: input.progress.length,
    exemplars: input.exemplars.length,
    deeds: input.deeds.length,
  });
  if (req.format === 'xlsx') return { book: buildYearlyWorkbook(await base(ctx, docs, ctx.today), input), preview };
  const commune = await docs.commune();
  const s = commune.documents.baoCaoNam;
  const reg = await docs.register.reserve({
    issuerAbbr: commune.issuers[s.issuer]!.abbreviation,
    typeAbbr: s.typeAbbr,
    subject: `baoCaoNam:${ctx.catalog.plan.id}:${year}`,
    issuedOn: ctx.today,
    byId: ctx.personId,
  });
  return { doc: buildYearlyReport(await base(ctx, docs, reg.issuedOn, reg.symbol, !reg.signed), input), number: reg.symbol, signed: reg.signed, preview };
};

/** Progress and the lists as a workbook (`/vanban tiendo`): the yearly workbook of this year. */
const progressBook: Producer = (ctx, docs, req) => yearly(ctx, docs, { ...req, format: 'xlsx' });

/** Producers of `/vanban` beyond the dossier (by canonical sub-command). */
export const extraProducers: Record<string, Producer> = { thanhtich: thanhTich, nam: yearly, tiendo: progressBook };
