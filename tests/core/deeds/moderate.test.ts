import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedReply } from '../../../src/core/render.ts';
import { button, createTestApp, text, type TestApp } from '../../helpers/test-app.ts';

/** Notices to residents; the batched "deeds waiting" notices to moderators are tested in moderation-loop.test.ts. */
const residentNotices = async (t: { outbox(): Promise<{ key: string; personId: number; text: string }[]> }) =>
  (await t.outbox()).filter((o) => !o.key.startsWith('deeds-arrived:'));
import { DEFAULTS, refIn, tellDeed } from './helpers.ts';

let t: TestApp;
let unit: string;
beforeEach(async () => {
  t = await createTestApp({ start: new Date('2026-11-30T02:00:00Z') });
  unit = t.app.catalog().plan.units[0]!.code;
  await t.grant('o1', 'OFFICER', unit);
});
afterEach(async () => {
  await t.close();
});

const deed = async (ref: string) => (await t.prisma.goodDeed.findUnique({ where: { ref }, include: { additions: true, photos: true } }))!;
const action = (replies: RenderedReply[], prefix: string): string => {
  const found = replies.flatMap((r) => r.buttons.flat()).find((b) => b.action.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} button in ${JSON.stringify(replies.map((r) => r.buttons))}`);
  return found.action;
};
const OTHER = { doer: 'Chị Hoa', what: 'Nhặt được ví tiền và trả lại cho người đánh rơi', place: 'Làng Bi' };

describe('/kiemduyet: who may moderate', () => {
  it('residents and council-only members are refused; officers and administrators get the queue', async () => {
    await t.grant('c1', 'COUNCIL');
    await t.grant('a1', 'ADMIN');
    for (const user of ['u1', 'c1']) expect(text(await t.say(user, '/kiemduyet'))).toContain('dành cho cán bộ các đơn vị và quản trị viên');
    expect(text(await t.say('u1', '/moderate'))).toContain('dành cho cán bộ các đơn vị và quản trị viên');
    for (const user of ['o1', 'a1']) expect(text(await t.say(user, '/moderate'))).toContain('Không có việc tốt nào chờ kiểm duyệt');
    const ref = refIn(await tellDeed(t, 'u1'));
    const id = (await deed(ref)).id;
    expect(text(await t.tap('u1', `vt:ok:${id}`))).toContain('dành cho cán bộ');
    expect((await deed(ref)).state).toBe('NEW');
  });

  it('/help lists /kiemduyet to officers and administrators only, /viectot, /viectotmoi and /bantin to everyone', async () => {
    await t.grant('c1', 'COUNCIL');
    const resident = text(await t.say('u1', '/help'));
    expect(resident).toContain('/viectot (/gooddeed)');
    expect(resident).toContain('/viectotmoi (/recentdeeds)');
    expect(resident).not.toContain('/kiemduyet');
    expect(resident).toContain('/bantin (/bulletin)');
    expect(text(await t.say('o1', '/help'))).toContain('/kiemduyet (/moderate)');
    const council = text(await t.say('c1', '/help'));
    expect(council).not.toContain('/kiemduyet');
    expect(council).toContain('/bantin (/bulletin)');
  });
});

describe('/kiemduyet: the queue', () => {
  it('shows the oldest NEW deed first, with the sender always (even unnamed in public), the credit choice and photos', async () => {
    const first = refIn(await tellDeed(t, 'u1', { credit: false, photos: ['ph-1'] }));
    t.advance(60_000);
    const second = refIn(await tellDeed(t, 'u2', { ...OTHER, credit: true }));
    const queue = await t.say('o1', '/kiemduyet');
    expect(text(queue)).toContain('Còn 2 việc tốt chờ kiểm duyệt');
    expect(text(queue)).toContain(`Việc tốt ${first} (chờ kiểm duyệt) — gửi lúc 30/11/2026 09:00`);
    expect(text(queue)).toContain('Người gửi: User u1 — không muốn ghi tên khi đăng');
    const raw = await t.app.core.handle({ channel: 'telegram', userId: 'o1', chatId: 'o1', chatType: 'private', text: '/kiemduyet' });
    expect(raw.replies[1]!.attachments).toEqual([{ kind: 'PHOTO', channel: 'telegram', fileRef: 'ph-1' }]);
    const next = await t.tap('o1', button(queue, 'Việc khác'));
    expect(text(next)).toContain(`Việc tốt ${second}`);
    expect(text(next)).toContain('Người gửi: User u2 — đồng ý ghi tên khi đăng');
    // officers see no block button; administrators do
    expect(() => button(queue, 'Chặn người gửi')).toThrow();
  });
});

describe('/kiemduyet: outcomes and notices', () => {
  it('publish: the deed is PUBLISHED, listed publicly, and the resident is told', async () => {
    const ref = refIn(await tellDeed(t, 'u1'));
    const queue = await t.say('o1', '/kiemduyet');
    const done = text(await t.tap('o1', button(queue, 'Đăng')));
    expect(done).toContain(`Đã đăng việc tốt ${ref}`);
    expect(done).toContain('Không có việc tốt nào chờ kiểm duyệt');
    const row = await deed(ref);
    expect(row).toMatchObject({ state: 'PUBLISHED', moderatorId: await t.personId('o1') });
    expect(row.publishedAt?.toISOString()).toBe(t.now().toISOString());
    const u1 = await t.personId('u1');
    expect(await residentNotices(t)).toEqual([
      expect.objectContaining({
        personId: u1,
        key: `deed:${row.id}:published:${u1}`,
        text: expect.stringContaining(`Việc tốt ${ref} bạn kể về Anh Nguyễn Văn An đã được đăng`),
      }),
    ]);
    expect(text(await t.say('u3', '/viectotmoi'))).toContain('Anh Nguyễn Văn An');
    // a stale button on the same deed changes nothing
    expect(text(await t.tap('o1', `vt:no:${row.id}`))).toContain(`Việc tốt ${ref} đã được xử lý rồi`);
    expect((await deed(ref)).state).toBe('PUBLISHED');
  });

  it('a published deed also tells those who added to it', async () => {
    const ref = refIn(await tellDeed(t, 'u1'));
    const similar = await tellDeed(t, 'u2', { doer: 'anh nguyen van an', what: 'Anh An đưa cụ bà sang đường rồi che ô cho cụ về nhà' });
    await t.tap('u2', button(similar, 'Bổ sung vào'));
    const queue = await t.say('o1', '/kiemduyet');
    expect(text(queue)).toContain('Bổ sung (1):');
    expect(text(queue)).toContain('User u2: anh nguyen van an — Anh An đưa cụ bà');
    await t.tap('o1', button(queue, 'Đăng'));
    const id = (await deed(ref)).id;
    expect((await residentNotices(t)).map((o) => o.key).sort()).toEqual(
      [`deed:${id}:published:${await t.personId('u1')}`, `deed:${id}:published:${await t.personId('u2')}`].sort(),
    );
  });

  it('reject: a reason is required, the deed is REJECTED, and the resident is told kindly with the reason', async () => {
    const ref = refIn(await tellDeed(t, 'u1'));
    const queue = await t.say('o1', '/kiemduyet');
    const ask = text(await t.tap('o1', button(queue, 'Không đăng')));
    expect(ask).toContain(`Gõ lý do chưa đăng việc tốt ${ref}`);
    expect(text(await t.say('o1', 'ko'))).toContain('ngắn quá');
    expect((await deed(ref)).state).toBe('NEW');
    const done = text(await t.say('o1', 'Chưa xác minh được với trưởng thôn'));
    expect(done).toContain(`Đã ghi “không đăng” cho việc tốt ${ref}`);
    expect(await deed(ref)).toMatchObject({ state: 'REJECTED', reason: 'Chưa xác minh được với trưởng thôn' });
    const [notice] = await residentNotices(t);
    expect(notice!.key).toBe(`deed:${(await deed(ref)).id}:rejected:${await t.personId('u1')}`);
    expect(notice!.text).toContain('Cảm ơn bạn đã kể về việc tốt của Anh Nguyễn Văn An');
    expect(notice!.text).toContain('Lý do: Chưa xác minh được với trưởng thôn.');
    expect(notice!.text).toContain('Mong bạn tiếp tục kể');
    expect(text(await t.say('u3', '/viectotmoi'))).toContain('Chưa có việc tốt nào được đăng');
  });

  it('merge into a duplicate: chosen from the similar deeds or typed by reference; the text becomes an addition', async () => {
    const known = refIn(await tellDeed(t, 'u1'));
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đăng'));
    const similar = await tellDeed(t, 'u2', { doer: 'Anh Nguyễn Văn An', what: 'Anh An dắt bà cụ qua đường chỗ ngã ba chợ hôm trời mưa', photos: ['p-dup'] });
    const dup = refIn(await t.tap('u2', button(similar, 'gửi việc mới')));
    const queue = await t.say('o1', '/kiemduyet');
    expect(text(queue)).toContain('Có thể trùng (1):');
    const ask = await t.tap('o1', button(queue, 'Gộp vào việc đã có'));
    expect(text(ask)).toContain(`Gộp ${dup} vào việc tốt nào?`);
    expect(text(await t.say('o1', 'VT-0000'))).toContain('Không tìm thấy việc tốt đó');
    const done = text(await t.tap('o1', button(ask, `Gộp vào ${known}`)));
    expect(done).toContain(`Đã gộp việc tốt ${dup} vào ${known}`);
    const target = await deed(known);
    expect(await deed(dup)).toMatchObject({ state: 'MERGED', mergedIntoId: target.id });
    expect(target.additions.map((a) => a.text)).toEqual([expect.stringContaining('Anh An dắt bà cụ qua đường')]);
    expect(target.photos.map((p) => p.fileRef)).toEqual(['p-dup']);
    const key = `deed:${(await deed(dup)).id}:merged:${await t.personId('u2')}`;
    const notice = (await residentNotices(t)).find((o) => o.key === key);
    expect(notice?.text).toContain(`trùng với việc đã có (${known})`);
  });

  it('merge by a typed reference, in any case and spacing', async () => {
    const known = refIn(await tellDeed(t, 'u1'));
    const other = refIn(await tellDeed(t, 'u2', OTHER));
    const queue = await t.tap('o1', `vt:n:${(await deed(known)).id}`);
    expect(text(queue)).toContain(`Việc tốt ${other}`);
    await t.tap('o1', button(queue, 'Gộp vào việc đã có'));
    expect(text(await t.say('o1', ` ${other.toLowerCase().replace('-', ' ')} `))).toContain('Không tìm thấy việc tốt đó'); // not itself
    expect(text(await t.say('o1', known.toLowerCase().replace('-', ' ')))).toContain(`Đã gộp việc tốt ${other} vào ${known}`);
  });

  it('two officers at once: the second one is told the deed was already handled', async () => {
    await t.grant('o2', 'OFFICER', unit);
    const ref = refIn(await tellDeed(t, 'u1'));
    const q1 = await t.say('o1', '/kiemduyet');
    const q2 = await t.say('o2', '/kiemduyet');
    await t.tap('o2', button(q2, 'Không đăng'));
    await t.tap('o1', button(q1, 'Đăng'));
    expect(text(await t.say('o2', 'Không phải việc tốt trong xã'))).toContain(`Việc tốt ${ref} đã được xử lý rồi`);
    expect((await deed(ref)).state).toBe('PUBLISHED');
    expect((await residentNotices(t)).map((o) => o.key)).toEqual([`deed:${(await deed(ref)).id}:published:${await t.personId('u1')}`]);
  });
});

describe('/kiemduyet: promote to a nomination draft', () => {
  it('opens the registration dialog prefilled from the deed; once submitted the deed is PROMOTED, linked, and the resident told', async () => {
    const ref = refIn(await tellDeed(t, 'u1', { photos: ['ph-9'] }));
    const id = (await deed(ref)).id;
    const start = await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đề nghị xét điển hình'));
    expect(text(start)).toContain(`Đề nghị xét điển hình từ việc tốt ${ref}`);
    expect(text(start)).toContain('Đăng ký điển hình tiên tiến');
    const cat = await t.tap('o1', 'd:type:INDIVIDUAL');
    const mov = await t.tap('o1', action(cat, 'd:cat:'));
    const name = await t.tap('o1', action(mov, 'd:mov:'));
    expect(text(name)).toContain(`Hiện tại: ${DEFAULTS.doer}`);
    const place = await t.tap('o1', 'd:name:keep');
    expect(text(place)).toContain('Hiện tại: Thôn Đồng Tâm');
    const ach = await t.tap('o1', 'd:place:keep');
    expect(text(ach)).toContain(`Hiện tại: ${DEFAULTS.what}`);
    const evid = await t.tap('o1', 'd:ach:keep');
    expect(text(evid)).toContain('Đã có 1 minh chứng');
    await t.tap('o1', 'd:evid:ok');
    await t.tap('o1', 'd:check:all');
    const summary = await t.tap('o1', 'd:check:ok');
    expect(text(summary)).toContain(`Tên: ${DEFAULTS.doer}`);
    const submitted = await t.tap('o1', button(summary, 'Gửi đề nghị'));
    expect(text(submitted)).toMatch(/Đã gửi hồ sơ #\d+/);
    const nomination = (await t.prisma.nomination.findFirst({ include: { evidence: true } }))!;
    expect(nomination).toMatchObject({ goodDeedId: id, nomineeName: DEFAULTS.doer, place: 'Thôn Đồng Tâm', achievements: DEFAULTS.what, state: 'SUBMITTED' });
    expect(nomination.evidence.map((e) => e.fileRef)).toEqual(['ph-9']);
    expect(await deed(ref)).toMatchObject({ state: 'PROMOTED', nominationId: nomination.id, moderatorId: await t.personId('o1') });
    const u1 = await t.personId('u1');
    const notice = (await residentNotices(t)).find((o) => o.personId === u1);
    expect(notice).toMatchObject({ key: `deed:${id}:promoted:${u1}` });
    expect(notice!.text).toContain(`Việc tốt ${ref} bạn kể về ${DEFAULTS.doer} đã được cán bộ đề nghị xét công nhận điển hình tiên tiến`);
    // no longer in the moderation queue
    expect(text(await t.say('o1', '/kiemduyet'))).toContain('Không có việc tốt nào chờ kiểm duyệt');
  });

  it('cancelling the registration leaves the deed NEW', async () => {
    const ref = refIn(await tellDeed(t, 'u1'));
    await t.tap('o1', button(await t.say('o1', '/kiemduyet'), 'Đề nghị xét điển hình'));
    await t.tap('o1', 'd:_:cancel');
    expect((await deed(ref)).state).toBe('NEW');
    expect(await residentNotices(t)).toEqual([]);
  });

  it('an administrator who is not an officer of a unit gets a clear refusal', async () => {
    await t.grant('a1', 'ADMIN');
    const ref = refIn(await tellDeed(t, 'u1'));
    const reply = text(await t.tap('a1', button(await t.say('a1', '/kiemduyet'), 'Đề nghị xét điển hình')));
    expect(reply).toContain('cần là cán bộ của một đơn vị chủ trì');
    expect(await t.app.services.dialogs.current(await t.personId('a1'))).toBeNull();
    expect((await deed(ref)).state).toBe('NEW');
  });
});

describe('/kiemduyet: blocking a sender (administrators)', () => {
  it('blocks from the moderation view after a confirmation, and unblocks from the blocked list', async () => {
    await t.grant('a1', 'ADMIN');
    const ref = refIn(await tellDeed(t, 'u1'));
    const queue = await t.say('a1', '/kiemduyet');
    const confirm = await t.tap('a1', button(queue, 'Chặn người gửi'));
    expect(text(confirm)).toContain(`Chặn User u1 (người gửi ${ref})`);
    expect(text(await t.tap('o1', button(confirm, 'Đồng ý chặn')))).toContain('dành cho quản trị viên');
    expect(text(await t.tap('a1', button(confirm, 'Đồng ý chặn')))).toContain('Đã chặn User u1 gửi việc tốt');
    expect(text(await t.say('u1', '/viectot'))).toContain('hiện bạn không gửi được việc tốt');
    const list = await t.tap('a1', 'vt:bls');
    expect(text(list)).toContain('User u1 — từ 30/11/2026');
    expect(text(await t.tap('a1', button(list, 'Bỏ chặn: User u1')))).toContain('Đã bỏ chặn');
    expect(text(await t.say('u1', '/viectot'))).toContain('Bước 1/6');
    expect(text(await t.tap('a1', 'vt:bls'))).toContain('Không có ai bị chặn');
  });
});
