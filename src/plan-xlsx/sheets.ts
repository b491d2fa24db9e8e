/**
 * The plan spreadsheet's layout: one sheet per part of the plan file format
 * (`src/core/plan/plan-schema.ts`), Vietnamese sheet and column headers. Each table sheet has its
 * header in row 1 and one item per row from row 2; the "Kế hoạch" sheet is vertical (one field per
 * row: label in A, Vietnamese / value in B, English in C).
 *
 * `path` is where a column's value goes in the item (dot-separated, e.g. `text.vi`); `kind` says how
 * a cell is read and written (see `./workbook.ts`).
 */

export type Kind = 'text' | 'code' | 'codes' | 'words' | 'date' | 'planDate' | 'int' | 'bool' | 'choice' | 'choices';

export interface Column {
  header: string;
  path: string;
  kind: Kind;
  width: number;
  /** For `choice` / `choices`: the code a label stands for (label shown in the sheet). */
  options?: Readonly<Record<string, string>>;
  /** A column added after workbooks were first exported: a workbook without it still loads (the field is absent). */
  optional?: boolean;
}

export const SUBJECT_TYPES = { COLLECTIVE: 'Tập thể', INDIVIDUAL: 'Cá nhân', HOUSEHOLD: 'Hộ gia đình' } as const;
const GROUPS = { COLLECTIVE: 'Tập thể', INDIVIDUAL: 'Cá nhân' } as const;
const LINKS = { STATED: 'Kế hoạch ghi', INFERRED: 'Gợi ý' } as const;
const KINDS = { DEADLINE: 'Hạn chót', REVIEW: 'Sơ kết, tổng kết', CONFERENCE: 'Hội nghị', OTHER: 'Khác' } as const;
const PRECISIONS = { DAY: 'Ngày', MONTH: 'Tháng', YEAR: 'Năm', OCCASION: 'Dịp' } as const;
const RELATIONS = { ON: 'Vào ngày', BEFORE: 'Trước ngày' } as const;

/** Where in the plan file a table sheet's rows go. */
export type Target =
  | { kind: 'list'; into: string }
  /** Rows belong to a category named by the `category` column; they go to `categories[i].<into>`. */
  | { kind: 'child'; into: 'profiles' | 'criteria' };

export interface TableSheet {
  name: string;
  target: Target;
  columns: Column[];
}

const code = (header: string, path = 'code'): Column => ({ header, path, kind: 'code', width: 16 });
const pair = (vi: string, path: string, width = 50): Column[] => [
  { header: vi, path: `${path}.vi`, kind: 'text', width },
  { header: `${vi} (tiếng Anh)`, path: `${path}.en`, kind: 'text', width },
];
const section: Column = { header: 'Mục trong kế hoạch', path: 'section', kind: 'text', width: 14 };

export const PLAN_SHEET = 'Kế hoạch';

/** Rows of the vertical "Kế hoạch" sheet: a label in column A; `pair` rows hold vi in B and en in C. */
export const PLAN_FIELDS: { label: string; path: string; kind: Kind; pair?: boolean }[] = [
  { label: 'Mã kế hoạch', path: 'id', kind: 'code' },
  { label: 'Kế hoạch mẫu (có / để trống)', path: 'sample', kind: 'bool' },
  { label: 'Tên kế hoạch', path: 'title', kind: 'text', pair: true },
  { label: 'Tên xã', path: 'commune', kind: 'text', pair: true },
  { label: 'Văn bản (cơ quan ban hành, số, ngày)', path: 'source', kind: 'text', pair: true },
  { label: 'Ngày bắt đầu', path: 'period.start', kind: 'date' },
  { label: 'Ngày kết thúc', path: 'period.end', kind: 'date' },
  { label: 'Mục Đối tượng', path: 'subjects.section', kind: 'text' },
  { label: 'Đối tượng', path: 'subjects.text', kind: 'text', pair: true },
];
export const PLAN_HEADERS = ['Nội dung', 'Tiếng Việt / giá trị', 'Tiếng Anh'];

const categoryRef: Column = { header: 'Mã lĩnh vực', path: 'category', kind: 'code', width: 16 };

