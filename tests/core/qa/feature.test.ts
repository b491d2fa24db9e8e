/**
 * Issue 14, behaviour around the answers: the asker's own unit first, English answers to English
 * questions, "did you mean" with at most three buttons that answer when tapped, dates at the plan's
 * precision, honest titles, and unanswered questions kept for administrators (/cauhoi).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryApp, type MemoryApp } from '../../helpers/memory-app.ts';
import { text } from '../../helpers/replies.ts';

let apps: MemoryApp[] = [];
afterEach(async () => {
  await Promise.all(apps.map((a) => a.close()));
  apps = [];
});
async function app(start = new Date('2026-12-01T03:00:00Z')): Promise<MemoryApp> {
  const t = createMemoryApp({ start });
  apps.push(t);
  return t;
}

describe('free-text questions', () => {
  it('an officer asking for "chỉ tiêu" gets their own unit first, addressed as đồng chí, then the commune total', async () => {
    const t = await app();
    await t.grant('nurse', 'OFFICER', 'tram-y-te');
    const [reply] = await t.say('nurse', 'chỉ tiêu của đơn vị tôi');
    const lines = reply!.text.split('\n');
    expect(lines[0]).toContain('Chỉ tiêu của đơn vị đồng chí: Trạm Y tế xã');
    expect(lines[1]).toContain('ít nhất 1 tập thể, 1 cá nhân');
    expect(reply!.text).toContain('Cả xã, cả giai đoạn 2021 – 2025: ít nhất 10 tập thể, 10 cá nhân, 2 hộ gia đình, 1 gương điển hình');
    expect(reply!.text).not.toContain('Công an xã');
    expect(reply!.buttons.flat().map((b) => b.action)).toEqual(['qa:targets.all']);
    const [all] = await t.tap('nurse', 'qa:targets.all');
    expect(all!.text.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(11);
  });

  it('a clearly English question is answered in English although the person reads Vietnamese', async () => {
    const t = await app();
    const replies = await t.say('lan', 'When is the deadline for the implementation plans?');
    expect(text(replies)).toContain('25 Aug 2021');
    expect(text(replies)).toContain('The 2021 – 2025 plan has ended');
    // the next Vietnamese question is answered in Vietnamese again
    expect(text(await t.say('lan', 'hạn nộp kế hoạch'))).toContain('Hạn trong kế hoạch');
  });

  it('dates keep the plan’s own words: a year-end review is never shown as a day, an actual date set by the office is', async () => {
    const t = await app();
    const all = text(await t.say('lan', 'khi nào tổng kết'));
    expect(all).toContain('năm 2021, vào dịp tổng kết công tác năm'); // the plan gives no month (issue 13)
    expect(all).toContain('nhân dịp Kỷ niệm 75 năm');
    expect(all).not.toMatch(/31\/12\/2021|(^|[^/\d])12\/2021/m);
    expect(all).toContain('không ghi ngày cụ thể');
    expect(text(await t.say('lan', 'hội nghị điển hình tiên tiến khi nào'))).toContain('năm 2025');
    await t.app.services.milestoneDates.set({
      planSlug: t.app.catalog().plan.id,
      code: 'hoi-nghi-dhtt-2025',
      date: '2025-12-19',
      byId: await t.personId('lan'),
      now: t.now(),
    });
    const conference = text(await t.say('lan', 'hội nghị điển hình tiên tiến khi nào'));
    expect(conference).toContain('19/12/2025');
    expect(conference).not.toContain('không ghi ngày cụ thể');
  });

  it('a category with profiles shows the shared criteria first and counts the profile-only ones, never mixing them in', async () => {
    const t = await app();
    const [reply] = await t.say('lan', 'tiêu chí giảm nghèo');
    expect(reply!.text).toContain('3.1.10.');
    expect(reply!.text).toMatch(/• Riêng đối với Hộ gia đình điển hình: \d+ tiêu chí/);
    expect(reply!.text).not.toContain('Thu nhập hàng năm');
    const [health] = await t.say('lan', 'tiêu chí y tế');
    expect(health!.text).toContain('Đối tượng: Là các tập thể cơ quan, đơn vị, các y, bác sĩ');
    expect(health!.text).toContain('3 tiêu chí đầu:');
  });

  it('titles say who awards them, from the award table, and mark what is not verified', async () => {
    const t = await app();
    const gdvh = text(await t.say('lan', 'gia đình văn hóa cần gì'));
    expect(gdvh).toContain('Gia đình văn hóa (danh hiệu thi đua)');
    expect(gdvh).toContain('Đối tượng: hộ gia đình');
    expect(gdvh).toContain('Chủ tịch UBND xã quyết định tặng');
    expect(gdvh).toContain('niêm yết công khai danh sách 10 ngày');
    expect(gdvh).toContain('không quy định tiêu chuẩn');
    const cstdcs = text(await t.say('lan', 'chiến sĩ thi đua cơ sở do ai tặng'));
    expect(cstdcs).toContain('xã đề nghị cấp trên');
    expect(cstdcs).toContain('chưa được xác minh');
    expect(gdvh).toContain('trình tự theo Nghị định 86/2023/NĐ-CP ⚠');
    expect(cstdcs).not.toContain('[verify]');
  });

  it('an unsure question asks "did you mean" with at most three buttons, and a tap answers', async () => {
    const t = await app();
    const [ask] = await t.say('lan', 'xã không tặng được danh hiệu thì trình lên đâu');
    expect(ask!.text).toContain('Có phải ông/bà muốn hỏi');
    const buttons = ask!.buttons.flat();
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(buttons[0]!.action).toBe('qa:process.higher');
    const [answer] = await t.tap('lan', buttons[0]!.action);
    expect(answer!.text).toContain('tờ trình');
    expect(answer!.text).toContain('Chiến sĩ thi đua cơ sở');
  });

  it('a question between two intents offers both', async () => {
    const t = await app();
    const [ask] = await t.say('lan', 'chỉ tiêu phải hoàn thành trong giai đoạn nào');
    const actions = ask!.buttons.flat().map((b) => b.action);
    expect(actions).toContain('qa:targets');
    expect(actions).toContain('qa:date.phase');
    expect(text(await t.tap('lan', 'qa:targets'))).toContain('cả giai đoạn 2021 – 2025');
  });

  it('keeps unanswered questions (text, time, what was offered) and /cauhoi lists the most frequent to administrators', async () => {
    const t = await app();
    await t.say('a', 'thời tiết hôm nay thế nào');
    await t.say('b', 'Thời tiết hôm nay thế nào?');
    await t.say('c', 'giá vàng hôm nay');
    await t.say('c', 'xã không tặng được danh hiệu thì trình lên đâu');
    await t.say('c', 'tiêu chí y tế'); // answered: not kept
    expect(text(await t.say('c', '/cauhoi'))).toContain('quản trị viên');
    await t.grant('admin', 'ADMIN');
    const list = text(await t.say('admin', '/cauhoi'));
    const lines = list.split('\n');
    expect(lines[0]).toContain('Câu hỏi chưa trả lời được');
    expect(lines[1]).toMatch(/^1\. “Thời tiết hôm nay thế nào\?” — 2 lần, gần nhất 1\/12\/2026 10:00; đã gợi ý: không có$/);
    expect(list).toContain('“xã không tặng được danh hiệu thì trình lên đâu” — 1 lần');
    expect(list).toContain('đã gợi ý: Những gì đề nghị cấp trên');
    expect(list).not.toContain('tiêu chí y tế');
    expect(lines).toHaveLength(4);
    // a month later they have aged out
    t.advance(31 * 24 * 60 * 60 * 1000);
    expect(text(await t.say('admin', '/cauhoi'))).toContain('Không có câu hỏi nào chưa trả lời được trong 30 ngày gần đây.');
  });
});
