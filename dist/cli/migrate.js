/**
 * `npm run db:migrate`: applies `prisma/migrations` to `DATABASE_URL` (default
 * `file:./data/thidua.db`), like `prisma migrate deploy`, but offline through the WebAssembly
 * schema engine (see `src/db/migrate.ts` for why). Exit code 1 with the failing migration's name on
 * error.
 *
 * @module
 */
import { DEFAULT_DATABASE_URL } from "../db/client.js";
import { applyMigrations } from "../db/migrate.js";
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const started = performance.now();
try {
    const { applied } = await applyMigrations({ databaseUrl });
    const ms = Math.round(performance.now() - started);
    if (applied.length === 0) {
        console.log(`${databaseUrl}: already up to date (${ms} ms)`);
    }
    else {
        console.log(`${databaseUrl}: applied ${applied.length} migration(s) in ${ms} ms:`);
        for (const name of applied)
            console.log(`  ${name}`);
    }
}
catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
}
//# sourceMappingURL=migrate.js.map