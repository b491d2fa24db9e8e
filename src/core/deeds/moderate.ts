/**
 * `/kiemduyet` (alias `/moderate`): officers and administrators go through NEW good deeds, oldest
 * first (issue [3/5]): publish after verifying, reject with a reason (the resident is told kindly),
 * merge into a duplicate, or promote to a nomination draft, which continues in the registration
 * dialog of [2/5] prefilled from the deed (see `deedBecameNomination`). Administrators also block
 * and unblock people from submitting.
 *
 * Buttons: `vt:<op>:<id>` — ok publish, no reject, ed correct spelling and diacritics (see
 * `./correct.ts`), mg merge, pr promote, n next, bl/bly block (ask/confirm), bls blocked list, ub
 * unblock (person id), open the queue.
 */
import { deniedReply, mayUse } from '../access.ts';
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { stepButton, type DialogDefinition } from '../dialog/engine.ts';
import { startRegistration } from '../nominations/register.ts';
import { formatLocalDate, formatLocalDateTime } from '../plan/dates.ts';
import { asSentence } from '../text/fold.ts';
import type { GoodDeed } from './model.ts';
import { startCorrection } from './correct.ts';
import { tellersOf, tellResidents } from './notices.ts';
import { cleanText } from './rules.ts';
import { clip } from '../text/fold.ts';
import { deedLines, knownLike, similarLine } from './view.ts';
import { parseId } from '../ids.ts';

export const REJECT_DIALOG = 'deed-reject';
export const MERGE_DIALOG = 'deed-merge';
const REASON_LIMITS = [5, 500] as const;
/** NEW deeds looked at per `/kiemduyet` (the queue is worked from its oldest end). */
const QUEUE_LIMIT = 200;
/** The nomination's achievements field holds at most this many characters (see register.ts). */
const ACHIEVEMENTS_MAX = 3000;

const isModerator = (ctx: Ctx) => mayUse(ctx.roles, 'moderator');
const say = (key: string, args?: Record<string, string | number>): Reply[] => [{ lines: [msg(key, args)] }];

/** The deed as officers see it: answers, sender (always), additions, similar known deeds, photos. */
async function moderatorView(ctx: Ctx, deed: GoodDeed): Promise<Reply> {
  const tz = ctx.services.settings.timeZone;
  const similar = await knownLike(ctx, deed, deed.id);
  const lines: Msg[] = [
    msg('deed-mod-title', { ref: deed.ref, state: msg('deed-state', { state: deed.state }), at: formatLocalDateTime(deed.createdAt, tz) }),
    ...deedLines({ ...deed, photoCount: deed.photos.length }),
    msg('deed-mod-sender', { name: deed.submitterName, named: deed.creditName ? 'yes' : 'no' }),
  ];
  if (deed.original) {
    // The resident's own words, kept when a moderator corrected the text (moderators only).
    const o = deed.original;
    lines.push(msg('deed-mod-original-title'));
    if (o.doerName !== deed.doerName) lines.push(msg('deed-mod-original', { field: 'doerName', text: o.doerName }));
    if (o.description !== deed.description) lines.push(msg('deed-mod-original', { field: 'description', text: clip(o.description, 1000) }));
    if (o.place !== deed.place) lines.push(msg('deed-mod-original', { field: 'place', text: o.place }));
  }
  if (deed.additions.length > 0) {
    lines.push(msg('deed-mod-additions', { count: deed.additions.length }));
    for (const a of deed.additions)
      lines.push(msg('deed-mod-addition', { name: a.submitterName, date: formatLocalDate(a.createdAt, tz), text: clip(a.text, 300) }));
  }
  if (similar.length > 0) lines.push(msg('deed-mod-similar', { count: similar.length }), ...similar.map((d) => similarLine(d)));
  return { lines, attachments: deed.photos.map((p) => ({ kind: 'PHOTO' as const, channel: p.channel as 'telegram', fileRef: p.fileRef })) };
}

/**
 * The first NEW deed after `afterId` (or the first one), with the moderation buttons; `focusId` shows
 * that deed instead when it is still waiting (after a correction, to publish it next).
 */
export async function showQueue(ctx: Ctx, afterId?: number, focusId?: number): Promise<Reply[]> {
  const { items, total } = await ctx.services.deeds.queue({ limit: QUEUE_LIMIT });
  const adminRow: Button[][] = ctx.roles.admin ? [[{ label: msg('deed-blocked-list'), action: 'vt:bls' }]] : [];
  if (items.length === 0) return [{ lines: [msg('deed-queue-empty')], buttons: adminRow }];
  const index = afterId === undefined ? 0 : items.findIndex((d) => d.id === afterId) + 1;
  const deed = items.find((d) => d.id === focusId) ?? items[index % items.length]!;
  const id = deed.id;
  const rows: Button[][] = [
    [
      { label: msg('deed-publish'), action: `vt:ok:${id}` },
      { label: msg('deed-reject'), action: `vt:no:${id}` },
    ],
    [{ label: msg('deed-correct'), action: `vt:ed:${id}` }],
    [
      { label: msg('deed-merge'), action: `vt:mg:${id}` },
      { label: msg('deed-promote'), action: `vt:pr:${id}` },
    ],
  ];
  if (items.length > 1) rows.push([{ label: msg('deed-next'), action: `vt:n:${id}` }]);
  if (ctx.roles.admin) rows.push([{ label: msg('deed-block'), action: `vt:bl:${id}` }], ...adminRow);
  return [{ lines: [msg('deed-queue', { count: total })] }, { ...(await moderatorView(ctx, deed)), buttons: rows }];
}