export const TABLE_SHEETS: TableSheet[] = [
  {
    name: 'Tiêu chí chung',
    target: { kind: 'list', into: 'generalCriteria' },
    columns: [code('Mã tiêu chí chung'), section, ...pair('Nội dung tiêu chí chung', 'text', 70)],
  },
  {
    name: 'Ghi chú cho cơ quan',
    target: { kind: 'list', into: 'agencyNotes' },
    columns: [code('Mã ghi chú'), section, ...pair('Nội dung ghi chú', 'text', 70)],
  },
  { name: 'Phong trào', target: { kind: 'list', into: 'movements' }, columns: [code('Mã phong trào'), ...pair('Tên phong trào', 'name')] },
  { name: 'Đơn vị', target: { kind: 'list', into: 'units' }, columns: [code('Mã đơn vị'), ...pair('Tên đơn vị', 'name')] },
  {
    name: 'Lĩnh vực',
    target: { kind: 'list', into: 'categories' },
    columns: [
      code('Mã lĩnh vực'),
      section,
      ...pair('Tên lĩnh vực', 'name'),
      { header: 'Nhóm (Tập thể / Cá nhân)', path: 'group', kind: 'choice', width: 14, options: GROUPS },
      { header: 'Loại đối tượng', path: 'subjectTypes', kind: 'choices', width: 22, options: SUBJECT_TYPES },
      { header: 'Mã phong trào', path: 'movement', kind: 'code', width: 16 },
      { header: 'Liên kết phong trào (Kế hoạch ghi / Gợi ý)', path: 'movementLink', kind: 'choice', width: 16, options: LINKS },
      ...pair('Ai được chọn', 'eligibility'),
      { header: 'Từ khóa tìm kiếm (cách nhau bằng dấu ;)', path: 'keywords', kind: 'words', width: 40 },
    ],
  },
  {
    name: 'Nhóm đối tượng',
    target: { kind: 'child', into: 'profiles' },
    columns: [
      categoryRef,
      code('Mã nhóm đối tượng'),
      { header: 'Loại đối tượng', path: 'subjectType', kind: 'choice', width: 16, options: SUBJECT_TYPES },
      ...pair('Tên nhóm đối tượng', 'name', 40),
      ...pair('Ai được chọn', 'eligibility'),
    ],
  },
  {
    name: 'Tiêu chí',
    target: { kind: 'child', into: 'criteria' },
    columns: [
      categoryRef,
      code('Mã tiêu chí'),
      ...pair('Nội dung tiêu chí', 'text', 70),
      { header: 'Áp dụng cho loại đối tượng (để trống = tất cả)', path: 'subjectTypes', kind: 'choices', width: 22, options: SUBJECT_TYPES },
      { header: 'Áp dụng cho nhóm đối tượng (mã, để trống = tất cả)', path: 'profiles', kind: 'codes', width: 22 },
      { header: 'Có điều kiện (có / để trống)', path: 'conditional', kind: 'bool', width: 12 },
      ...pair('Điều kiện áp dụng (lời kế hoạch)', 'condition.text', 40).map((c) => ({ ...c, optional: true })),
      { header: 'Mục ghi điều kiện', path: 'condition.section', kind: 'text', width: 14, optional: true },
    ],
  },
  {
    name: 'Chỉ tiêu',
    target: { kind: 'list', into: 'quotas' },
    columns: [
      code('Mã chỉ tiêu'),
      { header: 'Mã đơn vị', path: 'unit', kind: 'code', width: 16 },
      { header: 'Mã phong trào', path: 'movement', kind: 'code', width: 16 },
      ...pair('Phong trào, lĩnh vực', 'field', 40),
      { header: 'Số tập thể', path: 'targets.collectives', kind: 'int', width: 10 },
      { header: 'Số cá nhân', path: 'targets.individuals', kind: 'int', width: 10 },
      { header: 'Số hộ gia đình', path: 'targets.households', kind: 'int', width: 10 },
      { header: 'Số gương bất kỳ', path: 'targets.any', kind: 'int', width: 10 },
      section,
      ...pair('Ghi chú', 'note', 30),
    ],
  },
  {
    name: 'Giai đoạn',
    target: { kind: 'list', into: 'phases' },
    columns: [
      code('Mã giai đoạn'),
      ...pair('Tên giai đoạn', 'name', 30),
      { header: 'Bắt đầu (năm, tháng hoặc ngày)', path: 'start', kind: 'planDate', width: 14 },
      { header: 'Kết thúc (năm, tháng hoặc ngày)', path: 'end', kind: 'planDate', width: 14 },
      section,
      ...pair('Tóm tắt', 'summary', 60),
    ],
  },
  {
    name: 'Mốc',
    target: { kind: 'list', into: 'milestones' },
    columns: [
      code('Mã mốc'),
      { header: 'Loại mốc', path: 'kind', kind: 'choice', width: 16, options: KINDS },
      { header: 'Mã giai đoạn', path: 'phase', kind: 'code', width: 14 },
      { header: 'Thời điểm (năm, tháng hoặc ngày)', path: 'date', kind: 'planDate', width: 14 },
      { header: 'Độ chính xác', path: 'precision', kind: 'choice', width: 12, options: PRECISIONS },
      { header: 'Vào / trước ngày', path: 'relation', kind: 'choice', width: 12, options: RELATIONS },
      ...pair('Tên mốc', 'title', 50),
      ...pair('Cách kế hoạch ghi thời điểm', 'wording', 30),
      section,
    ],
  },
  { name: 'Thôn làng', target: { kind: 'list', into: 'villages' }, columns: pair('Tên thôn, làng', '', 40).map((c) => ({ ...c, path: c.path.slice(1) })) },
];

/** Sheet that holds each list of codes, for "unknown code" messages. */
export const SHEET_OF_REFERENCE: Record<string, string> = {
  unit: 'Đơn vị',
  movement: 'Phong trào',
  phase: 'Giai đoạn',
  profile: 'Nhóm đối tượng',
  category: 'Lĩnh vực',
};
