/**
 * Test-only fault injection: {@link crashPoint} kills this process at once with SIGKILL (no cleanup,
 * no flush, no `finally`: what `kill -9` or a power cut does) at a named point, so the crash tests
 * (tests/e2e/crash-points.test.ts, issue 10) can stop the real process at a precise step and start it
 * again on the same database. It does nothing unless the environment variable `THIDUA_CRASH_AT`
 * names the point (read once, at load); never set it in production.
 *
 * `THIDUA_CRASH_AT=<point>` crashes the first time the point is reached;
 * `THIDUA_CRASH_AT=<point>@<text>` the first time it is reached for a subject containing `<text>`
 * (an inbox event key such as `update:812` or `msg:z-3`), so a restarted process can replay an
 * earlier event through the same point and crash only at the next one.
 *
 * The points, in the order an inbound event meets them:
 * - `inbox:recorded` (subject: the event key) — the event is in the inbox, nothing else happened:
 *   the Zalo webhook has not answered 200 yet, a polled Telegram batch is not handed to the runner
 *   (its offset not confirmed), the Telegram webhook has not answered;
 * - `inbound:before-commit` (the event key) — inside the unit of work: the entry is DONE, core made
 *   its state change and queued its notices, the replies are written; the commit is next;
 * - `inbound:committed` (the event key) — after the commit, before the replies are delivered.
 *
 * The rest is reached from outside, without a hook: a fake platform that received a message and
 * holds its answer (sent, not yet marked SENT), a webhook answer already read by the caller.
 */

const armed = process.env.THIDUA_CRASH_AT?.trim() || undefined;
const [point, subject] = armed?.includes('@') ? [armed.slice(0, armed.indexOf('@')), armed.slice(armed.indexOf('@') + 1)] : [armed, undefined];

/** Kills the process here when `THIDUA_CRASH_AT` names this point (and, if it says, this subject); else nothing. */
export function crashPoint(name: string, about = ''): void {
  if (point === undefined || name !== point || (subject !== undefined && !about.includes(subject))) return;
  process.kill(process.pid, 'SIGKILL');
}
