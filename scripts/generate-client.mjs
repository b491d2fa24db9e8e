// Generates the Prisma client offline. Every Prisma CLI command first tries to download the
// schema-engine binary, which these machines cannot reach; `prisma generate` does not need it, so
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download
// (see ../shared/docs/prisma-offline.md). On a machine with network access this changes nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
// Two clients: Prisma 7 compiles queries per provider, so SQLite (the embedded default) and
// PostgreSQL (prisma/postgres/schema.prisma, derived from the SQLite schema) each get their own.
for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
  const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The generated clients import the query compiler as a module of one 4.4 MB base64 string, which
// then stays in memory for good (twice: the module's text and the string). They get it from
// src/db/query-compiler-wasm.ts instead, which reads, compiles and lets the text go.
for (const [dir, provider] of [
  ['generated', 'sqlite'],
  ['generated-pg', 'postgresql'],
]) {
  const file = `src/db/${dir}/internal/class.ts`;
  const generated = readFileSync(file, 'utf8');
  const load = `const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.${provider}.wasm-base64.mjs")\n    return await decodeBase64AsWasm(wasm)`;
  if (!generated.includes(load)) {
    console.error(`${file}: the query compiler is not loaded the expected way (Prisma upgraded?); see src/db/query-compiler-wasm.ts`);
    process.exit(1);
  }
  const patched = generated
    .replace(load, `return await (await import('../../query-compiler-wasm.ts')).loadQueryCompilerWasm('${provider}')`)
    .replace(/async function decodeBase64AsWasm[\s\S]*?\n}\n/, '');
  writeFileSync(file, patched);
}
