/**
 * `/hoso` (alias `/mine`): my unit's nominations with their state, searchable by nominee name
 * without diacritics, page by page. `/guong` (alias `/exemplars`): the approved exemplars, public to
 * residents (no private data). `nom:` buttons open, edit (when returned), annotate and commend.
 */
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { formatLocalDate } from '../plan/dates.ts';
import { clip, foldText } from '../text/fold.ts';
import { truncateBytes } from '../text/truncate.ts';
import { chairButtons } from '../council/notices.ts';
import { decisionAction, mayRecordDecisions } from '../council/decide.ts';
import { startNote, startWithdrawal } from './commend.ts';
import type { Nomination, NominationState } from './model.ts';
import { pageAcrossPlans, plansActiveFirst } from './across-plans.ts';
import { resumeDraft, startResubmission } from './register.ts';
import { fullView, handles, publicView } from './view.ts';
import { parseCount, parseId } from '../ids.ts';

/** Items per page: short enough for a cheap phone's screen. */
export const PAGE_SIZE = 8;
/** Callback data allows 64 bytes: the search words kept in a page button. */
const QUERY_BYTES = 30;

const clipQuery = (q: string) => truncateBytes(foldText(q), QUERY_BYTES).trim();

function pager(prefix: string, offset: number, total: number, query: string): Button[] {
  const buttons: Button[] = [];
  if (offset > 0) buttons.push({ label: msg('list-prev'), action: `${prefix}:${Math.max(0, offset - PAGE_SIZE)}:${query}` });
  if (offset + PAGE_SIZE < total) buttons.push({ label: msg('list-next'), action: `${prefix}:${offset + PAGE_SIZE}:${query}` });
  return buttons;
}

/** The officer's registrations left half-done (kept at least 30 days), with resume and delete buttons. */
async function draftsReply(ctx: Ctx): Promise<Reply | undefined> {
  const drafts = await ctx.services.drafts.list({ personId: ctx.personId, planSlug: ctx.catalog.plan.id });
  if (drafts.length === 0) return undefined;
  const tz = ctx.services.settings.timeZone;
  return {
    lines: [
      msg('drafts-title', { count: drafts.length }),
      ...drafts.map((d) => msg('drafts-item', { name: d.nomineeName, named: d.nomineeName ? 'yes' : 'no', date: formatLocalDate(d.updatedAt, tz) })),
    ],
    buttons: drafts.map((d) => [
      { label: msg('drafts-resume', { name: clip(d.nomineeName, 30), named: d.nomineeName ? 'yes' : 'no' }), action: `dr:r:${d.id}` },
      { label: msg('drafts-delete'), action: `dr:x:${d.id}` },
    ]),
  };
}

async function mine(ctx: Ctx, offset: number, rawQuery: string): Promise<Reply[]> {
  const drafts = offset === 0 && !rawQuery.trim() ? await draftsReply(ctx) : undefined;
  return drafts ? [drafts, ...(await nominationsPage(ctx, offset, rawQuery))] : nominationsPage(ctx, offset, rawQuery);
}

/** The "earlier plans" button of /hoso, when an earlier plan is held. */
async function earlierButton(ctx: Ctx): Promise<Button[][]> {
  const earlier = (await ctx.services.plans.history()).some((p) => p.slug !== ctx.catalog.plan.id);
  return earlier ? [[{ label: msg('earlier-plans-open'), action: 'hp:0' }]] : [];
}

