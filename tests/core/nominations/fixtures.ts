/**
 * Shared pieces of the nomination behaviour tests: an app per test (closed after it), seeding
 * nominations straight through the repository (for speed), and a walk through the registration
 * dialog the way an officer taps and types.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { InboundMessage, Reply } from '../../../src/core/channel.ts';
import type { Nomination, NominationDraft, VoteDecision } from '../../../src/core/nominations/model.ts';
import type { RenderedReply } from '../../../src/core/render.ts';
import { button, createTestApp, type TestApp } from '../../helpers/test-app.ts';

/** Registers an `afterEach` closing every app opened through the returned function (newest first). */
export function appsPerTest(): (opts?: Parameters<typeof createTestApp>[0]) => Promise<TestApp> {
  let apps: TestApp[] = [];
  afterEach(async () => {
    for (const a of apps.reverse()) await a.close();
    apps = [];
  });
  return async (opts) => {
    const t = await createTestApp(opts);
    apps.push(t);
    return t;
  };
}

/**
 * One app for every test of the enclosing `describe` (for tests that only read, or whose writes
 * don't meet): built once by `setup`, closed after the last test.
 */
export function sharedApp(setup: (t: TestApp) => Promise<void>): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp();
    await setup(app);
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => app!;
}

export const NAME = 'Trạm Y tế xã';
export const PLACE = 'Thôn Plei Ó';
export const ACH = 'Tiêm chủng đầy đủ cho trẻ em, không để dịch bệnh lây lan trong năm 2024.';

/** Submits a nomination directly (no dialog); defaults: a collective of the health station, 3.1.5. */
export async function seed(t: TestApp, o: Partial<NominationDraft> & { proposer: string }): Promise<Nomination> {
  const { proposer, ...rest } = o;
  const proposerId = await t.personId(proposer);
  return t.app.services.nominations.submit({
    draft: {
      planSlug: t.app.catalog().plan.id,
      categoryCode: '3.1.5',
      movementCode: 'y-te',
      unitCode: 'tram-y-te',
      subjectType: 'COLLECTIVE',
      nomineeName: NAME,
      place: PLACE,
      achievements: ACH,
      selfCheck: [],
      evidence: [],
      ...rest,
    },
    proposerId,
    now: t.now(),
  });
}

/**
 * Ends the open round directly, as a one-member council would (no notices): AGREE → PROPOSED,
 * ASK_CHANGES → RETURNED, DISAGREE → REJECTED.
 */
export async function decideDirect(t: TestApp, id: number, decision: VoteDecision, reason?: string): Promise<void> {
  const voterId = await t.personId('seed-council');
  await t.app.services.nominations.castVote({ id, voterId, decision, reason, members: [voterId], rule: { kind: 'majority' }, now: t.now() });
}

/**
 * Takes a nomination all the way to APPROVED: the council proposes it, then the commune chairman's
 * decision (giấy khen, `number`, signed on `date`) is recorded. No notices.
 */
export async function recogniseDirect(t: TestApp, id: number, opts: { number?: string; date?: string } = {}): Promise<void> {
  await decideDirect(t, id, 'AGREE');
  const byId = await t.personId('seed-council');
  const n = (await t.app.services.nominations.get(id))!;
  await t.app.services.council.recordDecision({
    planSlug: n.planSlug,
    number: opts.number ?? `${id}/QĐ-UBND`,
    signedOn: opts.date ?? '2025-06-01',
    items: [{ nominationId: id, awardCode: 'giay-khen', overrideReason: 'test fixture' }],
    byId,
    now: t.now(),
  });
}

/** The state of a nomination as stored. */
export const stateOf = async (t: TestApp, id: number) => (await t.app.services.nominations.get(id))!.state;

/** The raw replies (with attachments, which rendered replies drop) to a tap. */
export async function rawTap(t: TestApp, user: string, action: string): Promise<Reply[]> {
  const message: InboundMessage = { channel: 'telegram', userId: user, chatId: user, chatType: 'private', displayName: `User ${user}`, action };
  return (await t.app.core.handle(message)).replies;
}

/** The last reply's text: the question a dialog asks now. */
export const last = (replies: RenderedReply[]): string => replies.at(-1)?.text ?? '';

/** Steps of the registration dialog, in order, with a fragment of each question (locales/vi.ftl). */
export const PROMPTS = {
  type: 'bước 1: đối tượng là',
  category: 'Chọn lĩnh vực phù hợp với',
  movement: 'Thuộc phong trào thi đua nào?',
  name: 'Gõ tên tập thể được đề nghị',
  place: 'Thôn, làng hoặc cơ quan, tổ chức nơi tập thể',
  achievements: 'Tóm tắt thành tích tiêu biểu',
  evidence: 'Gửi ảnh hoặc tài liệu minh chứng',
  check: 'Tự đánh giá tiêu chí (mục 3.1.5)',
  unmet: 'tiêu chí chưa đạt',
  summary: 'Kiểm tra lại hồ sơ trước khi gửi',
} as const;
export type Step = keyof typeof PROMPTS;
export const STEPS = Object.keys(PROMPTS) as Step[];

/** What the officer does to reach each step from the one before (a collective of 3.1.5, no evidence, nothing ticked). */
const MOVES: Record<Step, (t: TestApp, user: string, prev: RenderedReply[]) => Promise<RenderedReply[]>> = {
  type: (t, u) => t.say(u, '/dangky'),
  category: (t, u, p) => t.tap(u, button(p, 'Tập thể')),
  movement: (t, u, p) => t.tap(u, button(p, '3.1.5')),
  name: (t, u, p) => t.tap(u, button(p, '(gợi ý)')),
  place: (t, u) => t.say(u, NAME),
  achievements: (t, u) => t.say(u, PLACE),
  evidence: (t, u) => t.say(u, ACH),
  check: (t, u, p) => t.tap(u, button(p, 'Bỏ qua')),
  unmet: (t, u, p) => t.tap(u, button(p, /^Xong$/)),
  summary: (t, u, p) => t.tap(u, button(p, 'Tiếp tục')),
};

/** Starts `/dangky` as `user` and answers every step up to (and showing) `step`; returns its replies. */
export async function walkTo(t: TestApp, user: string, step: Step): Promise<RenderedReply[]> {
  let replies: RenderedReply[] = [];
  for (const s of STEPS) {
    replies = await MOVES[s](t, user, replies);
    if (!last(replies).includes(PROMPTS[s])) throw new Error(`expected the ${s} question, got: ${last(replies)}`);
    if (s === step) return replies;
  }
  throw new Error(`unknown step ${step}`);
}

/**
 * A council member votes through the UI: taps the vote button of the nomination's current round
 * (`letter` a = Đồng ý, c = Đề nghị bổ sung, d = Không đồng ý), types `reason` when asked, and
 * confirms. Returns the replies to the confirmation.
 */
export async function voteVia(t: TestApp, member: string, id: number, letter: 'a' | 'c' | 'd', reason?: string): Promise<RenderedReply[]> {
  const round = (await t.app.services.nominations.get(id))!.round;
  let r = await t.tap(member, `rv:v:${id}:${round}:${letter}`);
  if (reason !== undefined) r = await t.say(member, reason);
  return t.tap(member, button(r, 'Xác nhận'));
}
