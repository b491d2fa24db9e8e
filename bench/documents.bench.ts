/**
 * The whole dossier of a 50-nomination round (issue 15: "under 2 s"): tờ trình with its list, the
 * list as DOCX and XLSX, the draft decision, the 50 achievement reports (one file), the minutes of the meeting, the
 * yearly report as DOCX and XLSX — through `/vanban` on a real (temporary) database, so the figure
 * includes reading the records and the number register. Baseline, measured in the same run: one
 * plain DOCX (the `docx` library, one paragraph per line, no layout) of the same text.
 */
import { loadavg } from 'node:os';
import { Document, Packer, Paragraph } from 'docx';
import { buildMinutes, type MeetingInput } from '../src/core/documents/minutes.ts';
import type { OutFile } from '../src/core/channel.ts';
import type { SubjectType } from '../src/core/plan/plan-schema.ts';
import { renderDocx } from '../src/documents/docx.ts';
import { createTestApp } from '../tests/helpers/test-app.ts';
import { approved, ask, NOMINEES, paragraphs, part } from '../tests/documents/fixtures.ts';
import { loadCommuneFile } from '../src/core/documents/commune.ts';

export interface DossierBench {
  nominations: number;
  runs: number;
  files: number;
  bytes: number;
  /** Median over runs, ms: every document through /vanban (records, register, build, render). */
  dossierMs: number;
  maxDossierMs: number;
  /** Median CPU time (user + system) of this process for one dossier, ms: less sensitive to a busy machine. */
  dossierCpuMs: number;
  /** Median CPU time of the baseline, ms. */
  baselineCpuMs: number;
  /** Load average (1 min) when the run ended: figures from a busy machine are slower. */
  load: number;
  /** Median, ms: a plain DOCX of the same text (baseline). */
  baselineMs: number;
  /** Characters of text in the dossier. */
  chars: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const LONG =
  'Đơn vị đã hoàn thành xuất sắc nhiệm vụ được giao, tích cực tham gia các phong trào thi đua của xã; vận động Nhân dân thực hiện tốt chủ trương, chính sách; giúp đỡ hộ nghèo vươn lên. ';

export async function benchDossier(runs = 5): Promise<DossierBench> {
  const t = await createTestApp({ start: new Date('2026-01-05T02:00:00Z') });
  try {
    await t.grant('admin', 'ADMIN');
    const officer = await t.grant('officer', 'OFFICER', 'tram-y-te');
    const member = await t.grant('member', 'COUNCIL');
    const types: SubjectType[] = ['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD'];
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) {
      const base = NOMINEES[i % NOMINEES.length]!;
      const subjectType = types[i % 3]!;
      const sample = NOMINEES.find((n) => n.subjectType === subjectType)!;
      ids.push(
        await approved(
          t.app,
          officer,
          member,
          { ...base, ...sample, nomineeName: `${sample.nomineeName} ${i + 1}`, achievements: LONG.repeat(3 + (i % 4)) },
          t.now(),
        ),
      );
    }
    const meeting: MeetingInput = {
      heldOn: '2026-01-05',
      startsAt: '08:00',
      endsAt: '11:00',
      place: 'Hội trường UBND xã',
      chairName: 'Nguyễn Văn A',
      secretaryName: 'Lê Thị C',
      attendees: Array.from({ length: 9 }, (_, i) => ({ name: `Thành viên ${i + 1}`, present: i !== 8 })),
      items: ids.map((_, i) => ({
        nomineeName: `Hồ sơ ${i + 1}`,
        subjectType: types[i % 3]!,
        agree: 7,
        askChanges: 1,
        disagree: 0,
        conclusion: 'PROPOSE' as const,
      })),
    };
    const commune = loadCommuneFile('plans/commune.yaml');
    // The 50 achievement reports come as one file (one section each), as an officer prints them.
    const commands = [
      '/vanban totrinh',
      '/vanban danhsach',
      '/vanban danhsach excel',
      '/vanban quyetdinh',
      '/vanban thanhtich',
      '/vanban nam',
      '/vanban tiendo',
    ];
    const dossier = async (): Promise<OutFile[]> => {
      const files: OutFile[] = [];
      for (const c of commands) files.push(...(await ask(t.app, 'admin', c)).files);
      const minutes = buildMinutes({ commune, planTitle: t.app.catalog().plan.title.vi, date: '2026-01-05', number: '01/BB-HĐTĐKT', draft: true }, meeting);
      files.push({ name: 'bien-ban.docx', mime: '', bytes: await renderDocx(minutes) });
      return files;
    };
    await dossier(); // warm-up (module loading, first queries)
    const times: number[] = [];
    const cpu: number[] = [];
    const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    let last: OutFile[] = [];
    for (let r = 0; r < runs; r++) {
      const started = performance.now();
      const c0 = process.cpuUsage();
      last = await dossier();
      cpu.push(cpuMs(process.cpuUsage(c0)));
      times.push(performance.now() - started);
    }
    // The same text, as plain paragraphs: what any DOCX of this size costs without our layout.
    const docs = last.filter((f) => f.name.endsWith('.docx'));
    const text = (await Promise.all(docs.map(async (f) => paragraphs(await part(f.bytes, 'word/document.xml')).join('\n')))).join('\n');
    const lines = text.split('\n');
    const baseline: number[] = [];
    const baselineCpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      const started = performance.now();
      const c0 = process.cpuUsage();
      await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
      baselineCpu.push(cpuMs(process.cpuUsage(c0)));
      baseline.push(performance.now() - started);
    }
    return {
      nominations: ids.length,
      runs,
      files: last.length,
      bytes: last.reduce((n, f) => n + f.bytes.length, 0),
      dossierMs: median(times),
      maxDossierMs: Math.max(...times),
      baselineMs: median(baseline),
      dossierCpuMs: median(cpu),
      baselineCpuMs: median(baselineCpu),
      load: loadavg()[0]!,
      chars: text.length,
    };
  } finally {
    await t.close();
  }
}
