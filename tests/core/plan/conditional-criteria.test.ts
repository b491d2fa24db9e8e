/**
 * Conditional criteria (issue 13): items the plan itself makes conditional carry the plan's condition
 * words and section, are shown with them in /tieuchi and in the registration self-check, and are not
 * counted when they do not apply. Only what the plan's text says is marked (the plan has no "nếu có").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicableCriteria, selfCheckScore } from '../../../src/core/criteria/applicability.ts';
import { categoryDetailReply } from '../../../src/core/criteria/criteria.ts';
import type { Category } from '../../../src/core/plan/plan-schema.ts';
import { renderReply } from '../../../src/core/render.ts';
import { button, text } from '../../helpers/test-app.ts';
import { shippedCatalog, testTranslator } from '../../helpers/core-fixtures.ts';
import { appsPerTest, last } from '../nominations/fixtures.ts';

const PLAN_TEXT = '/work/shared/plan/ke-hoach-ia-bang-2021-2025.txt';
const catalog = shippedCatalog();
const cat = (code: string): Category => catalog.plan.categories.find((c) => c.code === code)!;
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').toLowerCase();
const show = (code: string, locale: 'vi' | 'en' = 'vi') => renderReply(testTranslator(), locale, categoryDetailReply(catalog, code, locale)!, 'plain').text;
const LEADER = '(chỉ áp dụng theo mục III.3.2.1: “Đối với cá nhân giữ chức vụ lãnh đạo, quản lý các ngành các cấp”)';
const FORCES = '(chỉ áp dụng theo mục III.3.1.6: “Là tập thể thuộc các đơn vị lực lượng vũ trang xã”)';

describe('conditional criteria in the shipped plan', () => {
  it("carry the plan's own condition words, found verbatim in the plan text, with the section they come from", () => {
    const source = flat(readFileSync(PLAN_TEXT, 'utf8'));
    const conditional = catalog.plan.categories.flatMap((c) => c.criteria.filter((x) => x.condition).map((x) => ({ c, x })));
    expect(conditional.map(({ x }) => x.code)).toEqual(['3.1.6.2', '3.1.6.3', '3.1.6.4', '3.1.6.5', '3.1.6.6', '3.2.1.6', '3.2.1.7', '3.2.1.8']);
    for (const { c, x } of conditional) {
      expect(source).toContain(flat(x.condition!.text.vi));
      expect(x.condition!.section).toBe(c.section);
    }
    // no "nếu có" criterion: the plan's only "nếu có" is about reporting difficulties, not a nominee
    expect(source.match(/nếu có/g)).toHaveLength(1);
  });

  it('a militia member under 3.1.6 is counted against the two items said of members; a collective against all seven', () => {
    expect(applicableCriteria(cat('3.1.6'), { subjectType: 'INDIVIDUAL', profile: 'individual' }).map((a) => a.criterion.code)).toEqual(['3.1.6.7', '3.1.6.8']);
    expect(selfCheckScore(cat('3.1.6'), { subjectType: 'INDIVIDUAL', profile: 'individual' }, ['3.1.6.7', '3.1.6.8'])).toEqual({
      met: 2,
      total: 2,
      notApplicable: 0,
    });
    expect(selfCheckScore(cat('3.1.6'), { subjectType: 'COLLECTIVE', profile: 'collective' }, ['3.1.6.7']).total).toBe(7);
    // a record from before profiles were asked: the subject type has one profile here, so it is decided
    expect(applicableCriteria(cat('3.1.6'), { subjectType: 'COLLECTIVE', profile: null }).filter((a) => a.conditional)).toEqual([]);
    expect(applicableCriteria(cat('3.1.6'), { subjectType: 'INDIVIDUAL', profile: null })).toHaveLength(2);
  });

  it('/tieuchi shows the condition with each item, in both languages, not repeating a sub-profile line', () => {
    const leader = show('3.2.1');
    for (const n of [5, 6, 7]) expect(leader).toMatch(new RegExp(`\\n${n}\\. [^\\n]*${LEADER.replace(/[()]/g, '\\$&')}`));
    expect(leader).not.toMatch(/\n[1-4]\. [^\n]*chỉ áp dụng/);
    expect(leader).not.toContain('Đối tượng: Đối với'); // the condition is not "who may be chosen"
    expect(show('3.2.1', 'en')).toContain(
      '(applies only as section III.3.2.1 says: “For individuals holding leadership or management posts in any sector and at any level”)',
    );
    const forces = show('3.1.6');
    expect(forces).toContain('Riêng đối với Tập thể (5 tiêu chí):\nĐối tượng: Là tập thể thuộc các đơn vị lực lượng vũ trang xã');
    expect(forces).not.toContain(FORCES); // the same words stand right above
    expect(forces).toContain('Riêng đối với Chiến sĩ dân quân, tự vệ, công an viên:');
  });

  it('a condition no sub-profile decides makes the item conditional: shown, may be marked "không áp dụng", then not counted', () => {
    const base = cat('3.1.1');
    const c: Category = {
      ...base,
      criteria: [base.criteria[0]!, { ...base.criteria[1]!, condition: { section: 'III.3.1.1', text: { vi: 'nếu có', en: 'if any' } } }],
    };
    const list = applicableCriteria(c, { subjectType: 'COLLECTIVE' });
    expect(list.map((a) => a.conditional)).toEqual([false, true]);
    expect(selfCheckScore(c, { subjectType: 'COLLECTIVE' }, [base.criteria[0]!.code], [base.criteria[1]!.code])).toEqual({
      met: 1,
      total: 1,
      notApplicable: 1,
    });
  });
});

describe('conditional criteria in the registration self-check', () => {
  const open = appsPerTest();

  it('a leader sees the three leader items with their condition; a non-leader does not see them and is not counted against them', async () => {
    const t = await open();
    await t.grant('o1', 'OFFICER', 'tram-y-te');
    const toCheck = async (profile: RegExp) => {
      let r = await t.say('o1', '/dangky');
      r = await t.tap('o1', button(r, 'Cá nhân'));
      r = await t.tap('o1', button(r, '3.2.1'));
      r = await t.tap('o1', button(r, profile));
      r = await t.tap('o1', button(r, 'Không thuộc phong trào'));
      r = await t.say('o1', 'Nguyễn Văn An');
      r = await t.say('o1', 'Thôn Plei Ó');
      r = await t.say('o1', 'Hoàn thành xuất sắc nhiệm vụ năm 2024, dẫn đầu phong trào thi đua của xã.');
      return t.tap('o1', button(r, 'Bỏ qua'));
    };
    const leader = last(await toCheck(/lãnh đạo, quản lý/));
    expect(leader).toContain(`☐ 5. Phải là người luôn nêu cao trách nhiệm người đứng đầu`);
    expect(
      leader
        .split('\n')
        .filter((l) => l.includes(LEADER))
        .map((l) => l.slice(0, 4)),
    ).toEqual(['☐ 5.', '☐ 6.', '☐ 7.']);
    await t.say('o1', '/huy');
    const staff = await toCheck(/^Cán bộ, chiến sỹ/);
    expect(last(staff)).not.toContain('chỉ áp dụng');
    expect(last(staff)).not.toContain('người đứng đầu');
    let r = await t.tap('o1', button(staff, 'Đạt tất cả'));
    r = await t.tap('o1', button(r, /^Xong$/));
    expect(text(r)).toContain('Tự đánh giá: đạt 4/4 tiêu chí áp dụng');
  });
});
