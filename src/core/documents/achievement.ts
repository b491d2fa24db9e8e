/**
 * Báo cáo thành tích — the achievement report of one nominee, drafted from the nomination's record
 * (its achievements, the criteria its proposer marked as met, the awards already recorded). The
 * layout differs by subject type, as the forms of the appendix of the commendation decree do
 * (Decree 152/2025/NĐ-CP, form numbers **[verify]**): a collective reports its situation and is
 * signed by its head; an individual reports a short biography and signs, the head confirms; a
 * household is reported by its head and confirmed by the commune. Pure.
 *
 * @module
 */
import type { SubjectType } from '../plan/plan-schema.ts';
import { fill } from './commune.ts';
import { fileSafe, wording, type DossierContext, type DossierEntry } from './dossier.ts';
import { placeAndDate, shortDate } from './layout.ts';
import { para, type Block, type OfficialDocument, type Signature } from './model.ts';

/** What the report is made from. */
export interface AchievementInput {
  entry: DossierEntry;
  /** The category's criteria that apply, each with the proposer's self-check. */
  criteria: { text: string; met: boolean }[];
  /** Awards already recorded for this nominee (form name, decision number and date `YYYY-MM-DD`). */
  awards: { form: string; number: string; date: string }[];
}

const KEYS: Record<SubjectType, { section: string; info: string; signer: string }> = {
  COLLECTIVE: { section: 'collective1', info: 'collectiveInfo', signer: 'collectiveSigner' },
  INDIVIDUAL: { section: 'individual1', info: 'individualInfo', signer: 'individualSigner' },
  HOUSEHOLD: { section: 'household1', info: 'householdInfo', signer: 'householdSigner' },
};

/** The report of one nominee; `ctx.number` is not used (the unit's report has no number of ours). */
export function buildAchievementReport(ctx: DossierContext, input: AchievementInput): OfficialDocument {
  const { entry } = input;
  const form = entry.proposedForm ?? ctx.commune.proposedForms[entry.subjectType];
  const values = { nominee: entry.nomineeName, place: entry.place || '…', unit: entry.unitName, category: entry.categoryName, form };
  const w = (key: string, more: Record<string, string | number> = {}) => wording(ctx.commune, 'baoCaoThanhTich', key, { ...values, ...more });
  const keys = KEYS[entry.subjectType];
  const s = ctx.commune.documents.baoCaoThanhTich;
  const heading = (text: string): Block => ({ kind: 'para', runs: [{ text, bold: true }], indent: false });
  const met = input.criteria.filter((c) => c.met);
  const achievements = entry.achievements
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => para(l));
  const body: Block[] = [
    heading(w(keys.section)),
    para(w(keys.info)),
    para(w('category')),
    heading(w('achievements2')),
    ...achievements,
    ...(input.criteria.length > 0 ? [para(w('criteria', { met: met.length, total: input.criteria.length })), ...met.map((c) => para(`- ${c.text}`))] : []),
    heading(w('awards3')),
    ...(input.awards.length > 0
      ? input.awards.map((a) => para(`- ${w('award', { form: a.form, number: a.number, date: shortDate(a.date) })}`))
      : [para(w('noAwards'))]),
  ];
  const head = ctx.commune.signers[s.signature?.signer ?? ''];
  // The person who signs: the unit's head for a collective, the nominee (or the head of household) otherwise.
  const signer: Signature = { post: w(keys.signer), name: entry.subjectType === 'COLLECTIVE' ? (head?.name ?? '') : entry.nomineeName };
  const confirm: Signature = { post: w('confirm'), name: '' };
  // A collective reports under its own name; an individual or a household has no agency header.
  const header =
    entry.subjectType === 'COLLECTIVE'
      ? { parent: ctx.commune.issuers[s.issuer]!.fullName.toLocaleUpperCase('vi'), issuer: entry.nomineeName.toLocaleUpperCase('vi') }
      : { parent: '', issuer: '' };
  return {
    fileName: `bao-cao-thanh-tich-${entry.id}-${fileSafe(entry.nomineeName).slice(0, 40)}`,
    header: { ...header, placeDate: placeAndDate(ctx.commune.place, ctx.date) },
    typeName: s.typeName,
    summary: s.summary.map((l) => fill(l, values)),
    addressees: [],
    bases: [],
    body,
    signatures: entry.subjectType === 'COLLECTIVE' ? [signer] : [confirm, signer],
    recipients: [],
    appendix: [],
    draft: ctx.draft,
  };
}