async function nominationsPage(ctx: Ctx, offset: number, rawQuery: string): Promise<Reply[]> {
  const query = clipQuery(rawQuery);
  const everyUnit = ctx.roles.admin || ctx.roles.council;
  const { items, total } = await ctx.services.nominations.list({
    planSlug: ctx.catalog.plan.id,
    unitCodes: everyUnit ? undefined : ctx.roles.officerUnits,
    nameQuery: query || undefined,
    offset,
    limit: PAGE_SIZE,
  });
  if (total === 0) return [{ lines: [msg(query ? 'mine-none-matching' : 'mine-empty', { query })], buttons: query ? [] : await earlierButton(ctx) }];
  const tz = ctx.services.settings.timeZone;
  const lines: Msg[] = [msg('mine-title', { total, from: offset + 1, to: offset + items.length, query })];
  for (const n of items) {
    lines.push(
      msg('mine-item', {
        id: n.id,
        name: n.nomineeName,
        state: msg('nomination-state', { state: n.state }),
        category: n.categoryCode,
        date: formatLocalDate(n.createdAt, tz),
      }),
    );
  }
  const buttons: Button[][] = items.map((n) => [{ label: msg('mine-open', { id: n.id, name: clip(n.nomineeName, 30) }), action: `nom:v:${n.id}` }]);
  const nav = pager('hs', offset, total, query);
  if (nav.length > 0) buttons.push(nav);
  if (offset === 0 && !query) buttons.push(...(await earlierButton(ctx)));
  return [{ lines: [...lines, msg('mine-search-hint')], buttons }];
}

/**
 * `/guong`: the exemplars of every plan the bot holds (issue 16: the honour roll spans plans), the
 * active plan first, then earlier plans, most recently active first; each plan under its name when
 * the page shows more than the active plan's.
 */
async function exemplars(ctx: Ctx, offset: number, rawQuery: string): Promise<Reply[]> {
  const query = clipQuery(rawQuery);
  const plans = await plansActiveFirst(ctx);
  const { total, sections } = await pageAcrossPlans(ctx, plans, { states: ['APPROVED'], nameQuery: query || undefined }, offset, PAGE_SIZE);
  if (total === 0) return [{ lines: [msg(query ? 'exemplars-none-matching' : 'exemplars-empty', { query })] }];
  // Labelled by plan as soon as an earlier plan has exemplars (on any page).
  const earlier = plans.filter((p) => p.slug !== ctx.catalog.plan.id);
  const labelled = (await pageAcrossPlans(ctx, earlier, { states: ['APPROVED'], nameQuery: query || undefined }, 0, 0)).total > 0;
  const tz = ctx.services.settings.timeZone;
  const lines: Msg[] = [msg('exemplars-title', { total, commune: ctx.catalog.plan.commune[ctx.locale] })];
  for (const { plan, items } of sections) {
    if (labelled) lines.push(msg('exemplars-plan-heading', { plan: plan.title[ctx.locale], active: plan.slug === ctx.catalog.plan.id ? 'yes' : 'no' }));
    for (const n of items) {
      lines.push(
        msg('exemplars-item', {
          name: n.nomineeName,
          type: msg('subject-type', { type: n.subjectType }),
          place: n.place,
          category: n.categoryCode,
          date: n.decidedAt ? formatLocalDate(n.decidedAt, tz) : '-',
        }),
      );
    }
  }
  const shown = sections.flatMap((s) => s.items);
  const buttons: Button[][] = shown.map((n) => [{ label: msg('exemplars-open', { name: clip(n.nomineeName, 40) }), action: `gv:${n.id}` }]);
  const nav = pager('gu', offset, total, query);
  if (nav.length > 0) buttons.push(nav);
  return [{ lines, buttons }];
}

