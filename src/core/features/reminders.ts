/**
 * `/nhacnho` (alias `/reminders`): each person turns each kind of proactive message on or off.
 * `/lich` (alias `/schedule`): administrators see the scheduled jobs, their next run and last result.
 */
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx, Feature } from '../context.ts';
import { formatLocalDateTime, formatPlanDate } from '../plan/dates.ts';
import { defaultEnabled, PREFERENCE_KINDS, type PreferenceKind } from '../preferences.ts';

/** The kind as a Fluent variant key (`reminder:milestone` → `reminder-milestone`; ":" is not allowed there). */
const kindLabel = (kind: PreferenceKind) => msg('prefs-kind', { kind: kind.replace(':', '-') });

/** The kinds a person is offered: staff get the work reminders, everyone the bulletin. */
function kindsFor(ctx: Ctx): PreferenceKind[] {
  const { council, officerUnits } = ctx.roles;
  const officer = officerUnits.length > 0;
  const offered: Record<PreferenceKind, boolean> = {
    'reminder:milestone': officer || council,
    'reminder:review': council,
    'reminder:quota': officer,
    'reminder:deeds': officer || ctx.roles.admin, // moderators (issue 13)
    digest: council,
    bulletin: true,
  };
  return PREFERENCE_KINDS.filter((k) => offered[k]);
}

/** A job's stored result: a message key with values (JSON), or plain text (errors, skips). */
function jobResult(result: string | null): Msg {
  if (!result) return msg('plain', { text: '' });
  try {
    const parsed = JSON.parse(result) as Msg;
    if (typeof parsed?.key === 'string') return parsed;
  } catch {
    // plain text
  }
  return msg('plain', { text: result });
}

async function preferencesReply(ctx: Ctx): Promise<Reply> {
  const chosen = await ctx.services.preferences.of(ctx.personId);
  const kinds = kindsFor(ctx);
  const buttons: Button[][] = kinds.map((kind) => {
    const on = chosen[kind] ?? defaultEnabled(kind);
    return [{ label: msg('prefs-toggle', { on: on ? 'yes' : 'no', kind: kindLabel(kind) }), action: `pf:${kind}` }];
  });
  return {
    lines: [
      msg('prefs-title'),
      ...kinds.map((kind) => msg('prefs-line', { on: (chosen[kind] ?? defaultEnabled(kind)) ? 'yes' : 'no', kind: kindLabel(kind) })),
    ],
    buttons,
  };
}

async function schedule(ctx: Ctx): Promise<Reply[]> {
  const tz = ctx.services.settings.timeZone;
  const jobs = await ctx.services.jobStatus();
  const lines = [msg('schedule-title', { zone: tz })];
  for (const j of jobs) {
    lines.push(msg('schedule-job', { name: msg('schedule-job-name', { name: j.name }), cron: j.cron, next: formatLocalDateTime(j.next, tz) }));
    lines.push(
      j.last
        ? msg('schedule-last', {
            period: `${formatPlanDate(j.last.period.slice(0, 10))} ${j.last.period.slice(11)}`,
            state: j.last.state,
            result: j.last.state === 'SKIPPED' ? msg('job-result-skipped') : jobResult(j.last.result),
          })
        : msg('schedule-never'),
    );
  }
  return [{ lines }];
}

export const remindersFeature: Feature = {
  commands: {
    nhacnho: async (ctx) => [await preferencesReply(ctx)],
    lich: schedule,
  },
  actions: {
    pf: async (ctx, payload) => {
      const kind = payload as PreferenceKind;
      if (!kindsFor(ctx).includes(kind)) return [{ lines: [msg('action-expired')] }];
      const chosen = await ctx.services.preferences.of(ctx.personId);
      await ctx.services.preferences.set(ctx.personId, kind, !(chosen[kind] ?? defaultEnabled(kind)));
      return [{ ...(await preferencesReply(ctx)), replacesTapped: true }];
    },
  },
};
