/**
 * Each person turns each kind of proactive message on or off (`/nhacnho`, `/bantin dangky|huy`).
 * Reminders and the council digest are on unless turned off; the good-deeds bulletin is off until
 * the person subscribes.
 */
export const PREFERENCE_KINDS = ['reminder:milestone', 'reminder:review', 'reminder:quota', 'digest', 'bulletin'];
/** Whether a kind is on for someone who never chose. */
export const defaultEnabled = (kind) => kind !== 'bulletin';
//# sourceMappingURL=preferences.js.map