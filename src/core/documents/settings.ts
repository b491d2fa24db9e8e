/**
 * The commune's document details as an administrator sets them in chat (`/vanban caidat`): the
 * place of the date line, each issuing body's header lines, full name and symbol ("UBND"), each
 * signer's post and name, and each document type's symbol ("TTr", "QĐ"). Every value is a field of
 * `plans/commune.yaml`; a value set in chat is stored in the database and overrides the file's
 * (issue [7/9]: "data the standing office can change in chat or in a file").
 *
 * Each value is checked as the decree and the file's schema want it ({@link checkValue}), then the
 * whole file with it is validated again ({@link communeFileSchema}), so a stored value can never
 * make an invalid file. A stored value that no longer fits (the file changed under it) is skipped
 * when the file is read ({@link applyOverrides}). Pure.
 *
 * @module
 */
import { communeFileSchema, type CommuneFile, type DocumentKind } from './commune.ts';

/** Stored values (`CommuneSetting` rows), implemented in `src/db/commune-settings.ts`. */
export interface CommuneSettingsStore {
  /** Every stored value: field key → value. */
  all(): Promise<Map<string, string>>;
  /** Stores `value` for `key` (replacing any), recording who and when (UTC). */
  set(input: { key: string; value: string; byId: number; now: Date }): Promise<void>;
  /** Removes the stored value: the file's holds again. No-op when none. */
  clear(input: { key: string }): Promise<void>;
}

/** What a field is, for its label and its check. */
export type FieldKind = 'place' | 'issuer-parent' | 'issuer-name' | 'issuer-full-name' | 'issuer-symbol' | 'signer-post' | 'signer-name' | 'type-symbol';

/** One settable field: its key (a path in the file), what it is, and whose it is. */
export interface SettingField {
  /** "place", "issuers.UBND.name", "signers.chairman.name", "documents.toTrinh.typeAbbr". */
  key: string;
  kind: FieldKind;
  /** The issuer, signer or document the field belongs to ("UBND", "chairman", "toTrinh"); empty for the place. */
  owner: string;
}

/** Why a typed value is refused (a message key's selector: `documents-settings-invalid`). */
export type ValueProblem = 'empty' | 'too-long' | 'one-line' | 'capitals' | 'issuer-symbol' | 'type-symbol' | 'title' | 'invalid';

/** The key of the date line's place name. */
const PLACE = 'place';

/** Longest value, in characters. */
export const MAX_VALUE = 200;

const ISSUER_PARTS = { parent: 'issuer-parent', name: 'issuer-name', fullName: 'issuer-full-name', abbreviation: 'issuer-symbol' } as const;
const SIGNER_PARTS = { post: 'signer-post', name: 'signer-name' } as const;

/** The settable fields of `file`, in a stable order: place, issuers, signers, document symbols. */
export function settingFields(file: CommuneFile): SettingField[] {
  const fields: SettingField[] = [{ key: PLACE, kind: 'place', owner: '' }];
  for (const id of Object.keys(file.issuers))
    for (const [part, kind] of Object.entries(ISSUER_PARTS)) fields.push({ key: `issuers.${id}.${part}`, kind, owner: id });
  for (const id of Object.keys(file.signers))
    for (const [part, kind] of Object.entries(SIGNER_PARTS)) fields.push({ key: `signers.${id}.${part}`, kind, owner: id });
  for (const [k, d] of Object.entries(file.documents) as [DocumentKind, CommuneFile['documents'][DocumentKind]][]) {
    // A document without a number (the list, the achievement report) has no symbol to set.
    if (d.typeAbbr) fields.push({ key: `documents.${k}.typeAbbr`, kind: 'type-symbol', owner: k });
  }
  return fields;
}

