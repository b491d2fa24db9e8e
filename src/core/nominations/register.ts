/**
 * `/dangky` (alias `/nominate`): the registration dialog of a nomination (issue [2/5]).
 *
 * subject type → category (of that subject type) → sub-profile (only when the category has several
 * for that subject type: 3.2.1 staff or leader, 3.2.2 worker or resident) → movement or field
 * (suggested from the category, "(gợi ý)" when the plan does not name it) → nominee name → village or
 * organisation → achievements → evidence (optional, several) → criteria self-check of the criteria
 * that apply to this nominee only (a conditional one may be marked "không áp dụng"; unmet ones are
 * shown before going on) → summary → possible duplicate confirmed → submit. From the summary, one
 * "Sửa …" button per answer asks that step again and comes back to the summary with everything else
 * kept (see `./register-edit.ts`).
 * The same dialog edits a RETURNED nomination before it is submitted again.
 */
import { msg, type Attachment, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { stepButton, type DialogDefinition, type DialogStep, type StepResult, type StoredDialog } from '../dialog/engine.ts';
import { pick } from '../plan/catalog.ts';
import { formatPlanDate } from '../plan/dates.ts';
import { sampleWarning } from '../plan/sample.ts';
import type { SubjectType } from '../plan/plan-schema.ts';
import { clip } from '../text/fold.ts';
import { applicableCriteria, conditionArgs, profileOf, profilesFor, selfCheckScore } from '../criteria/applicability.ts';
import { deedBecameNomination } from '../deeds/notices.ts';
import type { DraftRepository } from './drafts.ts';
import { nominationRelevance } from './relevance.ts';
import { NominationError, type Nomination } from './model.ts';
import { editButtons, editTarget, proceed, redoAfter } from './register-edit.ts';

export const REGISTER_DIALOG = 'register';
/** Evidence files one nomination may carry. */
export const MAX_EVIDENCE = 10;
const LIMITS = { name: [2, 150], place: [2, 150], achievements: [20, 3000], evidenceNote: [5, 500] } as const;

export interface RegisterData {
  resubmitId?: number;
  unitCode?: string;
  subjectType?: SubjectType;
  categoryCode?: string;
  /** Sub-profile code of the category (plan `profiles`), when it has several for the subject type. */
  profile?: string | null;
  movementCode?: string | null;
  nomineeName?: string;
  place?: string;
  achievements?: string;
  evidence: Attachment[];
  /** Evidence told in words instead of a file ("bản giấy lưu tại UBND xã"); counts as evidence. */
  evidenceNotes?: string[];
  selfCheck: string[];
  /** Conditional criteria marked "không áp dụng". */
  notApplicable?: string[];
  duplicateConfirmed?: boolean;
  goodDeedId?: number;
  /** Set while the officer changes one answer from the summary: steps then return to the summary (see `./register-edit.ts`). */
  editing?: boolean;
  /** Steps to ask again before the summary while editing (a new category asks the movement and the self-check again). */
  redo?: string[];
}

type Step = DialogStep<Ctx, RegisterData>;
const stay = (key: string, args?: Record<string, string | number>): StepResult<RegisterData> => ({ stay: true, say: [{ lines: [msg(key, args)] }] });

function category(ctx: Ctx, data: RegisterData) {
  return data.categoryCode ? ctx.catalog.categoryByCode.get(data.categoryCode) : undefined;
}

/** A typed answer checked for length; returns the cleaned text or the error to show. */
function textAnswer(text: string | undefined, [min, max]: readonly [number, number]): { value: string } | { error: Msg } {
  const value = (text ?? '').replace(/\s+/g, ' ').trim();
  if (value.length < min) return { error: msg('register-too-short', { min }) };
  if (value.length > max) return { error: msg('register-too-long', { max, length: value.length }) };
  if (!/\p{L}/u.test(value)) return { error: msg('register-need-letters') };
  return { value };
}

const unitStep: Step = {
  prompt: (ctx) => ({
    lines: [msg('register-ask-unit')],
    buttons: ctx.roles.officerUnits.map((u) => [stepButton('unit', msg('plain', { text: ctx.catalog.unitName(u, ctx.locale) }), u)]),
  }),
  handle: (ctx, data, input) =>
    input.value && ctx.roles.officerUnits.includes(input.value)
      ? proceed(ctx, { ...data, unitCode: input.value }, 'unit', 'type')
      : stay('register-choose-button'),
};

const typeStep: Step = {
  prompt: (ctx) => {
    const offered = new Set(ctx.catalog.plan.categories.flatMap((c) => c.subjectTypes));
    const types = (['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD'] as const).filter((t) => offered.has(t));
    return { lines: [msg('register-ask-type')], buttons: [types.map((type) => stepButton('type', msg('subject-type-title', { type }), type))] };
  },
  handle: (ctx, data, input) => {
    const type = input.value as SubjectType | undefined;
    if (!type || !ctx.catalog.plan.categories.some((c) => c.subjectTypes.includes(type))) return stay('register-choose-button');
    const keep = category(ctx, data)?.subjectTypes.includes(type) && type === data.subjectType;
    return proceed(
      ctx,
      { ...data, subjectType: type, ...(keep ? {} : { categoryCode: undefined, profile: null, selfCheck: [], notApplicable: [] }) },
      'type',
      'cat',
    );
  },
};

const categoryStep: Step = {
  prompt: (ctx, data) => {
    const cats = ctx.catalog.plan.categories.filter((c) => data.subjectType && c.subjectTypes.includes(data.subjectType));
    return {
      lines: [msg('register-ask-category', { type: msg('subject-type', { type: data.subjectType ?? '' }) })],
      buttons: cats.map((c) => [stepButton('cat', msg('criteria-button', { code: c.code, name: clip(pick(c.name, ctx.locale), 40) }), c.code)]),
    };
  },
  handle: (ctx, data, input) => {
    const c = input.value ? ctx.catalog.categoryByCode.get(input.value) : undefined;
    if (!c || !data.subjectType || !c.subjectTypes.includes(data.subjectType)) return stay('register-choose-button');
    const changed = c.code !== data.categoryCode;
    const profiles = profilesFor(c, data.subjectType);
    const next = {
      ...data,
      categoryCode: c.code,
      ...(changed
        ? {
            selfCheck: [],
            notApplicable: [],
            movementCode: c.movement ?? null,
            profile: profiles.length === 1 ? profiles[0]!.code : null,
            ...redoAfter(data, ['mov', 'check']),
          }
        : {}),
    };
    return proceed(ctx, next, 'cat', profiles.length > 1 ? 'prof' : 'mov');
  },
};

/** Which sub-profile the nominee has, when the category has several (its criteria differ). */
const profileStep: Step = {
  prompt: (ctx, data) => {
    const c = category(ctx, data)!;
    const profiles = profilesFor(c, data.subjectType!);
    return {
      lines: [
        msg('register-ask-profile', { code: c.code }),
        ...profiles.flatMap((p) =>
          p.eligibility ? [msg('register-profile-item', { name: pick(p.name, ctx.locale), eligibility: pick(p.eligibility, ctx.locale) })] : [],
        ),
      ],
      buttons: profiles.map((p) => [
        stepButton('prof', msg(p.code === data.profile ? 'register-choice-current' : 'plain', { text: clip(pick(p.name, ctx.locale), 60) }), p.code),
      ]),
    };
  },
  handle: (ctx, data, input) => {
    const c = category(ctx, data)!;
    const p = profilesFor(c, data.subjectType!).find((x) => x.code === input.value);
    if (!p) return stay('register-choose-button');
    return proceed(
      ctx,
      { ...data, profile: p.code, ...(p.code !== data.profile ? { selfCheck: [], notApplicable: [], ...redoAfter(data, ['check']) } : {}) },
      'prof',
      'mov',
    );
  },
};

const movementStep: Step = {
  prompt: (ctx, data) => {
    const c = category(ctx, data);
    const suggested = c?.movement;
    const movements = [...ctx.catalog.plan.movements].sort((a, b) => Number(b.code === suggested) - Number(a.code === suggested));
    const buttons: Button[][] = movements.map((m) => [
      stepButton(
        'mov',
        m.code === suggested
          ? msg('register-movement-suggested', { text: clip(pick(m.name, ctx.locale), 60), inferred: c?.movementLink === 'STATED' ? 'no' : 'yes' })
          : msg('plain', { text: clip(pick(m.name, ctx.locale), 60) }),
        m.code,
      ),
    ]);
    buttons.push([stepButton('mov', msg('register-movement-none'), '-')]);
    return { lines: [msg('register-ask-movement')], buttons };
  },
  handle: (ctx, data, input) => {
    if (input.value === '-') return proceed(ctx, { ...data, movementCode: null }, 'mov', 'name');
    if (!input.value || !ctx.catalog.plan.movements.some((m) => m.code === input.value)) return stay('register-choose-button');
    return proceed(ctx, { ...data, movementCode: input.value }, 'mov', 'name');
  },
};

function textStep(step: 'name' | 'place' | 'ach', next: string, field: 'nomineeName' | 'place' | 'achievements', limits: readonly [number, number]): Step {
  return {
    prompt: (_ctx, data) => ({
      lines: [
        msg(`register-ask-${step}`, { type: msg('subject-type', { type: data.subjectType ?? '' }) }),
        ...(data[field] ? [msg('register-current', { value: clip(data[field]!, 300) })] : []),
      ],
      buttons: data[field] ? [[stepButton(step, msg('register-keep'), 'keep')]] : [],
    }),
    handle: (ctx, data, input) => {
      if (input.value === 'keep' && data[field]) return proceed(ctx, data, step, next);
      if (input.attachments?.length) return stay('register-text-expected');
      const answer = textAnswer(input.text, limits);
      if ('error' in answer) return { stay: true, say: [{ lines: [answer.error] }] };
      return proceed(ctx, { ...data, [field]: answer.value }, step, next);
    },
  };
}

/** Evidence of a registration: files sent plus typed notes. */
const evidenceCount = (data: RegisterData): number => data.evidence.length + (data.evidenceNotes?.length ?? 0);

const evidenceStep: Step = {
  prompt: (_ctx, data) => ({
    lines: [
      msg('register-ask-evidence', { max: MAX_EVIDENCE }),
      ...(evidenceCount(data) ? [msg('register-evidence-count', { count: evidenceCount(data) })] : []),
    ],
    buttons: [[stepButton('evid', msg(evidenceCount(data) ? 'register-evidence-done' : 'register-evidence-skip', { count: evidenceCount(data) }), 'ok')]],
  }),
  handle: (ctx, data, input) => {
    if (input.value === 'ok') return proceed(ctx, data, 'evid', 'check');
    const notes = data.evidenceNotes ?? [];
    const had = data.evidence.length + notes.length;
    if (!input.attachments?.length) {
      // A typed note is evidence too: where the paper original is kept, who holds it.
      const note = textAnswer(input.text, LIMITS.evidenceNote);
      if (input.text === undefined || !input.text.trim()) return stay('register-evidence-expected');
      if ('error' in note) return { stay: true, say: [{ lines: [note.error] }] };
      if (had >= MAX_EVIDENCE) return stay('register-evidence-limit', { max: MAX_EVIDENCE });
      return {
        stay: true,
        data: { ...data, evidenceNotes: [...notes, note.value] },
        say: [{ lines: [msg('register-evidence-note-received', { count: had + 1 })] }],
      };
    }
    const evidence = [...data.evidence, ...input.attachments].slice(0, Math.max(data.evidence.length, MAX_EVIDENCE - notes.length));
    const dropped = data.evidence.length + input.attachments.length - evidence.length;
    return {
      stay: true,
      data: { ...data, evidence },
      say: [
        {
          lines: [
            msg('register-evidence-received', { count: evidence.length + notes.length }),
            ...(dropped > 0 ? [msg('register-evidence-limit', { max: MAX_EVIDENCE })] : []),
          ],
        },
      ],
    };
  },
};

/** The nominee as the self-check sees it. */
const nomineeOf = (data: Pick<RegisterData, 'subjectType' | 'profile'>) => ({ subjectType: data.subjectType!, profile: data.profile ?? null });

/**
 * A criterion's state in the self-check: met, not met, or (conditional ones only) not applicable.
 * Tapping cycles ☐ → ☑ → "không áp dụng" (conditional) → ☐.
 */
const checkState = (data: RegisterData, code: string): 'yes' | 'no' | 'na' =>
  data.notApplicable?.includes(code) ? 'na' : data.selfCheck.includes(code) ? 'yes' : 'no';

const checkStep: Step = {
  prompt: (ctx, data) => {
    const c = category(ctx, data)!;
    const list = applicableCriteria(c, nomineeOf(data));
    const lines: Msg[] = [msg('register-ask-check', { code: c.code, conditional: list.some((a) => a.conditional) ? 'yes' : 'no' })];
    const toggles: Button[] = [];
    list.forEach(({ criterion: x, conditional }, i) => {
      const state = checkState(data, x.code);
      lines.push(msg('register-check-item', { n: i + 1, met: state, text: pick(x.text, ctx.locale), ...conditionArgs(x, conditional, ctx.locale) }));
      toggles.push(stepButton('check', msg('register-check-toggle', { n: i + 1, met: state }), `t${i}`));
    });
    const rows: Button[][] = [];
    for (let i = 0; i < toggles.length; i += 5) rows.push(toggles.slice(i, i + 5));
    rows.push([stepButton('check', msg('register-check-all'), 'all'), stepButton('check', msg('register-check-done'), 'ok')]);
    return { lines, buttons: rows };
  },
  handle: (ctx, data, input) => {
    const c = category(ctx, data)!;
    const list = applicableCriteria(c, nomineeOf(data));
    const na = data.notApplicable ?? [];
    if (input.value === 'all') return { stay: true, data: { ...data, selfCheck: list.map((a) => a.criterion.code).filter((code) => !na.includes(code)) } };
    const toggle = /^t(\d+)$/.exec(input.value ?? '');
    if (toggle) {
      const item = list[Number(toggle[1])];
      if (!item) return stay('register-choose-button');
      const code = item.criterion.code;
      const state = checkState(data, code);
      const selfCheck = data.selfCheck.filter((x) => x !== code);
      const notApplicable = na.filter((x) => x !== code);
      if (state === 'no') selfCheck.push(code);
      else if (state === 'yes' && item.conditional) notApplicable.push(code);
      return { stay: true, data: { ...data, selfCheck, notApplicable } };
    }
    if (input.value !== 'ok') return stay('register-choose-button');
    const score = selfCheckScore(c, nomineeOf(data), data.selfCheck, na);
    const checked = { ...data, redo: data.redo?.filter((s) => s !== 'check') };
    return score.met < score.total ? { next: 'unmet', data: checked } : proceed(ctx, checked, 'check', 'sum');
  },
};

const unmetStep: Step = {
  prompt: (ctx, data) => {
    const c = category(ctx, data)!;
    const na = data.notApplicable ?? [];
    const unmet = applicableCriteria(c, nomineeOf(data)).filter(
      (a) => !data.selfCheck.includes(a.criterion.code) && !(a.conditional && na.includes(a.criterion.code)),
    );
    const score = selfCheckScore(c, nomineeOf(data), data.selfCheck, na);
    return {
      lines: [
        msg('register-unmet-title', { count: unmet.length, total: score.total }),
        ...unmet.map((a) => msg('criteria-general-item', { text: pick(a.criterion.text, ctx.locale) })),
        msg('register-unmet-hint'),
      ],
      buttons: [[stepButton('unmet', msg('register-continue'), 'ok')]],
    };
  },
  handle: (ctx, data, input) => (input.value === 'ok' ? proceed(ctx, data, 'unmet', 'sum') : stay('register-choose-button')),
};

/** The summary of a nomination's answers (also used by the duplicate check and the review). */
export function summaryLines(
  ctx: Ctx,
  d: Pick<
    RegisterData,
    'unitCode' | 'subjectType' | 'categoryCode' | 'movementCode' | 'nomineeName' | 'place' | 'achievements' | 'selfCheck' | 'profile' | 'notApplicable'
  > & { evidenceCount: number },
): Msg[] {
  const c = d.categoryCode ? ctx.catalog.categoryByCode.get(d.categoryCode) : undefined;
  const profile = c && d.subjectType ? profileOf(c, { subjectType: d.subjectType, profile: d.profile }) : undefined;
  const score =
    c && d.subjectType
      ? selfCheckScore(c, { subjectType: d.subjectType, profile: d.profile }, d.selfCheck, d.notApplicable ?? [])
      : { met: 0, total: 0, notApplicable: 0 };
  return [
    msg('nomination-field-name', { name: d.nomineeName ?? '', type: msg('subject-type', { type: d.subjectType ?? '' }) }),
    msg('nomination-field-category', { code: c?.code ?? '', name: c ? pick(c.name, ctx.locale) : '' }),
    ...(profile && profilesFor(c!, d.subjectType!).length > 1 ? [msg('nomination-field-profile', { profile: pick(profile.name, ctx.locale) })] : []),
    msg('nomination-field-movement', { movement: ctx.catalog.movementName(d.movementCode ?? undefined, ctx.locale) ?? msg('register-movement-none') }),
    msg('nomination-field-unit', { unit: d.unitCode ? ctx.catalog.unitName(d.unitCode, ctx.locale) : '' }),
    msg('nomination-field-place', { place: d.place ?? '' }),
    msg('nomination-field-achievements', { text: d.achievements ?? '' }),
    msg('nomination-field-check', { met: score.met, total: score.total, na: score.notApplicable }),
    msg('nomination-field-evidence', { count: d.evidenceCount }),
  ];
}

const summaryStep: Step = {
  prompt: (ctx, data) => ({
    lines: [msg('register-summary-title'), ...summaryLines(ctx, { ...data, evidenceCount: evidenceCount(data) }), msg('register-summary-edit-hint')],
    buttons: [[stepButton('sum', msg(data.resubmitId ? 'register-resubmit' : 'register-submit'), 'ok')], ...editButtons(ctx, data)],
  }),
  handle: async (ctx, data, input) => {
    // "Sửa …": ask that step again, then come back here with everything else kept.
    const edit = editTarget(ctx, data, input.value);
    if (edit) return { next: edit, data: { ...data, editing: true, redo: [] } };
    if (input.value !== 'ok') return stay('register-choose-button');
    const dups = await ctx.services.nominations.findByNominee({ planSlug: ctx.catalog.plan.id, nomineeName: data.nomineeName!, excludeId: data.resubmitId });
    if (dups.length > 0 && !data.duplicateConfirmed) return { next: 'dup', data };
    return submit(ctx, data);
  },
};

const duplicateStep: Step = {
  noBack: false,
  prompt: async (ctx, data) => {
    const dups = await ctx.services.nominations.findByNominee({ planSlug: ctx.catalog.plan.id, nomineeName: data.nomineeName!, excludeId: data.resubmitId });
    return {
      lines: [msg('register-duplicate-title', { count: dups.length }), ...dups.slice(0, 5).map((n) => duplicateLine(ctx, n)), msg('register-duplicate-hint')],
      buttons: [[stepButton('dup', msg('register-duplicate-confirm'), 'ok')]],
    };
  },
  handle: (ctx, data, input) => (input.value === 'ok' ? submit(ctx, { ...data, duplicateConfirmed: true }) : stay('register-choose-button')),
};

const duplicateLine = (ctx: Ctx, n: Nomination): Msg =>
  msg('register-duplicate-item', {
    id: n.id,
    name: n.nomineeName,
    category: n.categoryCode,
    unit: ctx.catalog.unitName(n.unitCode, ctx.locale),
    state: msg('nomination-state', { state: n.state }),
  });

async function submit(ctx: Ctx, data: RegisterData): Promise<StepResult<RegisterData>> {
  const { nominations, roles, notifier } = ctx.services;
  const draft = {
    planSlug: ctx.catalog.plan.id,
    categoryCode: data.categoryCode!,
    movementCode: data.movementCode ?? null,
    unitCode: data.unitCode!,
    subjectType: data.subjectType!,
    nomineeName: data.nomineeName!,
    place: data.place!,
    achievements: data.achievements!,
    selfCheck: data.selfCheck,
    profile: data.profile ?? null,
    notApplicable: data.notApplicable ?? [],
    evidence: [
      ...data.evidence.map((e) => ({ kind: e.kind, channel: e.channel, fileRef: e.fileRef, fileName: e.fileName })),
      ...(data.evidenceNotes ?? []).map((text) => ({ kind: 'NOTE' as const, channel: 'note', fileRef: text })),
    ],
    goodDeedId: data.goodDeedId,
  };
  if (!ctx.roles.officerUnits.includes(data.unitCode!)) return { done: true, say: [{ lines: [msg('access-denied', { audience: 'officer' })] }] };
  let n: Nomination;
  try {
    n = data.resubmitId
      ? await nominations.resubmit({ id: data.resubmitId, changes: draft, actorId: ctx.personId, now: ctx.now })
      : await nominations.submit({ draft, proposerId: ctx.personId, now: ctx.now });
  } catch (error) {
    // e.g. another officer of the unit resubmitted it meanwhile: no longer RETURNED.
    if (!(error instanceof NominationError) || !data.resubmitId) throw error;
    const state = (await nominations.get(data.resubmitId))?.state ?? 'SUBMITTED';
    return { done: true, say: [{ lines: [msg('nomination-not-editable', { state: msg('nomination-state', { state }) })] }] };
  }
  if (data.goodDeedId && !data.resubmitId) await deedBecameNomination(ctx, { deedId: data.goodDeedId, nominationId: n.id });
  const council = (await roles.councilMembers()).filter((id) => id !== ctx.personId);
  await notifier.notify(
    council.map((personId) => ({
      personId,
      key: `nomination:${n.id}:submitted:r${n.round}:${personId}`,
      relevance: nominationRelevance(n),
      // Rendered later in each member's language: the unit's name goes in both.
      reply: {
        lines: [
          msg(data.resubmitId ? 'notice-resubmitted-nomination' : 'notice-new-nomination', {
            id: n.id,
            name: n.nomineeName,
            unit: msg('localized', { vi: ctx.catalog.unitName(n.unitCode, 'vi'), en: ctx.catalog.unitName(n.unitCode, 'en') }),
            category: n.categoryCode,
          }),
        ],
        buttons: [[{ label: msg('review-open'), action: 'rv:open' }]],
      },
    })),
  );
  return { done: true, say: [{ lines: [msg(data.resubmitId ? 'register-resubmitted' : 'register-submitted', { id: n.id, name: n.nomineeName })] }] };
}

export const registerDialog: DialogDefinition<Ctx, RegisterData> = {
  kind: REGISTER_DIALOG,
  // Still an officer (of the chosen unit, once chosen) at every step, the last one writing.
  allowed: (ctx, d) => ctx.roles.officerUnits.length > 0 && (d.unitCode === undefined || ctx.roles.officerUnits.includes(d.unitCode)),
  // Another dialog started in the middle asks first; only when something was typed (issue 13).
  leaveQuestion: (d) => (registrationAnswered(d) ? msg('register-leave-ask', { name: d.nomineeName ?? '', named: d.nomineeName ? 'yes' : 'no' }) : undefined),
  steps: {
    unit: unitStep,
    type: typeStep,
    cat: categoryStep,
    prof: profileStep,
    mov: movementStep,
    name: textStep('name', 'place', 'nomineeName', LIMITS.name),
    place: textStep('place', 'ach', 'place', LIMITS.place),
    ach: textStep('ach', 'evid', 'achievements', LIMITS.achievements),
    evid: evidenceStep,
    check: checkStep,
    unmet: unmetStep,
    sum: summaryStep,
    dup: duplicateStep,
  },
};

/** `/dangky`: resumes an open registration, or starts one (asking the unit only when there are several). */
export async function startRegistration(ctx: Ctx, prefill: Partial<RegisterData> = {}): Promise<Reply[]> {
  const open = await ctx.services.dialogs.current(ctx.personId);
  const sample = sampleWarning(ctx);
  const warned = (replies: Reply[]): Reply[] => (sample ? [sample, ...replies] : replies);
  if (open?.kind === REGISTER_DIALOG && !prefill.resubmitId && !prefill.goodDeedId) return warned(await ctx.services.dialogs.resume(ctx, open));
  const units = ctx.roles.officerUnits;
  const data: RegisterData = { evidence: [], selfCheck: [], ...prefill, ...(units.length === 1 ? { unitCode: units[0] } : {}) };
  const replies = await ctx.services.dialogs.start(ctx, REGISTER_DIALOG, units.length === 1 ? 'type' : 'unit', data);
  // A plan past its end still accepts late records, but the officer should know (and the
  // administrator can load the next plan: docs/plans.md).
  const { plan } = ctx.catalog;
  if (ctx.today > plan.period.end)
    return warned([{ lines: [msg('register-plan-ended', { plan: pick(plan.title, ctx.locale), end: formatPlanDate(plan.period.end) })] }, ...replies]);
  return warned(replies);
}

/** Opens the dialog on a RETURNED nomination, at its summary, with every step reachable by "back". */
export async function startResubmission(ctx: Ctx, n: Nomination): Promise<Reply[]> {
  const data: RegisterData = {
    resubmitId: n.id,
    unitCode: n.unitCode,
    subjectType: n.subjectType,
    categoryCode: n.categoryCode,
    movementCode: n.movementCode,
    nomineeName: n.nomineeName,
    place: n.place,
    achievements: n.achievements,
    evidence: n.evidence.flatMap((e) =>
      e.kind === 'NOTE' ? [] : [{ kind: e.kind, channel: e.channel as Attachment['channel'], fileRef: e.fileRef, fileName: e.fileName ?? undefined }],
    ),
    evidenceNotes: n.evidence.filter((e) => e.kind === 'NOTE').map((e) => e.fileRef),
    selfCheck: n.selfCheck,
    profile: n.profile,
    notApplicable: n.notApplicable,
    duplicateConfirmed: true,
  };
  const c = ctx.catalog.categoryByCode.get(n.categoryCode);
  const asksProfile = c ? profilesFor(c, n.subjectType).length > 1 : false;
  return ctx.services.dialogs.start(ctx, REGISTER_DIALOG, 'sum', data, [
    'type',
    'cat',
    ...(asksProfile ? ['prof'] : []),
    'mov',
    'name',
    'place',
    'ach',
    'evid',
    'check',
  ]);
}

/**
 * Keeps a registration left half-done (another dialog started, or its time to live passed) as a
 * draft, when anything was answered; returns the notice to show, or `undefined` when nothing was
 * kept (another kind of dialog, or nothing typed yet). See `./drafts.ts`.
 */
export async function keepRegistrationDraft(
  drafts: DraftRepository,
  input: { personId: number; planSlug: string; dialog: StoredDialog; now: Date },
): Promise<Reply | undefined> {
  const { dialog } = input;
  if (dialog.kind !== REGISTER_DIALOG) return undefined;
  const data = dialog.data as unknown as RegisterData;
  if (!registrationAnswered(data)) return undefined;
  await drafts.save({
    personId: input.personId,
    planSlug: input.planSlug,
    nomineeName: data.nomineeName ?? '',
    state: { step: dialog.step, history: dialog.history, data: dialog.data },
    now: input.now,
  });
  return { lines: [msg('draft-kept', { name: data.nomineeName ?? '', named: data.nomineeName ? 'yes' : 'no' })] };
}

/** Whether anything worth keeping was answered in a registration. */
function registrationAnswered(data: RegisterData): boolean {
  return Boolean(
    data.categoryCode || data.nomineeName || data.place || data.achievements || data.evidence?.length || data.evidenceNotes?.length || data.resubmitId,
  );
}

/** Resumes a kept draft where the officer left it (the draft is removed: leaving again keeps it anew). */
export async function resumeDraft(ctx: Ctx, id: number): Promise<Reply[]> {
  const draft = await ctx.services.drafts.get({ id, personId: ctx.personId });
  if (!draft || draft.planSlug !== ctx.catalog.plan.id) return [{ lines: [msg('draft-gone')] }];
  await ctx.services.drafts.remove({ id, personId: ctx.personId });
  const { step, history, data } = draft.state;
  return ctx.services.dialogs.start(ctx, REGISTER_DIALOG, registerDialog.steps[step] ? step : 'sum', data, history);
}
