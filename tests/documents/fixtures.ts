/**
 * Helpers for the documents tests: nominations approved by the Council in a test app, and the XML
 * parts of a generated DOCX/XLSX (unzipped with jszip).
 */
import JSZip from 'jszip';
import type { App } from '../../src/app.ts';
import type { InboundMessage, OutFile, Outcome } from '../../src/core/channel.ts';
import type { NominationDraft } from '../../src/core/nominations/model.ts';
import { renderReply } from '../../src/core/render.ts';

export const PLAN = 'ia-bang-2021-2025';

/** A nominee of each subject type, with Vietnamese letters of every tone. */
export const NOMINEES: Pick<NominationDraft, 'subjectType' | 'nomineeName' | 'categoryCode' | 'unitCode' | 'movementCode' | 'place' | 'achievements'>[] = [
  {
    subjectType: 'COLLECTIVE',
    nomineeName: 'Trạm Y tế xã Ia Bang',
    categoryCode: '3.1.5',
    unitCode: 'tram-y-te',
    movementCode: 'y-te',
    place: 'Thôn Đồng Tâm',
    achievements: 'Tiêm chủng đầy đủ 98%; phòng, chống dịch hiệu quả.',
  },
  {
    subjectType: 'INDIVIDUAL',
    nomineeName: 'Rơ Mah Hyơn',
    categoryCode: '3.2.1',
    unitCode: 'cong-an',
    movementCode: 'quoc-phong-an-ninh',
    place: 'Làng Bang',
    achievements: 'Giữ vững an ninh trật tự; vận động 12 hộ bỏ hủ tục.',
  },
  {
    subjectType: 'HOUSEHOLD',
    nomineeName: 'Hộ ông Nguyễn Văn Đức',
    categoryCode: '3.1.10',
    unitCode: 'dc-nn-xd-mt',
    movementCode: 'ntm',
    place: 'Thôn Ia Đrăng',
    achievements: 'Sản xuất cà phê giỏi, thu nhập ổn định, giúp đỡ hộ nghèo.',
  },
  {
    subjectType: 'COLLECTIVE',
    nomineeName: 'Chi hội Phụ nữ thôn Bình Yên',
    categoryCode: '3.1.5',
    unitCode: 'tram-y-te',
    movementCode: 'y-te',
    place: 'Thôn Bình Yên',
    achievements: 'Mô hình “Phụ nữ tự quản vệ sinh môi trường”.',
  },
];

/** Submits a nomination and has the Council (of one) agree to propose it: PROPOSED. Returns its id. */
export async function approved(app: App, proposerId: number, voterId: number, over: Partial<NominationDraft>, now: Date): Promise<number> {
  const n = await app.services.nominations.submit({
    draft: {
      planSlug: PLAN,
      categoryCode: '3.1.5',
      movementCode: null,
      unitCode: 'tram-y-te',
      subjectType: 'COLLECTIVE',
      nomineeName: 'X',
      place: '',
      achievements: 'Thành tích',
      selfCheck: [],
      evidence: [],
      ...over,
    },
    proposerId,
    now,
  });
  await app.services.nominations.castVote({ id: n.id, voterId, decision: 'AGREE', members: [voterId], rule: { kind: 'majority' }, now });
  return n.id;
}

/** Sends a message straight to core (files are kept, unlike the test app's rendered replies). */
export async function ask(
  app: App,
  user: string,
  text: string,
  extra: Partial<InboundMessage> = {},
): Promise<{ outcome: Outcome; text: string; files: OutFile[] }> {
  const outcome = await app.core.handle({ channel: 'telegram', userId: user, chatId: user, chatType: 'private', displayName: `User ${user}`, text, ...extra });
  return {
    outcome,
    text: outcome.replies.map((r) => renderReply(app.translator, outcome.locale, r, 'plain').text).join('\n\n'),
    files: outcome.replies.flatMap((r) => r.files ?? []),
  };
}

/** The text of one part of a zip (DOCX/XLSX). */
export async function part(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path);
  if (!file) throw new Error(`no ${path} in the file; parts: ${Object.keys(zip.files).join(', ')}`);
  return file.async('string');
}

/** The visible text of WordprocessingML, paragraph by paragraph (runs joined). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''))
    .filter((t) => t !== '');
}

/** The XML of the paragraph whose text is `text` (throws when absent). */
export function paragraphXml(xml: string, text: string): string {
  const found = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => m[0])
    .find((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('') === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
}

export const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Rows of a worksheet as arrays of cell texts (shared strings resolved). */
export async function sheetRows(bytes: Uint8Array, sheet = 1): Promise<string[][]> {
  const shared = [...(await part(bytes, 'xl/sharedStrings.xml').catch(() => '')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  );
  const xml = await part(bytes, `xl/worksheets/sheet${sheet}.xml`);
  return [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const value = /<v>([^<]*)<\/v>/.exec(c[2] ?? '')?.[1] ?? /<t[^>]*>([^<]*)<\/t>/.exec(c[2] ?? '')?.[1] ?? '';
      return /t="s"/.test(c[1]!) ? (shared[Number(value)] ?? '') : unescapeXml(value);
    }),
  );
}
