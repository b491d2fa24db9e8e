/**
 * The documents renderer behind core's {@link DocumentRenderer} port: DOCX (`docx`), XLSX
 * (`exceljs`) and, when LibreOffice is installed, PDF (`soffice --headless --convert-to pdf`;
 * Debian: `libreoffice-writer-nogui` and `fonts-liberation2`, whose Liberation Serif has Times New
 * Roman's metrics and every Vietnamese letter).
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { DocumentRenderer } from '../core/documents/ports.ts';

const run = promisify(execFile);

/** Longest a PDF conversion may take, in milliseconds (LibreOffice's first start is slow). */
export const PDF_TIMEOUT_MS = 120_000;

/** The first `soffice` (or `libreoffice`) on the PATH, or undefined. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** The renderer; `soffice` overrides the PATH lookup (tests pass `null` for "not installed"). */
export function createDocumentRenderer(opts: { soffice?: string | null } = {}): DocumentRenderer {
  const soffice = opts.soffice === undefined ? findSoffice() : (opts.soffice ?? undefined);
  return {
    // Loaded at first use: `docx` and `exceljs` cost the bot's start ≈0.5 s and 25 MB, and only
    // documents need them.
    docx: async (docs) => (await import('./docx.ts')).renderDocx(docs),
    xlsx: async (book) => (await import('./xlsx.ts')).renderXlsx(book),
    async pdf(docx, baseName) {
      if (!soffice) return null;
      const dir = await mkdtemp(join(tmpdir(), 'thidua-pdf-'));
      try {
        const input = join(dir, `${baseName}.docx`);
        await writeFile(input, docx);
        // A private profile directory: a second conversion at the same time must not share a lock.
        await run(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
          timeout: PDF_TIMEOUT_MS,
        });
        return new Uint8Array(await readFile(join(dir, `${baseName}.pdf`)));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