/** The value of field `key` in `file`, or undefined for a key that is not a field of it. */
export function valueOf(file: CommuneFile, key: string): string | undefined {
  const [head, owner, part] = key.split('.');
  if (key === 'place') return file.place;
  if (head === 'issuers' && owner && part && part in ISSUER_PARTS) return file.issuers[owner]?.[part as keyof typeof ISSUER_PARTS];
  if (head === 'signers' && owner && part && part in SIGNER_PARTS) return file.signers[owner]?.[part as keyof typeof SIGNER_PARTS];
  if (head === 'documents' && owner && part === 'typeAbbr') return file.documents[owner as DocumentKind]?.typeAbbr;
  return undefined;
}

/** `file` with field `key` set to `value` (a copy; the input is not changed). */
function withValue(file: CommuneFile, key: string, value: string): CommuneFile {
  const [head, owner, part] = key.split('.') as [string, string, string];
  if (key === 'place') return { ...file, place: value };
  if (head === 'issuers') return { ...file, issuers: { ...file.issuers, [owner]: { ...file.issuers[owner]!, [part]: value } } };
  if (head === 'signers') return { ...file, signers: { ...file.signers, [owner]: { ...file.signers[owner]!, [part]: value } } };
  const kind = owner as DocumentKind;
  return { ...file, documents: { ...file.documents, [kind]: { ...file.documents[kind], typeAbbr: value } } };
}

const TITLE_BEFORE_NAME = /^(GS|PGS|TS|TSKH|ThS|KS|BS|CN|Ông|Bà|Đồng chí|Đ\/c)(\.|\s)/iu;
const isCapitals = (v: string) => v === v.toLocaleUpperCase('vi');

/** The typed value as stored: NFC, spaces collapsed, trimmed. */
export const cleanValue = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[ \t]+/g, ' ')
    .trim();

/** Why `value` does not fit a field of `kind`, or undefined when it does (the decree's rules first). */
export function checkValue(kind: FieldKind, value: string): ValueProblem | undefined {
  if (/[\r\n]/.test(value)) return 'one-line';
  if (value.length > MAX_VALUE) return 'too-long';
  if (value === '' && kind !== 'issuer-parent') return 'empty';
  switch (kind) {
    case 'issuer-parent':
    case 'issuer-name':
    case 'signer-post':
      return isCapitals(value) ? undefined : 'capitals';
    case 'issuer-symbol':
      return /^[A-ZĐ0-9]+$/u.test(value) ? undefined : 'issuer-symbol';
    case 'type-symbol':
      return /^[A-Za-zĐđ]+$/u.test(value) ? undefined : 'type-symbol';
    case 'signer-name':
      return TITLE_BEFORE_NAME.test(value) ? 'title' : undefined;
    default:
      return undefined;
  }
}

/**
 * `base` with the stored values applied, each kept only if the file with it is still valid (a
 * value stored before the file changed is skipped, never breaking the documents).
 */
export function applyOverrides(base: CommuneFile, stored: ReadonlyMap<string, string>): CommuneFile {
  let file = base;
  const fields = new Map(settingFields(base).map((f) => [f.key, f]));
  for (const [key, value] of stored) {
    const field = fields.get(key);
    if (!field || checkValue(field.kind, value)) continue;
    const next = communeFileSchema.safeParse(withValue(file, key, value));
    if (next.success) file = next.data;
  }
  return file;
}

/**
 * The file with `key` set to the typed `text`, or why not. `current` is the file as the bot uses it
 * now (the base with the stored values).
 */
export function tryValue(
  current: CommuneFile,
  key: string,
  text: string,
): { ok: true; value: string; file: CommuneFile } | { ok: false; problem: ValueProblem } {
  const field = settingFields(current).find((f) => f.key === key);
  if (!field) return { ok: false, problem: 'invalid' };
  const value = cleanValue(text);
  const problem = checkValue(field.kind, value);
  if (problem) return { ok: false, problem };
  const parsed = communeFileSchema.safeParse(withValue(current, key, value));
  return parsed.success ? { ok: true, value, file: parsed.data } : { ok: false, problem: 'invalid' };
}
