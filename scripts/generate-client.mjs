// Generates the Prisma client offline. Every Prisma CLI command first tries to download the
// schema-engine binary, which these machines cannot reach; `prisma generate` does not need it, so
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download
// (see ../shared/docs/prisma-offline.md). On a machine with network access this changes nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
