/**
 * People (người dùng): one record per person, reached through one or more channel identities.
 */
import type { ChannelName, Locale } from './channel.ts';
import type { Roles } from './roles.ts';

/** A person as core needs them. */
export interface Person {
  id: number;
  displayName: string;
  /** Chosen interface language; `null` means the configured default. */
  locale: Locale | null;
}

/** Repository port implemented in `src/db`. */
export interface PeopleRepository {
  /**
   * Finds the person behind a channel identity, creating both on first contact.
   * Safe under concurrency: two first messages at once give one person.
   */
  ensure(identity: { channel: ChannelName; externalId: string; displayName: string }): Promise<Person>;
  /**
   * {@link ensure} and the person's roles under the plan `planSlug`, at once: what every update needs
   * first. Optional: without it, core calls `ensure` and then `RoleRepository.rolesOf`. The database's
   * answers from a cache checked by one query (src/db/people-repository.ts).
   */
  identify?(identity: { channel: ChannelName; externalId: string; displayName: string }, planSlug: string): Promise<{ person: Person; roles: Roles }>;
  /** Stores the person's interface language. */
  setLocale(personId: number, locale: Locale): Promise<void>;
  /**
   * When the person behind a channel identity last wrote (UTC), or `null` for an unknown identity.
   * Zalo's 7-day window for proactive messages is judged by it.
   */
  lastSeenAt(identity: ChannelIdentity): Promise<Date | null>;
  /**
   * Holds this identity as unreachable since `at` (e.g. they unfollowed the Zalo OA): messages to it
   * wait until the person writes again through it; their other identities are not held. Unknown
   * identity: nothing happens.
   */
  markUnreachable(identity: ChannelIdentity, at: Date): Promise<void>;
  /** The chosen language of the person behind a channel identity; `null` for the default or an unknown identity. */
  localeOf(identity: ChannelIdentity): Promise<Locale | null>;
  /** The chosen language of each given person (`null`: the configured default); unknown ids are left out. */
  locales(personIds: number[]): Promise<Map<number, Locale | null>>;
}

/** A person's account on one channel: `externalId` is the Telegram user id, Zalo user id or console name. */
export interface ChannelIdentity {
  channel: ChannelName;
  externalId: string;
}
