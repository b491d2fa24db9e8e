/**
 * People (người dùng): one record per person, reached through one or more channel identities.
 */
import type { ChannelName, Locale } from './channel.ts';

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
  /** Stores the person's interface language. */
  setLocale(personId: number, locale: Locale): Promise<void>;
}
