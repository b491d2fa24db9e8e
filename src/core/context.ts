/**
 * What every feature handler gets: the message, the person with their roles and language, the
 * active plan, the clock, and the services (repository ports, dialogs, notifier).
 */
import type { AwardForm } from './awards.ts';
import type { FileSources, InboundMessage, Locale, Reply } from './channel.ts';
import type { DeedRepository } from './deeds/model.ts';
import type { DialogEngine } from './dialog/engine.ts';
import type { DraftRepository } from './nominations/drafts.ts';
import type { CouncilRepository } from './council/model.ts';
import type { NominationRepository, VoteRule } from './nominations/model.ts';
import type { AttemptLimiter } from './limits.ts';
import type { Notifier } from './notify.ts';
import type { PreferenceRepository } from './preferences.ts';
import type { PeopleRepository, Person } from './people.ts';
import type { MilestoneDateRepository } from './plan/actual-dates.ts';
import type { PlanCatalog } from './plan/catalog.ts';
import type { PlanLibrary } from './plan/library.ts';
import type { UnansweredQuestionStore } from './qa/unanswered.ts';
import type { RoleRepository, Roles } from './roles.ts';

export interface Services {
  people: PeopleRepository;
  roles: RoleRepository;
  nominations: NominationRepository;
  /** Review rounds, council meetings, decisions and proposals to the higher level (issue 12). */
  council: CouncilRepository;
  /** Good deeds told by residents ("Việc tốt quanh ta"). */
  deeds: DeedRepository;
  dialogs: DialogEngine<Ctx>;
  notifier: Notifier;
  /** Wrong-code attempts (invite and link codes); absent = no limit (tests of other features). */
  attempts?: AttemptLimiter;
  preferences: PreferenceRepository;
  /** Registrations left half-done, kept as drafts (listed in /hoso). */
  drafts: DraftRepository;
  /** Actual dates of reviews and conferences, set by the standing office (`/ngaymoc`). */
  milestoneDates: MilestoneDateRepository;
  /** The scheduled jobs: next run (UTC) and last result, for `/lich`. */
  jobStatus: () => Promise<
    { name: string; cron: string; next: Date; last: { period: string; state: string; result: string | null; finishedAt: Date | null } | null }[]
  >;
  /**
   * Free-text questions the bot could not answer with confidence, kept for administrators (`/cauhoi`).
   * Optional: without it nothing is kept and `/cauhoi` lists nothing.
   */
  unanswered?: UnansweredQuestionStore;
  /** Award forms with their validity dates (data, editable by administrators). */
  awardForms: () => Promise<AwardForm[]>;
  /** The active plan; a function so a re-imported plan is picked up without a restart. */
  catalog: () => PlanCatalog;
  /** Every plan held (the active one and earlier ones) and plan files sent in chat (issue 16). */
  plans: PlanLibrary;
  /** Reads the bytes of files people send, through their channel (registered as channels start). */
  files: FileSources;
  settings: {
    defaultLocale: Locale;
    /** IANA zone for people-facing dates (Asia/Ho_Chi_Minh by default). */
    timeZone: string;
    voteRule: VoteRule;
    /** A review round open longer than this many days is brought to the council chair. */
    councilRoundDays: number;
    /** Telegram user ids that are administrators by configuration. */
    adminTelegramIds: string[];
    /** Good deeds (and additions) one person may send per local calendar day. */
    deedDailyLimit: number;
  };
}

export interface Ctx {
  message: InboundMessage;
  person: Person;
  personId: number;
  roles: Roles;
  locale: Locale;
  channel: string;
  chatId: string;
  /** The current instant (UTC). */
  now: Date;
  /** Today's calendar date `YYYY-MM-DD` in the people's zone. */
  today: string;
  catalog: PlanCatalog;
  services: Services;
}

/** A command handler: `args` is the text after the command, trimmed. */
export type CommandHandler = (ctx: Ctx, args: string) => Promise<Reply[]>;
/** An action handler: `payload` is the button action after its `<prefix>:`. */
export type ActionHandler = (ctx: Ctx, payload: string) => Promise<Reply[]>;

/** A feature registers commands (by canonical name) and button actions (by prefix). */
export interface Feature {
  commands?: Record<string, CommandHandler>;
  actions?: Record<string, ActionHandler>;
}
