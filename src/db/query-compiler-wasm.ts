/**
 * Loads Prisma's query compiler (WebAssembly) without keeping its text in memory.
 *
 * The generated client imports the compiler as an ES module holding one 4.4 MB base64 string
 * (`@prisma/client/runtime/query_compiler_fast_bg.<provider>.wasm-base64.mjs`): once imported, the
 * module's source text and its exported string both stay alive for the life of the process, 8.8 MB
 * of heap (measured with a heap snapshot of the idle bot). Here the same file is read as text, the
 * bytes decoded and compiled, and everything but the compiled module is left to the collector.
 * `scripts/generate-client.mjs` points the generated clients' `getQueryCompilerWasmModule` here.
 *
 * Written here because Prisma offers no other way to hand its client the compiler.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** WebAssembly's `Module` constructor: Node 20 has it, but neither `lib: ES2023` nor `@types/node@20` declares the value. */
const wasmModule = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object } }).WebAssembly.Module;

/**
 * The compiled query compiler for `provider`.
 * @throws Error when the package's file is missing or no longer one base64 string (a Prisma upgrade).
 */
export async function loadQueryCompilerWasm(provider: 'sqlite' | 'postgresql'): Promise<object> {
  const file = createRequire(import.meta.url).resolve(`@prisma/client/runtime/query_compiler_fast_bg.${provider}.wasm-base64.mjs`);
  return new wasmModule(wasmBytesOf(await readFile(file), file));
}

/**
 * The WebAssembly bytes of a `const wasm = "<base64>"` module's text, decoded a slice at a time, so
 * no string of the whole text is ever made: a few-megabyte string would stay in the heap until the
 * next full collection, which an idle bot may not run for hours.
 * @throws Error naming `file` when the text is not such a module.
 */
export function wasmBytesOf(source: Buffer, file: string): Buffer {
  const end = source.indexOf(0x22 /* " */, PREFIX.length);
  if (source.indexOf(PREFIX) !== 0 || end < 0) throw new Error(`${file}: not the expected \`const wasm = "<base64>"\` module (Prisma upgraded?)`);
  const bytes = Buffer.alloc(Math.floor(((end - PREFIX.length) * 3) / 4));
  let length = 0;
  for (let at = PREFIX.length; at < end; at += SLICE) length += bytes.write(source.toString('latin1', at, Math.min(end, at + SLICE)), length, 'base64');
  return bytes.subarray(0, length);
}

/** What the module's text starts with; the base64 text follows, up to the next `"`. */
const PREFIX = Buffer.from('const wasm = "');
/** Base64 characters decoded at a time (a multiple of 4: each slice decodes on its own). */
const SLICE = 64 * 1024;
