/**
 * The commune's data for its documents (`plans/commune.yaml`): the names of its bodies, the signers,
 * the place for the date line, recipients, the wording of each document and the legal bases (căn cứ)
 * with their validity dates — data the standing office changes, never code (issue [7/9]).
 *
 * Wording templates use `{name}` placeholders filled by the builders (see {@link fill}); each
 * document's template lists which ones it may use.
 *
 * @module
 */
import { z } from 'zod';
import { loadDataFile, parseDataText } from '../plan/load.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO, 'a calendar date written YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'not a real calendar date');
const line = z.string().trim().min(1);
/** Capitals, as the decree writes headers, type names and signature posts ("ỦY BAN NHÂN DÂN"). */
const capitals = (s: z.ZodString) => s.refine((v) => v === v.toLocaleUpperCase('vi'), 'in capitals (Decree 30/2020, Appendix I)');
/** Academic titles and forms of address that must not precede a signer's name (Appendix I, §II.7). */
const TITLE_BEFORE_NAME = /^(GS|PGS|TS|TSKH|ThS|KS|BS|CN|Ông|Bà|Đồng chí|Đ\/c)(\.|\s)/iu;

/**
 * The kinds of document the bot drafts. `toTrinh` proposes to the commune what the commune chairman
 * may award; `toTrinhCapTren` proposes to the higher level what he may not (Law 06/2022 Art. 80;
 * domain-corrections §2, §4) — never the same nominee in both.
 */
export const DOCUMENT_KINDS = ['toTrinh', 'toTrinhCapTren', 'danhSach', 'bienBan', 'quyetDinh', 'baoCaoThanhTich', 'baoCaoNam'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
const kind = z.enum(DOCUMENT_KINDS);

/** An issuing body: the header's two lines and its symbol ("UBND", "HĐTĐKT"). */
export const issuerSchema = z
  .object({
    /** Parent body in capitals ("ỦY BAN NHÂN DÂN"); may be empty. */
    parent: capitals(z.string().trim()),
    /** The body itself in capitals ("XÃ IA BANG"). */
    name: capitals(line),
    /** Its name in a sentence ("Ủy ban nhân dân xã Ia Bang"). */
    fullName: line,
    /** Its symbol in a number ("UBND"): capitals, no spaces. */
    abbreviation: z.string().regex(/^[A-ZĐ0-9]+$/u, 'capitals and digits, no spaces (e.g. UBND, HĐTĐKT)'),
  })
  .strict();

/** A signer: post in capitals ("PHÓ CHỦ TỊCH") and name, with no academic title before it. */
export const signerSchema = z
  .object({
    post: capitals(line),
    name: line.refine((v) => !TITLE_BEFORE_NAME.test(v), 'the name alone, no academic title or form of address before it (Decree 30/2020, Appendix I)'),
  })
  .strict();

/** A legal basis (căn cứ) and the days it holds, both inclusive; `documents` says where it is cited. */
export const legalBasisSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]+$/),
    /** The căn cứ without "Căn cứ" and without the final punctuation. May use `{planTitle}`. */
    text: line,
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    documents: z.array(kind).min(1),
    /** A fact not yet checked against the official text. */
    verify: z.boolean().default(false),
  })
  .strict();
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** How a document is signed: on behalf of a body, for the head, by a signer of {@link signerSchema}. */
const signatureSchema = z
  .object({
    /** "TM. ỦY BAN NHÂN DÂN": on behalf of a collective body. */
    onBehalf: capitals(
      z
        .string()
        .trim()
        .regex(/^TM\. \S/u, 'starts with "TM. " (e.g. TM. ỦY BAN NHÂN DÂN)'),
    ).optional(),
    /** "KT. CHỦ TỊCH" (also TL., TUQ., Q.): signing for the head. */
    deputy: capitals(
      z
        .string()
        .trim()
        .regex(/^(KT|TL|TUQ|Q)\. \S/u, 'starts with "KT. ", "TL. ", "TUQ. " or "Q. " (e.g. KT. CHỦ TỊCH)'),
    ).optional(),
    signer: z.string().min(1),
  })
  .strict();

