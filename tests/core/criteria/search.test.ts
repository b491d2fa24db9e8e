import { describe, expect, it } from 'vitest';
import { createCategoryIndex, type SearchableCategory } from '../../../src/core/criteria/search.ts';

/** Categories mirroring §III.3 of the Ia Băng plan 2021–2025 (criteria copied from the plan). */
const categories: SearchableCategory[] = [
  {
    code: '3.1.3',
    nameVi: 'Mô hình khu dân cư, thôn, làng, xã văn hóa',
    nameEn: 'Cultural residential area, village or commune',
    keywords: ['khu dân cư', 'thôn', 'làng', 'làng văn hóa', 'hương ước'],
    criteriaVi: [
      'Xây dựng được hương ước, quy định về thực hiện nếp sống văn hóa và giữ gìn bản sắc văn hóa dân tộc',
      'Hàng năm giảm tỷ lệ hộ nghèo, không có hộ gia đình tái nghèo',
      'Không có người mắc các tệ nạn xã hội; vệ sinh môi trường được đảm bảo',
      'Kết quả bình xét cuối năm phải đạt tiêu chuẩn về văn hóa, an toàn về an ninh trật tự',
    ],
    criteriaEn: [
      'Has village rules on a cultured way of life and preserves ethnic cultural identity',
      'Reduces the poor-household rate every year; no household falls back into poverty',
      'No one involved in social evils; environmental sanitation ensured',
    ],
  },
  {
    code: '3.1.4',
    nameVi: 'Mô hình trong lĩnh vực giáo dục, đào tạo có chất lượng',
    nameEn: 'Quality education and training',
    keywords: ['trường học', 'giáo dục', 'giáo viên', 'học sinh', 'dạy nghề'],
    criteriaVi: [
      'Trường học, cơ sở giáo dục, dạy nghề có chất lượng giáo dục ngày càng tăng (tỷ lệ học sinh khá giỏi cao; tỷ lệ giáo viên giỏi các cấp cao)',
      'Trường học thân thiện, học sinh tích cực',
      'Thực hiện tốt cuộc vận động “mỗi thầy, cô giáo là một tấm gương đạo đức, tự học và sáng tạo”',
      'Phân loại cuối năm cơ quan, trường học phải đạt tiêu chuẩn an toàn về an ninh trật tự',
    ],
    criteriaEn: ['Schools and vocational training centres with rising education quality', 'Friendly schools with active students'],
  },
  {
    code: '3.1.5',
    nameVi: 'Mô hình trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân',
    nameEn: "Health care and the people's health",
    keywords: ['trạm y tế', 'bác sĩ', 'sức khỏe', 'thầy thuốc', 'y đức', 'bệnh'],
    criteriaVi: [
      'Các y, bác sĩ, cán bộ và nhân viên ngành y tế xã thực hiện tốt các Chương trình, mục tiêu quốc gia về lĩnh vực y tế',
      'Nâng cao hiệu quả công tác chăm sóc sức khỏe cho người dân',
      'Y đức của người thầy thuốc, không thờ ơ, thương yêu người bệnh, thực hiện tốt các quy định của ngành y',
    ],
    criteriaEn: ['Doctors and health staff of the commune carry out national health programmes well', "Raises the effectiveness of caring for people's health"],
  },
  {
    code: '3.1.6',
    nameVi: 'Mô hình trong thực hiện nhiệm vụ quốc phòng, an ninh',
    nameEn: 'National defence and security',
    keywords: ['quốc phòng', 'an ninh', 'dân quân', 'công an', 'tự vệ'],
    criteriaVi: [
      'Tập thể thuộc các đơn vị lực lượng vũ trang xã có nhiều phương pháp, giải pháp mới, sáng tạo',
      'Luôn sẵn sàng chiến đấu, chủ động trong mọi tình huống không để bị bất ngờ',
      'Các đơn vị, chiến sĩ dân quân, tự vệ, công an viên tổ chức thực hiện tốt các hoạt động giữ gìn, đảm bảo an ninh trật tự',
    ],
    criteriaEn: ['Armed-force units of the commune with new, creative methods', 'Always combat-ready'],
  },
  {
    code: '3.1.8',
    nameVi: 'Mô hình trong sản xuất, kinh doanh và phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”',
    nameEn: 'Production and business; "Vietnamese enterprises integrate and develop"',
    keywords: ['doanh nghiệp', 'hợp tác xã', 'sản xuất', 'kinh doanh', 'nộp thuế'],
    criteriaVi: [
      'Là những doanh nghiệp, hợp tác xã có nhiều thành tích trong hoạt động sản xuất kinh doanh và nhiều đóng góp cho xã hội',
      'Áp dụng tiến bộ khoa học kỹ thuật trong sản xuất kinh doanh mang lại hiệu quả kinh tế cao',
      'Thực hiện tốt nghĩa vụ nộp thuế; tạo được nhiều việc làm và quan tâm tới người lao động',
    ],
    criteriaEn: ['Enterprises and cooperatives with achievements in business', 'Pays taxes; creates jobs'],
  },
  {
    code: '3.1.10',
    nameVi: 'Mô hình trong phong trào thi đua “Gia Lai chung tay vì người nghèo”',
    nameEn: '"Gia Lai joins hands for the poor"',
    keywords: ['gia đình nghèo', 'hộ nghèo', 'vượt khó', 'giảm nghèo', 'người nghèo'],
    criteriaVi: [
      'Tập thể cơ quan, đơn vị, doanh nghiệp có nhiều việc làm thiết thực, hỗ trợ giúp đỡ địa phương, cộng đồng trong công tác giảm nghèo bền vững',
      'Hộ gia đình điển hình tích cực lao động, sản xuất kinh doanh đạt hiệu quả cao',
      'Hàng năm gia đình phải đạt danh hiệu “Gia đình văn hóa”',
    ],
    criteriaEn: ['Units and businesses that help sustainable poverty reduction', 'Model households that work hard'],
  },
  {
    code: '3.2.2',
    nameVi: 'Mô hình, gương điển hình về người lao động, người tốt, việc tốt',
    nameEn: 'Exemplary workers; good people, good deeds',
    keywords: ['người tốt việc tốt', 'người lao động', 'từ thiện', 'sáng kiến'],
    criteriaVi: [
      'Có ý thức tổ chức kỷ luật, sáng tạo trong lao động, có nhiều sáng kiến cải tiến kỹ thuật',
      'Gia đình hằng năm luôn đạt danh hiệu “Gia đình văn hóa”',
      'Tích cực tham gia các hoạt động từ thiện, nhân đạo, được mọi người quý mến, suy tôn',
    ],
    criteriaEn: ['Disciplined and creative at work, with many initiatives', 'Takes part in charity'],
  },
];

