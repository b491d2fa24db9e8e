import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { approved, ask, NOMINEES, paragraphs, part, PLAN } from './fixtures.ts';

/** 5 January 2026, 09:00 in Vietnam. */
const START = new Date('2026-01-05T02:00:00Z');

describe('/vanban caidat: an administrator sets the commune’s document details in chat; they override plans/commune.yaml', () => {
  let t: TestApp;
  let adminId: number;

  beforeEach(async () => {
    t = await createTestApp({ start: START });
    adminId = await t.grant('admin', 'ADMIN');
    const officer = await t.grant('officer', 'OFFICER', 'tram-y-te');
    const member = await t.grant('member', 'COUNCIL');
    for (const n of NOMINEES.slice(0, 2)) await approved(t.app, officer, member, n, t.now());
  });
  afterEach(async () => {
    await t.close();
  });

  const tap = (user: string, action: string) => t.app.core.handle({ channel: 'telegram', userId: user, chatId: user, chatType: 'private', action });
  /** Opens the dialog and picks the field whose line starts with `label`, by typing its number. */
  async function pick(label: string) {
    const list = await ask(t.app, 'admin', '/vanban caidat');
    const line = list.text.split('\n').find((l) => new RegExp(`^\\d+\\. ${label.replace(/[()]/g, '\\$&')}:`).test(l));
    expect(line, `a line for ${label} in:\n${list.text}`).toBeDefined();
    return ask(t.app, 'admin', line!.split('.')[0]!);
  }
  const tờTrình = async () => paragraphs(await part((await ask(t.app, 'admin', '/vanban totrinh')).files[0]!.bytes, 'word/document.xml'));

  it('shows every detail with its value; a new signer’s name is checked, confirmed, stored, and printed from then on', async () => {
    const list = await ask(t.app, 'admin', '/vanban caidat');
    expect(list.text).toContain('Thông tin của xã trên văn bản');
    expect(list.text).toContain('1. Địa danh ở dòng ngày tháng: Ia Bang');
    expect(list.text).toContain('Họ tên người ký (Phó Chủ tịch UBND xã): Trần Văn B');
    expect(list.text).toContain('Ký hiệu cơ quan trong số văn bản (UBND): UBND');
    expect(list.text).toContain('Ký hiệu loại văn bản (Tờ trình của xã): TTr');
    await ask(t.app, 'admin', '/huy');

    const asked = await pick('Họ tên người ký (Phó Chủ tịch UBND xã)');
    expect(asked.text).toContain('hiện là “Trần Văn B”');
    const titled = await ask(t.app, 'admin', 'TS. Trần Văn Bình');
    expect(titled.text).toContain('trước họ tên người ký không ghi học hàm, học vị');
    const confirm = await ask(t.app, 'admin', '  Trần   Văn Bình ');
    expect(confirm.text).toContain('“Trần Văn B” → “Trần Văn Bình”');
    // Nothing is stored before the confirmation.
    expect(await tờTrìnhHas('Trần Văn Bình')).toBe(false);
    await ask(t.app, 'admin', '/vanban caidat'); // leaves the first dialog: nothing saved
    await ask(t.app, 'admin', '/huy');
    await pick('Họ tên người ký (Phó Chủ tịch UBND xã)');
    await ask(t.app, 'admin', 'Trần Văn Bình');
    const saved = await tap('admin', 'd:confirm:save');
    expect(JSON.stringify(saved.replies)).toContain('documents-settings-saved');
    const text = await tờTrình();
    expect(text).toContain('Trần Văn Bình');
    expect(text).not.toContain('Trần Văn B');
    // The list marks it as set in the bot.
    expect((await ask(t.app, 'admin', '/vanban caidat')).text).toContain('Trần Văn Bình (đã sửa trong bot)');
  });

  async function tờTrìnhHas(line: string) {
    return (await tờTrình()).includes(line);
  }

  it('the date line’s place and the number symbols: checked as the decree writes them, then used in the number and the date line', async () => {
    await pick('Tên cơ quan ban hành (UBND)');
    expect((await ask(t.app, 'admin', 'Xã Ia Bang')).text).toContain('dòng này viết bằng chữ in hoa');
    await ask(t.app, 'admin', '/huy');

    await pick('Ký hiệu cơ quan trong số văn bản (UBND)');
    expect((await ask(t.app, 'admin', 'UB ND')).text).toContain('không dấu cách');
    expect((await ask(t.app, 'admin', 'UBND')).text).toContain('trùng với giá trị đang dùng');
    await ask(t.app, 'admin', 'UBNDX');
    await tap('admin', 'd:confirm:save');

    await pick('Ký hiệu loại văn bản (Tờ trình của xã)');
    expect((await ask(t.app, 'admin', 'T-Tr')).text).toContain('chỉ gồm chữ cái');
    await ask(t.app, 'admin', 'TT');
    await tap('admin', 'd:confirm:save');

    await pick('Địa danh ở dòng ngày tháng');
    await ask(t.app, 'admin', 'Chư Păh');
    await tap('admin', 'd:confirm:save');

    const r = await ask(t.app, 'admin', '/vanban totrinh');
    expect(r.text).toContain('Tờ trình số 01/TT-UBNDX');
    const text = paragraphs(await part(r.files[0]!.bytes, 'word/document.xml'));
    expect(text).toContain('Số: 01/TT-UBNDX');
    expect(text).toContain('Chư Păh, ngày 05 tháng 01 năm 2026');

    // Back to the file's value.
    const again = await pick('Địa danh ở dòng ngày tháng');
    expect(
      again.outcome.replies
        .flatMap((x) => x.buttons ?? [])
        .flat()
        .map((b) => b.action),
    ).toContain('d:value:reset');
    await tap('admin', 'd:value:reset');
    await tap('admin', 'd:confirm:save');
    expect(await tờTrìnhHas('Chư Păh, ngày 05 tháng 01 năm 2026')).toBe(false);
    expect((await ask(t.app, 'admin', '/vanban caidat')).text).toContain('1. Địa danh ở dòng ngày tháng: Ia Bang\n');
  });

  it('only administrators; and an administrator who lost the role before confirming saves nothing', async () => {
    expect((await ask(t.app, 'member', '/vanban caidat')).text).toContain('dành cho bộ phận thường trực (quản trị viên)');
    await pick('Địa danh ở dòng ngày tháng');
    await ask(t.app, 'admin', 'Chư Păh');
    const people = await t.app.services.roles.listPeopleWithRoles({ planSlug: PLAN });
    const grant = people.find((p) => p.id === adminId)!.grants.find((g) => g.role === 'ADMIN')!;
    await t.app.services.roles.revoke({ grantId: grant.id });
    await tap('admin', 'd:confirm:save');
    await t.grant('admin', 'ADMIN');
    expect(await tờTrìnhHas('Ia Bang, ngày 05 tháng 01 năm 2026')).toBe(true);
    expect((await ask(t.app, 'admin', '/vanban caidat')).text).not.toContain('Chư Păh');
  });

  it('in English the dialog is English', async () => {
    await ask(t.app, 'admin', '/lang en');
    const list = await ask(t.app, 'admin', '/documents settings');
    expect(list.text).toContain("The commune's document details");
    expect(list.text).toContain('1. Place name of the date line: Ia Bang');
  });
});