/** One document's wording and routing. */
export const documentSettingsSchema = z
  .object({
    /** Key of `issuers`. */
    issuer: z.string().min(1),
    /** Abbreviation of the type in the number ("TTr", "QĐ", "BB", "BC"); empty = no number. */
    typeAbbr: z.string().regex(/^[A-Za-zĐđ]*$/u),
    typeName: capitals(line),
    /** Trích yếu lines; may use placeholders. */
    summary: z.array(line).default([]),
    /** "Kính gửi:" addressees; may use placeholders (the higher level's tờ trình: `{authority}`). */
    addressees: z.array(line).default([]),
    /** Body paragraphs; may use placeholders. */
    paragraphs: z.record(z.string(), z.string()).default({}),
    signature: signatureSchema.optional(),
    /** A second signature on the left (minutes: the secretary). */
    secondSignature: signatureSchema.optional(),
    recipients: z.array(line).default([]),
    /** The last line under "Nơi nhận:", e.g. "Lưu: VT, VHXH". */
    archive: z.string().trim().default('Lưu: VT'),
  })
  .strict();
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

/** The whole file. Every signer and issuer a document names must exist (checked with the path). */
export const communeFileSchema = z
  .object({
    /** Place name of the date line ("Ia Bang"). */
    place: line,
    issuers: z.record(z.string(), issuerSchema),
    signers: z.record(z.string(), signerSchema),
    legalBases: z.array(legalBasisSchema),
    /** Award form proposed for each subject type when the record names none. */
    proposedForms: z.object({ COLLECTIVE: line, INDIVIDUAL: line, HOUSEHOLD: line }).strict(),
    documents: z
      .object(Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, documentSettingsSchema])) as Record<DocumentKind, typeof documentSettingsSchema>)
      .strict(),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const k of DOCUMENT_KINDS) {
      const d = file.documents[k];
      if (!file.issuers[d.issuer]) ctx.addIssue({ code: 'custom', path: ['documents', k, 'issuer'], message: `no issuer "${d.issuer}" in issuers` });
      for (const which of ['signature', 'secondSignature'] as const) {
        const s = d[which];
        if (s && !file.signers[s.signer])
          ctx.addIssue({ code: 'custom', path: ['documents', k, which, 'signer'], message: `no signer "${s.signer}" in signers` });
      }
    }
    file.legalBases.forEach((b, i) => {
      if (b.validFrom && b.validTo && b.validTo < b.validFrom)
        ctx.addIssue({ code: 'custom', path: ['legalBases', i, 'validTo'], message: 'ends before it starts' });
    });
  });
export type CommuneFile = z.infer<typeof communeFileSchema>;

/**
 * The căn cứ of a document of `kind` dated `date` (`YYYY-MM-DD`): the bases in force that day, in
 * file order, so an old round re-renders with the bases of its own date. `{planTitle}` is filled.
 */
export function basesOn(commune: CommuneFile, kind: DocumentKind, date: string, values: Record<string, string> = {}): string[] {
  return commune.legalBases
    .filter((b) => b.documents.includes(kind) && (b.validFrom ?? '0000-01-01') <= date && date <= (b.validTo ?? '9999-12-31'))
    .map((b) => `Căn cứ ${fill(b.text, values)}`);
}

/** Fills `{name}` placeholders; an unknown one is left as written, so a typo shows in the draft. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** A document's signature as the model wants it. */
export function signatureOf(
  commune: CommuneFile,
  s: DocumentSettings['signature'],
): { onBehalf?: string; deputy?: string; post: string; name: string } | undefined {
  if (!s) return undefined;
  const signer = commune.signers[s.signer]!;
  return { ...(s.onBehalf ? { onBehalf: s.onBehalf } : {}), ...(s.deputy ? { deputy: s.deputy } : {}), post: signer.post, name: signer.name };
}

/** Parses commune data text (YAML or JSON). @throws PlanFileError naming every field at fault. */
export const parseCommuneText = (text: string, file = '(commune)'): CommuneFile => parseDataText(text, file, communeFileSchema, 'Commune file');

/** Reads and validates `plans/commune.yaml`. @throws PlanFileError when missing or invalid. */
export const loadCommuneFile = (file: string): CommuneFile => loadDataFile(file, communeFileSchema, 'Commune file');