/** The deed `id` with its moderation buttons (the queue's view focused on it). */
export const showDeed = (ctx: Ctx, id: number): Promise<Reply[]> => showQueue(ctx, undefined, id);

/**
 * Publishes and tells the residents; the sender is also told when the text was published with a
 * moderator's corrections (their own words stay in the record).
 */
async function publish(ctx: Ctx, deed: GoodDeed): Promise<Reply[]> {
  if (!(await ctx.services.deeds.publish({ id: deed.id, moderatorId: ctx.personId, now: ctx.now })))
    return [...say('deed-already-handled', { ref: deed.ref }), ...(await showQueue(ctx))];
  const notice = (edited: boolean): Reply => ({ lines: [msg('deed-notice-published', { ref: deed.ref, doer: deed.doerName, edited: edited ? 'yes' : 'no' })] });
  const edited = deed.original !== null;
  await tellResidents(ctx, deed, 'published', [deed.submitterId], notice(edited));
  const others = tellersOf(deed).filter((p) => p !== deed.submitterId);
  if (others.length > 0) await tellResidents(ctx, deed, 'published', others, notice(false));
  return [...say('deed-published', { ref: deed.ref }), ...(await showQueue(ctx))];
}

/** Rejects with a reason and tells the sender kindly. */
async function reject(ctx: Ctx, deed: GoodDeed, reason: string): Promise<Reply[]> {
  if (!(await ctx.services.deeds.reject({ id: deed.id, moderatorId: ctx.personId, reason, now: ctx.now })))
    return [...say('deed-already-handled', { ref: deed.ref }), ...(await showQueue(ctx))];
  await tellResidents(ctx, deed, 'rejected', [deed.submitterId], {
    lines: [msg('deed-notice-rejected', { ref: deed.ref, doer: deed.doerName, reason: asSentence(reason) })],
  });
  return [...say('deed-rejected', { ref: deed.ref }), ...(await showQueue(ctx))];
}

async function merge(ctx: Ctx, deed: GoodDeed, into: GoodDeed): Promise<Reply[]> {
  if (!(await ctx.services.deeds.merge({ id: deed.id, intoId: into.id, moderatorId: ctx.personId, now: ctx.now })))
    return [...say('deed-merge-impossible', { ref: deed.ref, into: into.ref }), ...(await showQueue(ctx))];
  await tellResidents(ctx, deed, 'merged', [deed.submitterId], { lines: [msg('deed-notice-merged', { ref: deed.ref, into: into.ref })] });
  return [...say('deed-merged', { ref: deed.ref, into: into.ref }), ...(await showQueue(ctx))];
}

/** Opens the registration dialog of [2/5] prefilled from the deed (an officer of some unit only). */
async function promote(ctx: Ctx, deed: GoodDeed): Promise<Reply[]> {
  if (ctx.roles.officerUnits.length === 0) return say('deed-promote-need-unit');
  if (deed.state !== 'NEW' && deed.state !== 'PUBLISHED') return say('deed-already-handled', { ref: deed.ref });
  const extra = deed.additions.map((a) => a.text);
  const achievements = clip([deed.description, ...extra].join(' '), ACHIEVEMENTS_MAX);
  return [
    ...say('deed-promote-start', { ref: deed.ref }),
    ...(await startRegistration(ctx, {
      goodDeedId: deed.id,
      nomineeName: clip(deed.doerName, 150),
      place: clip(deed.place, 150),
      achievements,
      evidence: deed.photos.map((p) => ({ kind: 'PHOTO', channel: p.channel as 'telegram', fileRef: p.fileRef })),
    })),
  ];
}

async function blockedList(ctx: Ctx): Promise<Reply[]> {
  const list = await ctx.services.deeds.blocked();
  if (list.length === 0) return say('deed-blocked-none');
  const tz = ctx.services.settings.timeZone;
  return [
    {
      lines: [
        msg('deed-blocked-title', { count: list.length }),
        ...list.map((b) => msg('deed-blocked-item', { name: b.name, date: formatLocalDate(b.at, tz) })),
      ],
      buttons: list.map((b) => [{ label: msg('deed-unblock', { name: clip(b.name, 30) }), action: `vt:ub:${b.personId}` }]),
    },
  ];
}

