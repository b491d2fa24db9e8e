import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/core/i18n.ts';
import { loadPlanFile } from '../../src/core/plan/load.ts';
import { readPlanXlsx, writePlanXlsx, type XlsxIssue } from '../../src/plan-xlsx/workbook.ts';
import { ROOT, SHIPPED_PLAN } from '../helpers/core-fixtures.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PlanFileError } from '../../src/core/plan/load.ts';
import { loadPlanAnyFile } from '../../src/plan-xlsx/load.ts';

const shipped = loadPlanFile(SHIPPED_PLAN);
const sample = loadPlanFile(resolve(ROOT, 'plans/sample-2026-2030.yaml'));
const i18n = createTranslator({ localesDir: resolve(ROOT, 'locales'), defaultLocale: 'vi' });
const say = (issues: XlsxIssue[], locale: 'vi' | 'en' = 'vi') => issues.map((i) => i18n.format(locale, i.message, 'plain'));

/** Opens the template written from `plan`, lets `edit` change cells as a civil servant would, returns the bytes. */
async function edited(plan: typeof shipped, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writePlanXlsx(plan)) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Row number (as Excel shows it) of the row whose column A is `code`. */
function rowOf(ws: ExcelJS.Worksheet, col: number, code: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && row.getCell(col).text === code) found = n;
  });
  if (found < 0) throw new Error(`no row ${code} in ${ws.name}`);
  return found;
}

