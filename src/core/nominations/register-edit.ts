/**
 * Changing one answer of a registration from its summary (issue 13: "the summary lets the officer
 * jump to any field"): the summary offers one "Sửa …" button per answer (numbered choices on Zalo and
 * in the console); the step is asked again with its current answer, and then the dialog returns to
 * the summary with every other answer kept — unless the change makes later answers void: a new
 * subject type asks the category again, a new category asks the sub-profile (when it has several),
 * the movement and the self-check again, a new sub-profile asks the self-check again.
 */
import { msg, type Button } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { stepButton, type StepResult } from '../dialog/engine.ts';
import { profileOf, profilesFor } from '../criteria/applicability.ts';
import type { RegisterData } from './register.ts';

/** The answer steps in the dialog's order (step names of `registerDialog`). */
export const ANSWER_STEPS = ['unit', 'type', 'cat', 'prof', 'mov', 'name', 'place', 'ach', 'evid', 'check'] as const;
export type AnswerStep = (typeof ANSWER_STEPS)[number];

/** Value prefix of the summary's "Sửa …" buttons: `d:sum:e:<step>`. */
export const EDIT_VALUE = 'e:';

/** Whether the registration must (still) ask `step` before its summary. */
function needsAnswer(ctx: Ctx, d: RegisterData, step: AnswerStep): boolean {
  const c = d.categoryCode ? ctx.catalog.categoryByCode.get(d.categoryCode) : undefined;
  switch (step) {
    case 'unit':
      return !d.unitCode;
    case 'type':
      return !d.subjectType;
    case 'cat':
      return !c;
    case 'prof':
      return Boolean(c && d.subjectType && profilesFor(c, d.subjectType).length > 1 && !profileOf(c, { subjectType: d.subjectType, profile: d.profile }));
    case 'mov':
      return d.movementCode === undefined || Boolean(d.redo?.includes('mov'));
    case 'name':
      return !d.nomineeName;
    case 'place':
      return !d.place;
    case 'ach':
      return !d.achievements;
    default:
      return Boolean(d.redo?.includes(step));
  }
}

/**
 * Where a step goes once `answered` has been answered: `next` in the ordinary walk; while changing
 * an answer from the summary, the first step that must be answered again, else back to the summary
 * (history unwound, so "back" there leads where it led before).
 */
export function proceed(ctx: Ctx, data: RegisterData, answered: string, next: string): StepResult<RegisterData> {
  if (!data.editing) return { next, data };
  const d: RegisterData = { ...data, redo: (data.redo ?? []).filter((s) => s !== answered) };
  const todo = ANSWER_STEPS.find((s) => needsAnswer(ctx, d, s));
  if (todo) return { next: todo, data: d };
  return { next: 'sum', data: { ...d, editing: false, redo: [] }, unwind: true };
}

/** Steps to ask again after `answered` changed (only while changing an answer from the summary). */
export const redoAfter = (data: RegisterData, steps: AnswerStep[]): Pick<RegisterData, 'redo'> =>
  data.editing ? { redo: [...new Set([...(data.redo ?? []), ...steps])] } : {};

/** The steps an officer may go back to from the summary (the unit only with several units, the sub-profile only when the category has several). */
export function editableSteps(ctx: Ctx, d: RegisterData): AnswerStep[] {
  const c = d.categoryCode ? ctx.catalog.categoryByCode.get(d.categoryCode) : undefined;
  return ANSWER_STEPS.filter((s) => {
    if (s === 'unit') return ctx.roles.officerUnits.length > 1 && !d.resubmitId;
    if (s === 'prof') return Boolean(c && d.subjectType && profilesFor(c, d.subjectType).length > 1);
    return true;
  });
}

/** The summary's "Sửa …" buttons, two to a row. */
export function editButtons(ctx: Ctx, d: RegisterData): Button[][] {
  const buttons = editableSteps(ctx, d).map((step) => stepButton('sum', msg('register-edit', { field: step }), `${EDIT_VALUE}${step}`));
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

/** The summary's answer to a "Sửa …" tap: the step to ask again, or `undefined` when it is not one. */
export function editTarget(ctx: Ctx, d: RegisterData, value: string | undefined): AnswerStep | undefined {
  if (!value?.startsWith(EDIT_VALUE)) return undefined;
  const step = value.slice(EDIT_VALUE.length);
  return editableSteps(ctx, d).find((s) => s === step);
}
