// Generates the Prisma client offline. Every Prisma CLI command first tries to download the
// schema-engine binary, which these machines cannot reach; `prisma generate` does not need it, so
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download
// (see ../shared/docs/prisma-offline.md). On a machine with network access this changes nothing.
import { spawnSync } from 'node:child_process';
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