describe('the plan spreadsheet', () => {
  it('round-trips the shipped plan: export, import, the same plan as the YAML gives', async () => {
    const back = await readPlanXlsx(await writePlanXlsx(shipped));
    expect(back.ok ? [] : say(back.issues)).toEqual([]);
    expect(back.ok && back.plan).toEqual(shipped);
  });

  it('round-trips the sample 2026–2030 plan too (sample flag, villages)', async () => {
    const back = await readPlanXlsx(await writePlanXlsx(sample));
    expect(back.ok && back.plan).toEqual(sample);
  });

  it('has Vietnamese sheets, one per part of the plan, and keeps whom a criterion applies to', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writePlanXlsx(shipped)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Kế hoạch',
      'Tiêu chí chung',
      'Ghi chú cho cơ quan',
      'Phong trào',
      'Đơn vị',
      'Lĩnh vực',
      'Nhóm đối tượng',
      'Tiêu chí',
      'Chỉ tiêu',
      'Giai đoạn',
      'Mốc',
      'Thôn làng',
    ]);
    const criteria = wb.getWorksheet('Tiêu chí')!;
    const leaderItem = shipped.categories.flatMap((c) => c.criteria).find((x) => x.profiles?.includes('leader'))!;
    expect(criteria.getRow(rowOf(criteria, 2, leaderItem.code)).getCell(6).text).toBe('leader');
    const household = shipped.categories.flatMap((c) => c.criteria).find((x) => x.subjectTypes?.includes('HOUSEHOLD'))!;
    expect(criteria.getRow(rowOf(criteria, 2, household.code)).getCell(5).text).toBe('Hộ gia đình');
  });

  it('accepts dates and years typed as Excel dates and numbers', async () => {
    const bytes = await edited(shipped, (wb) => {
      const main = wb.getWorksheet('Kế hoạch')!;
      main.getRow(rowOf(main, 1, 'Ngày bắt đầu')).getCell(2).value = new Date(Date.UTC(2021, 0, 1));
      wb.getWorksheet('Giai đoạn')!.getRow(2).getCell(4).value = Number(shipped.phases[0]!.start);
    });
    const back = await readPlanXlsx(bytes);
    expect(back.ok ? [] : say(back.issues)).toEqual([]);
    expect(back.ok && back.plan).toEqual(shipped);
  });

  it('names every mistake with its sheet, row and column, in Vietnamese, and imports nothing', async () => {
    const cat = shipped.categories[0]!;
    let rows: Record<string, number> = {};
    const bytes = await edited(shipped, (wb) => {
      const crit = wb.getWorksheet('Tiêu chí')!;
      const quotas = wb.getWorksheet('Chỉ tiêu')!;
      const main = wb.getWorksheet('Kế hoạch')!;
      const units = wb.getWorksheet('Đơn vị')!;
      const phases = wb.getWorksheet('Giai đoạn')!;
      const miles = wb.getWorksheet('Mốc')!;
      rows = {
        crit: rowOf(crit, 2, cat.criteria[1]!.code),
        crit2: rowOf(crit, 2, cat.criteria[2]!.code),
        crit3: rowOf(crit, 2, cat.criteria[3]!.code),
        quota: rowOf(quotas, 1, shipped.quotas[0]!.code),
        quota2: rowOf(quotas, 1, shipped.quotas[1]!.code),
        end: rowOf(main, 1, 'Ngày kết thúc'),
        phase: rowOf(phases, 1, shipped.phases[0]!.code),
        mile: rowOf(miles, 1, shipped.milestones[0]!.code),
      };
      crit.getRow(rows.crit!).getCell(3).value = null; // 1 blank criterion text
      quotas.getRow(rows.quota!).getCell(2).value = 'khong-co'; // 2 unknown unit code
      main.getRow(rows.end!).getCell(2).value = '31/12/2030'; // 3 bad date
      quotas.getRow(rows.quota2!).getCell(6).value = -2; // 4 negative count
      rows.unit = units.addRow([shipped.units[0]!.code, 'Đơn vị trùng mã', 'Same code']).number; // 5 duplicate code
      phases.getRow(rows.phase!).getCell(5).value = '2020'; // 6 ends before it starts
      miles.getRow(rows.mile!).getCell(2).value = 'Họp'; // 7 unknown choice
      crit.getRow(rows.crit2!).getCell(7).value = 'chắc'; // 8 yes/no
      crit.getRow(rows.crit3!).getCell(2).value = 'mã có dấu cách'; // 9 bad code
      crit.getRow(rows.crit2!).getCell(5).value = 'Hộ gia đình'; // 10 subject type the category does not admit
    });
    const back = await readPlanXlsx(bytes);
    expect(back.ok).toBe(false);
    const text = say(back.ok ? [] : back.issues);
    const u0 = shipped.units[0]!.code;
    expect(text).toEqual(
      expect.arrayContaining([
        `Sheet Tiêu chí, dòng ${rows.crit}, cột C: thiếu nội dung tiêu chí`,
        `Sheet Chỉ tiêu, dòng ${rows.quota}, cột B: mã «khong-co» không có trong sheet Đơn vị; hãy ghi một mã đã có ở sheet đó hoặc thêm mã này vào sheet đó`,
        `Sheet Kế hoạch, dòng ${rows.end}, cột B: ngày «31/12/2030» không hợp lệ; hãy ghi năm-tháng-ngày, ví dụ: 2026-01-01`,
        `Sheet Chỉ tiêu, dòng ${rows.quota2}, cột F: số «-2» không hợp lệ; hãy ghi số nguyên từ 0 trở lên`,
        `Sheet Đơn vị, dòng ${rows.unit}, cột A: mã «${u0}» bị trùng với một dòng phía trên; mỗi dòng cần một mã riêng`,
        `Sheet Giai đoạn, dòng ${rows.phase}, cột E: thời điểm kết thúc sớm hơn thời điểm bắt đầu`,
        `Sheet Mốc, dòng ${rows.mile}, cột B: «Họp» không hợp lệ; hãy ghi một trong: Hạn chót, Sơ kết, tổng kết, Hội nghị, Khác`,
        `Sheet Tiêu chí, dòng ${rows.crit2}, cột G: «chắc» không hợp lệ; hãy ghi «có» hoặc để trống`,
        expect.stringMatching(new RegExp(`^Sheet Tiêu chí, dòng ${rows.crit3}, cột B: mã «mã có dấu cách» không hợp lệ`)),
        `Sheet Tiêu chí, dòng ${rows.crit2}, cột E: «Hộ gia đình» không có trong cột Loại đối tượng của lĩnh vực; hãy thêm vào đó hoặc sửa ở đây`,
      ]),
    );
    // One message per mistake, none twice, nothing else.
    expect(text, text.join('\n')).toHaveLength(10);
    expect(text.every((t) => t.startsWith('Sheet '))).toBe(true);
    expect(say(back.ok ? [] : back.issues, 'en')).toContain(`Sheet Tiêu chí, row ${rows.crit}, column C: nội dung tiêu chí is missing`);
  });

  it('says which sheet is missing and what to use instead', async () => {
    const bytes = await edited(shipped, (wb) => wb.removeWorksheet(wb.getWorksheet('Đơn vị')!.id));
    const back = await readPlanXlsx(bytes);
    expect(say(back.ok ? [] : back.issues)).toContain('Sheet Đơn vị: thiếu sheet này; hãy dùng mẫu do lệnh npm run plan:template tạo ra');
  });

  it('answers a file that is not a spreadsheet with a message, not a crash', async () => {
    const back = await readPlanXlsx(new TextEncoder().encode('id: x\n'));
    expect(back.ok).toBe(false);
    expect(say(back.ok ? [] : back.issues)[0]).toMatch(/^Sheet -: |không đọc được tệp/);
  });

  it('PLAN_FILE may be the spreadsheet: read like the YAML, refused with the cells at fault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-xlsx-'));
    writeFileSync(join(dir, 'ok.xlsx'), await writePlanXlsx(shipped));
    expect(await loadPlanAnyFile(join(dir, 'ok.xlsx'), i18n, 'vi')).toEqual(shipped);
    writeFileSync(join(dir, 'bad.xlsx'), await edited(shipped, (wb) => (wb.getWorksheet('Tiêu chí')!.getRow(14).getCell(3).value = null)));
    const error = await loadPlanAnyFile(join(dir, 'bad.xlsx'), i18n, 'vi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanFileError);
    expect((error as PlanFileError).issues).toEqual([{ path: 'Sheet Tiêu chí, dòng 14, cột C', message: 'thiếu nội dung tiêu chí' }]);
  });
});
