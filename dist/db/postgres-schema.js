/**
 * The PostgreSQL copy of the Prisma schema (`prisma/postgres/schema.prisma`), derived from the SQLite
 * schema (`prisma/schema.prisma`), which stays the one source of truth.
 *
 * Why derived and not written twice: every model, field and index must be the same on both engines,
 * or a feature would depend on the engine. Only three things differ:
 * - the datasource provider (`postgresql`);
 * - the generated client's folder (`src/db/generated-pg`: Prisma 7 compiles queries per provider);
 * - every `DateTime` is `timestamptz(3)`, so an instant is stored as an instant whatever the server's or
 *   the session's `timezone` setting (a plain `timestamp` would store wall-clock text).
 *
 * `npm run db:new-migration` rewrites the copy; a test fails when it is stale.
 *
 * @module
 */
/** Path of the derived schema, relative to the project root. */
export const POSTGRES_SCHEMA_PATH = 'prisma/postgres/schema.prisma';
/** Folder of the PostgreSQL migrations, relative to the project root. */
export const POSTGRES_MIGRATIONS_DIR = 'prisma/postgres/migrations';
const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:new-migration\`: do not edit by hand.
// The same models on PostgreSQL (see src/db/postgres-schema.ts for the three differences).

`;
/**
 * Derives the PostgreSQL schema text from the SQLite schema text.
 *
 * @param sqlite the content of `prisma/schema.prisma`.
 * @returns the content of `prisma/postgres/schema.prisma`.
 * @throws Error when the SQLite schema lacks the `provider = "sqlite"` line or the client `output`
 *   line this derivation rewrites (a schema edit that would otherwise go unnoticed).
 */
export function postgresSchemaFrom(sqlite) {
    const provider = /provider\s*=\s*"sqlite"/;
    const output = /output(\s*)=\s*"\.\.\/src\/db\/generated"/;
    if (!provider.test(sqlite))
        throw new Error('prisma/schema.prisma: no `provider = "sqlite"` line to rewrite');
    if (!output.test(sqlite))
        throw new Error('prisma/schema.prisma: no `output = "../src/db/generated"` line to rewrite');
    const body = sqlite
        .replace(provider, 'provider = "postgresql"')
        .replace(output, 'output$1= "../../src/db/generated-pg"')
        .split('\n')
        .map((line) => {
        const field = /^(\s+\w+\s+DateTime\??)(\s.*)?$/.exec(line);
        if (!field || line.includes('@db.'))
            return line;
        const rest = field[2] ?? '';
        // Keep a trailing `// comment` after the attribute we add.
        const comment = rest.indexOf('//');
        return comment === -1
            ? `${field[1]}${rest} @db.Timestamptz(3)`
            : `${field[1]}${rest.slice(0, comment).trimEnd()} @db.Timestamptz(3) ${rest.slice(comment)}`;
    })
        .join('\n');
    return HEADER + body;
}
//# sourceMappingURL=postgres-schema.js.map