/**
 * Loading a plan in chat (issue 16): an administrator sends the plan workbook (`.xlsx`, or YAML /
 * JSON) to the bot in a private chat; the bot reads it through the channel's file reader, checks it
 * (every mistake at once, with sheet, row and column), answers with a summary of what will change
 * compared with the active plan and a confirmation button; only on confirmation (the administrator's
 * role checked again at the write) it becomes the active plan. Officers of the previous plan are told
 * whether they keep their role (a unit of the same code) or lost it, and whom to contact.
 */
import { msg, type Attachment, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { parseId } from '../ids.ts';
import type { Notice } from '../notify.ts';
import { changeMessages, diffPlans, planLines } from './diff.ts';
import type { OfficerMove } from './library.ts';
import type { PlanFile } from './plan-schema.ts';

/** Largest plan file read, in bytes (the shipped plan's workbook is about 40 kB). */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;
/** Problems listed in one answer; the rest are counted. */
export const MAX_LISTED_ISSUES = 40;
/** Extensions of the plan files read in chat (lower case). */
const EXTENSIONS = ['.xlsx', '.yaml', '.yml', '.json'];

/** Whether an attachment is a document whose name says it is a plan file. */
export const isPlanFile = (a: Attachment): boolean => a.kind === 'DOCUMENT' && EXTENSIONS.some((e) => (a.fileName ?? '').toLowerCase().endsWith(e));

/** JSON with object keys sorted: the same plan read from YAML or from the workbook compares equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

const sameContent = (a: PlanFile, b: PlanFile): boolean => canonical(a) === canonical(b);

/** Officers of the active plan whose unit code is not in `plan` (they would lose their role). */
async function officersLosing(ctx: Ctx, plan: PlanFile): Promise<{ kept: number; lost: string[] }> {
  const codes = new Set(plan.units.map((u) => u.code));
  const people = await ctx.services.roles.listPeopleWithRoles({ planSlug: ctx.catalog.plan.id });
  let kept = 0;
  const lost: string[] = [];
  for (const p of people) {
    for (const g of p.grants) {
      if (g.role !== 'OFFICER' || g.unitCode === null) continue;
      if (codes.has(g.unitCode)) kept++;
      else lost.push(`${p.displayName} (${ctx.catalog.unitName(g.unitCode, ctx.locale)})`);
    }
  }
  return { kept, lost };
}

/**
 * An administrator's plan file in a private chat: read, checked, summarised with a confirmation
 * button (`pl:a:<id>`), or answered with every problem found.
 */
export async function receivePlanFile(ctx: Ctx, attachment: Attachment): Promise<Reply[]> {
  const fileName = attachment.fileName ?? 'plan';
  const read = await ctx.services.files.read({ attachment, maxBytes: MAX_PLAN_FILE_BYTES });
  if (!read.ok) return [{ lines: [msg('plan-upload-unreadable', { file: fileName, reason: read.reason, max: MAX_PLAN_FILE_BYTES / 1024 / 1024 })] }];
  const parsed = await ctx.services.plans.parse({ bytes: read.bytes, fileName });
  if (!parsed.ok) {
    const listed = parsed.issues.slice(0, MAX_LISTED_ISSUES);
    const rest = parsed.issues.length - listed.length;
    return [
      {
        lines: [
          msg('plan-upload-invalid', { file: fileName, count: parsed.issues.length }),
          ...listed.map((m) => msg('plan-upload-issue', { issue: m })),
          ...(rest > 0 ? [msg('plan-upload-more-issues', { count: rest })] : []),
          msg('plan-upload-fix-and-resend'),
        ],
      },
    ];
  }
  const { plan } = parsed;
  const active = ctx.catalog.plan;
  if (sameContent(plan, active)) return [{ lines: [msg('plan-upload-unchanged', { title: active.title[ctx.locale] })] }];
  const id = await ctx.services.plans.stage({ plan, fileName, byId: ctx.personId, now: ctx.now });
  const lines: Msg[] = [msg('plan-upload-checked', { file: fileName }), ...planLines(plan, ctx.locale)];
  if (plan.sample) lines.push(msg('plan-upload-is-sample'));
  lines.push(plan.id === active.id ? msg('plan-upload-edits-active', { id: plan.id }) : msg('plan-upload-replaces', { active: active.title[ctx.locale] }));
  const changes = changeMessages(diffPlans(active, plan));
  lines.push(changes.length > 0 ? msg('plan-upload-changes', { changes }) : msg('plan-upload-no-changes'));
  const officers = await officersLosing(ctx, plan);
  if (officers.kept > 0 && plan.id !== active.id) lines.push(msg('plan-upload-officers-kept', { count: officers.kept }));
  if (officers.lost.length > 0) lines.push(msg('plan-upload-officers-lost', { count: officers.lost.length, names: officers.lost.join(', ') }));
  lines.push(msg('plan-upload-confirm'));
  return [{ lines, buttons: [[{ label: msg('plan-upload-apply'), action: `pl:a:${id}` }], [{ label: msg('plan-upload-cancel'), action: `pl:x:${id}` }]] }];
}

/** The notices to officers after a plan was applied: kept (carried to the new plan) or lost. */
function officerNotices(ctx: Ctx, input: { plan: PlanFile; previous: PlanFile | null; switched: boolean; kept: OfficerMove[]; lost: OfficerMove[] }): Notice[] {
  const { plan, previous } = input;
  // Notices are read in each officer's language: both names, chosen by the `localized` text.
  const both = (text: { vi: string; en: string } | undefined, fallback: string) => msg('localized', { vi: text?.vi ?? fallback, en: text?.en ?? fallback });
  const unitName = (p: PlanFile | null, code: string) => both(p?.units.find((u) => u.code === code)?.name, code);
  const title = both(plan.title, plan.id);
  const notices: Notice[] = [];
  if (input.switched) {
    for (const o of input.kept) {
      notices.push({
        personId: o.personId,
        key: `plan:${plan.id}:officer:${o.personId}:${o.unitCode}:kept`,
        reply: { lines: [msg('plan-officer-kept', { unit: unitName(plan, o.unitCode), plan: title })] },
      });
    }
  }
  for (const o of input.lost) {
    notices.push({
      personId: o.personId,
      key: `plan:${plan.id}:officer:${o.personId}:${o.unitCode}:lost`,
      reply: { lines: [msg('plan-officer-lost', { unit: unitName(previous, o.unitCode), plan: title, contact: ctx.person.displayName })] },
    });
  }
  return notices;
}

async function planAction(ctx: Ctx, payload: string): Promise<Reply[]> {
  const [op, raw] = payload.split(':');
  const id = parseId(raw);
  if (!ctx.roles.admin) return [{ lines: [msg('access-denied', { audience: 'admin' })] }];
  if (id === undefined) return [{ lines: [msg('action-expired')] }];
  if (op === 'x') return [{ lines: [msg('plan-upload-cancelled')] }];
  if (op !== 'a') return [{ lines: [msg('action-expired')] }];
  const result = await ctx.services.plans.apply({ uploadId: id, byId: ctx.personId, now: ctx.now });
  if (!result.ok) return [{ lines: [msg('plan-apply-refused', { reason: result.reason })] }];
  await ctx.services.notifier.notify(officerNotices(ctx, result));
  const lines: Msg[] = [msg('plan-applied', { title: result.plan.title[ctx.locale] })];
  if (result.switched && result.previous) lines.push(msg('plan-applied-history', { previous: result.previous.title[ctx.locale] }));
  if (result.switched && result.kept.length > 0) lines.push(msg('plan-applied-kept', { count: result.kept.length }));
  if (result.lost.length > 0) lines.push(msg('plan-applied-lost', { count: result.lost.length }));
  if (result.plan.sample) lines.push(msg('plan-upload-is-sample'));
  return [{ lines }];
}

/** The `pl:` buttons of a plan file's summary. */
export const planUploadFeature: Feature = { actions: { pl: planAction } };
