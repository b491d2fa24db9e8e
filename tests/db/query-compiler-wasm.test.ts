/**
 * The query compiler loaded without its text kept (src/db/query-compiler-wasm.ts): the bytes decoded
 * slice by slice are the module's, and a file of another shape is refused with its name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { wasmBytesOf } from '../../src/db/query-compiler-wasm.ts';

describe('the query compiler’s WebAssembly', () => {
  it('decodes slice by slice to the bytes of the base64 text, whatever its length', () => {
    const file = createRequire(import.meta.url).resolve('@prisma/client/runtime/query_compiler_fast_bg.sqlite.wasm-base64.mjs');
    const source = readFileSync(file);
    const base64 = /"([^"]*)"/.exec(source.toString('latin1'))![1]!;
    expect(wasmBytesOf(source, file).equals(Buffer.from(base64, 'base64'))).toBe(true);
    // Lengths around the slice size (64 Ki characters) and its padding.
    for (const bytes of [0, 1, 2, 3, 49151, 49152, 49153, 98306]) {
      const data = Buffer.alloc(bytes, 7).map((_, i) => (i * 31) & 255);
      const text = Buffer.from(`const wasm = "${Buffer.from(data).toString('base64')}";\nexport { wasm }\n`);
      expect(wasmBytesOf(text, 'x.mjs').equals(Buffer.from(data))).toBe(true);
    }
  });

  it('refuses a module of another shape, naming it', () => {
    expect(() => wasmBytesOf(Buffer.from('export const wasm = "AAAA";'), 'other.mjs')).toThrow(/other\.mjs/);
  });
});
