/**
 * What the bot does with each command and button in a group chat (issue [3/9] "private things stay
 * private", issue [2/9 b] "groups"): ONE table, data only, read by the router in `bot.ts`.
 *
 * - `public`: answered in the group like in a private chat. Only commands whose answer is the same
 *   for everyone and holds nothing personal (the plan's criteria, targets, timeline, exemplars and
 *   good deeds already made public, the bulletin, help).
 * - `private`: not answered in the group. The group gets one short note, and on channels that can
 *   open a private chat from a link (Telegram `t.me/<bot>?start=<command>`) a button that opens the
 *   private chat and runs the same command there ({@link Reply.deepLink}). Everything that shows a
 *   person's own data, dossiers, people, codes (invite and link codes are never posted to a group),
 *   changes a person's settings, or starts a dialog (a dialog needs typed answers, which a group does
 *   not pass on) is private.
 *
 * A command or button prefix missing from the tables is `private`: a new command added without
 * deciding stays out of groups until someone decides (a test walks every command of
 * {@link COMMANDS} and asks for an explicit entry).
 */
import { COMMANDS } from './commands.ts';

/** `public`: answered in the group; `private`: a short note there, answered in the private chat. */
export type GroupPolicy = 'public' | 'private';

/** Command (canonical name) → what happens in a group. */
export const COMMAND_GROUP_POLICY: Readonly<Record<string, GroupPolicy>> = {
  start: 'public', // in a group: the greeting and the public commands only (see helpReply)
  help: 'public', // idem
  tieuchi: 'public',
  chitieu: 'public',
  moc: 'public',
  guong: 'public', // approved exemplars: public by purpose (Law 06/2022 art. 5 – lan tỏa)
  viectotmoi: 'public', // published good deeds only, credit as the submitter chose
  bantin: 'public',
  dangky: 'private', // a dialog
  hoso: 'private', // the officer's dossiers
  duyet: 'private', // whole dossiers for the council
  hop: 'private', // council meeting records: who attended, tallies, remarks
  tiendo: 'private', // internal progress per unit
  viectot: 'private', // a dialog
  kiemduyet: 'private', // unpublished deeds with submitters
  moi: 'private', // invite codes
  nguoi: 'private', // people and roles
  thamgia: 'private', // takes a code
  lienket: 'private', // shows or takes a code
  nhacnho: 'private', // the person's settings
  lich: 'private', // administration
  cauhoi: 'private', // administration: questions people asked
  vanban: 'private', // drafted documents name people and their achievements
  ngaymoc: 'private', // administration: actual dates of reviews and conferences
  tiep: 'private', // a dialog
  huy: 'private', // a dialog
  lang: 'private', // the person's settings
};

/**
 * Button action prefix (the part before the first `:`) → what happens when tapped in a group.
 * Buttons of public answers stay usable there; anything else (dialog steps `d`, votes, invites,
 * dossiers, moderation, settings) is refused with the same note.
 */
export const ACTION_GROUP_POLICY: Readonly<Record<string, GroupPolicy>> = {
  cat: 'public', // a criteria category
  criteria: 'public',
  moc: 'public',
  gu: 'public', // exemplars, next page
  gv: 'public', // one exemplar's public view
  vtm: 'public', // published good deeds, next page
  noop: 'public', // "keep receiving messages" (Zalo)
  vb: 'private', // drafted documents (files)
  qa: 'private', // answers to free-text questions (private chats only; "your unit" is personal)
  md: 'private', // /ngaymoc: record an actual date (administrators)
  dr: 'private', // the officer's registration drafts
  kd: 'private', // the good-deeds moderation queue
  pl: 'private', // applying a plan file sent in chat (administrators)
  hp: 'private', // nominations of earlier plans (staff)
};

/** The policy of a command (canonical name); unknown names are private. */
export const commandGroupPolicy = (name: string): GroupPolicy => COMMAND_GROUP_POLICY[name] ?? 'private';

/** The policy of a button action (`prefix:payload`); unknown prefixes are private. */
export function actionGroupPolicy(action: string): GroupPolicy {
  const colon = action.indexOf(':');
  return ACTION_GROUP_POLICY[colon < 0 ? action : action.slice(0, colon)] ?? 'private';
}

/** Commands of {@link COMMANDS} that have no explicit entry (a test keeps this empty). */
export const undecidedCommands = (): string[] => COMMANDS.map((c) => c.name).filter((n) => !(n in COMMAND_GROUP_POLICY));
