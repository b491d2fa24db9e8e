import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (generate only on these machines). Migrations are applied by our own
// runner (src/db/migrate.ts) through Prisma's WebAssembly schema engine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/thidua.db' },
});
