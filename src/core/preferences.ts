/**
 * Each person turns each kind of proactive message on or off (`/nhacnho`, `/bantin dangky|huy`).
 * Reminders and the council digest are on unless turned off; the good-deeds bulletin is off until
 * the person subscribes.
 */
export const PREFERENCE_KINDS = ['reminder:milestone', 'reminder:review', 'reminder:quota', 'reminder:deeds', 'digest', 'bulletin'] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

/** Whether a kind is on for someone who never chose. */
export const defaultEnabled = (kind: PreferenceKind): boolean => kind !== 'bulletin';

/** Repository port (src/db/preference-repository.ts). */
export interface PreferenceRepository {
  /** The kinds a person turned on or off explicitly. */
  of(personId: number): Promise<Partial<Record<PreferenceKind, boolean>>>;
  set(personId: number, kind: PreferenceKind, enabled: boolean): Promise<void>;
  /** Of `personIds`, those for whom `kind` is on (explicitly or by default). */
  filterEnabled(personIds: number[], kind: PreferenceKind): Promise<number[]>;
  /** Everyone who turned `kind` on explicitly (subscribers). */
  subscribers(kind: PreferenceKind): Promise<number[]>;
}