/** Administrators only: block (after a confirmation), unblock, the blocked list. */
async function adminAction(ctx: Ctx, op: string, id: number): Promise<Reply[]> {
  if (!ctx.roles.admin) return [deniedReply('admin')];
  if (op === 'ub') return say((await ctx.services.deeds.unblock({ personId: id })) ? 'deed-unblocked' : 'deed-unblock-none');
  const deed = await ctx.services.deeds.get(id);
  if (!deed) return say('deed-not-found');
  if (op === 'bl') {
    return [
      {
        lines: [msg('deed-block-confirm', { name: deed.submitterName, ref: deed.ref })],
        buttons: [[{ label: msg('deed-block-yes'), action: `vt:bly:${id}` }]],
      },
    ];
  }
  await ctx.services.deeds.block({ personId: deed.submitterId, byId: ctx.personId, reason: deed.ref, now: ctx.now });
  return [...say('deed-block-done', { name: deed.submitterName }), ...(await showQueue(ctx))];
}

/** The `vt:` button actions. */
export async function moderationAction(ctx: Ctx, payload: string): Promise<Reply[]> {
  if (!isModerator(ctx)) return [deniedReply('moderator')];
  if (payload === 'open') return showQueue(ctx);
  if (payload === 'bls') return ctx.roles.admin ? blockedList(ctx) : [deniedReply('admin')];
  const [op = '', raw] = payload.split(':');
  const id = parseId(raw);
  if (id === undefined) return say('action-expired');
  if (op === 'bl' || op === 'bly' || op === 'ub') return adminAction(ctx, op, id);
  if (op === 'n') return showQueue(ctx, id);
  const deed = await ctx.services.deeds.get(id);
  if (!deed) return say('deed-not-found');
  if (op === 'pr') return promote(ctx, deed);
  if (deed.state !== 'NEW') return [...say('deed-already-handled', { ref: deed.ref }), ...(await showQueue(ctx))];
  switch (op) {
    case 'ok':
      return publish(ctx, deed);
    case 'no':
      return ctx.services.dialogs.start(ctx, REJECT_DIALOG, 'reason', { id });
    case 'ed':
      return startCorrection(ctx, deed);
    case 'mg':
      return ctx.services.dialogs.start(ctx, MERGE_DIALOG, 'into', { id });
    default:
      return say('action-expired');
  }
}

/** Loads the dialog's deed again (it may have been handled meanwhile) for a moderator. */
async function openDeed(ctx: Ctx, id: number): Promise<GoodDeed | Reply[]> {
  if (!isModerator(ctx)) return [deniedReply('moderator')];
  const deed = await ctx.services.deeds.get(id);
  if (!deed) return say('deed-not-found');
  return deed.state === 'NEW' ? deed : say('deed-already-handled', { ref: deed.ref });
}

export const rejectDialog: DialogDefinition<Ctx, { id: number }> = {
  kind: REJECT_DIALOG,
  allowed: isModerator,
  steps: {
    reason: {
      prompt: async (ctx, d) => ({ lines: [msg('deed-ask-reason', { ref: (await ctx.services.deeds.get(d.id))?.ref ?? '' })] }),
      handle: async (ctx, d, input) => {
        const reason = cleanText(input.text);
        if (reason.length < REASON_LIMITS[0]) return { stay: true, say: [{ lines: [msg('register-too-short', { min: REASON_LIMITS[0] })] }] };
        if (reason.length > REASON_LIMITS[1])
          return { stay: true, say: [{ lines: [msg('register-too-long', { max: REASON_LIMITS[1], length: reason.length })] }] };
        const deed = await openDeed(ctx, d.id);
        return { done: true, say: Array.isArray(deed) ? deed : await reject(ctx, deed, reason) };
      },
    },
  },
};

export const mergeDialog: DialogDefinition<Ctx, { id: number }> = {
  kind: MERGE_DIALOG,
  allowed: isModerator,
  steps: {
    into: {
      prompt: async (ctx, d) => {
        const deed = await ctx.services.deeds.get(d.id);
        const similar = deed ? await knownLike(ctx, deed, deed.id) : [];
        return {
          lines: [msg('deed-ask-merge', { ref: deed?.ref ?? '' }), ...similar.map((d) => similarLine(d))],
          buttons: similar.map((s) => [stepButton('into', msg('deed-merge-into', { ref: s.ref }), String(s.id))]),
        };
      },
      handle: async (ctx, d, input) => {
        const deed = await openDeed(ctx, d.id);
        if (Array.isArray(deed)) return { done: true, say: deed };
        const intoId = parseId(input.value);
        const into =
          input.value !== undefined
            ? intoId === undefined
              ? null
              : await ctx.services.deeds.get(intoId)
            : await ctx.services.deeds.byRef(cleanText(input.text));
        if (!into || into.id === deed.id || into.state === 'REJECTED' || into.state === 'MERGED')
          return { stay: true, say: [{ lines: [msg('deed-merge-target-invalid')] }] };
        return { done: true, say: await merge(ctx, deed, into) };
      },
    },
  },
};
