/**
 * Helpers for good-deed tests: tell a deed through the whole `/viectot` dialog.
 */
import { button, text, type TestApp } from '../../helpers/test-app.ts';
import type { RenderedReply } from '../../../src/core/render.ts';

export interface DeedAnswers {
  doer?: string;
  what?: string;
  place?: string;
  when?: string;
  photos?: string[];
  credit?: boolean;
}

export const DEFAULTS = {
  doer: 'Anh Nguyễn Văn An',
  what: 'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to',
  place: 'Thôn Đồng Tâm',
  when: 'sáng 28/11',
} as const;

/**
 * Answers every step of `/viectot` as `user` and taps "Send"; returns the replies to the last tap
 * (the confirmation, or the similar-deeds step).
 */
export async function tellDeed(t: TestApp, user: string, a: DeedAnswers = {}): Promise<RenderedReply[]> {
  const start = await t.say(user, '/viectot');
  if (!text(start).includes('Bước 1/6')) return start;
  await t.say(user, a.doer ?? DEFAULTS.doer);
  await t.say(user, a.what ?? DEFAULTS.what);
  await t.say(user, a.place ?? DEFAULTS.place);
  let last = await t.say(user, a.when ?? DEFAULTS.when);
  for (const ref of a.photos ?? []) last = await t.send(user, [{ kind: 'PHOTO', fileRef: ref }]);
  const credit = await t.tap(user, button(last, /Xong|Bỏ qua/));
  const summary = await t.tap(user, button(credit, a.credit ? 'Ghi tên tôi' : 'Không ghi tên'));
  return t.tap(user, button(summary, 'Gửi'));
}

/** The reference code in a reply ("VT-7K3M"). */
export function refIn(replies: RenderedReply[]): string {
  const m = /VT-[A-Z0-9]{4}/.exec(text(replies));
  if (!m) throw new Error(`no reference code in: ${text(replies)}`);
  return m[0];
}
