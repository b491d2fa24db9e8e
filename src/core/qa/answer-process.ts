/**
 * Answers about the process and about titles (issue 14): how to nominate, how review works, who
 * decides (the Council advises, the commune chairman decides — plan IV.5, Law 06/2022/QH15 Art. 80),
 * what goes to the higher level, what a dossier holds, how to tell a good deed; and who awards each
 * title or form, from the award table, marking what is not verified. Every answer names the command
 * that does the job.
 */
import { awardFormsValidOn, type AwardForm } from '../awards.ts';
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import { pick, type PlanCatalog } from '../plan/catalog.ts';

/** The register of address: officers, council members and administrators are "đồng chí". */
export type Register = 'staff' | 'resident';

/** Kinds of process questions, each with its own answer text. */
export type ProcessTopic = 'nominate' | 'review' | 'decide' | 'higher' | 'dossier' | 'deed' | 'status' | 'exemplars';

/**
 * Facts about awards the table does not hold: whom each applies to and whether it is an emulation
 * title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng) — Law 06/2022/QH15
 * Art. 7–8 — and whether a procedure note exists (Decree 86/2023/NĐ-CP for "Gia đình văn hóa").
 * Codes not listed here are shown without these lines.
 */
const AWARD_FACTS: Record<string, { subject: 'HOUSEHOLD' | 'INDIVIDUAL' | 'COLLECTIVE' | 'ANY'; kind: 'title' | 'form'; procedure?: string }> = {
  'gia-dinh-van-hoa': { subject: 'HOUSEHOLD', kind: 'title', procedure: 'qa-title-procedure-gdvh' },
  'lao-dong-tien-tien': { subject: 'INDIVIDUAL', kind: 'title' },
  'chien-si-thi-dua-co-so': { subject: 'INDIVIDUAL', kind: 'title' },
  'tap-the-lao-dong-tien-tien': { subject: 'COLLECTIVE', kind: 'title' },
  'thon-van-hoa': { subject: 'COLLECTIVE', kind: 'title', procedure: 'qa-title-procedure-thon' },
  'giay-khen': { subject: 'ANY', kind: 'form' },
  'bang-khen-ubnd-tinh': { subject: 'ANY', kind: 'form' },
};

/** Words of awards the table does not hold (higher orders and titles), folded. */
export const UNLISTED_AWARD_WORDS = [
  ['huan', 'chuong'],
  ['huy', 'chuong'],
  ['co', 'thi', 'dua'],
  ['anh', 'hung'],
  ['chien', 'si', 'thi', 'dua', 'toan', 'quoc'],
  ['chien', 'si', 'thi', 'dua', 'cap', 'tinh'],
  ['thu', 'tuong'],
  ['medal'],
  ['order'],
  ['hero'],
];

const unverified = (f: AwardForm): boolean => /\[verify/i.test(f.legalBasis);

/** The process answer for a topic; residents are told who does what, staff get the command. */
export function processAnswer(
  topic: ProcessTopic,
  opts: { register: Register; officer: boolean; forms: AwardForm[]; today: string; locale: 'vi' | 'en' },
): Reply {
  const you = opts.register;
  switch (topic) {
    case 'nominate':
      return { lines: [msg('qa-process-nominate', { who: opts.officer ? 'officer' : you, register: you }), msg('qa-process-chain')] };
    case 'review':
      return {
        lines: [msg('qa-process-review'), msg('qa-process-chain')],
        buttons: [[{ label: msg('qa-label', { intent: 'process-decide' }), action: 'qa:process.decide' }]],
      };
    case 'decide':
      return { lines: [msg('qa-process-decide')], buttons: [[{ label: msg('qa-label', { intent: 'process-higher' }), action: 'qa:process.higher' }]] };
    case 'higher': {
      const higher = awardFormsValidOn(opts.forms, opts.today).filter((f) => f.authority === 'HIGHER');
      return {
        lines: [
          msg('qa-process-higher'),
          ...higher.map((f) => msg('qa-award-line', { name: pick(f.name, opts.locale), authority: f.authority, verified: unverified(f) ? 'no' : 'yes' })),
          msg('qa-award-verify-note'),
        ],
      };
    }
    case 'dossier':
      return { lines: [msg('qa-process-dossier')] };
    case 'deed':
      return { lines: [msg('qa-process-deed', { register: you })] };
    case 'status':
      return { lines: [msg('qa-process-status', { register: you })] };
    case 'exemplars':
      return { lines: [msg('qa-exemplars')] };
  }
}

/**
 * Who awards a title or form (award table rows in force `today`), whom it is for, whether it is
 * verified; and, honestly, that the plan does not set its standard. `codes` empty: the whole table;
 * `unlisted`: the question named an award the table does not hold.
 */
export function titleAnswer(opts: { codes: string[]; unlisted: boolean; forms: AwardForm[]; today: string; locale: 'vi' | 'en'; catalog: PlanCatalog }): Reply {
  const valid = awardFormsValidOn(opts.forms, opts.today);
  const buttons: Button[][] = [[{ label: msg('qa-label', { intent: 'process-decide' }), action: 'qa:process.decide' }]];
  if (opts.codes.length === 0) {
    const lines: Msg[] = [msg(opts.unlisted ? 'qa-title-unlisted' : 'qa-title-table')];
    for (const f of valid)
      lines.push(msg('qa-award-line', { name: pick(f.name, opts.locale), authority: f.authority, verified: unverified(f) ? 'no' : 'yes' }));
    lines.push(msg('qa-award-verify-note'));
    return { lines, buttons };
  }
  const lines: Msg[] = [];
  for (const code of opts.codes.slice(0, 2)) {
    // The row in force today, else the latest one (a title no longer awarded still has a history).
    const form = valid.find((f) => f.code === code) ?? opts.forms.filter((f) => f.code === code).at(-1);
    if (!form) continue;
    const facts = AWARD_FACTS[code];
    lines.push(msg('qa-title-name', { name: pick(form.name, opts.locale), kind: facts?.kind ?? 'other' }));
    if (facts) lines.push(msg('qa-title-subject', { subject: facts.subject }));
    lines.push(msg('qa-title-authority', { authority: form.authority, inForce: valid.includes(form) ? 'yes' : 'no' }));
    // The table marks unchecked facts "[verify]" where they stand: shown as ⚠ at that place.
    lines.push(msg('qa-title-basis', { basis: form.legalBasis.replace(/\s*\[verify[^\]]*\]/gi, ' ⚠') }));
    if (unverified(form)) lines.push(msg('qa-title-unverified'));
    if (facts?.procedure) lines.push(msg(facts.procedure));
  }
  lines.push(msg('qa-title-not-in-plan', { plan: pick(opts.catalog.plan.title, opts.locale) }));
  return { lines, buttons };
}
