/**
 * Commands of the bot: Vietnamese names first (what officers type), English names second.
 * The command menus and /help are built from this list.
 */

/** Who a command is for: /help lists a command to people who may use it. */
/**
 * `staff` = officer, council member, council chair or administrator; `moderator` = officer or administrator;
 * `chair` = the council chair or the standing office (administrators), who record meetings and decisions.
 */
export type Audience = 'everyone' | 'officer' | 'council' | 'chair' | 'admin' | 'staff' | 'moderator';

export interface CommandSpec {
  /** Canonical (Vietnamese) name, without the slash. */
  name: string;
  /** Name in the English command menu (also accepted). */
  english: string;
  /** Other accepted names. */
  aliases: string[];
  /** Fluent key of the one-line description for command menus and /help. */
  descriptionKey: string;
  audience: Audience;
  /** Shown in the platform's command menu (public commands only). */
  menu: boolean;
}

const c = (name: string, english: string, audience: Audience, menu: boolean, aliases: string[] = []): CommandSpec => ({
  name,
  english,
  aliases,
  descriptionKey: `cmd-${name}`,
  audience,
  menu,
});

export const COMMANDS: readonly CommandSpec[] = [
  c('start', 'start', 'everyone', true),
  c('tieuchi', 'criteria', 'everyone', true),
  c('chitieu', 'targets', 'everyone', true),
  c('moc', 'timeline', 'everyone', true),
  c('guong', 'exemplars', 'everyone', true),
  c('dangky', 'nominate', 'officer', false),
  c('hoso', 'mine', 'staff', false),
  c('duyet', 'review', 'council', false),
  c('hop', 'meeting', 'chair', false),
  c('tiendo', 'progress', 'staff', false),
  c('viectot', 'gooddeed', 'everyone', true),
  c('viectotmoi', 'recentdeeds', 'everyone', true),
  c('kiemduyet', 'moderate', 'moderator', false),
  c('bantin', 'bulletin', 'everyone', true),
  c('vanban', 'documents', 'staff', false),
  c('moi', 'invite', 'admin', false),
  c('nguoi', 'people', 'admin', false),
  c('thamgia', 'join', 'everyone', true),
  c('lienket', 'link', 'everyone', true),
  c('nhacnho', 'reminders', 'everyone', false),
  c('lich', 'schedule', 'admin', false),
  c('cauhoi', 'questions', 'admin', false),
  c('ngaymoc', 'setdate', 'admin', false),
  c('tiep', 'continue', 'everyone', false),
  c('huy', 'cancel', 'everyone', false),
  c('lang', 'lang', 'everyone', true, ['ngonngu']),
  c('help', 'help', 'everyone', true, ['trogiup']),
];

/** A parsed `/command@bot args` line. */
export interface ParsedCommand {
  /** Canonical name, or the typed name when unknown. */
  name: string;
  known: boolean;
  args: string;
}

/**
 * Parses a command line: `/TieuChi@my_bot y te` → `{ name: 'tieuchi', known: true, args: 'y te' }`.
 * Returns `undefined` when the text is not a command. Case-insensitive; the `@bot` suffix is dropped.
 */
export function parseCommand(text: string): ParsedCommand | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  const typed = m[1]!.toLowerCase();
  const spec = COMMANDS.find((x) => x.name === typed || x.english === typed || x.aliases.includes(typed));
  return { name: spec?.name ?? typed, known: Boolean(spec), args: (m[2] ?? '').trim() };
}

/** Every other name a command answers to (English name first), for /help. */
export const otherNames = (spec: CommandSpec): string[] => [...new Set([spec.english, ...spec.aliases])].filter((n) => n !== spec.name);
