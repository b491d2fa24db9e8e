/**
 * Alerts to administrators, as ordinary notices through the outbox: something only a human can fix
 * (a lost Zalo grant, …). Each administrator gets the notice once per `key` (the notifier's unique
 * key is `<key>:<personId>`), in their own language.
 */
import type { ChannelName, Reply } from './channel.ts';
import type { Notifier } from './notify.ts';
import type { RoleRepository } from './roles.ts';

export interface AdminAlert {
  /** Unique per occurrence, e.g. `zalo:grant-lost:2026-12-01` (one alert a day). */
  key: string;
  reply: Reply;
  /**
   * Only through this channel (the person's identity there used last); an administrator without one
   * is skipped. E.g. `telegram` when it is Zalo that broke. Default: the identity used last.
   */
  channel?: ChannelName;
}

export interface AdminAlerts {
  /** Queues the alert to every administrator; returns how many administrators there are and how many notices were new. */
  alert(alert: AdminAlert): Promise<{ admins: number; queued: number }>;
}

export function createAdminAlerts(deps: { roles: Pick<RoleRepository, 'adminIds'>; notifier: Notifier }): AdminAlerts {
  return {
    async alert({ key, reply, channel }) {
      const admins = await deps.roles.adminIds();
      const queued = await deps.notifier.notify(admins.map((personId) => ({ personId, key: `${key}:${personId}`, reply, ...(channel ? { channel } : {}) })));
      return { admins: admins.length, queued };
    },
  };
}
