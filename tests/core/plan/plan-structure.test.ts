/**
 * Issue 13: the plan's words with a structure that does not mislead. Criteria say whom they apply to,
 * eligibility is not a criterion, notes to agencies are not criteria, movement links say whether the
 * plan states them, and dates are as precise as the plan gives them. Old plan files keep loading.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicableCriteria, selfCheckScore } from '../../../src/core/criteria/applicability.ts';
import { categoryDetailReply } from '../../../src/core/criteria/criteria.ts';
import { createPlanCatalog } from '../../../src/core/plan/catalog.ts';
import { exactDay, formatPlanDate, milestoneLastDay } from '../../../src/core/plan/dates.ts';
import { loadPlanFile, parsePlanText, PlanFileError } from '../../../src/core/plan/load.ts';
import { phaseOfDay } from '../../../src/core/plan/phases.ts';
import type { Category, PlanFile } from '../../../src/core/plan/plan-schema.ts';
import { timelineReply } from '../../../src/core/plan/timeline.ts';
import { renderReply } from '../../../src/core/render.ts';
import { ROOT, SHIPPED_PLAN, shippedCatalog, testTranslator } from '../../helpers/core-fixtures.ts';

const OLD_FORMAT = resolve(ROOT, 'tests/fixtures/plan-old-format.yaml');
const SAMPLE = resolve(ROOT, 'plans/sample-2026-2030.yaml');
const PLAN_TEXT = '/work/shared/plan/ke-hoach-ia-bang-2021-2025.txt';
const plan = shippedCatalog().plan;
const cat = (code: string): Category => plan.categories.find((c) => c.code === code)!;
const texts = (c: Category, subjectType: 'COLLECTIVE' | 'INDIVIDUAL' | 'HOUSEHOLD', profile?: string) =>
  applicableCriteria(c, { subjectType, profile }).map((a) => a.criterion.text.vi);
const words = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
const show = (reply: Parameters<typeof renderReply>[2]) => renderReply(testTranslator(), 'vi', reply, 'plain').text;

describe('criteria with whom they apply to', () => {
  it('a household under 3.1.10 sees only household items, never "Là tập thể cơ quan …"', () => {
    const household = texts(cat('3.1.10'), 'HOUSEHOLD', 'household');
    expect(household).toEqual([
      expect.stringMatching(/^Hộ gia đình điển hình tích cực lao động/),
      expect.stringMatching(/^Thu nhập hàng năm của gia đình cao nhất/),
      expect.stringMatching(/^Hàng năm gia đình phải đạt danh hiệu/),
      'Tích cực tham gia các hoạt động xã hội',
      'Chấp hành tốt các chủ trương của Đảng, chính sách pháp luật của Nhà nước',
    ]);
    expect(household.join(' ')).not.toMatch(/tập thể|cơ quan|đóng góp của cải/);
    const collective = texts(cat('3.1.10'), 'COLLECTIVE', 'collective');
    expect(collective[0]).toMatch(/^Có nhiều việc làm thiết thực/);
    expect(collective.join(' ')).not.toMatch(/Hộ gia đình|Thu nhập hàng năm/);
  });

  it('a non-leader official under 3.2.1 is counted against 4 items, a leader against 7', () => {
    const staff = selfCheckScore(cat('3.2.1'), { subjectType: 'INDIVIDUAL', profile: 'staff' }, ['3.2.1.2', '3.2.1.3', '3.2.1.4', '3.2.1.5']);
    expect(staff).toEqual({ met: 4, total: 4, notApplicable: 0 }); // a nurse with every item met is not "5/8"
    expect(texts(cat('3.2.1'), 'INDIVIDUAL', 'staff').join(' ')).not.toMatch(/người đứng đầu|tin yêu, mến phục/);
    expect(selfCheckScore(cat('3.2.1'), { subjectType: 'INDIVIDUAL', profile: 'leader' }, ['3.2.1.2']).total).toBe(7);
  });

  it('a resident or religious dignitary under 3.2.2 is measured against the residents’ items only', () => {
    const resident = texts(cat('3.2.2'), 'INDIVIDUAL', 'resident');
    expect(resident).toHaveLength(6);
    expect(resident[0]).toMatch(/^Luôn gương mẫu chấp hành tốt/);
    expect(resident.join(' ')).not.toMatch(/sáng kiến cải tiến kỹ thuật|năng suất lao động/);
    expect(texts(cat('3.2.2'), 'INDIVIDUAL', 'worker')).toHaveLength(11);
    expect(selfCheckScore(cat('3.2.2'), { subjectType: 'INDIVIDUAL', profile: 'resident' }, ['3.2.2.3', '3.2.2.12'])).toEqual({
      met: 1,
      total: 6,
      notApplicable: 0,
    });
  });

  it('without a known profile, profile items are conditional and may be marked "không áp dụng"', () => {
    const list = applicableCriteria(cat('3.2.1'), { subjectType: 'INDIVIDUAL' });
    expect(list.filter((a) => a.conditional).map((a) => a.criterion.code)).toEqual(['3.2.1.6', '3.2.1.7', '3.2.1.8']);
    const score = selfCheckScore(
      cat('3.2.1'),
      { subjectType: 'INDIVIDUAL' },
      ['3.2.1.2', '3.2.1.3', '3.2.1.4', '3.2.1.5'],
      ['3.2.1.6', '3.2.1.7', '3.2.1.8', '3.2.1.2'],
    );
    expect(score).toEqual({ met: 4, total: 4, notApplicable: 3 }); // a non-conditional item cannot be marked N/A
  });

  it('3.1.5 and 3.1.6 admit individuals too', () => {
    expect(cat('3.1.5').subjectTypes).toEqual(['COLLECTIVE', 'INDIVIDUAL']);
    expect(cat('3.1.6').subjectTypes).toEqual(['COLLECTIVE', 'INDIVIDUAL']);
  });

  it('eligibility is "Đối tượng:", never a box to tick; notes to agencies are not general criteria', () => {
    const criteria = plan.categories.flatMap((c) => c.criteria.map((x) => x.text.vi));
    for (const who of [
      'Là khu dân cư, thôn, làng, xã',
      'Là những doanh nghiệp, hợp tác xã',
      'Là cán bộ, chiến sỹ',
      'Là tập thể cơ quan, đơn vị, doanh nghiệp',
      'Là các cá nhân',
    ]) {
      expect(criteria.filter((t) => t.startsWith(who))).toEqual([]);
    }
    expect(['3.1.1', '3.1.2', '3.1.3', '3.1.5', '3.1.8', '3.2.1'].map((code) => cat(code).eligibility?.vi.slice(0, 3))).toEqual(Array(6).fill('Là '));
    expect(plan.generalCriteria.map((g) => g.code)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    expect(plan.agencyNotes.map((g) => [g.code, g.section])).toEqual([
      ['G6', 'III.2'],
      ['G7', 'III.3'],
    ]);

    const shown = show(categoryDetailReply(shippedCatalog(), '3.2.2', 'vi')!);
    expect(shown).toContain('Đối tượng: Người dân trong cộng đồng dân cư, các chức sắc tôn giáo');
    expect(shown).toContain('Riêng đối với Người dân trong cộng đồng dân cư, các chức sắc tôn giáo (6 tiêu chí):');
    expect(shown).toMatch(/Lưu ý cho các cơ quan, đơn vị[^\n]*\n• Trên cơ sở tiêu chí chung/);
    const general = shown.slice(shown.indexOf('Và các tiêu chí chung'), shown.indexOf('Lưu ý cho các cơ quan'));
    expect(general).not.toMatch(/xây dựng tiêu chí riêng|Ngoài tiêu chí cơ bản/);
  });

  it('movement links: stated only by 3.1.8, 3.1.9, 3.1.10; an inferred one is shown "(gợi ý)"', () => {
    expect(plan.categories.filter((c) => c.movementLink === 'STATED').map((c) => c.code)).toEqual(['3.1.8', '3.1.9', '3.1.10']);
    expect(show(categoryDetailReply(shippedCatalog(), '3.1.5', 'vi')!)).toMatch(/^Phong trào \/ lĩnh vực: .*y tế.* \(gợi ý\)$/m);
    expect(show(categoryDetailReply(shippedCatalog(), '3.1.9', 'vi')!)).toMatch(/^Phong trào \/ lĩnh vực: Gia Lai chung sức xây dựng nông thôn mới$/m);
  });
});

describe('every word of the plan is kept', () => {
  const vi = (p: PlanFile) => [
    ...p.generalCriteria.map((g) => g.text.vi),
    ...p.agencyNotes.map((g) => g.text.vi),
    ...p.categories.flatMap((c) => [
      c.eligibility?.vi ?? '',
      ...c.profiles.map((x) => x.eligibility?.vi ?? ''),
      ...c.criteria.flatMap((x) => [x.text.vi, x.condition?.text.vi ?? '']),
    ]),
  ];

  it('the old criteria’s words are all still there, and every text uses only the plan’s words', () => {
    const old = new Set(vi(loadPlanFile(OLD_FORMAT)).flatMap(words));
    const now = new Set(vi(plan).flatMap(words));
    expect([...old].filter((w) => !now.has(w))).toEqual([]);
    const source = new Set(words(readFileSync(PLAN_TEXT, 'utf8')));
    expect([...now].filter((w) => !source.has(w))).toEqual([]);
  });

  it('the sample keeps the same structure', () => {
    const sample = loadPlanFile(SAMPLE);
    const shape = (p: PlanFile) => p.categories.map((c) => [c.code, c.subjectTypes, c.movementLink, c.eligibility, c.profiles, c.criteria]);
    expect(shape(sample)).toEqual(shape(plan));
    expect(sample.agencyNotes).toEqual(plan.agencyNotes);
  });
});

describe('old plan files keep loading', () => {
  it('reads the pre-issue-13 format: month/year milestones written as a last day keep their precision', () => {
    const old = loadPlanFile(OLD_FORMAT);
    expect(old.categories.every((c) => c.movementLink === 'INFERRED' && c.profiles.length === 0)).toBe(true);
    expect(old.agencyNotes).toEqual([]);
    const m = old.milestones.find((x) => x.code === 'tong-ket-nam-2021')!;
    expect([m.date, m.precision, formatPlanDate(m.date)]).toEqual(['2021-12', 'MONTH', '12/2021']);
    expect(exactDay(m)).toBeUndefined();
    expect(old.milestones.find((x) => x.code === 'hoi-nghi-dhtt-2025')!.date).toBe('2025');
    // Every criterion applies to every nominee, as before.
    const c = old.categories.find((x) => x.code === '3.2.1')!;
    expect(applicableCriteria(c, { subjectType: 'INDIVIDUAL' })).toHaveLength(8);
    expect(() => createPlanCatalog(old)).not.toThrow();
  });

  it('a milestone written with an impossible precision is refused with its field', () => {
    const text = readFileSync(SHIPPED_PLAN, 'utf8').replace('date: "2021-08-25"\n    precision: "DAY"', 'date: "2021-08"\n    precision: "DAY"');
    try {
      parsePlanText(text, 'broken.yaml');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(PlanFileError);
      expect((error as PlanFileError).issues).toContainEqual({
        path: 'milestones[0].precision',
        message: 'precision DAY needs a date YYYY-MM-DD, got "2021-08"',
      });
    }
  });
});

describe('honest dates', () => {
  it('phases are years; milestones keep their precision and wording', () => {
    expect(plan.phases.map((p) => [p.start, p.end])).toEqual([
      ['2021', '2023'],
      ['2023', '2025'],
    ]);
    const byCode = new Map(plan.milestones.map((m) => [m.code, m]));
    expect(byCode.get('nop-ke-hoach-2021')).toMatchObject({ date: '2021-08-25', precision: 'DAY', relation: 'BEFORE' });
    expect(exactDay(byCode.get('nop-ke-hoach-2021')!)).toBe('2021-08-24');
    expect(byCode.get('so-ket-2023')).toMatchObject({ date: '2023-06-11', precision: 'OCCASION' });
    expect(exactDay(byCode.get('so-ket-2023')!)).toBeUndefined();
    expect(exactDay(byCode.get('so-ket-2023')!, '2023-06-09')).toBe('2023-06-09');
    expect(byCode.get('tong-ket-nam-2022')).toMatchObject({ date: '2022', precision: 'YEAR' });
    expect(milestoneLastDay(byCode.get('tong-ket-nam-2022')!)).toBe('2022-12-31');
    // In 2023, shared by both phases, a day belongs to phase 1 up to the interim review.
    expect(phaseOfDay(plan, '2023-03-01')?.code).toBe('P1');
    expect(phaseOfDay(plan, '2023-09-15')?.code).toBe('P2');
  });

  it('/moc shows no invented day', () => {
    const shown = show(timelineReply(shippedCatalog(), 'vi', '2021-07-01'));
    expect(shown).toContain('Giai đoạn 1 (2021 – 2023): 2021 – 2023');
    expect(shown).toContain('trước ngày 25/8/2021:');
    expect(shown).toContain('năm 2021, vào dịp tổng kết công tác năm: Tổng kết công tác năm 2021');
    expect(shown).toContain('nhân dịp Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời Kêu gọi Thi đua ái quốc');
    expect(shown).toContain('năm 2025: Hội nghị Điển hình tiên tiến xã năm 2025');
    expect(shown).not.toMatch(/1\/1\/2021|11\/6\/2023 –|12\/6\/2023|31\/12\/20|(^|[^/\d])12\/2021/m);
    const withActual = show(timelineReply(shippedCatalog(), 'vi', '2021-07-01', new Map([['tong-ket-nam-2021', '2022-01-14']])));
    expect(withActual).toContain('năm 2021, vào dịp tổng kết công tác năm — ngày thực hiện: 14/1/2022');
  });
});
