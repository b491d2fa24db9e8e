/**
 * Reading good deeds (issue [3/5]):
 * - `/viectotmoi` (alias `/recentdeeds`): the latest published deeds, page by page, for everyone;
 * - `/bantin` (alias `/bulletin`): the "Việc tốt quanh ta" bulletin of the last 7 days for officers,
 *   in plain Vietnamese sentences ready to be read on the commune radio. Its scheduled sending comes
 *   with [4/5], which can call {@link bulletinReply} for any week.
 *
 * Both read {@link PublicDeed}s only: the sender's name appears only when the sender agreed.
 */
import { msg, type Button, type Locale, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { PlanCatalog } from '../plan/catalog.ts';
import { formatLocalDate } from '../plan/dates.ts';
import { mayUse } from '../access.ts';
import { foldText } from '../text/fold.ts';
import type { PublicDeed } from './model.ts';
import { parseCount } from '../ids.ts';

/** Deeds per page of `/viectotmoi`. */
export const RECENT_PAGE = 5;
/** The bulletin covers this many days back from now. */
export const BULLETIN_DAYS = 7;
/** Most deeds read in one bulletin (a radio segment is a few minutes). */
export const BULLETIN_MAX = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Ends a told text as a sentence, so the radio reader pauses: adds "." unless it ends with . ! ? … */
export const sentence = (text: string): string => (/[.!?…]["”»)]*$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const credit = (d: PublicDeed): Msg => msg('deed-credit', { named: d.creditedName ? 'yes' : 'no', name: d.creditedName ?? '' });

async function recent(ctx: Ctx, offset: number): Promise<Reply[]> {
  const { items, total } = await ctx.services.deeds.recentPublished({ offset, limit: RECENT_PAGE });
  if (total === 0) return [{ lines: [msg('deed-recent-empty')] }];
  const tz = ctx.services.settings.timeZone;
  const lines: Msg[] = [msg('deed-recent-title', { commune: ctx.catalog.plan.commune[ctx.locale], from: offset + 1, to: offset + items.length, total })];
  for (const d of items) {
    lines.push(
      msg('deed-public-item', {
        date: formatLocalDate(d.publishedAt, tz),
        doer: d.doerName,
        place: d.place,
        when: d.whenText,
        text: d.description,
        credit: credit(d),
      }),
    );
  }
  const nav: Button[] = [];
  if (offset > 0) nav.push({ label: msg('list-prev'), action: `vtm:${Math.max(0, offset - RECENT_PAGE)}` });
  if (offset + RECENT_PAGE < total) nav.push({ label: msg('list-next'), action: `vtm:${offset + RECENT_PAGE}` });
  return [{ lines: [...lines, msg('deed-recent-hint')], buttons: nav.length ? [nav] : [] }];
}

/**
 * The bulletin text for deeds published in a period: a bold title, then plain sentences only
 * ("Tuần qua, …", one sentence group per deed, a closing thanks). `deeds` oldest first.
 * `from` and `to` are the instants the period starts and ends (shown as local days of `timeZone`);
 * the text is rendered in `locale` (the radio reads the Vietnamese one).
 */
export function bulletinReply(input: { catalog: PlanCatalog; locale: Locale; deeds: PublicDeed[]; from: Date; to: Date; timeZone: string }): Reply {
  const { deeds, timeZone } = input;
  const commune = input.catalog.plan.commune[input.locale];
  const lines: Msg[] = [msg('deed-bulletin-title', { from: formatLocalDate(input.from, timeZone), to: formatLocalDate(input.to, timeZone) })];
  if (deeds.length === 0) return { lines: [...lines, msg('deed-bulletin-none', { commune })] };
  lines.push(msg('deed-bulletin-intro', { commune, count: deeds.length }));
  deeds.forEach((d, i) => {
    lines.push(
      msg('deed-bulletin-item', {
        n: i + 1,
        doer: d.doerName,
        place: d.place,
        text: sentence(d.description),
        when: d.whenText,
        credit: d.creditedName ? msg('deed-bulletin-credit', { name: d.creditedName }) : '',
      }),
    );
  });
  lines.push(msg('deed-bulletin-outro'));
  return { lines };
}

/**
 * `/bantin`: `dangky` / `huy` (also `subscribe` / `unsubscribe`) turn the weekly bulletin on or off
 * for anyone (issue [4/5]); without words, officers get this week's bulletin text on demand.
 */
async function bulletin(ctx: Ctx, args = ''): Promise<Reply[]> {
  const word = foldText(args);
  if (word === 'dangky' || word === 'dang ky' || word === 'subscribe') {
    await ctx.services.preferences.set(ctx.personId, 'bulletin', true);
    return [{ lines: [msg('bulletin-subscribed')] }];
  }
  if (word === 'huy' || word === 'unsubscribe') {
    await ctx.services.preferences.set(ctx.personId, 'bulletin', false);
    return [{ lines: [msg('bulletin-unsubscribed')] }];
  }
  if (!mayUse(ctx.roles, 'staff')) return [{ lines: [msg('bulletin-how-to-subscribe')] }];
  const from = new Date(ctx.now.getTime() - BULLETIN_DAYS * DAY_MS);
  const deeds = await ctx.services.deeds.publishedBetween({ from, to: ctx.now, limit: BULLETIN_MAX });
  return [bulletinReply({ catalog: ctx.catalog, locale: ctx.locale, deeds, from, to: ctx.now, timeZone: ctx.services.settings.timeZone })];
}

export const readCommands = {
  viectotmoi: (ctx: Ctx) => recent(ctx, 0),
  bantin: bulletin,
};

/** The `vtm:<offset>` page buttons of `/viectotmoi`. */
export const recentPage = (ctx: Ctx, payload: string): Promise<Reply[]> => {
  return recent(ctx, parseCount(payload) ?? 0);
};
