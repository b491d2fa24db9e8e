/**
 * Ports of the documents feature: the register of document numbers (implemented in
 * `src/db/document-register.ts`), the renderers (`src/documents/`) and the commune's data.
 *
 * @module
 */
import type { CommuneFile } from './commune.ts';
import type { OfficialDocument, Workbook } from './model.ts';
import type { CommuneSettingsStore } from './settings.ts';

/** A number from the register. */
export interface RegisteredNumber {
  number: number;
  /** "05/TTr-UBND". */
  symbol: string;
  /** The issue date the number was given with (`YYYY-MM-DD`): a document drafted again keeps it. */
  issuedOn: string;
  /** A person recorded that the signed original exists: no draft mark. */
  signed: boolean;
}

/**
 * Sổ đăng ký văn bản: one sequence per issuing body (`issuerAbbr`, e.g. "UBND", "HĐTĐKT") and
 * calendar year; numbers restart on 1 January (Decree 30/2020 Art. 15).
 */
export interface DocumentRegister {
  /**
   * The number of `subject` in the year of `issuedOn`: the one it already has, else the next of the
   * sequence (safe when two officers ask at once: the unique index decides, the loser retries).
   */
  reserve(input: { issuerAbbr: string; typeAbbr: string; subject: string; issuedOn: string; byId: number }): Promise<RegisteredNumber>;
  /** Records that the signed original of `symbol` in `year` exists; false when no such number. */
  markSigned(input: { symbol: string; year: number; now: Date }): Promise<boolean>;
  /** Numbers given in a year, newest first. */
  list(input: { year: number }): Promise<(RegisteredNumber & { subject: string; typeAbbr: string })[]>;
}

/** Turns document models into files. */
export interface DocumentRenderer {
  /** One document, or several in one file (each a section starting on a new page). */
  docx(doc: OfficialDocument | readonly OfficialDocument[]): Promise<Uint8Array>;
  xlsx(book: Workbook): Promise<Uint8Array>;
  /** PDF through LibreOffice when installed; `null` when it is not (the caller says so). */
  pdf(docx: Uint8Array, baseName: string): Promise<Uint8Array | null>;
}

/** What the documents feature needs from the outside. */
export interface DocumentServices {
  register: DocumentRegister;
  renderer: DocumentRenderer;
  /**
   * The commune's data as documents use it: `plans/commune.yaml` (validated at start) with the
   * values an administrator set in chat (`settings`) applied — read anew for every document.
   */
  commune: () => Promise<CommuneFile>;
  /** The values set in chat (`/vanban caidat`). */
  settings: CommuneSettingsStore;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_MIME = 'application/pdf';
