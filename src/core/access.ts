/**
 * Permission checks, all in core (issue [2/5]: "every permission is checked in core").
 */
import { msg, type Reply } from './channel.ts';
import type { Audience } from './commands.ts';
import type { Roles } from './roles.ts';

/** Whether a person with `roles` may use a command meant for `audience`. */
export function mayUse(roles: Roles, audience: Audience): boolean {
  switch (audience) {
    case 'everyone':
      return true;
    case 'officer':
      return roles.officerUnits.length > 0;
    case 'council':
      return roles.council;
    case 'chair':
      return roles.chair || roles.admin;
    case 'admin':
      return roles.admin;
    case 'staff':
      return roles.admin || roles.council || roles.chair || roles.officerUnits.length > 0;
    case 'moderator':
      return roles.admin || roles.officerUnits.length > 0;
  }
}

/** The polite refusal for someone without the role. */
export const deniedReply = (audience: Audience): Reply => ({
  lines: [audience === 'moderator' ? msg('deed-access-denied') : msg('access-denied', { audience })],
});