const index = createCategoryIndex(categories);
const top = (q: string) => index.search(q)[0]?.code;

describe('createCategoryIndex().search', () => {
  it.each([['tiêu chí y tế'], ['tieu chi y te'], ['TRẠM Y TẾ cần gì'], ['trạm y tế'.normalize('NFD')], ['y tế'], ['Tiêu chí mô hình y tế như thế nào?']])(
    '%j → 3.1.5',
    (q) => {
      expect(top(q)).toBe('3.1.5');
    },
  );

  it.each([
    ['doanh nghiep', '3.1.8'],
    ['gia đình nghèo vượt khó', '3.1.10'],
    ['truong hoc', '3.1.4'],
    ['health', '3.1.5'],
    ['làng văn hóa', '3.1.3'],
    ['dân quân tự vệ', '3.1.6'],
    ['người tốt việc tốt', '3.2.2'],
    ['hợp tác xã', '3.1.8'],
  ])('%j → %s', (q, code) => {
    expect(top(q)).toBe(code);
  });

  it('ranks the phrase "y tế" above a category that only has the separate words "ý" and "tế"', () => {
    const mk = (code: string, nameVi: string, keywords: string[]): SearchableCategory => ({
      code,
      nameVi,
      nameEn: 'x',
      keywords,
      criteriaVi: [],
      criteriaEn: [],
    });
    const small = createCategoryIndex([
      mk('1', 'Phát triển kinh tế', ['kinh tế', 'thực tế', 'ý kiến']),
      mk('2', 'Chăm sóc người bệnh tại trạm y tế xã và các cơ sở khám bệnh ban đầu', ['khám bệnh']),
      mk('3', 'Giáo dục', ['trường học']),
    ]);
    expect(small.search('y tế').map((m) => m.code)).toEqual(['2', '1']);
    expect(index.search('kinh tế')[0]?.code).toBe('3.1.8');
  });

  it('finds a category by code, with or without dots', () => {
    expect(top('3.1.5')).toBe('3.1.5');
    expect(top('315')).toBe('3.1.5');
    expect(top(' 3.1.10 ')).toBe('3.1.10');
    expect(top('3110')).toBe('3.1.10');
  });

  it('returns [] for unknown words, empty input and questions made only of question words', () => {
    expect(index.search('xyzzy')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('   ?!  ')).toEqual([]);
    expect(index.search('tiêu chí là gì')).toEqual([]);
    expect(index.search('what are the criteria for')).toEqual([]);
  });

  it('question words do not change the ranking', () => {
    expect(index.search('tiêu chí mô hình y tế là gì vậy')).toEqual(index.search('y tế vậy'));
  });

  it('keeps accented words that only fold like a question word ("hội" is not "hỏi")', () => {
    // "hội" (hội nhập, xã hội) is a real word; "hỏi"/"hoi" (to ask) and "tôi muốn" are not.
    expect(top('hội')).toBe('3.1.8');
    expect(index.search('hỏi')).toEqual([]);
    expect(index.search('toi muon hoi')).toEqual([]);
  });

  it('weighs keywords and name above criteria', () => {
    const mk = (code: string, keyword: string, criterion: string): SearchableCategory => ({
      code,
      nameVi: `Mô hình ${code}`,
      nameEn: 'x',
      keywords: [keyword],
      criteriaVi: [criterion],
      criteriaEn: [],
    });
    const small = createCategoryIndex([mk('1', 'cà phê', 'trồng lúa'), mk('2', 'lúa nước', 'bán cà phê')]);
    expect(small.search('cà phê').map((m) => m.code)).toEqual(['1', '2']);
    expect(small.search('lúa').map((m) => m.code)).toEqual(['2', '1']);
  });

  it('returns at most 3 results by default, best first, all with positive scores', () => {
    const res = index.search('gia đình văn hóa sản xuất kinh doanh an ninh trật tự');
    expect(res).toHaveLength(3);
    for (let i = 1; i < res.length; i++) expect(res[i - 1]!.score).toBeGreaterThanOrEqual(res[i]!.score);
    for (const m of res) expect(m.score).toBeGreaterThan(0);
  });

  it('honours an explicit limit', () => {
    const q = 'gia đình văn hóa sản xuất kinh doanh an ninh trật tự';
    expect(index.search(q, 1)).toHaveLength(1);
    expect(index.search(q, 1)[0]).toEqual(index.search(q)[0]);
    expect(index.search(q, 10).length).toBeGreaterThan(3);
    expect(index.search(q, 0)).toEqual([]);
  });

  it('breaks ties by code order (3.1.9 before 3.1.10)', () => {
    const twin = (code: string): SearchableCategory => ({
      code,
      nameVi: 'Mô hình nông thôn mới',
      nameEn: 'New rural area',
      keywords: [],
      criteriaVi: [],
      criteriaEn: [],
    });
    const tied = createCategoryIndex([twin('3.1.10'), twin('3.1.9'), { ...twin('3.1.1'), nameVi: 'Cơ quan kiểu mẫu', nameEn: 'Model office' }]);
    expect(tied.search('nông thôn mới').map((m) => m.code)).toEqual(['3.1.9', '3.1.10']);
  });

  it('works on an empty category list', () => {
    expect(createCategoryIndex([]).search('y tế')).toEqual([]);
  });
});

describe('numbers in a question', () => {
  it('a date or a year alone matches no field; a code still does', () => {
    const index = createCategoryIndex([
      ...categories,
      {
        code: '3.1.7',
        nameVi: 'Mô hình trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        nameEn: "Model in studying and following Ho Chi Minh's thought, morality and style",
        keywords: [],
        criteriaVi: ['Tập thể có trên 70% cán bộ, đảng viên thực hiện tốt trách nhiệm nêu gương', 'Thực hiện Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị'],
        criteriaEn: ['Over 70% of cadres and party members set a good example', 'Carries out Directive 05-CT/TW of 15/5/2016'],
      },
    ]);
    expect(index.search('15/11/2025')).toEqual([]);
    expect(index.search('2025')).toEqual([]);
    expect(index.search('3.1.7')[0]?.code).toBe('3.1.7');
    expect(index.search('70% cán bộ đảng viên nêu gương')[0]?.code).toBe('3.1.7');
  });
});