/** States shown in the records of earlier plans (a draft was never sent). */
const RECORDED: NominationState[] = ['SUBMITTED', 'RETURNED', 'PROPOSED', 'PROPOSED_HIGHER', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

/**
 * The nominations of earlier plans (issue 16: they stay readable), read-only: every unit's for
 * administrators and council members, an officer's for the units of the same code.
 */
async function earlierPlans(ctx: Ctx, offset: number): Promise<Reply[]> {
  const plans = (await plansActiveFirst(ctx)).filter((p) => p.slug !== ctx.catalog.plan.id);
  const everyUnit = ctx.roles.admin || ctx.roles.council;
  const { total, sections } = await pageAcrossPlans(
    ctx,
    plans,
    { states: RECORDED, unitCodes: everyUnit ? undefined : ctx.roles.officerUnits },
    offset,
    PAGE_SIZE,
  );
  if (total === 0) return [{ lines: [msg('earlier-plans-empty')] }];
  const tz = ctx.services.settings.timeZone;
  const lines: Msg[] = [msg('earlier-plans-title', { total, from: offset + 1, to: offset + sections.reduce((n, s) => n + s.items.length, 0) })];
  for (const { plan, items } of sections) {
    lines.push(msg('exemplars-plan-heading', { plan: plan.title[ctx.locale], active: 'no' }));
    for (const n of items)
      lines.push(
        msg('mine-item', {
          id: n.id,
          name: n.nomineeName,
          state: msg('nomination-state', { state: n.state }),
          category: n.categoryCode,
          date: formatLocalDate(n.createdAt, tz),
        }),
      );
  }
  const buttons: Button[][] = sections
    .flatMap((s) => s.items)
    .map((n) => [{ label: msg('mine-open', { id: n.id, name: clip(n.nomineeName, 30) }), action: `nom:v:${n.id}` }]);
  const nav = pager('hp', offset, total, '');
  if (nav.length > 0) buttons.push(nav);
  return [{ lines, buttons }];
}

/** A nomination of an earlier plan: the whole record for those who may read it, no buttons. */
async function earlierNomination(ctx: Ctx, n: Nomination): Promise<Reply[]> {
  const plan = (await ctx.services.plans.history()).find((p) => p.slug === n.planSlug);
  const heading = plan ? [msg('exemplars-plan-heading', { plan: plan.title[ctx.locale], active: 'no' })] : [];
  const reads = ctx.roles.admin || ctx.roles.council || ctx.roles.officerUnits.includes(n.unitCode);
  if (reads) {
    const view = await fullView(ctx, n);
    return [{ ...view, lines: [...heading, ...view.lines] }];
  }
  if (n.state === 'APPROVED') {
    const view = await publicView(ctx, n);
    return [{ ...view, lines: [...heading, ...view.lines] }];
  }
  return [{ lines: [msg('nomination-not-found')] }];
}

/** One exemplar's public view; an exemplar of an earlier plan says which plan. */
async function exemplarView(ctx: Ctx, payload: string): Promise<Reply[]> {
  const id = parseId(payload);
  const n = id !== undefined ? await ctx.services.nominations.get(id) : null;
  if (!n || n.state !== 'APPROVED') return [{ lines: [msg('nomination-not-found')] }];
  const view = await publicView(ctx, n);
  if (n.planSlug === ctx.catalog.plan.id) return [view];
  const plan = (await ctx.services.plans.history()).find((p) => p.slug === n.planSlug);
  return [{ ...view, lines: [...(plan ? [msg('exemplars-plan-heading', { plan: plan.title[ctx.locale], active: 'no' })] : []), ...view.lines] }];
}

/** Buttons under a nomination for the people who handle it, by state and role (the decision chain). */
function actionButtons(ctx: Ctx, n: Nomination): Button[][] {
  const rows: Button[][] = [];
  const ownUnit = ctx.roles.officerUnits.includes(n.unitCode);
  if (n.state === 'RETURNED' && ownUnit) rows.push([{ label: msg('nomination-edit'), action: `nom:e:${n.id}` }]);
  if (n.state === 'SUBMITTED' && ctx.roles.council && n.proposerId !== ctx.personId) rows.push([{ label: msg('review-open-one'), action: `rv:o:${n.id}` }]);
  if (n.state === 'SUBMITTED' && ctx.roles.chair) rows.push(...chairButtons(n));
  if ((n.state === 'SUBMITTED' || n.state === 'RETURNED') && ownUnit) rows.push([{ label: msg('nomination-withdraw'), action: `nom:w:${n.id}` }]);
  if (n.state === 'PROPOSED' && mayRecordDecisions(ctx)) {
    rows.push(
      [{ label: msg('decide-open'), action: `qd:d:${n.id}` }],
      [{ label: msg('propose-higher-open'), action: `qd:p:${n.id}` }],
      [{ label: msg('decline-open'), action: `qd:x:${n.id}` }],
    );
  }
  if (n.state === 'PROPOSED_HIGHER' && mayRecordDecisions(ctx)) {
    rows.push([{ label: msg('higher-awarded-open'), action: `qd:a:${n.id}` }], [{ label: msg('higher-refused-open'), action: `qd:f:${n.id}` }]);
  }
  if (n.state === 'APPROVED') {
    rows.push([
      { label: msg('nomination-add-nurture'), action: `nom:N:${n.id}` },
      { label: msg('nomination-add-replicate'), action: `nom:R:${n.id}` },
    ]);
  }
  rows.push([{ label: msg('nomination-add-note'), action: `nom:O:${n.id}` }]);
  return rows;
}

async function nominationAction(ctx: Ctx, payload: string): Promise<Reply[]> {
  const [op, raw] = payload.split(':');
  const id = parseId(raw);
  const n = id !== undefined ? await ctx.services.nominations.get(id) : null;
  if (!n) return [{ lines: [msg('nomination-not-found')] }];
  if (n.planSlug !== ctx.catalog.plan.id) return op === 'v' ? earlierNomination(ctx, n) : [{ lines: [msg('nomination-not-found')] }];
  if (!handles(ctx, n)) return n.state === 'APPROVED' && op === 'v' ? [await publicView(ctx, n)] : [{ lines: [msg('access-denied', { audience: 'staff' })] }];
  switch (op) {
    case 'v':
      return [{ ...(await fullView(ctx, n)), buttons: actionButtons(ctx, n) }];
    case 'e':
      // A refusal about the role says so; the state is only the reason for the unit's own officers.
      if (!ctx.roles.officerUnits.includes(n.unitCode)) return [{ lines: [msg('nomination-edit-not-yours')] }];
      if (n.state !== 'RETURNED') return [{ lines: [msg('nomination-not-editable', { state: msg('nomination-state', { state: n.state }) })] }];
      return startResubmission(ctx, n);
    case 'c':
      // The old "commend" button: awards are now the chairman's decision, recorded from PROPOSED.
      return decisionAction(ctx, `d:${n.id}`);
    case 'w':
      if (!ctx.roles.officerUnits.includes(n.unitCode) || (n.state !== 'SUBMITTED' && n.state !== 'RETURNED')) {
        return [{ lines: [msg('nomination-not-editable', { state: msg('nomination-state', { state: n.state }) })] }];
      }
      return startWithdrawal(ctx, n.id);
    case 'N':
    case 'R':
      if (n.state !== 'APPROVED') return [{ lines: [msg('review-error', { code: 'not-approved' })] }];
      return startNote(ctx, n.id, op === 'N' ? 'NURTURE' : 'REPLICATE');
    case 'O':
      return startNote(ctx, n.id, 'NOTE');
    default:
      return [{ lines: [msg('action-expired')] }];
  }
}

const page = (payload: string): [number, string] => {
  const colon = payload.indexOf(':');
  const offset = parseCount(colon < 0 ? payload : payload.slice(0, colon)) ?? 0;
  return [Number.isSafeInteger(offset) && offset >= 0 ? offset : 0, colon < 0 ? '' : payload.slice(colon + 1)];
};

export const listsFeature: Feature = {
  commands: {
    hoso: (ctx, args) => mine(ctx, 0, args),
    guong: (ctx, args) => exemplars(ctx, 0, args),
  },
  actions: {
    hs: (ctx, payload) =>
      ctx.roles.officerUnits.length || ctx.roles.admin || ctx.roles.council
        ? mine(ctx, ...page(payload))
        : Promise.resolve([{ lines: [msg('access-denied', { audience: 'officer' })] }]),
    gu: (ctx, payload) => exemplars(ctx, ...page(payload)),
    hp: (ctx, payload) =>
      ctx.roles.officerUnits.length || ctx.roles.admin || ctx.roles.council
        ? earlierPlans(ctx, page(payload)[0])
        : Promise.resolve([{ lines: [msg('access-denied', { audience: 'officer' })] }]),
    gv: exemplarView,
    nom: nominationAction,
    dr: async (ctx, payload) => {
      const [op, raw] = payload.split(':');
      const id = /^\d{1,9}$/.test(raw ?? '') ? Number(raw) : undefined;
      if (id === undefined) return [{ lines: [msg('draft-gone')] }];
      if (op === 'r') return resumeDraft(ctx, id);
      if (op === 'x') return [{ lines: [msg((await ctx.services.drafts.remove({ id, personId: ctx.personId })) ? 'draft-deleted' : 'draft-gone')] }];
      return [{ lines: [msg('action-expired')] }];
    },
    qd: decisionAction,
  },
};
